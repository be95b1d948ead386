"""The decision log and the activity log (ICS-214): append-only, corrections are new entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from console.domain.clock import format_kst, to_utc, write_time
from console.domain.enums import Team
from console.domain.errors import NotFound, ValidationError
from console.domain.paper import sheet_ref
from console.domain.permissions import Action
from console.services.context import Actor, ChangeSet, ServiceBase, current_incident
from console.services.incidents import refuse_if_closed
from console.store.models import Decision, Incident, LogEntry, LogVerification, User


@dataclass(frozen=True)
class DecisionRow:
    id: str
    at: datetime
    decided_by: str | None
    role: str
    summary: str
    rationale: str
    alternatives: str
    corrects_id: str | None


@dataclass(frozen=True)
class LogRow:
    id: str
    at: datetime
    team: str
    author: str | None
    text: str
    significant: bool
    verified: bool
    recorded_at: datetime | None = None
    """When it was typed in (``at`` is when it happened, or the time on a paper sheet)."""
    paper_ref: str | None = None
    """The hand-written sheet it was transcribed from ("ICS-214 #3"); None: entered live."""


class JournalService(ServiceBase):
    def add_decision(self, actor: Actor, summary: str, rationale: str = "",
                     alternatives: str = "", links: str = "", corrects: str | None = None,
                     at: datetime | None = None, incident_id: str | None = None) -> ChangeSet:
        actor.require(Action.ADD_DECISION)
        if not summary.strip():
            raise ValidationError("decision.needs_summary")
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = current_incident(session, incident_id)
            # A closed incident keeps its record as it was stood down (as outages do).
            refuse_if_closed(incident, actor.lang)
            if corrects and session.get(Decision, corrects) is None:
                raise NotFound("decision.unknown", id=corrects)
            decision = self.new_record(Decision(
                incident_id=incident.id, at=write_time(at, now), role=actor.role.value,
                summary=summary.strip(), rationale=rationale, alternatives=alternatives,
                links=links, corrects_id=corrects), actor, now)
            session.add(decision)
            changes.note("decision", decision.id)
        return changes

    def decisions(self, incident_id: str | None = None) -> list[DecisionRow]:
        with self.db.sessions() as session:
            query = (select(Decision, User.name).outerjoin(User, Decision.author_id == User.id)
                     .order_by(Decision.at.desc(), Decision.id.desc()))
            if incident_id:
                query = query.where(Decision.incident_id == incident_id)
            return [DecisionRow(d.id, d.at, name, d.role, d.summary, d.rationale, d.alternatives,
                                d.corrects_id) for d, name in session.execute(query)]

    def add_log(self, actor: Actor, team: Team, text: str, significant: bool = False,
                at: datetime | None = None, incident_id: str | None = None,
                paper_ref: str | None = None) -> ChangeSet:
        """``paper_ref``: a transcription of a hand-written sheet (a dead-computer day); ``at``
        is then the time written on the sheet, kept apart from the entry time."""
        actor.require(Action.ADD_LOG, team)
        if not text.strip():
            raise ValidationError("log.needs_text")
        paper_ref = sheet_ref(paper_ref)
        if paper_ref is not None and at is None:  # from paper: its written time given
            raise ValidationError("paper.needs_time")
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = current_incident(session, incident_id)
            refuse_if_closed(incident, actor.lang)
            written = write_time(at, now)
            if paper_ref:
                refuse_before_incident(incident, written)
            entry = self.new_record(LogEntry(
                incident_id=incident.id, team=team.value, at=written,
                text=text.strip(), significant=significant, paper_ref=paper_ref), actor, now)
            session.add(entry)
            changes.note("log_entry", entry.id)
        return changes

    def verify_log(self, actor: Actor, entry_id: str) -> ChangeSet:
        actor.require(Action.VERIFY_LOG)
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            entry = session.get(LogEntry, entry_id)
            if entry is None:
                raise NotFound("log.unknown", id=entry_id)
            if not entry.significant:
                raise ValidationError("log.verify_insignificant")
            record = self.new_record(LogVerification(log_entry_id=entry.id, at=now), actor, now)
            session.add(record)
            changes.note("log_verification", record.id)
        return changes

    def log(self, team: Team | None = None, incident_id: str | None = None) -> list[LogRow]:
        with self.db.sessions() as session:
            verified = set(session.scalars(select(LogVerification.log_entry_id)))
            query = (select(LogEntry, User.name).outerjoin(User, LogEntry.author_id == User.id)
                     .order_by(LogEntry.at.desc(), LogEntry.id.desc()))
            if team is not None:
                query = query.where(LogEntry.team == team.value)
            if incident_id:
                query = query.where(LogEntry.incident_id == incident_id)
            return [LogRow(e.id, e.at, e.team, name, e.text, e.significant, e.id in verified,
                           e.recorded_at, e.paper_ref)
                    for e, name in session.execute(query)]


def refuse_before_incident(incident: Incident, moment: datetime) -> None:
    """The one-truth rule for a time from paper: not before the incident began (nor in the
    future: write_time)."""
    if to_utc(moment) < to_utc(incident.started_at):
        raise ValidationError("paper.before_incident", at=format_kst(moment, "en"),
                              opened=format_kst(incident.started_at, "en"))
