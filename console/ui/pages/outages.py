"""Outages: status, grade, elapsed time and RTO breaches; status changes; a facility going down."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QStringListModel, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from console.domain.enums import Category, OutageStatus, Scope, TaskStatus
from console.domain.paper import paper_note
from console.domain.permissions import Action
from console.services import watch
from console.services.inventory import SystemRow
from console.services.tables import Facets, TableQuery
from console.ui import formatting as fmt
from console.ui.context import UiContext
from console.ui.forms import ConfirmListDialog, FacilityDialog, OpenOutageDialog, OutageStatusDialog
from console.ui.grade_override import GradeOverrideDialog
from console.ui.pages.base import TablePage, detail_table, esc
from console.ui.paper_field import PaperField
from console.ui.table_model import Column, Row, RowStyle
from console.ui.when_field import WhenField

BREACH = RowStyle(background="#f9d6d5", foreground="#8e1b1b", bold=True)
OVERDUE = RowStyle(background="#ead7f5", foreground="#4a148c", bold=True)
"""A team's estimate or promised update has passed: the one thing to chase first."""
DOWN = RowStyle(background="#fff1dc")
RESTORED = RowStyle(foreground="#2e7d32")


class OutagesPage(TablePage):
    TABLE = "outages"
    INTERESTS = watch.OUTAGES
    HAS_INCIDENT = True

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.add_filter("status", self.tr("All statuses"),
                        [(s.label(self.lang), s.value) for s in OutageStatus])
        self.add_filter("grade", self.tr("All grades"),
                        [(fmt.grade(g), str(g)) for g in range(1, 5)])
        self.add_filter("department", self.tr("All departments"))
        self.add_filter("category", self.tr("All categories"),
                        [(c.label(self.lang), c.value) for c in Category])
        self.add_button(self.tr("Open outage…"), self.new_item, "new", "openOutageButton")
        self.add_button(self.tr("Change status…"), self.change_status, "status",
                        "changeStatusButton")
        self.add_button(self.tr("Facility down…"), self.facility_down, "facility",
                        "facilityDownButton")
        self.add_button(self.tr("Override grade…"), self.override_grade, "status",
                        "overrideGradeButton")
        # Elapsed time and grade move with the clock: read the shown rows again each minute.
        self._tick = QTimer(self)
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self.model.forget_rows)
        self._tick.start()

    def initial_query(self) -> TableQuery:
        # Needing attention first: unrestored, then RTO-breached, then by grade (no header
        # arrow: the order is not one column's; a click on a header sorts by that column).
        return TableQuery(sort="attention")

    def columns(self) -> list[Column]:
        lang = self.context.lang
        return [
            Column("code", self.tr("Code"), lambda r: r["code"], width=110),
            Column("name", self.tr("System"), lambda r: r["name"], width=210),
            Column("department", self.tr("Department"), lambda r: r["department"], width=120),
            Column("category", self.tr("Category"),
                   lambda r: fmt.label(Category, r["category"], lang), width=100),
            Column("status", self.tr("Status"),
                   lambda r: fmt.label(OutageStatus, r["status"], lang), width=75,
                   fits=tuple(status.label(lang) for status in OutageStatus)),
            Column("grade", self.tr("Failure grade"), lambda r: fmt.grade(r["grade"]),
                   right=True, width=75),
            Column("phase", self.tr("Phase"), lambda r: str(r["phase"] or ""), right=True,
                   width=45),
            Column("detected_at", self.tr("Detected"), lambda r: fmt.when(r["detected_at"], lang),
                   width=155),
            Column("elapsed_hours", self.tr("Elapsed"),
                   lambda r: fmt.elapsed(r["elapsed_hours"], lang), right=True, width=105),
            Column("rto_hours", self.tr("RTO"), lambda r: fmt.hours(r["rto_hours"], lang),
                   right=True, width=60),
            Column("rto_breach", self.tr("RTO breached"),
                   lambda r: self.tr("breached") if r["rto_breach"] else "", width=90),
            Column("etr", self.tr("ETR"), lambda r: self._deadline(r["etr"], r["etr_overdue"]),
                   width=165),
            Column("next_update_at", self.tr("Next update"),
                   lambda r: self._deadline(r["next_update_at"], r["update_overdue"]),
                   width=165),
            Column("alternative_active", self.tr("Alternative now"),
                   lambda r: fmt.yes(r["alternative_active"]), width=70),
            Column("facility", self.tr("Facility"), lambda r: r["facility"]),
        ]

    def _deadline(self, moment: object, overdue: object) -> str:
        if moment is None:
            return ""
        text = fmt.when(moment, self.context.lang)  # type: ignore[arg-type]
        late = self.tr("overdue")
        return f"{text} ({late})" if overdue else text

    def style_row(self, row: Row) -> RowStyle | None:
        if row["etr_overdue"] or row["update_overdue"]:
            return OVERDUE
        if row["rto_breach"]:
            return BREACH
        if OutageStatus(row["status"]).is_restored:
            return RESTORED
        return DOWN

    def fill_filters(self, facets: Facets) -> None:
        self.set_choices("department", [(d, d) for d in facets.departments])

    def detail_html(self, record_id: str) -> str:
        detail = self.context.services.tables.outage_detail(record_id)
        row, lang = detail.row, self.lang
        phase_text = self.tr("phase %1")
        events = "".join(
            f"<p><b>{esc(fmt.when(at, lang))} · {esc(fmt.label(OutageStatus, status, lang))}"
            f"</b> · {esc(phase_text.replace('%1', str(phase or 1)))}"
            f"{' · <i>' + esc(author) + '</i>' if author else ''}"
            f"{'<br>' + esc(note) if note else ''}"
            # Typed in from a 장애 접수서: the time on the sheet, the entry time, the sheet.
            f"{'<br><i>' + esc(paper_note(ref, at, entered, lang)) + '</i>' if ref else ''}</p>"
            for at, status, phase, note, author, ref, entered in detail.events)
        tasks = "<br>".join(f"{esc(title)} ({esc(fmt.label(TaskStatus, status, lang))})"
                            for _, _, title, status in detail.tasks) or esc(self.tr("none"))
        breached, active = self.tr("RTO breached"), self.tr("active")
        breach = f" <b style='color:#c62828'>{esc(breached)}</b>" if row["rto_breach"] else ""
        summary = detail_table([
            (self.tr("Status"), esc(fmt.label(OutageStatus, row["status"], lang)) + breach),
            (self.tr("Failure grade"), esc(fmt.grade(row["grade"]))
             + (f" — {esc(detail.grade_override_reason)}" if detail.grade_override_reason
                else "")),
            (self.tr("Department"), esc(row["department"])),
            (self.tr("Facility"), esc(row["facility"])),
            (self.tr("Scope"), esc(fmt.label(Scope, row["scope"], lang))),
            (self.tr("Detected"), esc(fmt.when(row["detected_at"], lang))),
            (self.tr("Elapsed"), esc(fmt.elapsed(row["elapsed_hours"], lang))),
            (self.tr("RTO"), esc(fmt.hours(row["rto_hours"], lang) or "—")),
            (self.tr("ETR"), esc(self._deadline(row["etr"], row["etr_overdue"]) or "—")),
            (self.tr("Next update"),
             esc(self._deadline(row["next_update_at"], row["update_overdue"]) or "—")),
            (self.tr("Alternative means"), esc(detail.alternative_means or "—")
             + (f" ({esc(active)})" if row["alternative_active"] else "")),
            (self.tr("Tasks"), tasks),
        ])
        timeline = self.tr("Timeline")
        estimates = "".join(
            f"<p><b>{esc(fmt.when(e.at, lang))}</b> → {esc(fmt.when(e.restore_by, lang))}"
            f"{' · <i>' + esc(e.author) + '</i>' if e.author else ''}"
            f"{'<br>' + esc(e.note) if e.note else ''}</p>"
            for e in reversed(detail.estimates)) or esc(self.tr("none"))
        history = self.tr("Estimated restoration (newest first)")
        return (f"<h3>{esc(row['code'])} {esc(row['name'])}</h3>{summary}"
                f"<h4>{esc(history)}</h4>{estimates}"
                f"<h4>{esc(timeline)}</h4>{events}")

    def activate(self, record_id: str) -> None:
        self.change_status()

    # --- one outage --------------------------------------------------------------------

    def new_item(self) -> None:
        """Open an outage for one system, by its code."""
        if not self.may(Action.OPEN_OUTAGE):
            return
        dialog = OpenOutageDialog([], self.lang, self)
        self.context.read(lambda: [s.code for s in self.context.services.inventory.systems()],
                          lambda codes: cast(QStringListModel, dialog.code.completer().model())
                          .setStringList(codes))
        # "Down since 09:10", or as written on a 장애 접수서 typed in after a dead-computer day.
        when = WhenField(dialog, self.context.now())
        paper = PaperField(dialog)
        self.open_dialog(dialog, lambda: self._open_one(dialog, when, paper))

    def _open_one(self, dialog: OpenOutageDialog, when: WhenField, paper: PaperField) -> None:
        code, scope, note = dialog.values()
        at, ref = when.moment(), paper.ref()
        self.context.write(lambda: self.context.services.outages.open(
            self.context.actor, code, at, note=note, scope=scope, paper_ref=ref),
            on_error=self._refused_outage)

    def change_status(self) -> None:
        if not self.may(Action.CHANGE_OUTAGE):
            return
        record_id = self.need_selection()
        if record_id is None:
            return
        row = self.model.row_data(self.model.row_of(record_id) or 0) or {}
        dialog = OutageStatusDialog(f"{row.get('code', '')} {row.get('name', '')}",
                                    row.get("status", "down"), row.get("phase"), self.lang, self)
        when = WhenField(dialog, self.context.now())  # "restored at 14:30"
        paper = PaperField(dialog)  # or as written on a 장애 접수서
        self.open_dialog(dialog, lambda: self._change_status(record_id, dialog, when, paper))

    def _change_status(self, record_id: str, dialog: OutageStatusDialog, when: WhenField,
                       paper: PaperField) -> None:
        status, note, phase = dialog.values()
        at, ref = when.moment(), paper.ref()
        self.context.write(lambda: self.context.services.outages.change_status(
            self.context.actor, record_id, status, at=at, note=note, phase=phase,
            paper_ref=ref))

    def override_grade(self) -> None:
        """A failure grade set by hand, with its reason (or back to the computed one)."""
        if not self.may(Action.OVERRIDE_GRADE):
            return
        record_id = self.need_selection()
        if record_id is None:
            return
        detail = self.context.services.tables.outage_detail(record_id)
        row = detail.row
        reason = detail.grade_override_reason
        # An overridden outage shows its override as its grade (the one grade rule).
        dialog = GradeOverrideDialog(f"{row.get('code', '')} {row.get('name', '')}",
                                     row.get("grade"), row.get("grade") if reason else None,
                                     reason, self)
        self.open_dialog(dialog, lambda: self._override(record_id, dialog))

    def _override(self, record_id: str, dialog: GradeOverrideDialog) -> None:
        grade, reason = dialog.values()
        self.context.write(lambda: self.context.services.outages.override_grade(
            self.context.actor, record_id, grade, reason))

    # --- a facility going down ----------------------------------------------------------

    def facility_down(self) -> None:
        if not self.may(Action.OPEN_OUTAGE):
            return
        facilities = self.facets.facilities if self.facets else []
        dialog = FacilityDialog(facilities, self)
        self.open_dialog(dialog, lambda: self._find_affected(*dialog.values()))

    def _find_affected(self, facility: str, note: str) -> None:
        # The dependency walk reads the whole inventory: off the GUI thread.
        self.context.read(
            lambda: self.context.services.inventory.affected_by_facility(facility),
            lambda systems: self._confirm_affected(facility, note, systems))

    def _confirm_affected(self, facility: str, note: str, systems: list[SystemRow]) -> None:
        lines = [f"{s.code}  {s.name}  ({s.department}, {s.facility}, "
                 f"{s.category.label(self.lang)}, {fmt.grade(s.grade)})" for s in systems]
        dialog = ConfirmListDialog(
            self.tr("Confirm outages"),
            self.tr("%1 is down. Open outages for these %2 systems? Systems that already have "
                    "an open outage are left as they are.")
            .replace("%1", facility).replace("%2", str(len(systems))), lines, self)
        ids = [s.id for s in systems]
        self.open_dialog(dialog, lambda: self._open_many(ids, facility, note))

    def _open_many(self, system_ids: list[str], facility: str, note: str) -> None:
        text = note or self.tr("%1 down").replace("%1", facility)
        self.context.write(lambda: self.context.services.outages.open_many(
            self.context.actor, system_ids, None, text), on_error=self._refused_outage)

    def _refused_outage(self, error: BaseException) -> None:
        """On a closed incident, say so and offer a new incident in the same box."""
        box = self.context.messages.error(error, self)
        if getattr(error, "code", "") != "incident.closed" or self.context.new_incident is None:
            return
        offer = box.addButton(self.tr("New incident…"), QMessageBox.ButtonRole.ActionRole)
        offer.setObjectName("offerNewIncident")
        start = self.context.new_incident
        offer.clicked.connect(lambda: start())
