"""Read the situation of an incident at a moment, for the board and for reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.cadence import (
    DEFAULT_SCHEDULE,
    ReportSchedule,
    next_report_due,
    next_text_due,
    report_overdue,
)
from console.domain.clock import to_utc
from console.domain.enums import NoticeChannel
from console.domain.grading import GradeTable
from console.domain.outage_clock import latest
from console.domain.records import DecisionLine, LogLine
from console.domain.situation import OutageFact, OutageFilter, Situation, TaskFact, situation_at
from console.services.context import ServiceBase, current_incident
from console.services.incidents import SCHEDULE, schedule_at
from console.services.notice_rows import NoticeRow, issued_by
from console.services.outages import load_rules, outage_facts
from console.store.models import (
    CrisisLevelChange,
    Decision,
    Incident,
    IncidentEvent,
    LogEntry,
    LogVerification,
    SituationReport,
    Task,
    TaskEvent,
    User,
)


@dataclass
class SituationView:
    incident: Incident
    crisis_level: str
    situation: Situation
    decisions: list[DecisionLine]
    significant_log: list[LogLine]
    next_report_due: datetime | None
    last_report_number: int | None
    schedule: ReportSchedule
    activated: bool
    """The task force was activated at or before the moment (a past moment may precede it)."""
    closed: bool
    next_text_due: datetime | None = None
    """The first emergency text's deadline (20 minutes after activation) until one went out."""
    notices: list[NoticeRow] | None = None
    """Notices issued by the moment, latest first."""
    crisis_since: datetime | None = None
    """When the crisis level in force at the moment was set (위기경보 "심각(9. 27. 18:00 상향)")."""
    crisis_previous: str | None = None
    """The level before it, if any: whether it was raised or lowered."""
    departments: tuple[str, ...] = ()
    facilities: tuple[str, ...] = ()
    """Every department and facility with an outage in the incident: what a board may be
    narrowed to (OutageFilter), whatever the filter in force."""
    outage_facts: Sequence[OutageFact] = ()
    """The incident's outages as read for the view (every one, whatever the moment): what
    the report's forecast reads too, rather than reading them again (at scale 100 ~0.8 s)."""

    @property
    def report_overdue(self) -> bool:
        """The report due is late at the moment: the board's and status bar's reminder."""
        return report_overdue(self.next_report_due, self.situation.as_of)


class SituationService(ServiceBase):
    def view(self, incident_id: str | None = None, as_of: datetime | None = None,
             only: OutageFilter | None = None) -> SituationView:
        return self.views(incident_id, [to_utc(as_of) if as_of else self.now()], only)[0]

    def views(self, incident_id: str | None, moments: Sequence[datetime],
              only: OutageFilter | None = None) -> list[SituationView]:
        """The view at each of ``moments``, from one read of the records (the demo freezes
        its 40 reports this way): the records up to the latest moment, each view keeping
        those at or before its own."""
        moments = [to_utc(m) for m in moments]
        until = max(moments)
        with self.db.sessions() as session:
            incident = current_incident(session, incident_id)
            outages = outage_facts(session, incident.id)
            tasks = _task_facts(session, incident.id)
            rules = load_rules(session)
            levels: list[tuple[datetime, str, str]] = sorted(
                (row[0], row[1], row[2]) for row in session.execute(
                select(CrisisLevelChange.at, CrisisLevelChange.id, CrisisLevelChange.level).where(
                    CrisisLevelChange.incident_id == incident.id,
                    CrisisLevelChange.at <= until)))
            # Numbered and issued by the query's own conditions; the test tells mypy so.
            issued = sorted(((at, number) for at, number in session.execute(
                select(SituationReport.issued_at, SituationReport.number).where(
                    SituationReport.incident_id == incident.id,
                    SituationReport.number.is_not(None), SituationReport.issued_at <= until))
                if at is not None and number is not None),
                key=lambda row: row[1], reverse=True)
            schedules = [(at, schedule_at(session, incident.id, at)) for at in
                         sorted(set(session.scalars(select(IncidentEvent.at).where(
                             IncidentEvent.incident_id == incident.id,
                             IncidentEvent.kind == SCHEDULE, IncidentEvent.at <= until))))]
            notices = issued_by(session, incident.id, until)
            decisions = _decisions(session, incident.id, until)
            significant = _significant_log(session, incident.id, until)
            verified_at = _verified_at(session)
        return [self._view_at(moment, incident, outages, tasks, rules, levels, issued,
                              schedules, notices, decisions, significant, verified_at, only)
                for moment in moments]

    @staticmethod
    def _view_at(moment: datetime, incident: Incident, outages: list[OutageFact],
                 tasks: list[TaskFact], rules: GradeTable,
                 levels: list[tuple[datetime, str, str]],
                 issued: list[tuple[datetime, int]],
                 schedules: list[tuple[datetime, ReportSchedule]], notices: list[NoticeRow],
                 decisions: list[DecisionLine], significant: list[LogLine],
                 verified_at: dict[str, datetime], only: OutageFilter | None = None
                 ) -> SituationView:
        known_levels = [level for level in levels if level[0] <= moment]
        level = latest(known_levels)
        previous = str(known_levels[-2][2]) if len(known_levels) > 1 else None
        last_issued = next((row for row in issued if row[0] <= moment), None)
        closed = incident.closed_at is not None and to_utc(incident.closed_at) <= moment
        activated = (incident.activated_at is not None
                     and to_utc(incident.activated_at) <= moment)
        schedule = next((s for at, s in reversed(schedules) if at <= moment), DEFAULT_SCHEDULE)
        seen = [n for n in notices if n.issued_at is not None and n.issued_at <= moment]
        first_text = min((n.issued_at for n in seen if n.channel is NoticeChannel.CBS
                          and n.issued_at is not None), default=None)
        return SituationView(
            incident=incident, crisis_level=str(level[2]) if level else incident.crisis_level,
            situation=situation_at(moment, outages, tasks, rules, only),
            decisions=[d for d in decisions if d.at <= moment],
            significant_log=[replace(e, verified=e.id in verified_at
                                     and verified_at[e.id] <= moment)
                             for e in significant if e.at <= moment],
            next_report_due=None if closed or not activated else next_report_due(
                incident.activated_at, last_issued[0] if last_issued else None, schedule),
            last_report_number=last_issued[1] if last_issued else None,
            schedule=schedule, activated=activated, closed=closed,
            next_text_due=None if closed or not activated else next_text_due(
                incident.activated_at, first_text),
            notices=seen, crisis_since=level[0] if level else None,
            crisis_previous=previous,
            departments=tuple(sorted({f.department for f in outages if f.department})),
            facilities=tuple(sorted({f.facility for f in outages if f.facility})),
            outage_facts=outages)


def _task_facts(session: Session, incident_id: str) -> list[TaskFact]:
    events: dict[str, list[tuple[datetime, str, str, str]]] = defaultdict(list)
    for task_id, at, event_id, status, note in session.execute(
            select(TaskEvent.task_id, TaskEvent.at, TaskEvent.id, TaskEvent.status,
                   TaskEvent.note)
            .join(Task, Task.id == TaskEvent.task_id).where(Task.incident_id == incident_id)):
        events[task_id].append((at, event_id, status, note))
    tasks = session.scalars(select(Task).where(Task.incident_id == incident_id,
                                               Task.deleted.is_(False)))
    facts = []
    for task in tasks:
        history = tuple(sorted(events.get(task.id, ())))
        created = history[0][0] if history else task.created_at
        facts.append(TaskFact(task.id, task.team, task.title, created, task.due_at, history))
    return facts


def _decisions(session: Session, incident_id: str, as_of: datetime) -> list[DecisionLine]:
    query = (select(Decision.id, Decision.at, User.name, Decision.role, Decision.summary,
                    Decision.rationale, Decision.corrects_id)
             .outerjoin(User, User.id == Decision.author_id)
             .where(Decision.incident_id == incident_id, Decision.at <= as_of)
             .order_by(Decision.at.desc(), Decision.id.desc()))
    return [DecisionLine(*row) for row in session.execute(query)]


def _verified_at(session: Session) -> dict[str, datetime]:
    """When each log entry was first verified."""
    return {entry: at for entry, at in session.execute(
        select(LogVerification.log_entry_id, func.min(LogVerification.at))
        .group_by(LogVerification.log_entry_id))}


def _significant_log(session: Session, incident_id: str, as_of: datetime) -> list[LogLine]:
    verified_at = _verified_at(session)
    query = (select(LogEntry.id, LogEntry.at, LogEntry.team, User.name, LogEntry.text)
             .outerjoin(User, User.id == LogEntry.author_id)
             .where(LogEntry.incident_id == incident_id, LogEntry.significant.is_(True),
                    LogEntry.at <= as_of)
             .order_by(LogEntry.at.desc(), LogEntry.id.desc()))
    return [LogLine(entry_id, at, team, name, text,
                    entry_id in verified_at and verified_at[entry_id] <= as_of)
            for entry_id, at, team, name, text in session.execute(query)]
