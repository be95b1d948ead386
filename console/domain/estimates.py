"""Estimated time of restoration (ETR): the rules of a team's estimates, written once.

- The **current** estimate at a moment is the latest given at or before it, by (at, id); the
  earlier ones are its revisions, kept.
- The **next update** is when the team said it would say more; without one, the estimate
  itself is the next update.
- An estimate is **overdue** when the moment is past it and the outage is not restored; an
  **update is overdue** when the moment is past the next update and the outage is not restored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple


class EstimateFact(NamedTuple):
    """One estimate as given; tuples sort by (at, id), the clock's one tie-break."""

    at: datetime
    id: str
    restore_by: datetime
    next_update_at: datetime | None
    author: str | None = None
    team: str | None = None
    note: str = ""


@dataclass(frozen=True)
class EstimateReading:
    current: EstimateFact | None
    revisions: int
    """How many estimates were given up to the moment, the current one included."""
    etr_overdue: bool
    update_overdue: bool

    @property
    def restore_by(self) -> datetime | None:
        return self.current.restore_by if self.current else None

    @property
    def next_update_at(self) -> datetime | None:
        if self.current is None:
            return None
        return self.current.next_update_at or self.current.restore_by


def overdue(deadline: datetime | None, restored: bool, moment: datetime) -> bool:
    """The one rule of an estimate or an update falling overdue."""
    return deadline is not None and not restored and moment > deadline


def read_estimates(estimates: Iterable[EstimateFact], moment: datetime, restored: bool
                   ) -> EstimateReading:
    """What the estimates given up to ``moment`` say there, for an outage restored or not."""
    known = sorted(e for e in estimates if e.at <= moment)
    current = known[-1] if known else None
    if current is None:
        return EstimateReading(None, 0, False, False)
    next_update = current.next_update_at or current.restore_by
    return EstimateReading(current, len(known), overdue(current.restore_by, restored, moment),
                           overdue(next_update, restored, moment))
