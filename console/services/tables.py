"""Read-only, paged reads for the window's big tables (Anki's browser table, DESIGN.md §5).

A view asks once for the ordered ids of what it shows (filtered and sorted in SQL), then for
the few rows on screen. Nothing here writes; every query is a SQLAlchemy Core expression, so
the figures a row shows (elapsed time, failure grade, RTO breach, overdue) are computed by the
database and can be sorted on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    String,
    and_,
    case,
    exists,
    false,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from console.domain.clock import iso
from console.domain.enums import OutageStatus, TaskStatus
from console.domain.errors import NotFound
from console.services.context import ServiceBase, current_incident, local_value
from console.store.models import (
    Decision,
    Department,
    Facility,
    FailureGradeRule,
    Incident,
    InformationSystem,
    LogEntry,
    LogVerification,
    Outage,
    OutageEvent,
    SystemDependency,
    Task,
    TaskEvent,
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
class _Spec:
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


def _outage_columns(now: datetime) -> dict[str, ColumnElement[Any]]:
    o, s = Outage, InformationSystem
    # restored_at is set only while the outage is restored, so a relapse counts from detection.
    hours = _hours(o.detected_at, func.coalesce(o.restored_at, literal(iso(now), String)))
    rule = FailureGradeRule
    computed = (select(rule.failure_grade)
                .where(rule.importance_grade == s.importance_grade, rule.category == s.category,
                       rule.scope == o.scope, rule.min_hours <= hours, rule.deleted.is_(False))
                .order_by(rule.min_hours.desc()).limit(1).correlate(o, s).scalar_subquery())
    open_ = o.status.not_in(_RESTORED)
    return {
        "id": o.id, "code": s.code, "name": s.name, "department": Department.name,
        "facility": Facility.name, "category": s.category, "status": o.status,
        "grade": func.coalesce(o.grade_override, computed, s.importance_grade),
        "importance_grade": s.importance_grade, "scope": o.scope,
        "phase": (select(func.max(OutageEvent.phase)).where(OutageEvent.outage_id == o.id)
                  .correlate(o).scalar_subquery()),
        "detected_at": o.detected_at, "status_at": o.status_at, "restored_at": o.restored_at,
        "elapsed_hours": hours, "rto_hours": s.rto_hours,
        "rto_breach": case((and_(open_, s.rto_hours.is_not(None), hours > s.rto_hours), 1),
                           else_=0),
        "alternative_active": o.alternative_active, "incident_id": o.incident_id,
        "system_id": s.id,
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


SPECS: dict[str, _Spec] = {
    "systems": _Spec(
        _system_columns, _system_joins, (lambda: InformationSystem.deleted.is_(False),),
        search=("code", "name", "department", "facility"),
        filters={"department": str, "facility": str, "category": str, "grade": int},
        default_sort=("code", False), coarse=frozenset({"facility", "category", "grade"}),
        lookups={"department": _department_match, "facility": _facility_match},
        needs={"department": frozenset({"department"}), "facility": frozenset({"facility"})}),
    "outages": _Spec(
        _outage_columns, _outage_joins, (lambda: Outage.deleted.is_(False),),
        search=("code", "name", "department"), lookups={"department": _department_match},
        filters={"status": str, "grade": int, "department": str, "category": str,
                 "rto_breach": int},
        incident="incident_id", default_sort=("detected_at", False),
        needs={"system": frozenset({"code", "name", "category", "grade", "importance_grade",
                                    "rto_hours", "rto_breach", "system_id"}),
               "department": frozenset({"department"}), "facility": frozenset({"facility"})}),
    "tasks": _Spec(
        _task_columns, _task_joins, (lambda: Task.deleted.is_(False),),
        search=("title", "assignee", "outages"), filters={"team": str, "status": str,
                                                          "overdue": int},
        incident="incident_id", default_sort=("created_at", False),
        needs={"user": frozenset({"assignee"})}),
    "decisions": _Spec(
        _decision_columns, _decision_joins, search=("summary", "rationale", "alternatives"),
        incident="incident_id", default_sort=("at", True),
        needs={"user": frozenset({"decided_by"})}),
    "log": _Spec(
        _log_columns, _log_joins, search=("text", "author"),
        filters={"team": str, "significant": _flag}, incident="incident_id",
        default_sort=("at", True), needs={"user": frozenset({"author"})}),
}


@dataclass(frozen=True)
class Facets:
    """The choices a view's filter boxes offer."""

    departments: list[str]
    facilities: list[str]
    users: list[tuple[str, str]]
    """(name, display name)"""
    incidents: list[tuple[str, str]]
    """(id, title), newest first"""
    current_incident: tuple[str, str] | None


@dataclass(frozen=True)
class SystemDetail:
    row: dict[str, Any]
    contacts: str
    depends_on: list[tuple[str, str, str]]
    """(code, name, facility) of what this system needs"""
    needed_by: list[tuple[str, str]]
    """(code, name) of systems that need it"""
    outages: list[tuple[str, str, datetime]]
    """(outage id, status, detected at), newest first"""


@dataclass(frozen=True)
class OutageDetail:
    row: dict[str, Any]
    note: str
    alternative_means: str
    grade_override_reason: str
    events: list[tuple[datetime, str, int | None, str, str | None]]
    """(at, status, phase, note, author), oldest first"""
    tasks: list[tuple[str, str, str, str]]
    """(task id, team, title, status)"""


@dataclass(frozen=True)
class TaskDetail:
    row: dict[str, Any]
    detail: str
    events: list[tuple[datetime, str, str, str | None]]
    """(at, status, note, author), oldest first"""
    outages: list[tuple[str, str, str, str]]
    """(outage id, code, name, status)"""


def _narrowed(query: TableQuery) -> bool:
    """A search or a filter beyond the incident: fewer rows, read by a scan, not an index."""
    return bool(query.search.split()) or any(k != "incident" for k, _ in query.filters)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class TableService(ServiceBase):
    def columns(self, table: str) -> list[str]:
        return list(SPECS[table].columns(self.now()))

    def ids(self, table: str, query: TableQuery) -> list[str]:
        """Every matching row id, in display order: the only full scan a view makes."""
        with self.db.sessions() as session:
            return list(session.scalars(self._ids_statement(session, table, query)))

    def head(self, table: str, query: TableQuery, limit: int) -> tuple[int, list[str]]:
        """How many rows match, and the first ``limit`` ids in display order.

        What a view needs to show its first screen at once: with the sort columns' covering
        indexes (migration 0005) both are one index walk, however many rows match, where
        reading all 200,000 ids costs a few hundred milliseconds.
        """
        with self.db.sessions() as session:
            statement = self._ids_statement(session, table, query)
            if _narrowed(query):
                # A search or a filter scans the rows once anyway, and what it leaves is
                # fewer: all of it in one read costs less than a count and a head.
                ids = list(session.scalars(statement))
                return len(ids), ids
            walk = self._ids_statement(session, table, query, walk=True)
            ids = list(session.scalars(walk.limit(limit)))
            if len(ids) < limit:
                return len(ids), ids
            count = self._ids_statement(session, table, query, counting=True)
            return int(session.scalar(count) or 0), ids

    def _ids_statement(self, session: Session, table: str, query: TableQuery,
                       counting: bool = False, walk: bool = False) -> Select[Any]:
        """The ids in display order (``walk``: along the sort column's index, for a head)."""
        spec = SPECS[table]
        columns = spec.columns(self.now())
        key, descending = (query.sort, query.descending) if query.sort else spec.default_sort
        if key not in columns:
            raise ValueError(f"table {table} has no column '{key}' to sort on")
        used = {k for k, _ in query.filters} | (set() if counting else {key})
        if spec.incident:
            used.add(spec.incident)
        if query.search.split():
            used.update(key for key in spec.search if key not in spec.lookups)
        need = frozenset(join for join, keys in spec.needs.items() if keys & used)
        first = func.count() if counting else columns["id"]
        statement = self._narrow(session, spec, columns, spec.joins(select(first), need), query)
        if counting:
            return statement
        column = columns[key]
        if not walk:
            # Unary plus keeps SQLite from walking the sort column's index and looking every
            # row up (measured at 201,630 systems: 500 ms against 150 ms for scanning the
            # table and sorting); only a head, which stops after a screenful, walks it.
            column = UnaryExpression(column, operator=custom_op("+"), type_=column.type)
        # The id breaks ties so equal rows keep one order between reloads; empty values go
        # last either way.
        order = (column.desc() if descending else column.asc()).nulls_last()
        tie = columns["id"].desc() if descending else columns["id"].asc()
        return statement.order_by(order, tie)

    def rows(self, table: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The named rows as {column: value}, keyed by id (ids gone since are left out)."""
        if not ids:
            return {}
        spec = SPECS[table]
        columns = spec.columns(self.now())
        labelled = [expr.label(key) for key, expr in columns.items()]
        with self.db.sessions() as session:
            statement = spec.joins(select(*labelled)).where(columns["id"].in_(list(ids)))
            return {row["id"]: dict(row) for row in session.execute(statement).mappings()}

    def _narrow(self, session: Session, spec: _Spec, columns: dict[str, ColumnElement[Any]],
                statement: Select[Any], query: TableQuery) -> Select[Any]:
        for condition in spec.where:
            statement = statement.where(condition())
        if spec.incident:
            wanted = query.filter("incident")
            if wanted != ALL_INCIDENTS:
                try:
                    incident_id = wanted or current_incident(session).id
                except NotFound:
                    return statement.where(false())
                statement = statement.where(columns[spec.incident] == incident_id)
        for key, value in query.filters:
            if key == "incident":
                continue
            if key not in spec.filters:
                raise ValueError(f"cannot filter on '{key}'")
            column = columns[key]
            if key in spec.coarse:
                column = UnaryExpression(column, operator=custom_op("+"), type_=column.type)
            statement = statement.where(column == spec.filters[key](value))
        for word in query.search.split():
            pattern = _like(word)
            statement = statement.where(or_(*(
                spec.lookups[c](pattern) if c in spec.lookups
                else func.coalesce(columns[c], "").like(pattern, escape="\\")
                for c in spec.search)))
        return statement

    def facets(self) -> Facets:
        with self.db.sessions() as session:
            try:
                incident = current_incident(session)
                current = (incident.id, incident.title)
            except NotFound:
                current = None
            return Facets(
                departments=list(session.scalars(select(Department.name).where(
                    Department.deleted.is_(False)).order_by(Department.name))),
                facilities=list(session.scalars(select(Facility.name).where(
                    Facility.deleted.is_(False)).order_by(Facility.name))),
                users=[(n, d) for n, d in session.execute(
                    select(User.name, User.display_name).where(
                        User.deleted.is_(False), User.active.is_(True)).order_by(User.name))],
                incidents=[(i, t) for i, t in session.execute(
                    select(Incident.id, Incident.title).where(Incident.deleted.is_(False))
                    .order_by(Incident.started_at.desc()))],
                current_incident=current)

    def system_detail(self, system_id: str) -> SystemDetail:
        row = self.rows("systems", [system_id]).get(system_id)
        if row is None:
            raise NotFound(f"no system {system_id}")
        needed = aliased(InformationSystem)
        with self.db.sessions() as session:
            contacts = session.scalar(select(InformationSystem.contacts)
                                      .where(InformationSystem.id == system_id)) or ""
            depends_on = [tuple(r) for r in session.execute(
                select(needed.code, needed.name, Facility.name)
                .select_from(SystemDependency)
                .join(needed, SystemDependency.depends_on_id == needed.id)
                .join(Facility, needed.facility_id == Facility.id)
                .where(SystemDependency.system_id == system_id,
                       SystemDependency.deleted.is_(False)).order_by(needed.code))]
            needed_by = [tuple(r) for r in session.execute(
                select(needed.code, needed.name).select_from(SystemDependency)
                .join(needed, SystemDependency.system_id == needed.id)
                .where(SystemDependency.depends_on_id == system_id,
                       SystemDependency.deleted.is_(False)).order_by(needed.code))]
            outages = [tuple(r) for r in session.execute(
                select(Outage.id, Outage.status, Outage.detected_at)
                .where(Outage.system_id == system_id, Outage.deleted.is_(False))
                .order_by(Outage.detected_at.desc()).limit(20))]
        return SystemDetail(row, contacts, depends_on, needed_by, outages)  # type: ignore[arg-type]

    def outage_detail(self, outage_id: str) -> OutageDetail:
        row = self.rows("outages", [outage_id]).get(outage_id)
        if row is None:
            raise NotFound(f"no outage {outage_id}")
        with self.db.sessions() as session:
            outage = session.get(Outage, outage_id)
            system = session.get(InformationSystem, outage.system_id) if outage else None
            if outage is None or system is None:
                raise NotFound(f"no outage {outage_id}")
            events = [tuple(r) for r in session.execute(
                select(OutageEvent.at, OutageEvent.status, OutageEvent.phase, OutageEvent.note,
                       User.name).outerjoin(User, OutageEvent.author_id == User.id)
                .where(OutageEvent.outage_id == outage_id)
                .order_by(OutageEvent.at, OutageEvent.id))]
            tasks = [tuple(r) for r in session.execute(
                select(Task.id, Task.team, Task.title, Task.status)
                .join(TaskOutage, TaskOutage.task_id == Task.id)
                .where(TaskOutage.outage_id == outage_id, TaskOutage.deleted.is_(False),
                       Task.deleted.is_(False)).order_by(Task.created_at))]
            return OutageDetail(row, outage.note, system.alternative_means,
                                outage.grade_override_reason, events, tasks)  # type: ignore[arg-type]

    def task_detail(self, task_id: str) -> TaskDetail:
        row = self.rows("tasks", [task_id]).get(task_id)
        if row is None:
            raise NotFound(f"no task {task_id}")
        with self.db.sessions() as session:
            detail = session.scalar(select(Task.detail).where(Task.id == task_id)) or ""
            events = [tuple(r) for r in session.execute(
                select(TaskEvent.at, TaskEvent.status, TaskEvent.note, User.name)
                .outerjoin(User, TaskEvent.author_id == User.id)
                .where(TaskEvent.task_id == task_id).order_by(TaskEvent.at, TaskEvent.id))]
            outages = [tuple(r) for r in session.execute(
                select(Outage.id, InformationSystem.code, InformationSystem.name, Outage.status)
                .select_from(TaskOutage).join(Outage, TaskOutage.outage_id == Outage.id)
                .join(InformationSystem, Outage.system_id == InformationSystem.id)
                .where(TaskOutage.task_id == task_id, TaskOutage.deleted.is_(False))
                .order_by(InformationSystem.code))]
        return TaskDetail(row, detail, events, outages)  # type: ignore[arg-type]

    def local_state(self, key: str) -> str | None:
        """This workstation's own bookkeeping (last backup, last sync), never synced."""
        with self.db.sessions() as session:
            return local_value(session, key)
