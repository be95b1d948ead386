"""Situation reports (상황보고 제N보), printouts and the paper fallback pack.

A report is frozen once into a snapshot (plain JSON) and rendered from it, so the stored record
(snapshot + the PDF's sha256) reprints the same document. Drafts are unnumbered; approving
issues the next number of the incident among the reports this workstation knows. Two
workstations approving offline can issue the same number: numbers are never changed after the
fact (paper with that number has gone out); ``list`` flags every such duplicate, naming the
other workstation, and the next approval continues after the highest number (docs/reports.md).
"""

from __future__ import annotations

import builtins
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.cadence import next_report_due
from console.domain.clock import Clock, from_iso, iso, utc_now
from console.domain.enums import Team
from console.domain.errors import NotFound, ValidationError
from console.domain.permissions import Action
from console.reports.records import FallbackSettings, ReportRow, Reprint, file_name
from console.reports.snapshot import (
    Person,
    Snapshot,
    dumps,
    forecast_part,
    freeze,
    loads,
    with_header,
)
from console.services.accounts import AccountService
from console.services.context import (
    Actor,
    ChangeSet,
    ServiceBase,
    local_value,
)
from console.services.forecast import ForecastService
from console.services.inventory import InventoryService
from console.services.journal import JournalService
from console.services.outages import OutageService
from console.services.report_history import IssuedEntry, out_of_order_reasons
from console.services.report_pack import FallbackPacks
from console.services.report_printouts import PRINTOUT_KINDS, Printouts
from console.services.situation import SituationService, SituationView
from console.store.database import Database
from console.store.exercise import is_exercise
from console.store.models import (
    AuditEvent,
    Department,
    Facility,
    SituationReport,
    TaskOutage,
    User,
    Workstation,
)

REPRINT = "reprint_report"
"""The audit action of a paper copy (``reprint_copy``)."""


@dataclass(frozen=True)
class RenderedReport:
    row: ReportRow
    pdf: bytes
    changes: ChangeSet = field(default_factory=ChangeSet)
    pack: Path | None = None
    pack_error: str | None = None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ReportService(ServiceBase):
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        super().__init__(db, clock)
        self.situation = SituationService(db, clock)
        self.journal = JournalService(db, clock)
        self.outages = OutageService(db, clock)
        self.inventory = InventoryService(db, clock)
        self.accounts = AccountService(db, clock)
        self.forecasts = ForecastService(db, clock)
        self.printouts = Printouts(db, clock, self.outages, self.journal, self.inventory,
                                   self.accounts)
        self.packs = FallbackPacks(db, clock, self)

    # -- the situation report -------------------------------------------------------------

    def snapshot(self, incident_id: str | None = None, as_of: datetime | None = None
                 ) -> Snapshot:
        """Freeze the situation of the incident as it stood at ``as_of`` (default: now)."""
        view = self.situation.view(incident_id, as_of)
        return self._freeze([view], None, with_forecast=True)[0]

    def _freeze(self, views: builtins.list[SituationView],
                afters: builtins.list[tuple[int, datetime] | None] | None,
                with_forecast: bool) -> builtins.list[Snapshot]:
        """Snapshots of ``views`` of one incident. ``afters`` names the last issued report
        before each when the caller knows better than the stored reports (``record_issued``
        writes a run of them at once); None: read it from the stored reports."""
        with self.db.sessions() as session:
            links: dict[str, list[str]] = defaultdict(list)
            for outage_id, task_id in session.execute(
                    select(TaskOutage.outage_id, TaskOutage.task_id)
                    .where(TaskOutage.deleted.is_(False))):
                links[outage_id].append(task_id)
            names_en = {name: en for model in (Department, Facility)
                        for name, en in session.execute(select(model.name, model.name_en))
                        if en}
            workstation = local_value(session, "workstation_name")
            befores = afters if afters is not None else [
                _last_issued(session, view.incident.id, view.situation.as_of) for view in views]
        result = []
        for view, since in zip(views, befores, strict=True):
            moment = view.situation.as_of
            frozen = freeze(view, since=since, task_links=links,
                            names_en=names_en, workstation=workstation,
                            next_due=next_report_due(view.incident.activated_at, moment,
                                                     view.schedule) if view.activated else None)
            # The forecast at the report's moment goes into the snapshot now, with the
            # figures: a reprint shows what was estimated then, byte for byte.
            frozen["forecast"] = (forecast_part(self.forecasts.forecast(
                view.incident.id, moment, facts=view.outage_facts or None))
                                  if with_forecast else None)
            result.append(frozen)
        return result

    def record_issued(self, entries: Sequence[IssuedEntry], prepared_by: str,
                      approved_by: str, record_id: Callable[[int], str], workstation_id: str,
                      incident_id: str | None = None) -> int:
        """Store the reports a record says were issued (the demo's 40, issued on paper in its
        scenario), in number order, each frozen at its moment and numbered as recorded. The
        console did not print them, so no PDF hash is stored (``pdf_sha256`` empty: the first
        reprint is the console's first print); nor a forecast, which those papers had not.
        Ids, authors and the workstation are the caller's (the demo's are deterministic, so
        two demo workstations hold the very same records and sync them cleanly)."""
        if not entries:
            return 0
        # One read of the records for all the moments, one transaction for all the reports.
        views = self.situation.views(incident_id, [entry.at for entry in entries])
        afters: builtins.list[tuple[int, datetime] | None] = [None] + [
            (entry.number, entry.at) for entry in entries[:-1]]
        frozen = self._freeze(views, afters, with_forecast=False)
        with self.db.transaction() as session:
            preparer, approver = _person(session, prepared_by), _person(session, approved_by)
            for entry, snapshot in zip(entries, frozen, strict=True):
                snapshot = with_header(
                    snapshot, number=entry.number, issued_at=iso(entry.at),
                    prepared_by=preparer, approved_by=approver, draft_id=None,
                    workstation=None)
                session.add(SituationReport(
                    id=record_id(entry.number), recorded_at=entry.at, author_id=approved_by,
                    workstation_id=workstation_id,
                    incident_id=snapshot["incident"]["id"], number=entry.number,
                    as_of=entry.at, issued_at=entry.at, prepared_by=prepared_by,
                    approved_by=approved_by, lang="ko", snapshot_json=dumps(snapshot),
                    pdf_sha256=""))
        return len(entries)

    def render(self, snapshot: Snapshot, lang: str = "ko", reprinted_at: str | None = None
               ) -> bytes:
        # reportlab loads on the first PDF, not when the window starts (~0.13 s).
        from console.reports.layout import exercise_pages
        from console.reports.sitrep import render_situation_report

        with exercise_pages(self.exercise()):
            return render_situation_report(snapshot, lang, reprinted_at)

    def exercise(self) -> bool:
        """Printed pages of an exercise database carry its mark (reports/layout.py)."""
        with self.db.sessions() as session:
            return is_exercise(session)

    def summary(self, incident_id: str | None = None, as_of: datetime | None = None,
                lang: str = "ko") -> bytes:
        """The one-page 상황 요약 for the commander at ``as_of`` (a read, stored nowhere)."""
        from console.reports.layout import exercise_pages
        from console.reports.summary import render_summary

        with exercise_pages(self.exercise()):
            return render_summary(self.snapshot(incident_id, as_of), lang)

    def preview(self, incident_id: str | None = None, as_of: datetime | None = None,
                lang: str = "ko") -> bytes:
        """A draft rendered now and not stored: reading needs no permission."""
        return self.render(self.snapshot(incident_id, as_of), lang)

    def draft(self, actor: Actor, incident_id: str | None = None, as_of: datetime | None = None,
              lang: str = "ko") -> RenderedReport:
        """Store an unnumbered draft (the command or the situation team)."""
        actor.require(Action.DRAFT_REPORT)
        snapshot = self.snapshot(incident_id, as_of)
        with self.db.transaction() as session:
            snapshot = with_header(snapshot, prepared_by=_person(session, actor.user_id))
            pdf = self.render(snapshot, lang)
            record = self._store(session, actor, snapshot, None, None, lang, pdf)
            changes = ChangeSet()
            changes.note("situation_report", record.id)
            row = self._rows(session, [record])[0]
        return RenderedReport(row, pdf, changes)

    def approve(self, actor: Actor, draft_id: str | None = None,
                incident_id: str | None = None, as_of: datetime | None = None,
                lang: str | None = None, reason: str | None = None) -> RenderedReport:
        """Issue the next 제N보: from a stored draft (as its preparer wrote it) or from the
        situation at ``as_of``. A moment earlier than the last issued report, or an incident
        already closed, needs a ``reason``, printed on the page. Then, if a fallback folder is
        set, write a fresh pack."""
        actor.require(Action.APPROVE_REPORT)
        now = self.now()
        with self.db.sessions() as session:
            draft = session.get(SituationReport, draft_id) if draft_id else None
            if draft_id and draft is None:
                raise NotFound("report.unknown", id=draft_id)
            if draft is not None and draft.number is not None:
                raise ValidationError("report.already_issued", id=draft_id, number=draft.number)
            draft_snapshot = loads(draft.snapshot_json) if draft else None
            draft_lang = draft.lang if draft else None
            draft_author = draft.prepared_by if draft else None
        snapshot = draft_snapshot or self.snapshot(incident_id, as_of)
        lang = lang or draft_lang or "ko"
        with self.db.transaction() as session:
            incident = snapshot["incident"]["id"]
            number = 1 + (session.scalar(select(func.max(SituationReport.number)).where(
                SituationReport.incident_id == incident)) or 0)
            out_of_order = out_of_order_reasons(session, snapshot, (reason or "").strip())
            snapshot = with_header(
                snapshot, number=number, issued_at=iso(now),
                prepared_by=_person(session, draft_author or actor.user_id),
                approved_by=_person(session, actor.user_id), draft_id=draft_id)
            if out_of_order:
                snapshot = with_header(snapshot, **out_of_order)
            pdf = self.render(snapshot, lang)
            record = self._store(session, actor, snapshot, number, now, lang, pdf,
                                 prepared_by=draft_author)
            self.audit(session, actor, "approve_report", record.id, f"제{number}보")
            changes = ChangeSet()
            changes.note("situation_report", record.id)
            row = self._rows(session, [record])[0]
        written, error = self._pack_after_approval()
        return RenderedReport(row, pdf, changes, written, error)

    def _store(self, session: Session, actor: Actor, snapshot: Snapshot, number: int | None,
               issued_at: datetime | None, lang: str, pdf: bytes,
               prepared_by: str | None = None) -> SituationReport:
        record = self.new_record(SituationReport(
            incident_id=snapshot["incident"]["id"], number=number,
            as_of=from_iso(snapshot["as_of"]), issued_at=issued_at,
            prepared_by=prepared_by or actor.user_id,
            approved_by=actor.user_id if number is not None else None, lang=lang,
            snapshot_json=dumps(snapshot), pdf_sha256=sha256(pdf)), actor, self.now())
        session.add(record)
        session.flush()
        return record

    def list(self, incident_id: str | None = None) -> list[ReportRow]:
        """Issued reports by number (then issue time), then drafts newest first."""
        with self.db.sessions() as session:
            query = select(SituationReport)
            if incident_id:
                query = query.where(SituationReport.incident_id == incident_id)
            records = list(session.scalars(query))
            rows = self._rows(session, records)
        issued = sorted((r for r in rows if not r.is_draft),
                        key=lambda r: (r.number, r.issued_at or r.as_of, r.id))
        drafts = sorted((r for r in rows if r.is_draft), key=lambda r: r.as_of, reverse=True)
        return issued + drafts

    def duplicates(self, incident_id: str | None = None) -> builtins.list[ReportRow]:
        """Issued reports that share their number with another (after sync)."""
        return [row for row in self.list(incident_id) if row.duplicates]

    def _rows(self, session: Session, records: builtins.list[SituationReport]) -> builtins.list[ReportRow]:
        names: dict[str | None, str] = {}
        people: dict[str | None, str] = {}
        for uid, name, display in session.execute(
                select(User.id, User.name, User.display_name)):
            names[uid], people[uid] = name, display or name
        stations: dict[str | None, str] = dict(session.execute(select(Workstation.id, Workstation.name)).all())
        taken: dict[tuple[str, int | None], list[tuple[str, str | None]]] = defaultdict(list)
        for incident, number, report_id, station in session.execute(
                select(SituationReport.incident_id, SituationReport.number, SituationReport.id,
                       SituationReport.workstation_id)
                .where(SituationReport.number.is_not(None))):
            taken[(incident, number)].append((report_id, station))
        made_from: dict[str, tuple[str, int]] = {}
        for draft, issued_id, issued_number in session.execute(
                select(func.json_extract(SituationReport.snapshot_json, "$.header.draft_id"),
                       SituationReport.id, SituationReport.number)
                .where(SituationReport.number.is_not(None))):
            if draft and issued_number is not None:
                made_from[str(draft)] = (str(issued_id), cast(int, issued_number))
        reprints: dict[str, list[tuple[datetime, str | None]]] = defaultdict(list)
        for target, at, by in session.execute(
                select(AuditEvent.target, AuditEvent.recorded_at, AuditEvent.author_id)
                .where(AuditEvent.action == REPRINT).order_by(AuditEvent.recorded_at)):
            reprints[target].append((at, names.get(by)))
        recipients: dict[str, str | None] = dict(session.execute(
            select(SituationReport.id,
                   func.json_extract(SituationReport.snapshot_json, "$.report_to"))).all())
        rows = []
        for r in records:
            others = [] if r.number is None else [
                stations.get(station) or (station or "?")[:8]
                for report_id, station in taken[(r.incident_id, r.number)] if report_id != r.id]
            rows.append(ReportRow(
                id=r.id, incident_id=r.incident_id, number=r.number, as_of=r.as_of,
                issued_at=r.issued_at, prepared_by=names.get(r.prepared_by),
                approved_by=names.get(r.approved_by), workstation=stations.get(r.workstation_id),
                lang=r.lang, pdf_sha256=r.pdf_sha256, duplicates=tuple(sorted(others)),
                approved_as=made_from[r.id][0] if r.id in made_from else None,
                approved_number=made_from[r.id][1] if r.id in made_from else None,
                report_to=tuple(json.loads(recipients.get(r.id) or "[]")),
                reprints=tuple(reprints.get(r.id, ())),
                prepared_name=people.get(r.prepared_by), approved_name=people.get(r.approved_by)))
        return rows

    def reprint(self, report_id: str) -> Reprint:
        """Render a stored report again from its snapshot; ``matches`` compares the hash."""
        with self.db.sessions() as session:
            record = session.get(SituationReport, report_id)
            if record is None:
                raise NotFound("report.unknown", id=report_id)
            snapshot, lang, stored = loads(record.snapshot_json), record.lang, record.pdf_sha256
        pdf = self.render(snapshot, lang)
        return Reprint(pdf, sha256(pdf), stored)

    def reprint_copy(self, actor: Actor | None, report_id: str) -> Reprint:
        """A paper copy of an issued report: every page says 재출력 and when; the copy is
        recorded in the audit trail (the register lists it). ``matches`` still compares the
        report as issued (rendered without the mark) with the stored hash."""
        issued = self.reprint(report_id)
        now = iso(self.now())
        with self.db.sessions() as session:
            record = session.get(SituationReport, report_id)
            assert record is not None  # reprint() has just read it
            snapshot, lang = loads(record.snapshot_json), record.lang
        pdf = self.render(snapshot, lang, reprinted_at=now)
        with self.db.transaction() as session:
            self.audit(session, actor, REPRINT, report_id, now or "")
        return Reprint(pdf, issued.sha256, issued.stored_sha256)

    def export(self, report_ids: builtins.list[str], folder: Path) -> builtins.list[Path]:
        """Write reprints of the reports into ``folder`` under readable names."""
        folder.mkdir(parents=True, exist_ok=True)
        rows = {row.id: row for row in self.list()}
        written = []
        for report_id in report_ids:
            row = rows.get(report_id)
            if row is None:
                raise NotFound("report.unknown", id=report_id)
            target = folder / file_name(row)
            target.write_bytes(self.reprint(report_id).pdf)
            written.append(target)
        return written

    # -- printouts (console/services/report_printouts.py) ---------------------------------

    def printout(self, kind: str, team: Team | None = None, start: datetime | None = None,
                 end: datetime | None = None, lang: str = "ko",
                 incident_id: str | None = None) -> bytes:
        from console.reports.layout import exercise_pages

        with exercise_pages(self.exercise()):
            return self.printouts.printout(kind, team, start, end, lang, incident_id)

    # -- the paper fallback pack (console/services/report_pack.py) ------------------------

    def configure_fallback(self, actor: Actor, folder: Path | None, every_minutes: int = 15,
                           keep: int = 5) -> None:
        self.packs.configure(actor, folder, every_minutes, keep)

    def fallback_settings(self) -> FallbackSettings:
        return self.packs.settings()

    def fallback_due(self, now: datetime | None = None) -> bool:
        return self.packs.due(now)

    def write_fallback_pack(self, folder: Path | None = None, lang: str = "ko",
                            keep: int | None = None) -> Path:
        return self.packs.write(folder, lang, keep)

    def _pack_after_approval(self) -> tuple[Path | None, str | None]:
        return self.packs.after_approval()


def _person(session: Session, user_id: str) -> Person | None:
    user = session.get(User, user_id)
    if user is None:
        return None
    return {"name": user.name, "display": user.display_name, "role": user.role}


def _last_issued(session: Session, incident_id: str, moment: datetime
                 ) -> tuple[int, datetime] | None:
    """The last issued report of the incident before ``moment``: (number, as of)."""
    last = session.execute(
        select(SituationReport.number, SituationReport.as_of).where(
            SituationReport.incident_id == incident_id,
            SituationReport.number.is_not(None), SituationReport.as_of < moment)
        .order_by(SituationReport.as_of.desc(), SituationReport.number.desc())
        .limit(1)).first()
    # The query keeps numbered reports only; the test tells the type checker so.
    return (last[0], last[1]) if last and last[0] is not None else None


__all__ = ["PRINTOUT_KINDS", "FallbackSettings", "RenderedReport", "ReportRow", "ReportService",
           "Reprint", "file_name"]
