"""What each big table of the window is: its columns as SQL expressions, its joins, what a
search and a filter may touch (used by console/services/tables.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    String,
    and_,
    case,
    exists,
    func,
    literal,
    select,
)
from sqlalchemy.orm import aliased

from console.domain.clock import iso
from console.domain.enums import OutageStatus, TaskStatus
from console.store import clock_sql
from console.store.models import (
    Decision,
    Department,
    Facility,
    InformationSystem,
    LogEntry,
    LogVerification,
    Outage,
    OutageEstimate,
    Task,
    TaskOutage,
    User,
)

ALL_INCIDENTS = "*"
"""The ``incident`` filter value that shows every incident; empty means the current one."""

_RESTORED = (OutageStatus.RESTORED.value, OutageStatus.VERIFIED.value)
_CLOSED = (TaskStatus.DONE.value, TaskStatus.CANCELLED.value)


@dataclass(frozen=True)
class TableQuery:
    """What a view shows: a search text, equality filters, and one sort column."""

    search: str = ""
    filters: tuple[tuple[str, str], ...] = ()
    sort: str | None = None
    descending: bool = False

    def with_filter(self, key: str, value: str | None) -> TableQuery:
        kept = tuple((k, v) for k, v in self.filters if k != key)
        return replace(self, filters=(*kept, (key, value)) if value else kept)

    def filter(self, key: str) -> str | None:
        return dict(self.filters).get(key)


@dataclass(frozen=True)
class TableSpec:
    """One table: its columns as SQL expressions (given 'now'), and how to narrow it."""

    columns: Callable[[datetime], dict[str, ColumnElement[Any]]]
    joins: Joins
    where: tuple[Callable[[], ColumnElement[bool]], ...] = ()
    search: tuple[str, ...] = ()
    filters: dict[str, Callable[[str], Any]] = field(default_factory=dict)
    incident: str | None = None
    default_sort: tuple[str, bool] = ("id", False)
    coarse: frozenset[str] = frozenset()
    """Filters on a column with few values (a category, a grade): a scan beats walking its
    index and looking up a quarter of the rows, so the filter is kept off the index."""
    lookups: dict[str, Callable[[str], ColumnElement[bool]]] = field(default_factory=dict)
    """Search keys whose words live in a small lookup table (a department's name): matched
    with ``fk IN (SELECT id FROM lookup WHERE name LIKE …)`` instead of a join per row, which
    at 200,000 rows halves a search."""
    needs: dict[str, frozenset[str]] = field(default_factory=dict)
    """Which columns need which of ``joins``'s optional joins: a query for ids and counts
    that uses none of those columns leaves the join out (every such join is on a required
    foreign key or an outer join to a unique key, so it never changes the rows)."""


Joins = Callable[..., Select[Any]]
"""``joins(select, need=None)``: the FROM clause; ``need`` names the optional joins to make
(None: all of them, as the row reads do)."""


def _hours(start: Any, end: Any) -> ColumnElement[float]:
    return (func.julianday(end, type_=Float) - func.julianday(start, type_=Float)) * 24.0


def _system_columns(_now: datetime) -> dict[str, ColumnElement[Any]]:
    s = InformationSystem
    return {
        "id": s.id, "code": s.code, "name": s.name, "department": Department.name,
        "facility": Facility.name, "category": s.category, "grade": s.importance_grade,
        "rto_hours": s.rto_hours, "rpo_hours": s.rpo_hours,
        "alternative_means": s.alternative_means,
    }


def _system_joins(query: Select[Any], need: frozenset[str] | None = None) -> Select[Any]:
    query = query.select_from(InformationSystem)
    if need is None or "department" in need:
        query = query.join(Department, InformationSystem.department_id == Department.id)
    if need is None or "facility" in need:
        query = query.join(Facility, InformationSystem.facility_id == Facility.id)
    return query


def _current_estimate(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """A field of the outage's current estimate: the latest by (at, id), as
    console/domain/estimates.py reads it."""
    e = OutageEstimate
    return (select(column).where(e.outage_id == Outage.id)
            .order_by(e.at.desc(), e.id.desc()).limit(1).correlate(Outage).scalar_subquery())


def _outage_columns(now: datetime) -> dict[str, ColumnElement[Any]]:
    """Cached columns (console/store/derived.py) and the clock's own functions over them
    (console/store/clock_sql.py): nothing here re-derives an outage's state."""
    o, s = Outage, InformationSystem
    etr = _current_estimate(OutageEstimate.restore_by)
    next_update = _current_estimate(func.coalesce(OutageEstimate.next_update_at,
                                                  OutageEstimate.restore_by))
    moment = literal(iso(now), String)
    hours = getattr(func, clock_sql.ELAPSED)(o.detected_at, o.restored_at,
                                             literal(iso(now), String), type_=Float)
    grade = getattr(func, clock_sql.GRADE)(s.importance_grade, s.category, o.scope, hours,
                                           o.grade_override, type_=Integer)
    breach = getattr(func, clock_sql.RTO_BREACHED)(hours, s.rto_hours, type_=Integer)
    return {
        "id": o.id, "code": s.code, "name": s.name, "department": Department.name,
        "facility": Facility.name, "category": s.category, "status": o.status,
        "grade": grade, "importance_grade": s.importance_grade, "scope": o.scope,
        "phase": o.phase, "detected_at": o.detected_at, "status_at": o.status_at,
        "restored_at": o.restored_at, "first_restored_at": o.first_restored_at,
        "elapsed_hours": hours, "rto_hours": s.rto_hours,
        "rto_breach": breach,
        "alternative_active": o.alternative_active, "incident_id": o.incident_id,
        "system_id": s.id, "etr": etr, "next_update_at": next_update,
        "etr_overdue": getattr(func, clock_sql.OVERDUE)(etr, o.status, moment, type_=Integer),
        "update_overdue": getattr(func, clock_sql.OVERDUE)(next_update, o.status, moment,
                                                           type_=Integer),
        # The default order: unrestored, then RTO-breached, then by grade (the domain's rule).
        "attention": getattr(func, clock_sql.ATTENTION)(
            o.status, o.detected_at, o.restored_at, literal(iso(now), String),
            s.importance_grade, s.category, o.scope, o.grade_override, s.rto_hours, s.code,
            type_=String),
    }


def _outage_joins(query: Select[Any], need: frozenset[str] | None = None) -> Select[Any]:
    query = query.select_from(Outage)
    if need is None or need & {"system", "department", "facility"}:
        query = query.join(InformationSystem, Outage.system_id == InformationSystem.id)
    if need is None or "department" in need:
        query = query.join(Department, InformationSystem.department_id == Department.id)
    if need is None or "facility" in need:
        query = query.join(Facility, InformationSystem.facility_id == Facility.id)
    return query


def _task_columns(now: datetime) -> dict[str, ColumnElement[Any]]:
    t = Task
    codes = (select(func.group_concat(InformationSystem.code, ", "))
             .select_from(TaskOutage)
             .join(Outage, TaskOutage.outage_id == Outage.id)
             .join(InformationSystem, Outage.system_id == InformationSystem.id)
             .where(TaskOutage.task_id == t.id, TaskOutage.deleted.is_(False))
             .correlate(t).scalar_subquery())
    return {
        "id": t.id, "title": t.title, "team": t.team, "status": t.status,
        "priority": t.priority, "assignee": User.name, "due_at": t.due_at,
        "overdue": case((and_(t.due_at.is_not(None), t.due_at < now, t.status.not_in(_CLOSED)),
                         1), else_=0),
        "outages": codes, "status_at": t.status_at, "created_at": t.created_at,
        "incident_id": t.incident_id,
    }


def _task_joins(query: Select[Any], need: frozenset[str] | None = None) -> Select[Any]:
    query = query.select_from(Task)
    return query.outerjoin(User, Task.assignee_id == User.id) if need is None or need else query


def _decision_columns(_now: datetime) -> dict[str, ColumnElement[Any]]:
    d = Decision
    later = aliased(Decision)
    return {
        "id": d.id, "at": d.at, "decided_by": User.name, "role": d.role, "summary": d.summary,
        "rationale": d.rationale, "alternatives": d.alternatives, "links": d.links,
        "corrects_id": d.corrects_id,
        "corrected": exists().where(later.corrects_id == d.id).correlate(d),
        "incident_id": d.incident_id,
    }


def _decision_joins(query: Select[Any], need: frozenset[str] | None = None) -> Select[Any]:
    query = query.select_from(Decision)
    return (query.outerjoin(User, Decision.author_id == User.id) if need is None or need
            else query)


def _log_columns(_now: datetime) -> dict[str, ColumnElement[Any]]:
    e = LogEntry
    return {
        "id": e.id, "at": e.at, "team": e.team, "author": User.name, "text": e.text,
        "significant": e.significant,
        "verified": exists().where(LogVerification.log_entry_id == e.id).correlate(e),
        "corrects_id": e.corrects_id, "incident_id": e.incident_id,
        "recorded_at": e.recorded_at, "paper_ref": e.paper_ref,
    }


def _log_joins(query: Select[Any], need: frozenset[str] | None = None) -> Select[Any]:
    query = query.select_from(LogEntry)
    return query.outerjoin(User, LogEntry.author_id == User.id) if need is None or need else query


def _flag(text: str) -> bool:
    return text in ("1", "true", "yes")


def _department_match(pattern: str) -> ColumnElement[bool]:
    return InformationSystem.department_id.in_(
        select(Department.id).where(Department.name.like(pattern, escape="\\")))


def _facility_match(pattern: str) -> ColumnElement[bool]:
    return InformationSystem.facility_id.in_(
        select(Facility.id).where(Facility.name.like(pattern, escape="\\")))


SPECS: dict[str, TableSpec] = {
    "systems": TableSpec(
        _system_columns, _system_joins, (lambda: InformationSystem.deleted.is_(False),),
        search=("code", "name", "department", "facility"),
        filters={"department": str, "facility": str, "category": str, "grade": int},
        default_sort=("code", False), coarse=frozenset({"facility", "category", "grade"}),
        lookups={"department": _department_match, "facility": _facility_match},
        needs={"department": frozenset({"department"}), "facility": frozenset({"facility"})}),
    "outages": TableSpec(
        _outage_columns, _outage_joins, (lambda: Outage.deleted.is_(False),),
        search=("code", "name", "department"), lookups={"department": _department_match},
        filters={"status": str, "grade": int, "department": str, "category": str,
                 "rto_breach": int},
        incident="incident_id", default_sort=("attention", False),
        needs={"system": frozenset({"code", "name", "category", "grade", "importance_grade",
                                    "rto_hours", "rto_breach", "system_id", "attention"}),
               "department": frozenset({"department"}), "facility": frozenset({"facility"})}),
    "tasks": TableSpec(
        _task_columns, _task_joins, (lambda: Task.deleted.is_(False),),
        search=("title", "assignee", "outages"), filters={"team": str, "status": str,
                                                          "overdue": int},
        incident="incident_id", default_sort=("created_at", False),
        needs={"user": frozenset({"assignee"})}),
    "decisions": TableSpec(
        _decision_columns, _decision_joins, search=("summary", "rationale", "alternatives"),
        incident="incident_id", default_sort=("at", True),
        needs={"user": frozenset({"decided_by"})}),
    "log": TableSpec(
        _log_columns, _log_joins, search=("text", "author"),
        filters={"team": str, "significant": _flag}, incident="incident_id",
        default_sort=("at", True), needs={"user": frozenset({"author"})}),
}
