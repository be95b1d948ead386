"""Gather an incident's timeline from its records (console/domain/timeline.py orders it)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import aliased

from console.domain.cadence import ReportSchedule
from console.domain.enums import CrisisLevel, OutageStatus
from console.domain.paper import paper_note
from console.domain.timeline import EntryKind, TimelineEntry, chronological
from console.services.context import ServiceBase, current_incident, shown_names
from console.store.models import (
    CrisisLevelChange,
    Decision,
    IncidentEvent,
    InformationSystem,
    LogEntry,
    Outage,
    OutageEvent,
    SituationReport,
    User,
)


class TimelineService(ServiceBase):
    def entries(self, incident_id: str | None = None, team: str | None = None,
                lang: str = "ko", until: datetime | None = None) -> list[TimelineEntry]:
        en = lang == "en"
        found: list[TimelineEntry] = []
        author = aliased(User)
        with self.db.sessions() as session:
            incident = current_incident(session, incident_id)
            iid = incident.id
            for event, name, user_team in session.execute(
                    select(IncidentEvent, author.name, author.team)
                    .outerjoin(author, author.id == IncidentEvent.author_id)
                    .where(IncidentEvent.incident_id == iid)):
                kind = EntryKind(event.kind)
                if kind is EntryKind.ACTIVATED:
                    text = (f"level {CrisisLevel(event.level).label(lang)}" if en else
                            f"위기경보 {CrisisLevel(event.level).label(lang)}") if event.level else ""
                elif kind is EntryKind.CLOSED:
                    text = event.reason
                else:
                    text = ReportSchedule.parse(event.schedule).label(lang)
                found.append(TimelineEntry(event.at, kind, text, user_team, name, event.id))
            for change, name, user_team in session.execute(
                    select(CrisisLevelChange, author.name, author.team)
                    .outerjoin(author, author.id == CrisisLevelChange.author_id)
                    .where(CrisisLevelChange.incident_id == iid)):
                found.append(TimelineEntry(
                    change.at, EntryKind.CRISIS_LEVEL,
                    f"{CrisisLevel(change.level).label(lang)}: {change.reason}", user_team,
                    name, change.id))
            # Plain columns, not entities: an incident at scale has thousands of events.
            for row in session.execute(
                    select(OutageEvent.id, OutageEvent.at, OutageEvent.status, OutageEvent.note,
                           OutageEvent.paper_ref, OutageEvent.recorded_at,
                           InformationSystem.code, InformationSystem.name.label("system"),
                           author.name.label("author"), author.team)
                    .join(Outage, Outage.id == OutageEvent.outage_id)
                    .join(InformationSystem, InformationSystem.id == Outage.system_id)
                    .outerjoin(author, author.id == OutageEvent.author_id)
                    .where(Outage.incident_id == iid, Outage.deleted.is_(False))):
                text = f"{row.code} {row.system}: {OutageStatus(row.status).label(lang)}"
                text = f"{text} — {row.note}" if row.note else text
                if row.paper_ref:  # typed in from a 장애 접수서: both times, as a log entry
                    text += f" [{paper_note(row.paper_ref, row.at, row.recorded_at, lang)}]"
                found.append(TimelineEntry(row.at, EntryKind.OUTAGE, text, row.team,
                                           row.author, row.id))
            for decision, name, user_team in session.execute(
                    select(Decision, author.name, author.team)
                    .outerjoin(author, author.id == Decision.author_id)
                    .where(Decision.incident_id == iid)):
                prefix = ("(correction) " if en else "(정정) ") if decision.corrects_id else ""
                found.append(TimelineEntry(decision.at, EntryKind.DECISION,
                                           prefix + decision.summary, user_team, name,
                                           decision.id))
            for entry, name in session.execute(
                    select(LogEntry, author.name)
                    .outerjoin(author, author.id == LogEntry.author_id)
                    .where(LogEntry.incident_id == iid, LogEntry.significant.is_(True))):
                # A transcription from paper says so, with both its times.
                paper = (paper_note(entry.paper_ref, entry.at, entry.recorded_at, lang)
                         if entry.paper_ref else None)
                text = f"{entry.text} [{paper}]" if paper else entry.text
                found.append(TimelineEntry(entry.at, EntryKind.LOG, text, entry.team,
                                           name, entry.id))
            for report, name, user_team in session.execute(
                    select(SituationReport, author.name, author.team)
                    .outerjoin(author, author.id == SituationReport.approved_by)
                    .where(SituationReport.incident_id == iid,
                           SituationReport.number.is_not(None),
                           SituationReport.issued_at.is_not(None))):
                assert report.issued_at is not None
                found.append(TimelineEntry(
                    report.issued_at, EntryKind.REPORT,
                    f"report no. {report.number} (제{report.number}보)" if en
                    else f"제{report.number}보 발령", user_team, name, report.id))
            shown = shown_names(session)
        named = [replace(e, author_name=shown.get(e.author) or e.author) if e.author else e
                 for e in found]
        return chronological(named, team, until)
