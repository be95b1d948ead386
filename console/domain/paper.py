"""A record typed in from a hand-written sheet after a dead-computer day keeps two times: the
one written on paper (when it happened, the record's ``at``) and the one it was typed in
(``recorded_at``), and names its sheet. Log entries (ICS-214 sheets) and outage statuses
(장애 접수서) share the rule for the sheet's name (``sheet_ref``) and the one wording every face
prints them with (the timeline, the ICS 214 and outage register printouts, the window):
"수기 9. 28. 09:10 / 입력 10. 1. 14:02 · ICS-214 #3"."""

from __future__ import annotations

from datetime import datetime

from console.domain.clock import kst
from console.domain.errors import ValidationError


def _short(moment: datetime, lang: str) -> str:
    local = kst(moment)
    return f"{local.month}. {local.day}. {local:%H:%M}" if lang == "ko" \
        else local.strftime("%m-%d %H:%M")


def paper_note(ref: str, written: datetime, entered: datetime, lang: str = "ko") -> str:
    if lang == "ko":
        return f"수기 {_short(written, lang)} / 입력 {_short(entered, lang)} · {ref}"
    return f"on paper {_short(written, lang)} / entered {_short(entered, lang)} · {ref}"


def sheet_ref(ref: str | None) -> str | None:
    """The sheet's name as stored, its spaces tidied; None: entered at the time, not from
    paper. A sheet must be named (each face then asks for the time written on it, under its
    own option name)."""
    if ref is None:
        return None
    tidy = " ".join(ref.split())
    if not tidy:
        raise ValidationError("paper.needs_ref")
    return tidy
