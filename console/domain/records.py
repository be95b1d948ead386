"""Read-only lines of the decision log and the significant activity log, as of a moment.

One definition for every reader: the situation service builds them, the board lists the latest,
and a situation report freezes them into its snapshot (console.reports.snapshot). Times are as
stored (UTC); names are user names, None when the author is unknown here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class DecisionLine:
    """A decision (결정사항): who decided, in which role, what and why."""

    id: str
    at: datetime
    by: str | None
    role: str
    summary: str
    rationale: str
    corrects_id: str | None
    """The decision this one corrects, if it is a correction."""


@dataclass(frozen=True)
class LogLine:
    """A significant activity-log entry; ``verified`` once the controller has confirmed it."""

    id: str
    at: datetime
    team: str
    author: str | None
    text: str
    verified: bool


def corrected_ids(decisions: Iterable[DecisionLine]) -> frozenset[str]:
    """The decisions that a later one among ``decisions`` corrects: no longer standing.

    Given the decisions as of a moment, this is what was corrected by then (a correction
    recorded afterwards is not among them), so the board at a past moment and a report's
    snapshot agree.
    """
    return frozenset(d.corrects_id for d in decisions if d.corrects_id)
