"""A printout made by a service as a PDF (the notices' send history, a drill's after-action
report): drafted off the GUI thread and sent to the printer the way the reports are
(console/ui/printing.py: the PDF as it is to a file or CUPS, page images only where nothing
else works). The button stays disabled while either runs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QObject, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QPushButton, QWidget

from console.domain.enums import NoticeChannel
from console.ui.context import UiContext
from console.ui.printing import PrintJob


class PdfPrint(QObject):
    printed = Signal(int)
    """Pages sent (0: failed or cancelled)."""

    def __init__(self, context: UiContext, button: QPushButton, parent: QWidget,
                 title: str) -> None:
        super().__init__(parent)
        self.context = context
        self.button = button
        self.title = title
        self.parent_widget = parent
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.job: PrintJob | None = None
        self.pdf = b""

    @property
    def running(self) -> bool:
        return not self.button.isEnabled()

    def print_pdf(self, make: Callable[[], bytes], printer: QPrinter | None = None,
                  how: str | None = None) -> bool:
        """Make the PDF on the runner, then print it: on ``printer`` when given (tests, with
        ``how`` forcing a route), else on the one the print dialog chooses. False: one is
        already running."""
        if self.running:
            return False
        self.button.setEnabled(False)
        self.context.read(make, lambda pdf: self._drafted(pdf, printer, how), self._failed)
        return True

    def _drafted(self, pdf: bytes, printer: QPrinter | None, how: str | None) -> None:
        self.pdf = pdf
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        self._buffer = buffer
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.title)
            dialog = QPrintDialog(printer, self.parent_widget)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                self._end(0)
                return
        job = PrintJob(printer, pdf, self.document, self.title,
                       self.context.read, self)
        job.route = how or job.route
        job.finished.connect(self._end)
        job.failed.connect(lambda reason: self._failed(RuntimeError(reason)))
        self.job = job
        job.start()

    def _failed(self, error: BaseException) -> None:
        self._end(0)
        self.context.messages.error(error, self.parent_widget)

    def _end(self, pages: int) -> None:
        self.job = None
        self.button.setEnabled(True)
        self.printed.emit(pages)


class NoticeHistoryPrint(PdfPrint):
    """The notices view's send history: the same PDF as `notice history --out`."""

    def __init__(self, context: UiContext, button: QPushButton, parent: QWidget) -> None:
        super().__init__(context, button, parent, "")
        self.title = self.tr("Notice send history")

    def start(self, channel: NoticeChannel | None, printer: QPrinter | None = None,
              how: str | None = None) -> bool:
        """The history of ``channel`` (None: all channels)."""
        notices, lang = self.context.services.notices, self.context.lang
        return self.print_pdf(lambda: notices.history_pdf(channel, lang), printer, how)
