"""The system inventory: import (all or nothing), export, listing, dependency closure."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, literal_column, select, update
from sqlalchemy.orm import Session, aliased

from console.domain.enums import Category, FacilityKind
from console.domain.errors import ConsoleError
from console.domain.ids import natural_id
from console.domain.permissions import Action
from console.services.context import Actor, ServiceBase
from console.services.inventory_file import InventoryRow, RowProblem, read_inventory
from console.services.inventory_writer import write_inventory
from console.services.spreadsheet import InventoryFileError
from console.store.models import (
    Base,
    Department,
    Facility,
    InformationSystem,
    SystemDependency,
)


class ImportRejected(ConsoleError):
    """The file had problems; nothing was imported. ``problems`` lists every one."""

    def __init__(self, path: Path, problems: list[RowProblem]) -> None:
        self.problems = problems
        super().__init__("inventory.rejected", file=path.name, count=len(problems))


@dataclass(frozen=True)
class SystemRow:
    """One system as exported and as listed: the attributes InventoryRowLike asks for."""

    id: str
    code: str
    name: str
    department: str
    facility: str
    facility_kind: str
    category: Category
    grade: int
    rto_hours: float | None
    rpo_hours: float | None
    alternative_means: str
    depends_on: tuple[str, ...]


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    created: int
    updated: int
    departments_created: int
    facilities_created: int
    dry_run: bool


_SYSTEM_FIELDS = ("name", "department_id", "facility_id", "category", "importance_grade",
                  "rto_hours", "rpo_hours", "alternative_means", "deleted")
_CHUNK = 5000


def _insert(session: Session, model: type[Base], rows: list[dict[str, object]]) -> None:
    table = cast(Table, model.__table__)  # a Core insert: no ORM work per row
    for start in range(0, len(rows), _CHUNK):
        session.execute(insert(table), rows[start:start + _CHUNK])


def guess_facility_kind(name: str) -> FacilityKind:
    folded = name.casefold()
    if "클라우드" in folded or "cloud" in folded:
        return FacilityKind.CLOUD
    if "국가" in folded or "national" in folded or "nirs" in folded:
        return FacilityKind.NATIONAL_DATA_CENTRE
    if "데이터센터" in folded or "data cent" in folded or "idc" in folded:
        return FacilityKind.CITY_DATA_CENTRE
    if "망" in folded or "network" in folded:
        return FacilityKind.NETWORK
    return FacilityKind.OFFICE


def department_id(name: str) -> str:
    return natural_id("department", name)


def facility_id(name: str) -> str:
    return natural_id("facility", name)


def system_id(code: str) -> str:
    return natural_id("system", code)


class InventoryService(ServiceBase):
    def import_file(self, actor: Actor, path: Path, dry_run: bool = False) -> ImportSummary:
        actor.require(Action.IMPORT_SYSTEMS)
        path = Path(path)
        if not path.is_file():
            raise ConsoleError("file.missing", path=path)
        # A dry run reads and applies in a session that is never committed.
        scope = self.db.sessions() if dry_run else self.db.transaction()
        with scope as session:
            known = set(session.scalars(select(InformationSystem.code)
                                        .where(InformationSystem.deleted.is_(False))))
            try:
                rows, problems = read_inventory(path, known_codes=known,
                                                known_dependencies=dependencies(session))
            except InventoryFileError as error:
                raise ConsoleError("inventory.unreadable", file=path.name, problem=error) from None
            if problems:
                raise ImportRejected(path, problems)
            summary = self._apply(session, actor, rows, dry_run)
            if not dry_run:
                self.audit(session, actor, "import_systems", path.name,
                           f"{summary.created} created, {summary.updated} updated")
        return summary

    def _apply(self, session: Session, actor: Actor, rows: list[InventoryRow], dry_run: bool
               ) -> ImportSummary:
        """Set-based: ORM bulk statements, since an inventory can hold tens of thousands."""
        now = self.now()
        stamp = {"created_at": now, "updated_at": now, "created_by": actor.user_id,
                 "updated_by": actor.user_id, "deleted": False}
        departments = set(session.scalars(select(Department.name)))
        facilities = set(session.scalars(select(Facility.name)))
        new_departments = sorted({r.department for r in rows} - departments)
        new_facilities = sorted({r.facility for r in rows} - facilities)
        _insert(session, Department, [
            {"id": department_id(name), "name": name, "name_en": "", **stamp}
            for name in new_departments])
        _insert(session, Facility, [
            {"id": facility_id(name), "name": name, "name_en": "",
             "kind": guess_facility_kind(name).value, **stamp} for name in new_facilities])

        existing = {s.code: s for s in session.execute(
            select(*(getattr(InformationSystem, f) for f in ("code", *_SYSTEM_FIELDS)))).all()}
        created, updated = [], []
        for row in rows:
            fields = {"name": row.name, "department_id": department_id(row.department),
                      "facility_id": facility_id(row.facility), "category": row.category.value,
                      "importance_grade": row.grade, "rto_hours": row.rto_hours,
                      "rpo_hours": row.rpo_hours, "alternative_means": row.alternative_means,
                      "deleted": False}
            old = existing.get(row.code)
            if old is None:
                created.append({**stamp, **fields, "id": system_id(row.code), "code": row.code,
                                "contacts": ""})
            elif any(getattr(old, key) != value for key, value in fields.items()):
                updated.append({"id": system_id(row.code), **fields, "updated_at": now,
                                "updated_by": actor.user_id})
        _insert(session, InformationSystem, created)
        if updated:
            session.execute(update(InformationSystem), updated)
        self._apply_dependencies(session, actor, rows)
        return ImportSummary(len(rows), len(created), len(updated), len(new_departments),
                             len(new_facilities), dry_run)

    def _apply_dependencies(self, session: Session, actor: Actor, rows: list[InventoryRow]
                            ) -> None:
        """The file states each listed system's whole dependency set: replace, never purge."""
        now = self.now()
        listed = [system_id(row.code) for row in rows]
        current: dict[tuple[str, str], bool] = {}
        for start in range(0, len(listed), 500):
            for source, target, deleted in session.execute(
                    select(SystemDependency.system_id, SystemDependency.depends_on_id,
                           SystemDependency.deleted)
                    .where(SystemDependency.system_id.in_(listed[start:start + 500]))):
                current[(source, target)] = deleted
        wanted = {(system_id(row.code), system_id(code))
                  for row in rows for code in row.depends_on}
        changed = [{"id": natural_id("dependency", *key), "deleted": key not in wanted,
                    "updated_at": now, "updated_by": actor.user_id}
                   for key, deleted in current.items() if deleted != (key not in wanted)]
        if changed:
            session.execute(update(SystemDependency), changed)
        _insert(session, SystemDependency, [
            {"id": natural_id("dependency", source, target), "system_id": source,
             "depends_on_id": target, "created_at": now, "updated_at": now,
             "created_by": actor.user_id, "updated_by": actor.user_id, "deleted": False}
            for source, target in sorted(wanted - current.keys())])

    def systems(self) -> list[SystemRow]:
        with self.db.sessions() as session:
            return list_systems(session)

    def export_file(self, path: Path) -> int:
        return write_inventory(Path(path), self.systems())

    def affected_by_facility(self, facility_name: str) -> list[SystemRow]:
        """Systems hosted in a facility or depending on one that is, through the graph."""
        systems = self.systems()
        if not any(s.facility == facility_name for s in systems):
            raise ConsoleError("facility.no_systems", facility=facility_name)
        dependants: dict[str, list[SystemRow]] = defaultdict(list)
        by_code = {s.code: s for s in systems}
        for system in systems:
            for needed in system.depends_on:
                dependants[needed].append(system)
        reached = {s.code for s in systems if s.facility == facility_name}
        frontier = list(reached)
        while frontier:
            for dependant in dependants.get(frontier.pop(), ()):
                if dependant.code not in reached:
                    reached.add(dependant.code)
                    frontier.append(dependant.code)
        return sorted((by_code[c] for c in reached), key=lambda s: s.code)


def dependencies(session: Session) -> dict[str, list[str]]:
    """What each registered system depends on now, by code."""
    # Joined in SQL: the dependencies are few, the systems many (43,000 at scale 100).
    needed = aliased(InformationSystem)
    depends: dict[str, list[str]] = defaultdict(list)
    for system, code in session.execute(
            select(InformationSystem.code, needed.code)
            .join(SystemDependency, SystemDependency.system_id == InformationSystem.id)
            .join(needed, SystemDependency.depends_on_id == needed.id)
            .where(SystemDependency.deleted.is_(False), InformationSystem.deleted.is_(False),
                   needed.deleted.is_(False))
            # The order a scan of the table gave before (a forecast reads them in order).
            .order_by(literal_column("system_dependency.rowid"))):
        depends[system].append(code)
    return depends


def list_systems(session: Session) -> list[SystemRow]:
    codes = dict(session.execute(select(InformationSystem.id, InformationSystem.code)).all())
    depends: dict[str, list[str]] = defaultdict(list)
    for system, needed in session.execute(
            select(SystemDependency.system_id, SystemDependency.depends_on_id)
            .where(SystemDependency.deleted.is_(False))):
        depends[system].append(codes[needed])
    # Plain columns, not ORM entities: the inventory printout lists 12,870 at scale 30.
    info = InformationSystem
    query = (select(info.id, info.code, info.name, Department.name, Facility.name,
                    Facility.kind, info.category, info.importance_grade, info.rto_hours,
                    info.rpo_hours, info.alternative_means)
             .join(Department, info.department_id == Department.id)
             .join(Facility, info.facility_id == Facility.id)
             .where(info.deleted.is_(False))
             .order_by(info.code))
    return [SystemRow(
        id=id_, code=code, name=name, department=dept, facility=fac, facility_kind=kind,
        category=Category(category), grade=grade, rto_hours=rto, rpo_hours=rpo,
        alternative_means=alternative, depends_on=tuple(sorted(depends.get(id_, ()))))
        for id_, code, name, dept, fac, kind, category, grade, rto, rpo, alternative
        in cast(Any, session.execute(query))]  # 11 columns: past what mypy types
