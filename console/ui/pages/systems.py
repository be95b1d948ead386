"""The inventory: 429 systems in the demo, 42,900 at scale 100; import and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from console.domain.enums import Category, OutageStatus
from console.domain.permissions import Action
from console.services import watch
from console.services.inventory import ImportRejected, ImportSummary
from console.services.tables import Facets, TableQuery
from console.ui import formatting as fmt
from console.ui.context import UiContext
from console.ui.pages.base import TablePage, detail_table, esc
from console.ui.table_model import Column


class SystemsPage(TablePage):
    TABLE = "systems"
    INTERESTS = watch.SYSTEMS

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.add_filter("department", self.tr("All departments"))
        self.add_filter("facility", self.tr("All facilities"))
        self.add_filter("category", self.tr("All categories"),
                        [(c.label(self.lang), c.value) for c in Category])
        self.add_filter("grade", self.tr("All grades"),
                        [(fmt.grade(g), str(g)) for g in range(1, 5)])
        self.add_button(self.tr("Import…"), self.import_dialog, "import", "importButton")
        self.add_button(self.tr("Export…"), self.export_dialog, "export", "exportButton")

    def initial_query(self) -> TableQuery:
        return TableQuery(sort="code")

    def columns(self) -> list[Column]:
        lang = self.context.lang
        return [
            Column("code", self.tr("Code"), lambda r: r["code"], width=110),
            Column("name", self.tr("System"), lambda r: r["name"], width=260),
            Column("department", self.tr("Department"), lambda r: r["department"], width=150),
            Column("facility", self.tr("Facility"), lambda r: r["facility"], width=200),
            Column("category", self.tr("Category"),
                   lambda r: fmt.label(Category, r["category"], lang), width=100),
            Column("grade", self.tr("Importance"), lambda r: fmt.grade(r["grade"]),
                   right=True, width=80),
            Column("rto_hours", self.tr("RTO"), lambda r: fmt.hours(r["rto_hours"], lang),
                   right=True, width=60),
            Column("rpo_hours", self.tr("RPO"), lambda r: fmt.hours(r["rpo_hours"], lang),
                   right=True, width=60),
            Column("alternative_means", self.tr("Alternative means"),
                   lambda r: r["alternative_means"] or ""),
        ]

    def fill_filters(self, facets: Facets) -> None:
        self.set_choices("department", [(d, d) for d in facets.departments])
        self.set_choices("facility", [(f, f) for f in facets.facilities])

    def detail_html(self, record_id: str) -> str:
        detail = self.context.services.tables.system_detail(record_id)
        row, lang = detail.row, self.lang
        none = esc(self.tr("none"))
        depends = "<br>".join(f"{esc(c)} {esc(n)} <i>({esc(f)})</i>"
                              for c, n, f in detail.depends_on) or none
        needed_by = "<br>".join(f"{esc(c)} {esc(n)}" for c, n in detail.needed_by) or none
        outages = "<br>".join(f"{esc(fmt.when(at, lang))} — "
                              f"{esc(fmt.label(OutageStatus, status, lang))}"
                              for _, status, at in detail.outages) or none
        return (f"<h3>{esc(row['code'])} {esc(row['name'])}</h3>" + detail_table([
            (self.tr("Department"), esc(row["department"])),
            (self.tr("Facility"), esc(row["facility"])),
            (self.tr("Category"), esc(fmt.label(Category, row["category"], lang))),
            (self.tr("Importance"), esc(fmt.grade(row["grade"]))),
            (self.tr("RTO / RPO"), esc(f"{fmt.hours(row['rto_hours'], lang) or '—'} / "
                                       f"{fmt.hours(row['rpo_hours'], lang) or '—'}")),
            (self.tr("Alternative means"), esc(row["alternative_means"]) or none),
            (self.tr("Contacts"), esc(detail.contacts) or none),
            (self.tr("Depends on"), depends),
            (self.tr("Needed by"), needed_by),
            (self.tr("Outages"), outages),
        ]))

    def new_item(self) -> None:
        self.import_dialog()

    # --- import and export -------------------------------------------------------------

    def import_dialog(self) -> None:
        if not self.may(Action.IMPORT_SYSTEMS):
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import systems"), "",
            self.tr("Inventory (*.csv *.xlsx);;All files (*)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        """All or nothing: on any problem, every problem is listed and nothing is imported."""
        self.context.write(
            lambda: self.context.services.inventory.import_file(self.context.actor, path),
            self._imported, tables=watch.INVENTORY, on_error=self._import_failed)

    def _imported(self, summary: ImportSummary) -> None:
        self.context.messages.info(
            self.tr("Import finished"),
            self.tr("%1 rows read: %2 systems added, %3 changed.")
            .replace("%1", str(summary.rows)).replace("%2", str(summary.created))
            .replace("%3", str(summary.updated)), parent=self)

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, ImportRejected):
            self.context.messages.problems(
                self.tr("Import refused"),
                self.tr("The file has %1 problem(s). Nothing was imported; correct the file "
                        "and import it again.").replace("%1", str(len(error.problems))),
                [problem.render(self.lang) for problem in error.problems], parent=self)
        else:
            self.context.messages.error(error, self)

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export systems"), "systems.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        self.context.read(lambda: self.context.services.inventory.export_file(path),
                          lambda count: self.context.messages.info(
                              self.tr("Export finished"),
                              self.tr("%1 systems written to %2.")
                              .replace("%1", str(count)).replace("%2", str(path)),
                              parent=self))
