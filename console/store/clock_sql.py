"""The outage clock's rules as SQLite functions, so the window's tables sort and filter on
elapsed hours, failure grade and RTO breach in SQL by the very functions every other face
calls (console/domain/outage_clock.py), not by a second body of them written in SQL."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy.engine import Connection

from console.domain.clock import from_iso
from console.domain.enums import OutageStatus
from console.domain.estimates import overdue
from console.domain.grading import GradeTable
from console.domain.outage_clock import attention_rank, elapsed_hours, outage_grade, rto_breached

ELAPSED = "outage_elapsed_hours"
GRADE = "outage_failure_grade"
RTO_BREACHED = "outage_rto_breached"
OVERDUE = "estimate_overdue"
ATTENTION = "outage_attention"

_moment = lru_cache(maxsize=65536)(from_iso)


def _elapsed(detected: str | None, restored: str | None, moment: str | None) -> float | None:
    start, end = _moment(detected), _moment(moment)
    if start is None or end is None:
        return None
    return elapsed_hours(start, _moment(restored), end)


def _breached(hours: float | None, rto: float | None) -> int:
    return int(hours is not None and rto_breached(hours, rto))


def _overdue(deadline: str | None, status: str | None, moment: str | None) -> int:
    end = _moment(moment)
    restored = status is not None and OutageStatus(status).is_restored
    return int(end is not None and overdue(_moment(deadline), restored, end))
_RESTORED = frozenset(s.value for s in OutageStatus if s.is_restored)


def install(connection: Connection, rules: GradeTable) -> None:
    """Register the functions on this connection, grading by ``rules``."""
    raw: Any = connection.connection.driver_connection

    def grade(importance: int, category: str, scope: str, hours: float | None,
              override: int | None) -> int:
        return outage_grade(rules, importance, category, scope, hours or 0.0, override)

    raw.create_function(ELAPSED, 3, _elapsed, deterministic=True)
    raw.create_function(GRADE, 5, grade, deterministic=True)
    raw.create_function(RTO_BREACHED, 2, _breached, deterministic=True)
    raw.create_function(OVERDUE, 3, _overdue, deterministic=True)
    def attention(status: str, detected: str, restored: str | None, moment: str,
                  importance: int, category: str, scope: str, override: int | None,
                  rto: float | None, code: str) -> str:
        """The rank, then the oldest first, then the code: ties in one order on every reload.
        One call per row: the elapsed hours are read once for the grade and the breach."""
        hours = _elapsed(detected, restored, moment) or 0.0
        rank = attention_rank(status in _RESTORED, rto_breached(hours, rto),
                              outage_grade(rules, importance, category, scope, hours, override))
        return f"{rank:03d}|{detected}|{code}"

    raw.create_function(ATTENTION, 10, attention, deterministic=True)
