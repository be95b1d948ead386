"""What ``verify`` (and a backup's or restore's check) finds wrong, as coded sentences.

A finding is a ``str`` whose text is its English sentence, so programs, logs, the stored
tamper record and every comparison keep working on plain text; people read ``render(lang)``
(the command line's ``verify`` lines, a refused backup or restore), Korean by default."""

from __future__ import annotations

from collections.abc import Sequence

from console.domain.messages import Message

SAMPLE = 3
"""How many ids a finding names before "and N more"."""


class Finding(str):
    message: Message

    def __new__(cls, message: Message) -> Finding:
        finding = super().__new__(cls, message.render("en"))
        finding.message = message
        return finding

    def render(self, lang: str = "ko") -> str:
        return self.message.render(lang)


def sample(ids: Sequence[object], limit: int = SAMPLE) -> tuple[str, Message | str]:
    """The first ``limit`` ids and, when there are more, how many more (in each language)."""
    more: Message | str = (Message("finding.more", count=len(ids) - limit)
                           if len(ids) > limit else "")
    return ", ".join(str(i) for i in ids[:limit]), more
