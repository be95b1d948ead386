"""The outage clock: what an outage's events say about it at a moment. The one home of the rules
of an outage's life; every face (CLI lists, window tables through the cached columns, board,
report snapshots, printouts, ``verify``) reads these functions or a cache written by them.

The rules, written once:
- **Order.** Events are ordered by (time, id); ids are UUIDv7, so two events at the same moment
  keep the order they were recorded in, and every workstation sorts them alike. An event whose
  author knew an event dated in the author's future (a fast clock elsewhere) stands after it
  (``after``/``depth``, domain/causal.py ``lifts``): no fast clock can put itself last.
- **Status** at a moment is the status of the latest event at or before it (``down`` before
  any). Events after the moment do not exist yet.
- **Phase** (복구 차수) is the recovery phase of the latest event that names one (1 by default):
  the phase the outage is being worked, or was restored, in.
- **Restoration.** ``first_restored_at`` is the first event that restored it; ``restored_at`` is
  the start of the current restored spell (a restored event after a non-restored one; a later
  ``verified`` does not move it), and is empty while the outage is not restored. A relapse (down
  again after a restoration) empties it until the next restoration.
- **Elapsed hours**: from detection until the latest restoration while restored, or until the
  moment otherwise. A relapse therefore counts the whole time since detection.
- **RTO breach**: elapsed hours above the system's RTO, restored or not.
- **Alternative means** (대체수단) are active while the status is ``workaround``: from the event
  that starts them until any later status event (restored, or down/degraded when they end).
  ``alternative_used`` says whether they ran at any time up to the moment.
- **Failure grade**: the override when there is one, else the grading table at the elapsed
  hours (console/domain/grading.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, TypeVar

from console.domain.enums import Category, OutageStatus, Scope
from console.domain.grading import GradeTable

_Ordered = TypeVar("_Ordered", bound=tuple[Any, ...])


class ClockEvent(NamedTuple):
    """One status event; events are read in ``clock_order``."""

    at: datetime
    id: str
    status: str
    phase: int | None = None
    after: datetime | None = None
    """Stands no earlier than this (an event it knew, dated in its author's future)."""
    depth: int = 0
    """Behind the lifted events it knew, at the same ``after``."""


def clock_order(event: ClockEvent) -> tuple[datetime, int, datetime, str]:
    """The one order of an outage's events: time (or the later ``after``), then causal
    depth, then the event's own time and id."""
    at = event.at if event.after is None or event.after < event.at else event.after
    return (at, event.depth, event.at, event.id)


def event_order(at: datetime, event_id: str) -> tuple[datetime, str]:
    """The order of any event-like record (outage, task, crisis level): time, then id."""
    return (at, event_id)


@dataclass(frozen=True)
class OutageReading:
    status: OutageStatus
    status_at: datetime
    phase: int
    first_restored_at: datetime | None
    restored_at: datetime | None
    elapsed_hours: float
    alternative_since: datetime | None
    alternative_used: bool

    @property
    def alternative_active(self) -> bool:
        return self.alternative_since is not None


def elapsed_hours(detected_at: datetime, restored_at: datetime | None, moment: datetime) -> float:
    """Time down: until the latest restoration while restored, else until ``moment``."""
    end = restored_at if restored_at is not None else moment
    return max(0.0, (end - detected_at).total_seconds() / 3600)


def rto_breached(hours: float, rto_hours: float | None) -> bool:
    return rto_hours is not None and hours > rto_hours


def attention_rank(restored: bool, breached: bool, grade: int) -> int:
    """The order outages need attention in (lower first): not restored before restored, then
    past their RTO, then by failure grade (1 first). Every list's default order reads this."""
    return (100 if restored else 0) + (0 if breached else 10) + grade


def outage_grade(table: GradeTable, importance: int, category: str, scope: str, hours: float,
                 override: int | None) -> int:
    """The failure grade (장애등급) of an outage: its override, or the table at ``hours``."""
    if override is not None:
        return override
    return table.grade(importance, Category(category), Scope(scope), hours)


def read_clock(detected_at: datetime, events: Iterable[ClockEvent],
               moment: datetime | None = None) -> OutageReading:
    """Everything the events up to ``moment`` (all of them when None) say."""
    status, status_at, phase = OutageStatus.DOWN, detected_at, 1
    first_restored: datetime | None = None
    restored: datetime | None = None
    alternative_since: datetime | None = None
    used = False
    for event in sorted(events, key=clock_order):
        if moment is not None and event.at > moment:
            continue  # not happened yet at the moment (a lifted event may precede it)
        new = OutageStatus(event.status)
        if new.is_restored:
            if not status.is_restored or restored is None:
                restored = event.at
            first_restored = first_restored or event.at
        else:
            restored = None
        if new is OutageStatus.WORKAROUND:
            if status is not OutageStatus.WORKAROUND or alternative_since is None:
                alternative_since = event.at
            used = True
        else:
            alternative_since = None
        status, status_at = new, event.at
        phase = event.phase if event.phase is not None else phase
    end = moment if moment is not None else max(status_at, detected_at)
    return OutageReading(status, status_at, phase, first_restored, restored,
                         elapsed_hours(detected_at, restored, end), alternative_since, used)


def episode_events(episodes: Sequence[tuple[object, int, Sequence[ClockEvent]]]
                   ) -> list[tuple[ClockEvent, ...]]:
    """The events each episode's clock reads, for the episodes of one system in one incident
    given as (any key, episode number, events): the one rule stale knowledge cannot break
    (docs/sync.md, Histories, rule 8).

    Locally a system has one open outage at a time: a new episode is opened only once the
    previous one is restored. A workstation that had not heard of the restoration (or of the
    later episode) can still write "down" on the earlier episode — it opened the system's
    first episode apart, or moved it back to down. Once a later episode exists, the earlier
    episode ends at its last restoration before the later one's detection: its events after
    that which would re-open it are kept (timelines show them) but not read by its clock; the
    system is down in the later episode, which is what they said. Restorations and
    verifications after it still count."""
    detections = sorted((number, min(e.at for e in events)) for _, number, events in episodes
                        if events)
    result = []
    for _, number, events in episodes:
        ordered = tuple(sorted(events, key=clock_order))
        later = [at for n, at in detections if n > number]
        if not later:
            result.append(ordered)
            continue
        next_detected = min(later)
        ends = [e for e in ordered if e.at < next_detected
                and OutageStatus(e.status).is_restored]
        if not ends:
            result.append(ordered)
            continue
        end = clock_order(ends[-1])
        result.append(tuple(e for e in ordered if clock_order(e) <= end
                            or OutageStatus(e.status).is_restored))
    return result


def transitions(events: Sequence[ClockEvent], until: datetime
                ) -> list[tuple[datetime, bool, bool]]:
    """(time, restored now, alternative means now) at every event up to ``until`` where either
    changes: the steps of the restoration curve and of the alternative-means count."""
    steps: list[tuple[datetime, bool, bool]] = []
    restored = alternative = False
    for event in sorted(events, key=clock_order):
        if event.at > until:
            continue
        status = OutageStatus(event.status)
        now_restored, now_alternative = status.is_restored, status is OutageStatus.WORKAROUND
        if (now_restored, now_alternative) != (restored, alternative):
            # At its place in the order: the steps never go back in time.
            steps.append((clock_order(event)[0], now_restored, now_alternative))
            restored, alternative = now_restored, now_alternative
    return steps


def latest(records: Iterable[_Ordered]) -> _Ordered | None:
    """The latest of records that are tuples starting with (time, id): the rule of tasks'
    statuses and of an incident's crisis level too."""
    return max(records, default=None)
