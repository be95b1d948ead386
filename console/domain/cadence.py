"""When the next situation report is due: the one rule the board, the status bar,
``situation --json`` and the report's own "next report" line read.

Seoul's drills expect the first report within 30 minutes of the task force's activation
(../shared/BRIEF.md); after it, reports follow the schedule the controller sets: fixed hours
of the day in KST (1일 3회 08·12·18시) or every N hours. An incident without a schedule keeps
a report every six hours, the interval the console used before schedules existed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.clock import KST, to_utc
from console.domain.errors import ValidationError

FIRST_REPORT_WITHIN = timedelta(minutes=30)
FIRST_TEXT_WITHIN = timedelta(minutes=20)
"""Seoul's drills: the first situation report within 30 minutes of activation, the first
emergency text within 20 (../shared/BRIEF.md)."""
DEFAULT_EVERY_HOURS = 6.0
EARLY_GRACE = timedelta(minutes=30)
"""A report approved up to this long before a slot answers that slot: the 12:00 report is
often signed at 11:45, and the next one is then due at 18:00, not at 12:00 again."""
MAX_EVERY_HOURS = 24.0
MIN_EVERY_HOURS = 0.25


@dataclass(frozen=True)
class ReportSchedule:
    """Fixed KST hours of the day, or a report every ``every_hours``."""

    hours: tuple[int, ...] = ()
    every_hours: float | None = None

    @classmethod
    def at_hours(cls, hours: list[int] | tuple[int, ...]) -> ReportSchedule:
        if not hours or any(not 0 <= h <= 23 for h in hours):
            raise ValidationError("schedule.bad_hours", hours=",".join(map(str, hours)))
        return cls(hours=tuple(sorted(set(hours))))

    @classmethod
    def every(cls, hours: float) -> ReportSchedule:
        if not MIN_EVERY_HOURS <= hours <= MAX_EVERY_HOURS:
            raise ValidationError("schedule.bad_every", every=hours,
                                  min=MIN_EVERY_HOURS, max=MAX_EVERY_HOURS)
        return cls(every_hours=float(hours))

    @classmethod
    def parse(cls, text: str) -> ReportSchedule:
        """The stored form: ``hours=8,12,18`` or ``every=6``."""
        kind, _, value = text.partition("=")
        try:
            if kind == "hours":
                return cls.at_hours([int(h) for h in value.split(",")])
            if kind == "every":
                return cls.every(float(value))
        except ValueError:
            pass
        raise ValidationError("schedule.unreadable", text=text)

    def encode(self) -> str:
        if self.hours:
            return "hours=" + ",".join(str(h) for h in self.hours)
        return f"every={self.every_hours or DEFAULT_EVERY_HOURS:g}"

    def label(self, lang: str = "ko") -> str:
        if self.hours:
            if lang == "en":
                return f"{len(self.hours)} a day ({', '.join(f'{h:02d}:00' for h in self.hours)})"
            return f"1일 {len(self.hours)}회({'·'.join(f'{h:02d}' for h in self.hours)}시)"
        every = self.every_hours or DEFAULT_EVERY_HOURS
        return f"every {every:g} h" if lang == "en" else f"{every:g}시간마다"

    def next_slot(self, after: datetime) -> datetime:
        """The first slot of the schedule later than ``after``."""
        after = to_utc(after)
        if not self.hours:
            return after + timedelta(hours=self.every_hours or DEFAULT_EVERY_HOURS)
        local = after.astimezone(KST)
        day = local.replace(hour=0, minute=0, second=0, microsecond=0)
        for offset in range(2):
            for hour in self.hours:
                # KST has no daylight saving: a wall-clock hour is always one instant.
                slot = (day + timedelta(days=offset)).replace(hour=hour)
                if slot > local:
                    return to_utc(slot)
        raise AssertionError("a day always has a next slot")  # pragma: no cover


DEFAULT_SCHEDULE = ReportSchedule(every_hours=DEFAULT_EVERY_HOURS)


def next_report_due(activated_at: datetime | None, last_issued: datetime | None,
                    schedule: ReportSchedule = DEFAULT_SCHEDULE) -> datetime | None:
    """The first report within 30 minutes of activation; after a report, the schedule's next
    slot (a report approved within ``EARLY_GRACE`` before a slot answers that slot)."""
    if activated_at is None:
        return None
    if last_issued is None or to_utc(last_issued) < to_utc(activated_at):
        return to_utc(activated_at) + FIRST_REPORT_WITHIN
    if schedule.hours:
        return schedule.next_slot(to_utc(last_issued) + EARLY_GRACE)
    return schedule.next_slot(last_issued)


def next_text_due(activated_at: datetime | None, first_text_at: datetime | None
                  ) -> datetime | None:
    """The first emergency text within 20 minutes of activation; none due once one went out."""
    if activated_at is None or first_text_at is not None:
        return None
    return to_utc(activated_at) + FIRST_TEXT_WITHIN


def report_overdue(due: datetime | None, moment: datetime) -> bool:
    return due is not None and to_utc(moment) > to_utc(due)
