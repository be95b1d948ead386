"""Outages of information systems and their status events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.clock import to_utc
from console.domain.enums import Category, Cause, CrisisLevel, DisasterArea, OutageStatus, Scope
from console.domain.errors import NotFound, ValidationError
from console.domain.grading import GradeRule, GradeTable, check_override, failure_grade
from console.domain.ids import natural_id
from console.domain.permissions import Action
from console.services.context import Actor, ChangeSet, ServiceBase, current_incident
from console.store.models import (
    CrisisLevelChange,
    Department,
    FailureGradeRule,
    Incident,
    InformationSystem,
    Outage,
    OutageEvent,
)


@dataclass(frozen=True)
class OutageRow:
    """An outage as people read it in a list."""

    id: str
    code: str
    name: str
    department: str
    category: str
    importance_grade: int
    grade: int
    status: str
    scope: str
    phase: int | None
    detected_at: datetime
    status_at: datetime
    restored_at: datetime | None
    alternative_active: bool
    incident_id: str


def load_rules(session: Session) -> GradeTable:
    rows = session.scalars(select(FailureGradeRule).where(FailureGradeRule.deleted.is_(False)))
    return GradeTable(GradeRule(r.importance_grade, Category(r.category), Scope(r.scope),
                                r.min_hours, r.failure_grade) for r in rows)


def find_outage(session: Session, reference: str) -> Outage:
    """An outage by id, by a unique id prefix (8+ characters) or by its system's code."""
    reference = reference.strip()
    outage = session.get(Outage, reference)
    if outage is not None:
        return outage
    if len(reference) >= 8:
        matches = session.scalars(select(Outage).where(Outage.id.like(f"{reference}%"))).all()
        if len(matches) == 1:
            return matches[0]
    by_code = session.scalars(
        select(Outage).join(InformationSystem, Outage.system_id == InformationSystem.id)
        .where(InformationSystem.code == reference).order_by(Outage.detected_at.desc())).first()
    if by_code is not None:
        return by_code
    raise NotFound(f"no outage '{reference}' (give its id or its system's code)")


def refresh_status(session: Session, outage: Outage) -> None:
    """Keep the cached status equal to the latest event: order by event time, then id."""
    latest = session.scalars(
        select(OutageEvent).where(OutageEvent.outage_id == outage.id)
        .order_by(OutageEvent.at.desc(), OutageEvent.id.desc()).limit(1)).one()
    outage.status = latest.status
    outage.status_at = latest.at
    restored = session.scalar(
        select(func.min(OutageEvent.at)).where(
            OutageEvent.outage_id == outage.id, OutageEvent.status == OutageStatus.RESTORED.value))
    outage.restored_at = restored if OutageStatus(latest.status).is_restored else None


class OutageService(ServiceBase):
    def open(self, actor: Actor, system_code: str, at: datetime | None = None, note: str = "",
             scope: Scope = Scope.FULL, incident_id: str | None = None) -> ChangeSet:
        actor.require(Action.OPEN_OUTAGE)
        now = self.now()
        detected = to_utc(at) if at else now
        changes = ChangeSet()
        with self.db.transaction() as session:
            system = session.scalar(select(InformationSystem).where(
                InformationSystem.code == system_code.strip(),
                InformationSystem.deleted.is_(False)))
            if system is None:
                raise NotFound(f"no system with code '{system_code}'")
            incident = self._incident_for_new_outage(session, actor, incident_id, detected)
            self._open_one(session, actor, incident, system, detected, note, scope, changes)
        return changes

    def open_many(self, actor: Actor, system_ids: list[str], at: datetime | None, note: str,
                  incident_id: str | None = None) -> ChangeSet:
        """Open outages for several systems at once (a facility going down); skip open ones."""
        actor.require(Action.OPEN_OUTAGE)
        now = self.now()
        detected = to_utc(at) if at else now
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = self._incident_for_new_outage(session, actor, incident_id, detected)
            for system_id in system_ids:
                system = session.get(InformationSystem, system_id)
                if system is None:
                    raise NotFound(f"no system {system_id}")
                if self._open_outage_of(session, incident.id, system.id) is None:
                    self._open_one(session, actor, incident, system, detected, note,
                                   Scope.FULL, changes)
        return changes

    def _incident_for_new_outage(self, session: Session, actor: Actor, incident_id: str | None,
                                 detected: datetime) -> Incident:
        try:
            return current_incident(session, incident_id)
        except NotFound:
            if incident_id:
                raise
        # An outage needs an incident; with none open, record one rather than refuse the report.
        incident = self.new_entity(Incident(
            title="정보시스템 장애", area=DisasterArea.SYSTEM_FAILURE.value,
            cause=Cause.OTHER.value, started_at=detected, crisis_level=CrisisLevel.INTEREST.value,
            summary="장애 등록 시 자동 생성된 사고 / opened automatically with its first outage"),
            actor, self.now())
        session.add(incident)
        session.flush()
        session.add(self.new_record(CrisisLevelChange(
            incident_id=incident.id, level=CrisisLevel.INTEREST.value, at=detected,
            reason="장애 등록 시 자동 생성 / opened with its first outage"), actor, self.now()))
        self.audit(session, actor, "open_incident", incident.id, "automatic")
        return incident

    def _open_outage_of(self, session: Session, incident_id: str, system_id: str) -> Outage | None:
        return session.scalars(select(Outage).where(
            Outage.incident_id == incident_id, Outage.system_id == system_id,
            Outage.deleted.is_(False),
            Outage.status.not_in([OutageStatus.RESTORED.value, OutageStatus.VERIFIED.value]))
        ).first()

    def _open_one(self, session: Session, actor: Actor, incident: Incident,
                  system: InformationSystem, detected: datetime, note: str, scope: Scope,
                  changes: ChangeSet) -> None:
        if detected < to_utc(incident.started_at):
            raise ValidationError("an outage cannot be detected before its incident started")
        already = self._open_outage_of(session, incident.id, system.id)
        if already is not None:
            raise ValidationError(f"system {system.code} already has an open outage {already.id}")
        episode = 1 + session.scalar(select(func.count()).select_from(Outage).where(
            Outage.incident_id == incident.id, Outage.system_id == system.id))
        now = self.now()
        # Two workstations recording the same system going down must land on one record.
        outage = self.new_entity(Outage(
            id=natural_id("outage", incident.id, system.id, episode), incident_id=incident.id,
            system_id=system.id, episode=episode, detected_at=detected, scope=scope.value,
            alternative_active=False, note=note, status=OutageStatus.DOWN.value,
            status_at=detected, grade_override_reason=""), actor, now)
        session.add(outage)
        session.flush()
        session.add(self.new_record(OutageEvent(
            outage_id=outage.id, status=OutageStatus.DOWN.value, at=detected, phase=1,
            note=note), actor, now))
        changes.note("outage", outage.id)

    def change_status(self, actor: Actor, reference: str, to: OutageStatus,
                      at: datetime | None = None, note: str = "", phase: int | None = None
                      ) -> ChangeSet:
        actor.require(Action.CHANGE_OUTAGE)
        if phase is not None and not 1 <= phase <= 9:
            raise ValidationError(f"phase {phase} is outside 1–9")
        now = self.now()
        when = to_utc(at) if at else now
        with self.db.transaction() as session:
            outage = find_outage(session, reference)
            if when < to_utc(outage.detected_at):
                raise ValidationError("a status change cannot come before the outage was detected")
            current = OutageStatus(outage.status)
            if to == current:
                raise ValidationError(f"outage is already {to.value}")
            if to is OutageStatus.VERIFIED and current is not OutageStatus.RESTORED:
                raise ValidationError("only a restored outage can be verified")
            if phase is None:
                phase = session.scalar(select(OutageEvent.phase).where(
                    OutageEvent.outage_id == outage.id).order_by(OutageEvent.at.desc()).limit(1))
            session.add(self.new_record(OutageEvent(
                outage_id=outage.id, status=to.value, at=when, phase=phase or 1, note=note),
                actor, now))
            if to is OutageStatus.WORKAROUND:
                outage.alternative_active = True
            session.flush()
            refresh_status(session, outage)
            self.touch(outage, actor, now)
            changes = ChangeSet()
            changes.note("outage", outage.id)
        return changes

    def override_grade(self, actor: Actor, reference: str, grade: int | None, reason: str
                       ) -> ChangeSet:
        actor.require(Action.OVERRIDE_GRADE)
        if grade is not None:
            check_override(grade, reason)
        with self.db.transaction() as session:
            outage = find_outage(session, reference)
            outage.grade_override = grade
            outage.grade_override_reason = reason.strip() if grade is not None else ""
            self.touch(outage, actor, self.now())
            changes = ChangeSet()
            changes.note("outage", outage.id)
        return changes

    def list(self, incident_id: str | None = None, as_of: datetime | None = None
             ) -> list[OutageRow]:
        now = to_utc(as_of) if as_of else self.now()
        with self.db.sessions() as session:
            rules = load_rules(session)
            query = (
                select(Outage, InformationSystem, Department.name)
                .join(InformationSystem, Outage.system_id == InformationSystem.id)
                .join(Department, InformationSystem.department_id == Department.id)
                .where(Outage.deleted.is_(False))
                .order_by(Outage.detected_at, InformationSystem.code))
            if incident_id:
                query = query.where(Outage.incident_id == incident_id)
            phases = dict(session.execute(
                select(OutageEvent.outage_id, func.max(OutageEvent.phase))
                .group_by(OutageEvent.outage_id)).all())
            rows = []
            for outage, system, department in session.execute(query):
                end = outage.restored_at or now
                hours = max(0.0, (to_utc(end) - to_utc(outage.detected_at)).total_seconds() / 3600)
                computed = failure_grade(rules, system.importance_grade,
                                         Category(system.category), Scope(outage.scope), hours)
                rows.append(OutageRow(
                    id=outage.id, code=system.code, name=system.name, department=department,
                    category=system.category, importance_grade=system.importance_grade,
                    grade=outage.grade_override or computed, status=outage.status,
                    scope=outage.scope, phase=phases.get(outage.id),
                    detected_at=outage.detected_at, status_at=outage.status_at,
                    restored_at=outage.restored_at, alternative_active=outage.alternative_active,
                    incident_id=outage.incident_id))
            return rows
