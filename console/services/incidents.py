"""Incidents: their crisis level and their life (open → activate → operate → close)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.cadence import DEFAULT_SCHEDULE, ReportSchedule
from console.domain.clock import format_kst, to_utc, write_time
from console.domain.enums import Cause, CrisisLevel, DisasterArea
from console.domain.errors import ValidationError
from console.domain.outage_clock import latest
from console.domain.permissions import Action
from console.services.context import Actor, ChangeSet, ServiceBase, current_incident
from console.store.models import CrisisLevelChange, Incident, IncidentEvent

ACTIVATED, CLOSED, SCHEDULE = "activated", "closed", "schedule"


@dataclass(frozen=True)
class LifeEvent:
    """One step of an incident's life as people read it."""

    id: str
    at: datetime
    kind: str
    level: str
    reason: str
    schedule: ReportSchedule | None
    author_id: str | None


def schedule_at(session: Session, incident_id: str, moment: datetime) -> ReportSchedule:
    """The report schedule in force at ``moment``: the latest one set up to then."""
    found = latest(tuple(row) for row in session.execute(
        select(IncidentEvent.at, IncidentEvent.id, IncidentEvent.schedule).where(
            IncidentEvent.incident_id == incident_id, IncidentEvent.kind == SCHEDULE,
            IncidentEvent.at <= moment)))
    return ReportSchedule.parse(str(found[2])) if found else DEFAULT_SCHEDULE


def refuse_if_closed(incident: Incident, lang: str = "ko") -> None:
    """New records go only into an open incident: a closed one says so in one line."""
    if incident.closed_at is not None:
        raise ValidationError("incident.closed", title=incident.title,
                              at=format_kst(incident.closed_at, lang))


class IncidentService(ServiceBase):
    def open(self, actor: Actor, title: str, area: DisasterArea, cause: Cause,
             started_at: datetime | None = None, level: CrisisLevel = CrisisLevel.INTEREST,
             location: str = "", summary: str = "", activated_at: datetime | None = None
             ) -> ChangeSet:
        actor.require(Action.MANAGE_INCIDENT)
        if not title.strip():
            raise ValidationError("incident.needs_title")
        now = self.now()
        started = write_time(started_at, now)
        activated_at = write_time(activated_at, now) if activated_at else None
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = self.new_entity(
                Incident(title=title.strip(), area=area.value, cause=cause.value,
                         location=location, summary=summary, started_at=started,
                         activated_at=activated_at, crisis_level=level.value),
                actor, now)
            session.add(incident)
            session.flush()
            session.add(self.new_record(
                CrisisLevelChange(incident_id=incident.id, level=level.value, at=started,
                                  reason="사고 등록 / incident opened"), actor, now))
            if activated_at is not None:
                session.add(self.new_record(IncidentEvent(
                    incident_id=incident.id, kind=ACTIVATED, at=activated_at,
                    level=level.value, reason="", schedule=""), actor, now))
            self.audit(session, actor, "open_incident", incident.id, title)
            changes.note("incident", incident.id)
        return changes

    def change_level(self, actor: Actor, level: CrisisLevel, reason: str,
                     at: datetime | None = None, incident_id: str | None = None) -> ChangeSet:
        actor.require(Action.CHANGE_CRISIS_LEVEL)
        if not reason.strip():
            raise ValidationError("incident.level_needs_reason")
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = current_incident(session, incident_id)
            when = write_time(at, now)
            session.add(self.new_record(
                CrisisLevelChange(incident_id=incident.id, level=level.value, at=when,
                                  reason=reason.strip()), actor, now))
            self.touch(incident, actor, now)
            self.refresh_caches(session, incidents=[incident.id])
            changes.note("incident", incident.id)
        return changes

    def activate(self, actor: Actor, at: datetime | None = None,
                 incident_id: str | None = None, level: CrisisLevel | None = None
                 ) -> ChangeSet:
        """대책본부 가동: the moment the first-report countdown starts from. With ``level``
        the crisis level is set at the same moment (the commander's call)."""
        actor.require(Action.RUN_TASK_FORCE)
        if level is not None:
            actor.require(Action.CHANGE_CRISIS_LEVEL)
        now = self.now()
        when = write_time(at, now)
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = current_incident(session, incident_id)
            refuse_if_closed(incident, actor.lang)
            if incident.activated_at is not None:
                raise ValidationError("incident.already_activated",
                                      at=format_kst(incident.activated_at, actor.lang))
            if when < to_utc(incident.started_at):
                raise ValidationError("incident.activate_before_start")
            if level is not None:
                session.add(self.new_record(CrisisLevelChange(
                    incident_id=incident.id, level=level.value, at=when,
                    reason="대책본부 가동 / task force activated"), actor, now))
                session.flush()
                self.refresh_caches(session, incidents=[incident.id])
            in_force = level.value if level is not None else self._level_at(
                session, incident, when)
            session.add(self.new_record(IncidentEvent(
                incident_id=incident.id, kind=ACTIVATED, at=when, level=in_force, reason="",
                schedule=""), actor, now))
            incident.activated_at = when
            self.touch(incident, actor, now)
            self.audit(session, actor, "activate_task_force", incident.id, in_force)
            changes.note("incident", incident.id)
            changes.tables.add("incident_event")
        return changes

    def close(self, actor: Actor, reason: str, at: datetime | None = None,
              incident_id: str | None = None) -> ChangeSet:
        """해산: the task force stands down and the incident takes no new records."""
        actor.require(Action.RUN_TASK_FORCE)
        if not reason.strip():
            raise ValidationError("incident.close_needs_reason")
        now = self.now()
        when = write_time(at, now)
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = current_incident(session, incident_id)
            refuse_if_closed(incident, actor.lang)
            start = incident.activated_at or incident.started_at
            if when < to_utc(start):
                raise ValidationError("incident.close_before_activation",
                                      at=format_kst(start, actor.lang))
            session.add(self.new_record(IncidentEvent(
                incident_id=incident.id, kind=CLOSED, at=when,
                level=self._level_at(session, incident, when), reason=reason.strip(),
                schedule=""), actor, now))
            incident.closed_at = when
            self.touch(incident, actor, now)
            self.audit(session, actor, "close_incident", incident.id, reason.strip())
            changes.note("incident", incident.id)
            changes.tables.add("incident_event")
        return changes

    def set_schedule(self, actor: Actor, schedule: ReportSchedule, at: datetime | None = None,
                     incident_id: str | None = None) -> ChangeSet:
        """The report cadence after the first report (console/domain/cadence.py)."""
        actor.require(Action.SET_REPORT_SCHEDULE)
        now = self.now()
        when = write_time(at, now)
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = current_incident(session, incident_id)
            refuse_if_closed(incident, actor.lang)
            session.add(self.new_record(IncidentEvent(
                incident_id=incident.id, kind=SCHEDULE, at=when, level="", reason="",
                schedule=schedule.encode()), actor, now))
            self.touch(incident, actor, now)
            self.audit(session, actor, "report_schedule", incident.id, schedule.encode())
            changes.note("incident", incident.id)
            changes.tables.add("incident_event")
        return changes

    def schedule(self, incident_id: str | None = None, as_of: datetime | None = None
                 ) -> ReportSchedule:
        moment = to_utc(as_of) if as_of else self.now()
        with self.db.sessions() as session:
            return schedule_at(session, current_incident(session, incident_id).id, moment)

    def life(self, incident_id: str | None = None) -> list[LifeEvent]:
        """Activation, schedules and stand-down, oldest first."""
        with self.db.sessions() as session:
            incident = current_incident(session, incident_id)
            rows = session.scalars(select(IncidentEvent).where(
                IncidentEvent.incident_id == incident.id)
                .order_by(IncidentEvent.at, IncidentEvent.id))
            return [LifeEvent(e.id, e.at, e.kind, e.level, e.reason,
                              ReportSchedule.parse(e.schedule) if e.schedule else None,
                              e.author_id) for e in rows]

    def _level_at(self, session: Session, incident: Incident, moment: datetime) -> str:
        found = latest(tuple(row) for row in session.execute(
            select(CrisisLevelChange.at, CrisisLevelChange.id, CrisisLevelChange.level).where(
                CrisisLevelChange.incident_id == incident.id, CrisisLevelChange.at <= moment)))
        return str(found[2]) if found else incident.crisis_level

    def list(self) -> list[Incident]:
        with self.db.sessions() as session:
            return list(session.scalars(
                select(Incident).where(Incident.deleted.is_(False))
                .order_by(Incident.started_at.desc())))
