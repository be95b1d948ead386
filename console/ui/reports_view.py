"""The reports page: issued reports and drafts, preview (QtPdf), print, export, draft, approve,
and the other printouts. Every action is a service call run off the GUI thread through the
context; a refusal shows its reason on the page and in the window's message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services import watch
from console.services.reports import (
    PRINTOUT_KINDS,
    RenderedReport,
    ReportRow,
    Reprint,
    file_name,
)
from console.ui.briefings import BriefingBar
from console.ui.context import UiContext
from console.ui.formatting import QT_TRANSLATE_NOOP
from console.ui.printing import PrintJob
from console.ui.reports_model import ReportsModel

_PRINTOUTS = {
    "log": QT_TRANSLATE_NOOP("ReportsView", "Activity log (ICS 214)"),
    "outages": QT_TRANSLATE_NOOP("ReportsView", "Outage register"),
    "decisions": QT_TRANSLATE_NOOP("ReportsView", "Decision log"),
    "roster": QT_TRANSLATE_NOOP("ReportsView", "Roster and contacts"),
    "inventory": QT_TRANSLATE_NOOP("ReportsView", "Inventory and alternative means"),
}
"""The printouts' names, in context 'ReportsView' (the combo box and the exported file)."""


def printout_name(kind: str) -> str:
    return QCoreApplication.translate("ReportsView", _PRINTOUTS[kind])


class ReportsView(QWidget):
    printed = Signal(int)
    """A print job ended: the pages sent (0: it failed)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.lang
        self.model = ReportsModel(self.lang, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.document = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        # A report of a moment before the last issued one, or after the stand-down, is issued
        # only with a reason, which the page prints (the service refuses it without).
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason, for a back-dated or after-stand-down report"))
        self.reason.setAccessibleName(self.tr("Reason for issuing"))
        self.kinds = QComboBox(self)
        self.kinds.setAccessibleName(self.tr("Printout"))
        for kind in PRINTOUT_KINDS:
            self.kinds.addItem(printout_name(kind), kind)
        # The handover briefing and the 상황 요약 land in this preview (print, export).
        self.briefings = BriefingBar(context, self)
        self.briefings.ready.connect(self.show_document)
        self.briefings.refused.connect(self._refused)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
                ("draft_now", self.tr("Draft now"), self.draft_now),
                ("approve", self.tr("Approve"), self.approve),
                ("print", self.tr("Print…"), self.print_with_dialog),
                ("export", self.tr("Export to folder…"), self.export_with_dialog),
                ("printout", self.tr("Show printout"), self.show_printout)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
        self._buffer: QBuffer | None = None
        self._current: tuple[str, bytes] | None = None
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reportProgress")
        self.progress.hide()
        self.running: set[str] = set()
        """The long actions at work now (their buttons are disabled until they end)."""
        self.job: PrintJob | None = None
        self._layout()
        context.bus.changed.connect(self._on_changed)
        self.refresh()

    def _layout(self) -> None:
        actions = QHBoxLayout()
        for key in ("draft_now", "approve", "print", "export"):
            actions.addWidget(self.buttons[key])
            if key == "approve":
                actions.addWidget(self.reason, 1)
        actions.addStretch(1)
        actions.addWidget(self.briefings)
        actions.addWidget(self.kinds)
        actions.addWidget(self.buttons["printout"])
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        outer = QVBoxLayout(self)
        outer.addLayout(actions)
        outer.addWidget(splitter, 1)

    # -- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected()
        self.model.set_rows(self.context.services.reports.list())
        issued = [r for r in self.model.rows if not r.is_draft]
        newest = issued[-1].id if issued else (self.model.rows[0].id if self.model.rows else None)
        self._select(selected.id if selected else newest)
        if not self.model.rows and self._current is None:
            self._say(self.tr("No situation report yet. 'Draft now' renders the situation as "
                              "it stands; approving a draft issues the next numbered report. "
                              "The other printouts are under 'Show printout'."))

    def _on_changed(self, tables: set[str]) -> None:
        if tables & watch.REPORTS:
            self.refresh()

    def selected(self) -> ReportRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _select(self, report_id: str | None) -> None:
        for number, row in enumerate(self.model.rows):
            if row.id == report_id:
                self.table.selectRow(number)
                return

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.rows[current.row()]
        reports = self.context.services.reports
        self.context.read(lambda: reports.reprint(row.id),
                          lambda again: self._reprinted(row, again), self._refused,
                          latest="reports preview")

    def _reprinted(self, row: ReportRow, again: Reprint) -> None:
        self._show(file_name(row), again.pdf)
        if not again.matches:
            self._say(self.tr("Note: the reprint differs from the PDF as issued (same snapshot, "
                              "new renderer)"), error=True)
        elif row.duplicates:
            self._say(row.title(self.lang), error=True)

    def _refused(self, error: BaseException) -> None:
        """A refusal or bad input: the service's words, here and in the window's message."""
        self._say(self.context.messages.text_of(error), error=True)
        self.context.messages.error(error, self)

    def _show(self, name: str, pdf: bytes) -> None:
        """Load PDF bytes into the preview (the buffer must outlive the document's use)."""
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self._current = (name, pdf)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b3261e; font-weight: bold;" if error else "")
        self.status.setText(text)

    # -- actions --------------------------------------------------------------------------

    def _begin(self, key: str, text: str, pages: int = 0) -> bool:
        """Start a long action: its button off (a second click would make a second draft),
        the progress bar on. False when it is already at work."""
        if key in self.running:
            return False
        self.running.add(key)
        self.buttons[key].setEnabled(False)
        self.progress.setRange(0, pages)  # 0..0: busy without a known end
        self.progress.setValue(0)
        self.progress.show()
        self._say(text)
        return True

    def _end(self, key: str) -> None:
        self.running.discard(key)
        self.buttons[key].setEnabled(True)
        if not self.running:
            self.progress.hide()

    def draft_now(self) -> None:
        if not self._begin("draft_now", self.tr("Drafting the report…")):
            return
        reports, actor = self.context.services.reports, self.context.actor

        def refused(error: BaseException) -> None:
            self._end("draft_now")
            self._refused(error)

        self.context.write(lambda: reports.draft(actor, lang=self.lang), self._drafted,
                           watch.REPORTS, refused)

    def _drafted(self, drafted: RenderedReport) -> None:
        self._end("draft_now")
        self.refresh()
        self._select(drafted.row.id)
        self._say(self.tr("Draft stored"))

    def approve(self) -> None:
        row = self.selected()
        if row is None or not row.is_draft or row.approved_as:
            self._say(self.tr("Choose the draft to approve in the list (or 'Draft now' first)"),
                      error=True)
            return
        if not self._begin("approve", self.tr("Issuing the report…")):
            return
        reports, actor = self.context.services.reports, self.context.actor

        def refused(error: BaseException) -> None:
            self._end("approve")
            self._refused(error)

        reason = self.reason.text().strip() or None
        self.context.write(lambda: reports.approve(actor, draft_id=row.id, reason=reason),
                           self._approved,
                           watch.REPORTS, refused)

    def _approved(self, issued: RenderedReport) -> None:
        self._end("approve")
        self.reason.clear()
        self.refresh()
        self._select(issued.row.id)
        message = self.tr("Issued %1").replace("%1", issued.row.title(self.lang))
        if issued.pack is not None:
            message += " · " + self.tr("Fallback pack: %1").replace("%1", str(issued.pack))
        self._say(message + (f" · {issued.pack_error}" if issued.pack_error else ""),
                  error=bool(issued.pack_error or issued.row.duplicates))

    def show_printout(self) -> None:
        kind = self.kinds.currentData()
        reports = self.context.services.reports
        self.table.clearSelection()
        self.context.read(lambda: reports.printout(kind, lang=self.lang),
                          lambda pdf: self._printout_ready(kind, pdf), self._refused,
                          latest="reports preview")

    def _printout_ready(self, kind: str, pdf: bytes) -> None:
        self._show(f"{printout_name(kind)}.pdf", pdf)
        self._say(printout_name(kind))

    def show_document(self, name: str, pdf: bytes) -> None:
        """A paper made elsewhere (the briefing bar) on show, to print or export."""
        self.table.clearSelection()
        self._show(name, pdf)
        self._say(name.removesuffix(".pdf"))

    def export_to(self, folder: Path) -> Path | None:
        """Write the document on show into ``folder``."""
        if self._current is None:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / self._current[0].replace("/", "-")
        target.write_bytes(self._current[1])
        self._say(self.tr("Written to %1").replace("%1", str(folder)))
        return target

    def export_with_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        if folder:
            self.export_to(Path(folder))

    def print_to(self, printer: QPrinter, how: str | None = None) -> PrintJob | None:
        """Send the document on show to ``printer`` without blocking (console/ui/printing.py);
        ``printed`` says when it is done. None: nothing to print, or a print is running.
        ``how`` forces a route ('file', 'cups', 'raster'; tests and the bench)."""
        if self._current is None or self.document.pageCount() == 0:
            return None
        name, pdf = self._current
        if not self._begin("print", self.tr("Sending to the printer…"),
                           self.document.pageCount()):
            return None
        if self.job is not None:
            self.job.deleteLater()  # the previous, finished job (never from its own signal)
        job = PrintJob(printer, pdf, self.document, name, self.context.read, self)
        job.route = how or job.route
        job.progress.connect(self._print_progress)
        job.finished.connect(self._print_finished)
        job.failed.connect(self._print_failed)
        self.job = job
        job.start()
        return job

    def _print_progress(self, done: int, _total: int) -> None:
        self.progress.setValue(done)

    def _print_finished(self, pages: int) -> None:
        self._end("print")
        self._say(self.tr("Sent to the printer"))
        self.printed.emit(pages)

    def _print_failed(self, reason: str) -> None:
        self._end("print")
        self._say(self.tr("Printing failed: %1").replace("%1", reason), error=True)
        self.printed.emit(0)

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._current[0] if self._current else "")
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)  # the job keeps the printer until it is done
