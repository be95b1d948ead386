"""Time: stored as UTC, shown in Asia/Seoul, parsed from what people type."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import overload
from zoneinfo import ZoneInfo

from console.domain.errors import ValidationError

KST = ZoneInfo("Asia/Seoul")
Clock = Callable[[], datetime]

_WEEKDAYS_KO = "월화수목금토일"


def utc_now() -> datetime:
    return datetime.now(UTC)


FUTURE_TOLERANCE = timedelta(minutes=5)
"""How far ahead of this machine's clock a write may be dated: two workstations' clocks differ
by a little; an event dated later would stay "latest" and hide every real change after it."""
EARLIEST_YEAR, LATEST_YEAR = 1970, 2999


def to_utc(moment: datetime) -> datetime:
    """Naive datetimes are taken as KST: that is the room's clock."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=KST)
    try:
        converted = moment.astimezone(UTC)
    except OverflowError:
        converted = None
    if converted is None or not EARLIEST_YEAR <= converted.year <= LATEST_YEAR:
        raise ValidationError("time.out_of_range", time=f"{moment:%Y-%m-%d %H:%M}",
                              earliest=EARLIEST_YEAR, latest=LATEST_YEAR)
    return converted


def write_time(at: datetime | None, now: datetime) -> datetime:
    """The time a write is dated: ``now`` when not given; never beyond ``now`` plus the
    tolerance (a due date is not a write time and does not go through here)."""
    if at is None:
        return now
    moment = to_utc(at)
    if moment > now + FUTURE_TOLERANCE:
        raise ValidationError("time.in_future", time=format_kst(moment, "en"))
    return moment


def parse_time(text: str) -> datetime:
    """ISO 8601 (``2025-09-27T18:00``, ``2025-09-27 18:00+09:00``, ``...Z``); naive means KST."""
    cleaned = text.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValidationError("time.unreadable", text=text) from None
    return to_utc(parsed)


@overload
def iso(moment: datetime) -> str: ...
@overload
def iso(moment: None) -> None: ...
@overload
def iso(moment: datetime | None) -> str | None: ...
def iso(moment: datetime | None) -> str | None:
    """Canonical UTC text for storage, exports and digests."""
    if moment is None:
        return None
    return to_utc(moment).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@overload
def from_iso(text: str) -> datetime: ...
@overload
def from_iso(text: None) -> None: ...
@overload
def from_iso(text: str | None) -> datetime | None: ...
def from_iso(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def kst(moment: datetime) -> datetime:
    return to_utc(moment).astimezone(KST)


def format_kst(moment: datetime | None, lang: str = "ko", with_date: bool = True) -> str:
    """``2025. 9. 27.(토) 18:00`` in Korean, ``2025-09-27 18:00`` otherwise."""
    if moment is None:
        return ""
    local = kst(moment)
    if not with_date:
        return local.strftime("%H:%M")
    if lang == "ko":
        day = _WEEKDAYS_KO[local.weekday()]
        return f"{local.year}. {local.month}. {local.day}.({day}) {local:%H:%M}"
    return local.strftime("%Y-%m-%d %H:%M")


def format_hours(hours: float, lang: str = "ko") -> str:
    """A span given in hours (an RTO, an RPO) as the 공문서 writes it: "4시간", "0.5시간"
    (ko), "4 h" (en)."""
    return f"{hours:g}시간" if lang == "ko" else f"{hours:g} h"


def format_elapsed(delta: timedelta, lang: str = "ko") -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if lang == "ko":
        return (f"{days}일 " if days else "") + f"{hours}시간 {mins:02d}분"
    return (f"{days}d " if days else "") + f"{hours}h {mins:02d}m"
