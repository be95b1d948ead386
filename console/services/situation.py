"""Read the situation of an incident at a moment, for the board and for reports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.clock import to_utc
from console.domain.enums import Category, Scope
from console.domain.grading import failure_grade
from console.domain.records import DecisionLine, LogLine
from console.domain.situation import OutageFact, Situation, TaskFact, next_report_due, situation_at
from console.services.context import ServiceBase, current_incident
from console.services.outages import load_rules
from console.store.models import (
    CrisisLevelChange,
    Decision,
    Department,
    Facility,
    Incident,
    InformationSystem,
    LogEntry,
    LogVerification,
    Outage,
    OutageEvent,
    SituationReport,
    Task,
    TaskEvent,
    User,
)

REPORT_INTERVAL = timedelta(hours=6)


@dataclass
class SituationView:
    incident: Incident
    crisis_level: str
    situation: Situation
    decisions: list[DecisionLine]
    significant_log: list[LogLine]
    next_report_due: datetime | None
    last_report_number: int | None


class SituationService(ServiceBase):
    def view(self, incident_id: str | None = None, as_of: datetime | None = None
             ) -> SituationView:
        moment = to_utc(as_of) if as_of else self.now()
        with self.db.sessions() as session:
            incident = current_incident(session, incident_id)
            outages = _outage_facts(session, incident.id, moment)
            tasks = _task_facts(session, incident.id)
            level = session.scalar(
                select(CrisisLevelChange.level).where(
                    CrisisLevelChange.incident_id == incident.id, CrisisLevelChange.at <= moment)
                .order_by(CrisisLevelChange.at.desc(), CrisisLevelChange.id.desc()).limit(1))
            last_issued = session.execute(
                select(SituationReport.issued_at, SituationReport.number).where(
                    SituationReport.incident_id == incident.id,
                    SituationReport.number.is_not(None), SituationReport.issued_at <= moment)
                .order_by(SituationReport.number.desc()).limit(1)).first()
            return SituationView(
                incident=incident, crisis_level=level or incident.crisis_level,
                situation=situation_at(moment, outages, tasks),
                decisions=_decisions(session, incident.id, moment),
                significant_log=_significant_log(session, incident.id, moment),
                next_report_due=next_report_due(
                    incident.activated_at, last_issued[0] if last_issued else None,
                    REPORT_INTERVAL),
                last_report_number=last_issued[1] if last_issued else None)


def _outage_facts(session: Session, incident_id: str, as_of: datetime) -> list[OutageFact]:
    events: dict[str, list[tuple[datetime, str, int | None]]] = defaultdict(list)
    for outage_id, at, status, phase in session.execute(
            select(OutageEvent.outage_id, OutageEvent.at, OutageEvent.status, OutageEvent.phase)
            .join(Outage, Outage.id == OutageEvent.outage_id)
            .where(Outage.incident_id == incident_id, Outage.deleted.is_(False))
            .order_by(OutageEvent.at, OutageEvent.id)):
        events[outage_id].append((at, status, phase))
    rules = load_rules(session)
    facts = []
    # Plain columns, not ORM entities: at scale a board reads thousands of outages each refresh.
    query = (select(Outage.id, Outage.scope, Outage.grade_override, Outage.alternative_active,
                    Outage.detected_at, InformationSystem.code, InformationSystem.name,
                    InformationSystem.category, InformationSystem.importance_grade,
                    InformationSystem.rto_hours, InformationSystem.alternative_means,
                    Department.name, Facility.name)
             .join(InformationSystem, Outage.system_id == InformationSystem.id)
             .join(Department, InformationSystem.department_id == Department.id)
             .join(Facility, InformationSystem.facility_id == Facility.id)
             .where(Outage.incident_id == incident_id, Outage.deleted.is_(False)))
    for (outage_id, scope, override, alternative, detected, code, name, category, importance,
         rto, alternative_means, department, facility) in session.execute(query):
        history = tuple(events.get(outage_id, ()))
        restored = next((at for at, status, _ in history
                         if status in ("restored", "verified") and at <= as_of), None)
        hours = ((restored or as_of) - detected).total_seconds() / 3600
        grade = override or failure_grade(rules, importance, Category(category), Scope(scope),
                                           max(0.0, hours))
        facts.append(OutageFact(
            id=outage_id, code=code, name=name, department=department, facility=facility,
            category=category, importance_grade=importance, grade=grade, rto_hours=rto,
            alternative_means=alternative_means, alternative_active=alternative,
            detected_at=detected, events=history))
    return facts


def _task_facts(session: Session, incident_id: str) -> list[TaskFact]:
    events: dict[str, list[tuple[datetime, str, str]]] = defaultdict(list)
    for task_id, at, status, note in session.execute(
            select(TaskEvent.task_id, TaskEvent.at, TaskEvent.status, TaskEvent.note)
            .join(Task, Task.id == TaskEvent.task_id).where(Task.incident_id == incident_id)
            .order_by(TaskEvent.at, TaskEvent.id)):
        events[task_id].append((at, status, note))
    tasks = session.scalars(select(Task).where(Task.incident_id == incident_id,
                                               Task.deleted.is_(False)))
    return [TaskFact(t.id, t.team, t.title, (events.get(t.id) or [(t.created_at,)])[0][0],
                     t.due_at, tuple(events.get(t.id, ()))) for t in tasks]


def _decisions(session: Session, incident_id: str, as_of: datetime) -> list[DecisionLine]:
    query = (select(Decision.id, Decision.at, User.name, Decision.role, Decision.summary,
                    Decision.rationale, Decision.corrects_id)
             .outerjoin(User, User.id == Decision.author_id)
             .where(Decision.incident_id == incident_id, Decision.at <= as_of)
             .order_by(Decision.at.desc(), Decision.id.desc()))
    return [DecisionLine(*row) for row in session.execute(query)]


def _significant_log(session: Session, incident_id: str, as_of: datetime) -> list[LogLine]:
    verified_at = dict(session.execute(
        select(LogVerification.log_entry_id, func.min(LogVerification.at))
        .group_by(LogVerification.log_entry_id)).all())
    query = (select(LogEntry.id, LogEntry.at, LogEntry.team, User.name, LogEntry.text)
             .outerjoin(User, User.id == LogEntry.author_id)
             .where(LogEntry.incident_id == incident_id, LogEntry.significant.is_(True),
                    LogEntry.at <= as_of)
             .order_by(LogEntry.at.desc(), LogEntry.id.desc()))
    return [LogLine(entry_id, at, team, name, text,
                    entry_id in verified_at and verified_at[entry_id] <= as_of)
            for entry_id, at, team, name, text in session.execute(query)]
