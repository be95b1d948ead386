"""Incidents and their crisis level."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from console.domain.clock import write_time
from console.domain.enums import Cause, CrisisLevel, DisasterArea
from console.domain.errors import ValidationError
from console.domain.permissions import Action
from console.services.context import Actor, ChangeSet, ServiceBase, current_incident
from console.store.models import CrisisLevelChange, Incident


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

    def list(self) -> list[Incident]:
        with self.db.sessions() as session:
            return list(session.scalars(
                select(Incident).where(Incident.deleted.is_(False))
                .order_by(Incident.started_at.desc())))
