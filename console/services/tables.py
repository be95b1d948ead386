"""Read-only, paged reads for the window's big tables (Anki's browser table, DESIGN.md §5).

A view asks once for the ordered ids of what it shows (filtered and sorted in SQL), then for
the few rows on screen. Nothing here writes; every query is a SQLAlchemy Core expression, so
the figures a row shows (elapsed time, failure grade, RTO breach, overdue) are computed by the
database and can be sorted on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    false,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from console.domain.errors import NotFound
from console.domain.estimates import EstimateFact
from console.services.context import (
    ServiceBase,
    current_incident,
    local_value,
    shown_names,
)
from console.services.estimates import estimate_facts
from console.services.outages import load_rules
from console.services.table_specs import ALL_INCIDENTS, SPECS, TableQuery, TableSpec
from console.store import clock_sql
from console.store.models import (
    Department,
    Facility,
    Incident,
    InformationSystem,
    Outage,
    OutageEvent,
    SystemDependency,
    Task,
    TaskEvent,
    TaskOutage,
    User,
)

__all__ = ["ALL_INCIDENTS", "TableQuery", "TableService"]


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
    events: list[tuple[datetime, str, int | None, str, str | None, str | None, datetime]]
    """(at, status, phase, note, author, paper sheet or None, recorded_at), oldest first"""
    tasks: list[tuple[str, str, str, str]]
    """(task id, team, title, status)"""
    estimates: list[EstimateFact] = field(default_factory=list)
    """The teams' ETRs, oldest first: the revisions, then the current one."""


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
    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """A read session whose SQL can call the outage clock (console/store/clock_sql.py)."""
        with self.db.sessions() as session:
            clock_sql.install(session.connection(), load_rules(session))
            yield session

    def columns(self, table: str) -> list[str]:
        return list(SPECS[table].columns(self.now()))

    def ids(self, table: str, query: TableQuery) -> list[str]:
        """Every matching row id, in display order: the only full scan a view makes."""
        with self._reading() as session:
            return list(session.scalars(self._ids_statement(session, table, query)))

    def head(self, table: str, query: TableQuery, limit: int) -> tuple[int, list[str]]:
        """How many rows match, and the first ``limit`` ids in display order.

        What a view needs to show its first screen at once: with the sort columns' covering
        indexes (migration 0005) both are one index walk, however many rows match, where
        reading all 200,000 ids costs a few hundred milliseconds.
        """
        with self._reading() as session:
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
        with self._reading() as session:
            statement = spec.joins(select(*labelled)).where(columns["id"].in_(list(ids)))
            return {row["id"]: dict(row) for row in session.execute(statement).mappings()}

    def _narrow(self, session: Session, spec: TableSpec, columns: dict[str, ColumnElement[Any]],
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
            raise NotFound("system.unknown_id", id=system_id)
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
        """The outage's record for the detail pane; people by the name the roster shows
        (name and position), as the reports and the timeline name them."""
        row = self.rows("outages", [outage_id]).get(outage_id)
        if row is None:
            raise NotFound("outage.unknown_id", id=outage_id)
        with self.db.sessions() as session:
            outage = session.get(Outage, outage_id)
            system = session.get(InformationSystem, outage.system_id) if outage else None
            if outage is None or system is None:
                raise NotFound("outage.unknown_id", id=outage_id)
            names = shown_names(session)
            events = [(at, status, phase, note, names.get(author, author), ref, recorded)
                      for at, status, phase, note, author, ref, recorded in session.execute(
                select(OutageEvent.at, OutageEvent.status, OutageEvent.phase, OutageEvent.note,
                       User.name, OutageEvent.paper_ref, OutageEvent.recorded_at)
                .outerjoin(User, OutageEvent.author_id == User.id)
                .where(OutageEvent.outage_id == outage_id)
                .order_by(OutageEvent.at, OutageEvent.id))]
            tasks = [tuple(r) for r in session.execute(
                select(Task.id, Task.team, Task.title, Task.status)
                .join(TaskOutage, TaskOutage.task_id == Task.id)
                .where(TaskOutage.outage_id == outage_id, TaskOutage.deleted.is_(False),
                       Task.deleted.is_(False)).order_by(Task.created_at))]
            estimates = [e._replace(author=names.get(e.author, e.author)) if e.author else e
                         for e in estimate_facts(session, outage.incident_id).get(outage_id, [])]
            return OutageDetail(row, outage.note, system.alternative_means,
                                outage.grade_override_reason, events, tasks,  # type: ignore[arg-type]
                                estimates)

    def task_detail(self, task_id: str) -> TaskDetail:
        row = self.rows("tasks", [task_id]).get(task_id)
        if row is None:
            raise NotFound("task.unknown_id", id=task_id)
        with self.db.sessions() as session:
            detail = session.scalar(select(Task.detail).where(Task.id == task_id)) or ""
            names = shown_names(session)
            events = [(at, status, note, names.get(author, author))
                      for at, status, note, author in session.execute(
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

