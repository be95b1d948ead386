"""최종(결과)보고 of a closed incident: gathers the record through the services that own each
part (the snapshot at the stand-down, the timeline, the decision log, the report register)
and renders it with console/reports/final.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from console.domain.clock import Clock, from_iso, iso
from console.domain.errors import ValidationError
from console.domain.timeline import EntryKind
from console.services.context import ServiceBase, current_incident
from console.services.journal import JournalService
from console.services.lessons import LessonService
from console.services.reports import ReportService
from console.services.timeline import TimelineService
from console.store.database import Database

if TYPE_CHECKING:
    from console.reports.final import FinalData


class FinalReportService(ServiceBase):
    def __init__(self, db: Database, clock: Clock, reports: ReportService,
                 timeline: TimelineService, journal: JournalService,
                 lessons: LessonService) -> None:
        super().__init__(db, clock)
        self.reports, self.timeline, self.journal = reports, timeline, journal
        self.lessons = lessons

    def gather(self, incident_id: str | None = None, lang: str = "ko") -> FinalData:
        from console.reports.final import FinalData  # reportlab on first use

        with self.db.sessions() as session:
            incident = current_incident(session, incident_id)
            incident_id, title = incident.id, incident.title
        entries = self.timeline.entries(incident_id, lang=lang)
        closing = [e for e in entries if e.kind is EntryKind.CLOSED]
        if not closing:
            raise ValidationError("final.not_closed", incident=title)
        closed = closing[-1]
        snapshot = self.reports.snapshot(incident_id, from_iso(iso(closed.at)))
        # Per-outage lines are the figures' business (64 systems, hundreds of steps); the
        # milestones are the rest of the timeline.
        milestones = [{"at": iso(e.at) or "", "kind": e.kind.label(lang), "text": e.text}
                      for e in entries if e.kind is not EntryKind.OUTAGE]
        # People by display name (the roster's), not login id.
        shown = {str(u["name"]): u["display"] or u["name"]
                 for u in self.reports.printouts.users()}
        decisions = [{"at": iso(d.at) or "",
                      "by": (shown.get(d.decided_by) or d.decided_by) if d.decided_by else "",
                      "summary": d.summary,
                      "rationale": d.rationale}
                     for d in reversed(self.journal.decisions(incident_id))]
        issued = sorted({r.number for r in self.reports.list(incident_id)
                         if r.number is not None})
        # 교훈 및 재발방지 대책: the lessons recorded as such and the record's lines that
        # state a follow-up (the 10-17 decision's 사후 평가 및 재발방지 대책).
        lessons = [{"at": iso(x.at) or "", "source": x.source, "text": x.text,
                    "by": (shown.get(x.by) or x.by) if x.by else ""}
                   for x in self.lessons.all(incident_id)]
        return FinalData(snapshot=snapshot, milestones=milestones, decisions=decisions,
                         issued=issued, close_reason=closed.text, lessons=lessons)

    def render(self, incident_id: str | None = None, lang: str = "ko") -> bytes:
        from console.reports.final import render_final
        from console.reports.layout import exercise_pages

        data = self.gather(incident_id, lang)
        with exercise_pages(self.reports.exercise()):
            return render_final(data, lang)
