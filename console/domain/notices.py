"""Public notices (대시민 안내): the rules every face reads — how a 재난문자 is counted, its
limit, the slots it must fill, a notice's status from its events, and the 24-hour duplicate
window. Pure Python: the composer, the CLI, the CAP export and the reports call these.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.enums import NoticeChannel, NoticeStatus, NoticeTier

SHORT_LIMIT = 90
"""위급·긴급 and any evacuation text: 90 characters (older handsets; PROVENANCE.md)."""
LONG_LIMIT = 157
"""안전안내 under the newer rules."""
DUPLICATE_WINDOW = timedelta(hours=24)
"""The national system warns when the same area and type went out within 24 hours."""
EXERCISE_MARK = "[훈련]"
"""Every notice of an exercise carries it (issue 14, item 7)."""

_ZWJ = "\u200d"
_EVACUATION = re.compile(r"대피|피난|evacuat", re.IGNORECASE)
_CONTACT = re.compile(r"(?<!\d)(120|110|119)(?!\d)")


def _joins_previous(char: str) -> bool:
    """Code points a handset draws as part of the character before them."""
    code = ord(char)
    return (unicodedata.category(char) in ("Mn", "Me")
            or 0xFE00 <= code <= 0xFE0F          # variation selectors (emoji presentation)
            or 0x1F3FB <= code <= 0x1F3FF        # skin-tone modifiers
            or 0xE0020 <= code <= 0xE007F)       # tag characters (flag sequences)


def count_chars(text: str) -> int:
    """Characters as the 재난문자 rules count them: what a reader sees as one, spaces and line
    breaks included.

    The text is composed first (NFC), so a Hangul syllable typed as separate jamo counts once;
    an emoji with its variation selector, skin tone or ZWJ joins, or a flag (two regional
    indicators), counts once, as on a handset. Digits and punctuation count one each.
    """
    count = 0
    previous = ""
    regional_open = False
    for char in unicodedata.normalize("NFC", text):
        regional = 0x1F1E6 <= ord(char) <= 0x1F1FF
        if count and (_joins_previous(char) or char == _ZWJ or previous == _ZWJ
                      or (regional and regional_open)):
            regional_open = False
        else:
            count += 1
            regional_open = regional
        previous = char
    return count


def is_evacuation(text: str) -> bool:
    return bool(_EVACUATION.search(text))


def char_limit(channel: NoticeChannel, tier: NoticeTier | None, text: str) -> int | None:
    """The limit of this text on this channel; None where the channel has none."""
    if channel is not NoticeChannel.CBS:
        return None
    if tier in (NoticeTier.EMERGENCY, NoticeTier.URGENT) or is_evacuation(text):
        return SHORT_LIMIT
    return LONG_LIMIT


@dataclass(frozen=True)
class Slot:
    """One thing a first text must say (issue 14, item 2)."""

    key: str
    ko: str
    en: str

    def label(self, lang: str = "ko") -> str:
        return self.en if lang == "en" else self.ko


SLOTS = (
    Slot("what", "무엇이 멈췄는지", "what has failed"),
    Slot("since", "언제부터", "since when"),
    Slot("alternative", "되는 것·대체수단", "what still works, or the alternative"),
    Slot("contact", "문의처(120/110/119)", "where to ask (120/110/119)"),
)


def has_contact(text: str) -> bool:
    """The one slot a machine can check: a number citizens can call."""
    return bool(_CONTACT.search(text))


def marked(text: str, exercise: bool) -> str:
    """The text as it goes out: an exercise's notice starts with [훈련]."""
    if exercise and not text.startswith(EXERCISE_MARK):
        return f"{EXERCISE_MARK} {text}"
    return text


@dataclass(frozen=True)
class NoticeStep:
    """One event of a notice's life: (seq, time it was recorded, id) orders them."""

    status: NoticeStatus
    seq: int
    recorded_at: datetime
    id: str
    at: datetime


def status_of(steps: Iterable[NoticeStep]) -> NoticeStatus:
    """A notice's status: its latest step, or draft before any."""
    ordered = sorted(steps, key=lambda s: (s.seq, s.recorded_at, s.id))
    return ordered[-1].status if ordered else NoticeStatus.DRAFT


def issued_at(steps: Iterable[NoticeStep]) -> datetime | None:
    """When it went out (as entered by the sender), if it did."""
    times = [s.at for s in steps if s.status is NoticeStatus.ISSUED]
    return min(times) if times else None


NEXT: dict[NoticeStatus, frozenset[NoticeStatus]] = {
    NoticeStatus.DRAFT: frozenset({NoticeStatus.SUBMITTED, NoticeStatus.CANCELLED}),
    NoticeStatus.RETURNED: frozenset({NoticeStatus.SUBMITTED, NoticeStatus.CANCELLED}),
    NoticeStatus.SUBMITTED: frozenset({NoticeStatus.APPROVED, NoticeStatus.RETURNED,
                                       NoticeStatus.CANCELLED}),
    NoticeStatus.APPROVED: frozenset({NoticeStatus.ISSUED, NoticeStatus.CANCELLED}),
    NoticeStatus.ISSUED: frozenset({NoticeStatus.SUPERSEDED, NoticeStatus.CANCELLED}),
    NoticeStatus.SUPERSEDED: frozenset(),
    NoticeStatus.CANCELLED: frozenset(),
}
"""Which step may follow which: a returned notice is revised and submitted again."""

EDITABLE = frozenset({NoticeStatus.DRAFT, NoticeStatus.RETURNED})


@dataclass(frozen=True)
class SentNotice:
    """An issued notice as the duplicate check sees it."""

    id: str
    channel: NoticeChannel
    tier: NoticeTier | None
    area: str
    text: str
    issued_at: datetime


def duplicates(candidate_channel: NoticeChannel, candidate_tier: NoticeTier | None,
               area: str, at: datetime, sent: Sequence[SentNotice]) -> list[SentNotice]:
    """Issued notices of the same area and type within 24 hours before ``at``."""
    return [s for s in sent
            if s.channel is candidate_channel and s.tier == candidate_tier
            and s.area.strip() == area.strip()
            and at - DUPLICATE_WINDOW <= s.issued_at <= at]
