"""Outages of information systems and their status events."""

from __future__ import annotations

import builtins
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.clock import FUTURE_TOLERANCE, to_utc, write_time
from console.domain.enums import Category, Cause, CrisisLevel, DisasterArea, OutageStatus, Scope
from console.domain.errors import NotFound, ValidationError
from console.domain.grading import GradeRule, GradeTable, check_override
from console.domain.ids import natural_id
from console.domain.outage_clock import ClockEvent, episode_events
from console.domain.paper import sheet_ref
from console.domain.permissions import Action
from console.domain.situation import OutageFact, assess
from console.services.context import Actor, ChangeSet, ServiceBase, current_incident
from console.services.incidents import refuse_if_closed
from console.store import derived
from console.store.models import (
    CrisisLevelChange,
    Department,
    Facility,
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
    first_restored_at: datetime | None
    elapsed_hours: float
    rto_hours: float | None
    rto_breach: bool
    alternative_active: bool
    alternative_used: bool
    incident_id: str


@dataclass(frozen=True)
class PaperMark:
    """An outage status typed in from a hand-written 장애 접수서."""

    status: OutageStatus
    at: datetime
    """The time written on the sheet."""
    recorded_at: datetime
    """When it was typed in."""
    ref: str
    """The sheet ("장애 접수서 #12")."""


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
    raise NotFound("outage.unknown", reference=reference)


def outage_facts(session: Session, incident_id: str | None) -> list[OutageFact]:
    """Every outage of an incident (of all incidents with None) with its system and events,
    for the outage clock (console/domain/outage_clock.py)."""
    event_query = (select(OutageEvent.outage_id, OutageEvent.at, OutageEvent.id,
                          OutageEvent.status, OutageEvent.phase)
                   .join(Outage, Outage.id == OutageEvent.outage_id)
                   .where(Outage.deleted.is_(False)))
    # Plain columns, not ORM entities: at scale a board reads thousands of outages each refresh.
    query = (select(Outage.id, Outage.scope, Outage.grade_override, Outage.detected_at,
                    Outage.incident_id, Outage.system_id, Outage.episode,
                    InformationSystem.code, InformationSystem.name,
                    InformationSystem.category, InformationSystem.importance_grade,
                    InformationSystem.rto_hours, InformationSystem.alternative_means,
                    Department.name, Facility.name)
             .join(InformationSystem, Outage.system_id == InformationSystem.id)
             .join(Department, InformationSystem.department_id == Department.id)
             .join(Facility, InformationSystem.facility_id == Facility.id)
             .where(Outage.deleted.is_(False))
             .order_by(Outage.detected_at, InformationSystem.code))
    if incident_id:
        event_query = event_query.where(Outage.incident_id == incident_id)
        query = query.where(Outage.incident_id == incident_id)
    events: dict[str, list[ClockEvent]] = defaultdict(list)
    found = list(session.execute(event_query))
    # The order no fast clock can hijack: the one rule the caches read too (store/derived.py).
    lifted = derived.outage_lifts(session.connection(),
                                  sorted({e.outage_id for e in found}) if incident_id else None)
    for event in found:
        after, depth = lifted.get(event.id, (None, 0))
        events[event.outage_id].append(ClockEvent(event.at, event.id, event.status,
                                                  event.phase, after, depth))
    rows = cast(Any, session.execute(query).all())
    # The episodes of one system in one incident read each other (the rule derived.py's
    # caches follow too): stale knowledge on an earlier episode does not re-open it.
    episodes: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for row in rows:
        episodes[(row[4], row[5])].append((row[0], int(row[6] or 1)))
    read: dict[str, tuple[ClockEvent, ...]] = {}
    for group in episodes.values():
        kept = episode_events([(o, n, events.get(o, [])) for o, n in group])
        read.update((outage_id, k) for (outage_id, _), k in zip(group, kept, strict=True))
    return [OutageFact(
        id=outage_id, code=code, name=name, department=department, facility=facility,
        category=category, importance_grade=importance, scope=scope, grade_override=override,
        rto_hours=rto, alternative_means=alternative_means, detected_at=detected,
        events=read[outage_id], incident_id=incident)
        for (outage_id, scope, override, detected, incident, _system, _episode, code, name,
             category, importance, rto, alternative_means, department, facility) in rows]


def _automatic_incident_id(session: Session) -> str | None:
    """The id of an incident opened automatically with its first outage: "the one after the
    latest incident known here" (docs/sync.md, Histories, rule 9), so two workstations that
    both had no open incident record one incident, not two. None (a fresh random id) in the
    unlikely case that id is already taken."""
    latest = session.execute(select(Incident.id).order_by(
        Incident.started_at.desc(), Incident.id.desc()).limit(1)).scalar()
    candidate = natural_id("incident", "automatic", latest or "")
    return None if session.get(Incident, candidate) is not None else candidate


def _from_paper(paper_ref: str | None, at: datetime | None) -> str | None:
    """The sheet named (console/domain/paper.py), and the time written on it given."""
    paper_ref = sheet_ref(paper_ref)
    if paper_ref is not None and at is None:
        raise ValidationError("paper.needs_at")
    return paper_ref


class OutageService(ServiceBase):
    def open(self, actor: Actor, system_code: str, at: datetime | None = None, note: str = "",
             scope: Scope = Scope.FULL, incident_id: str | None = None,
             paper_ref: str | None = None) -> ChangeSet:
        """``paper_ref``: typed in from a hand-written 장애 접수서; ``at`` is then the time
        written on it, kept apart from the entry time (``recorded_at``)."""
        actor.require(Action.OPEN_OUTAGE)
        paper_ref = _from_paper(paper_ref, at)
        now = self.now()
        detected = write_time(at, now)
        changes = ChangeSet()
        with self.db.transaction() as session:
            system = session.scalar(select(InformationSystem).where(
                InformationSystem.code == system_code.strip(),
                InformationSystem.deleted.is_(False)))
            if system is None:
                raise NotFound("system.unknown_code", code=system_code)
            incident = self._incident_for_new_outage(session, actor, incident_id, detected)
            self._open_one(session, actor, incident, system, detected, note, scope, changes,
                           paper_ref)
        return changes

    def open_many(self, actor: Actor, system_ids: list[str], at: datetime | None, note: str,
                  incident_id: str | None = None) -> ChangeSet:
        """Open outages for several systems at once (a facility going down); skip open ones."""
        actor.require(Action.OPEN_OUTAGE)
        now = self.now()
        detected = write_time(at, now)
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = self._incident_for_new_outage(session, actor, incident_id, detected)
            for system_id in system_ids:
                system = session.get(InformationSystem, system_id)
                if system is None:
                    raise NotFound("system.unknown_id", id=system_id)
                if self._open_outage_of(session, incident.id, system.id) is None:
                    self._open_one(session, actor, incident, system, detected, note,
                                   Scope.FULL, changes)
        return changes

    def _incident_for_new_outage(self, session: Session, actor: Actor, incident_id: str | None,
                                 detected: datetime) -> Incident:
        try:
            incident = current_incident(session, incident_id)
        except NotFound:
            if incident_id:
                raise
        else:
            # New outages go only into an open incident: a closed one keeps its figures.
            refuse_if_closed(incident, actor.lang)
            return incident
        # An outage needs an incident; with none open, record one rather than refuse the report.
        incident = self.new_entity(Incident(
            id=_automatic_incident_id(session), title="정보시스템 장애", area=DisasterArea.SYSTEM_FAILURE.value,
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
                  changes: ChangeSet, paper_ref: str | None = None) -> None:
        if detected < to_utc(incident.started_at):
            raise ValidationError("outage.before_incident")
        already = self._open_outage_of(session, incident.id, system.id)
        if already is not None:
            raise ValidationError("outage.already_open", code=system.code, id=already.id)
        episode = 1 + (session.scalar(select(func.count()).select_from(Outage).where(
            Outage.incident_id == incident.id, Outage.system_id == system.id)) or 0)
        now = self.now()
        # Two workstations recording the same system going down must land on one record.
        outage = self.new_entity(Outage(
            id=natural_id("outage", incident.id, system.id, episode), incident_id=incident.id,
            system_id=system.id, episode=episode, detected_at=detected, scope=scope.value,
            alternative_active=False, note=note, status=OutageStatus.DOWN.value,
            status_at=detected, phase=1, grade_override_reason=""), actor, now)
        session.add(outage)
        session.flush()
        session.add(self.new_record(OutageEvent(
            outage_id=outage.id, status=OutageStatus.DOWN.value, at=detected, phase=1,
            note=note, paper_ref=paper_ref), actor, now))
        self.refresh_caches(session, outages=[outage.id])
        changes.note("outage", outage.id)

    def change_status(self, actor: Actor, reference: str, to: OutageStatus,
                      at: datetime | None = None, note: str = "", phase: int | None = None,
                      paper_ref: str | None = None) -> ChangeSet:
        """``paper_ref``: as in ``open``, a status written on a 장애 접수서 and typed in later."""
        actor.require(Action.CHANGE_OUTAGE)
        paper_ref = _from_paper(paper_ref, at)
        if phase is not None and not 1 <= phase <= 9:
            raise ValidationError("outage.bad_phase", phase=phase)
        now = self.now()
        when = write_time(at, now)
        with self.db.transaction() as session:
            outage = find_outage(session, reference)
            detected = to_utc(outage.detected_at)
            # A detection dated in this workstation's future came from a fast clock elsewhere:
            # the bound is what this workstation knows (its own time), not that date; the
            # event then stands after the detection in the clock's order (causal.lifts).
            if when < detected <= now + FUTURE_TOLERANCE:
                raise ValidationError("outage.change_before_detection")
            current = OutageStatus(outage.status)
            if to == current:
                raise ValidationError("outage.already_status", status=to)
            if to is OutageStatus.VERIFIED and current is not OutageStatus.RESTORED:
                raise ValidationError("outage.verify_unrestored")
            session.add(self.new_record(OutageEvent(
                outage_id=outage.id, status=to.value, at=when,
                phase=outage.phase if phase is None else phase, note=note,
                paper_ref=paper_ref), actor, now))
            self.touch(outage, actor, now)
            self.refresh_caches(session, outages=[outage.id])
            changes = ChangeSet()
            changes.note("outage", outage.id)
        return changes

    def paper_marks(self, incident_id: str | None = None) -> dict[str, builtins.list[PaperMark]]:
        """The statuses typed in from a 장애 접수서, per outage, in time order: what the
        outage register prints beside each outage (the timeline reads its own)."""
        marks: dict[str, builtins.list[PaperMark]] = defaultdict(builtins.list)
        query = (select(OutageEvent.outage_id, OutageEvent.status, OutageEvent.at,
                        OutageEvent.recorded_at, OutageEvent.paper_ref)
                 .join(Outage, Outage.id == OutageEvent.outage_id)
                 .where(OutageEvent.paper_ref.is_not(None), Outage.deleted.is_(False))
                 .order_by(OutageEvent.at, OutageEvent.id))
        if incident_id:
            query = query.where(Outage.incident_id == incident_id)
        with self.db.sessions() as session:
            for outage_id, status, at, recorded_at, ref in session.execute(query):
                marks[outage_id].append(PaperMark(OutageStatus(status), at, recorded_at,
                                                  ref or ""))
        return dict(marks)

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
        """Every outage as the outage clock reads it at ``as_of`` (now by default)."""
        moment = to_utc(as_of) if as_of else self.now()
        with self.db.sessions() as session:
            rules = load_rules(session)
            facts = outage_facts(session, incident_id)
        rows = []
        for fact in facts:
            state = assess(fact, moment, rules)
            reading = state.reading
            rows.append(OutageRow(
                id=fact.id, code=fact.code, name=fact.name, department=fact.department,
                category=fact.category, importance_grade=fact.importance_grade,
                grade=state.grade, status=reading.status.value, scope=fact.scope,
                phase=reading.phase, detected_at=fact.detected_at, status_at=reading.status_at,
                restored_at=reading.restored_at, first_restored_at=reading.first_restored_at,
                elapsed_hours=reading.elapsed_hours, rto_hours=fact.rto_hours,
                rto_breach=state.rto_breached, alternative_active=reading.alternative_active,
                alternative_used=reading.alternative_used, incident_id=fact.incident_id))
        return rows
