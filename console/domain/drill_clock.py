"""The drill clock (훈련 시계): elapsed time since the scenario's start, which runs at 1×, 2× or
10× the wall clock while started and stands still while paused; ``drill advance`` moves it by
hand. The services of an exercise database read the time from it, so every record a trainee or
an inject writes is dated in the drill's own time (and the board, reports and scoring agree)."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from console.domain.clock import from_iso, iso, utc_now
from console.domain.errors import ValidationError

SPEEDS = (1, 2, 10)
_DURATION = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


def parse_duration(text: str) -> timedelta:
    """``30m``, ``2h``, ``1h30m``, ``90s``, ``3d`` (a bare number is minutes)."""
    value = text.strip().lower().replace(" ", "")
    if value.isdigit():
        return timedelta(minutes=int(value))
    match = _DURATION.match(value)
    if not value or match is None:
        raise ValidationError("drill.bad_duration", value=text)
    days, hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def format_duration(span: timedelta) -> str:
    """The elapsed time as a person reads it: ``+1d 02:05`` or ``+00:30``."""
    total = int(span.total_seconds())
    sign = "-" if total < 0 else "+"
    total = abs(total)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    return f"{sign}{days}d {hours:02d}:{minutes:02d}" if days else f"{sign}{hours:02d}:{minutes:02d}"


@dataclass(frozen=True)
class ClockState:
    origin: datetime
    """The drill's moment at elapsed zero (UTC)."""
    elapsed: timedelta = timedelta(0)
    """Elapsed at ``anchor`` (or for good, while paused)."""
    running: bool = False
    speed: int = 1
    anchor: datetime | None = None
    """The wall time the clock was last started or re-anchored at."""

    def elapsed_at(self, wall: datetime) -> timedelta:
        if not self.running or self.anchor is None:
            return self.elapsed
        return self.elapsed + (wall - self.anchor) * self.speed

    def moment(self, wall: datetime) -> datetime:
        return self.origin + self.elapsed_at(wall)

    def started(self, wall: datetime) -> ClockState:
        return replace(self, elapsed=self.elapsed_at(wall), running=True, anchor=wall)

    def paused(self, wall: datetime) -> ClockState:
        return replace(self, elapsed=self.elapsed_at(wall), running=False, anchor=None)

    def at_speed(self, speed: int, wall: datetime) -> ClockState:
        if speed not in SPEEDS:
            raise ValidationError("drill.bad_speed", speed=speed,
                                  speeds=", ".join(f"{s}×" for s in SPEEDS))
        return replace(self, elapsed=self.elapsed_at(wall), speed=speed,
                       anchor=wall if self.running else None)

    def moved_to(self, elapsed: timedelta, wall: datetime) -> ClockState:
        """Jump to ``elapsed`` (never back: the records already written stay in order)."""
        now = self.elapsed_at(wall)
        if elapsed < now:
            raise ValidationError("drill.backwards", now=format_duration(now),
                                  to=format_duration(elapsed))
        return replace(self, elapsed=elapsed, anchor=wall if self.running else None)

    def encode(self) -> str:
        return json.dumps({"origin": iso(self.origin), "elapsed": self.elapsed.total_seconds(),
                           "running": self.running, "speed": self.speed,
                           "anchor": iso(self.anchor)}, sort_keys=True)

    @classmethod
    def decode(cls, text: str) -> ClockState:
        data = json.loads(text)
        return cls(origin=from_iso(data["origin"]), elapsed=timedelta(seconds=data["elapsed"]),
                   running=bool(data["running"]), speed=int(data["speed"]),
                   anchor=from_iso(data.get("anchor")))


class DrillClock:
    """A ``Clock`` (a callable returning the moment) over the drill's state: the services of an
    exercise database are built on one, and the drill service swaps its state as it moves."""

    def __init__(self, state: ClockState, wall: Callable[[], datetime] = utc_now) -> None:
        self.state = state
        self.wall = wall
        self._held = threading.local()

    def __call__(self) -> datetime:
        held: datetime | None = getattr(self._held, "moment", None)
        return held if held is not None else self.state.moment(self.wall())

    @contextmanager
    def held_at(self, moment: datetime) -> Iterator[None]:
        """Inside, this thread reads ``moment`` (an inject's records are dated at its own
        time); the window's other threads keep reading the running clock."""
        self._held.moment = moment
        try:
            yield
        finally:
            self._held.moment = None

    def elapsed(self) -> timedelta:
        return self.state.elapsed_at(self.wall())
