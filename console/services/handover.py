"""The shift-handover briefing (교대 브리핑): gathers a period's record through the services
that already own each part — the situation at the period's end from the report snapshot
(situation_at), the changes from the timeline service, tasks, notices, report drafts and the
roster — and renders it with console/reports/handover.py."""

from __future__ import annotations

import builtins
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from console.domain.clock import Clock, iso, kst, to_utc
from console.domain.enums import NoticeChannel, NoticeStatus
from console.domain.errors import ValidationError
from console.domain.timeline import TimelineEntry
from console.reports.records import ReportRow
from console.services.context import ServiceBase, current_incident
from console.services.notice_rows import load_rows
from console.services.report_printouts import Printouts
from console.services.tasks import TaskService
from console.services.timeline import TimelineService
from console.store.database import Database

if TYPE_CHECKING:
    from console.reports.handover import HandoverData
    from console.reports.snapshot import Snapshot


class _Reports(Protocol):
    """What the briefing takes from the report service (structural: the pack, which the
    report service holds, makes a briefing too, so importing it would be a circle)."""

    printouts: Printouts

    def snapshot(self, incident_id: str | None = None, as_of: datetime | None = None
                 ) -> Snapshot: ...
    def list(self, incident_id: str | None = None) -> builtins.list[ReportRow]: ...
    def exercise(self) -> bool: ...

SHIFT = timedelta(hours=8)
"""The default period: the last shift (DESIGN.md §7, ``handover``)."""


class HandoverService(ServiceBase):
    def __init__(self, db: Database, clock: Clock, reports: _Reports,
                 timeline: TimelineService, tasks: TaskService) -> None:
        super().__init__(db, clock)
        self.reports, self.timeline, self.tasks = reports, timeline, tasks

    def period(self, start: datetime | None, end: datetime | None) -> tuple[datetime, datetime]:
        """The shift: ``end`` defaults to now, ``start`` to eight hours before ``end``."""
        last = to_utc(end) if end else self.now()
        first = to_utc(start) if start else last - SHIFT
        if first >= last:
            raise ValidationError("handover.bad_period", start=f"{kst(first):%Y-%m-%d %H:%M}",
                                  end=f"{kst(last):%Y-%m-%d %H:%M}")
        return first, last

    def gather(self, incident_id: str | None = None, start: datetime | None = None,
               end: datetime | None = None, lang: str = "ko",
               snapshot: Snapshot | None = None) -> HandoverData:
        """``snapshot``: the situation at the period's end when the caller has frozen it
        already (the fallback pack, whose draft report is the same moment's)."""
        from console.reports.handover import HandoverData  # reportlab on first use

        first, last = self.period(start, end)
        with self.db.sessions() as session:
            incident_id = current_incident(session, incident_id).id
            notices = load_rows(session, incident_id)
        if snapshot is None:
            snapshot = self.reports.snapshot(incident_id, last)
        contacts = self.reports.printouts.users()
        # A briefing names people as the roster does (display name), not by login id.
        shown = {str(c["name"]): c["display"] or c["name"] for c in contacts}
        changes = [{"at": iso(e.at), "kind": e.kind.label(lang), "text": e.text,
                    "by": _shown(shown, e.author)}
                   for e in self.in_period(incident_id, first, last, lang)]
        sent = [{"at": iso(n.issued_at) or "", "channel": NoticeChannel(n.channel).label(lang),
                 "text": n.text} for n in notices
                if n.issued_at and first <= to_utc(n.issued_at) <= last]
        # The snapshot's open tasks are those of the period's end; their owner comes from the
        # task list (the snapshot names the team, not the person).
        owners = {(t.team, t.title): t.assignee for t in self.tasks.list()}
        tasks = [{"team": p["team"], "title": p["title"],
                  "owner": _shown(shown, owners.get((p["team"], p["title"]))), "due": p["due"], "status": p["status"],
                  "overdue": p["overdue"]} for p in snapshot["plans"]]
        pending = [{"item": _notice_item(lang, n.channel), "by": _shown(shown, n.drafted_by),
                    "at": iso(n.drafted_at)} for n in notices
                   if n.status is NoticeStatus.SUBMITTED]
        pending += [{"item": _draft_item(lang, iso(r.as_of) or ""), "by": _shown(shown, r.prepared_by),
                     "at": iso(r.as_of)} for r in self.reports.list(incident_id)
                    if r.is_draft and not r.approved_as and to_utc(r.as_of) <= last]
        return HandoverData(start=iso(first) or "", end=iso(last) or "",
                            next_end=iso(last + (last - first)) or "", snapshot=snapshot,
                            changes=changes, notices=sent, tasks=tasks, pending=pending,
                            contacts=contacts)

    def in_period(self, incident_id: str, first: datetime, last: datetime, lang: str = "ko"
                  ) -> list[TimelineEntry]:
        """The timeline's lines of the period (both ends included): the one list the
        timeline view shows, cut to the shift."""
        return [e for e in self.timeline.entries(incident_id, lang=lang, until=last)
                if to_utc(e.at) >= first]

    def briefing(self, incident_id: str | None = None, start: datetime | None = None,
                 end: datetime | None = None, lang: str = "ko",
                 snapshot: Snapshot | None = None) -> bytes:
        from console.reports.handover import render_handover
        from console.reports.layout import exercise_pages

        data = self.gather(incident_id, start, end, lang, snapshot)
        with exercise_pages(self.reports.exercise()):
            return render_handover(data, lang)


def _shown(shown: dict[str, str | None], name: str | None) -> str | None:
    return shown.get(name, name) if name else None


def _notice_item(lang: str, channel: str) -> str:
    from console.reports.handover import hw

    return hw(lang, "notice_item", channel=NoticeChannel(channel).label(lang))


def _draft_item(lang: str, as_of: str) -> str:
    from console.reports.handover import hw
    from console.reports.text import short_time

    return hw(lang, "draft_item", t=short_time(lang, as_of))
