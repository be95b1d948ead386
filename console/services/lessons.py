"""An incident's lessons and 재발방지 대책, recorded by command (usually after the stand-down,
so a closed incident takes them), and the follow-ups the record already states: what the
최종(결과)보고 lists under 교훈 및 재발방지 대책."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from console.domain.clock import Clock, format_kst, to_utc, write_time
from console.domain.errors import ValidationError
from console.domain.lessons import states_follow_up
from console.domain.permissions import Action
from console.services.context import Actor, ChangeSet, ServiceBase, current_incident
from console.services.journal import JournalService
from console.store.database import Database
from console.store.models import IncidentLesson, User


@dataclass(frozen=True)
class Lesson:
    at: datetime
    source: str
    """``lesson`` (recorded as one), ``decision`` or ``log`` (a line stating a follow-up)."""
    text: str
    by: str | None
    id: str


class LessonService(ServiceBase):
    def __init__(self, db: Database, clock: Clock, journal: JournalService) -> None:
        super().__init__(db, clock)
        self.journal = journal

    def add(self, actor: Actor, text: str, at: datetime | None = None,
            incident_id: str | None = None) -> ChangeSet:
        actor.require(Action.RECORD_LESSON)
        if not text.strip():
            raise ValidationError("lesson.needs_text")
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = current_incident(session, incident_id)
            moment = write_time(at, now)
            if to_utc(moment) < to_utc(incident.started_at):
                raise ValidationError("lesson.before_incident",
                                      at=format_kst(moment, "en"),
                                      opened=format_kst(incident.started_at, "en"))
            lesson = self.new_record(IncidentLesson(incident_id=incident.id, at=moment,
                                                    text=text.strip()), actor, now)
            session.add(lesson)
            changes.note("incident_lesson", lesson.id)
        return changes

    def recorded(self, incident_id: str | None = None) -> list[Lesson]:
        """The lessons recorded as such, in time order."""
        with self.db.sessions() as session:
            incident_id = current_incident(session, incident_id).id
            query = (select(IncidentLesson, User.name)
                     .outerjoin(User, User.id == IncidentLesson.author_id)
                     .where(IncidentLesson.incident_id == incident_id)
                     .order_by(IncidentLesson.at, IncidentLesson.id))
            return [Lesson(row.at, "lesson", row.text, name, row.id)
                    for row, name in session.execute(query)]

    def all(self, incident_id: str | None = None) -> list[Lesson]:
        """The recorded lessons and every decision or log entry that states a follow-up
        (console/domain/lessons.py), in time order."""
        with self.db.sessions() as session:
            incident_id = current_incident(session, incident_id).id
        stated = [Lesson(d.at, "decision", d.summary, d.decided_by, d.id)
                  for d in self.journal.decisions(incident_id)
                  if states_follow_up(f"{d.summary} {d.rationale}")]
        stated += [Lesson(e.at, "log", e.text, e.author, e.id)
                   for e in self.journal.log(incident_id=incident_id)
                   if states_follow_up(e.text)]
        return sorted([*self.recorded(incident_id), *stated], key=lambda x: (x.at, x.id))
