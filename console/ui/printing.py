"""Printing a PDF the console already made, without freezing the window (issue 12 item 7).

The reports are vector PDFs (reportlab). Qt has no way to draw a PDF page onto a QPainter as
vectors: QPdfDocument only renders page *images*, and drawing 17 such images at the printer's
1200 dpi took ~80 s on the GUI thread and spooled 154 MB. So the PDF goes to the printer as
it is, whenever the platform lets us:

- **to a PDF file** (the print dialog's "Print to File"): the bytes are written unchanged;
- **to a printer on a CUPS system** (Linux, macOS): the bytes go to ``lp``, which accepts PDF
  natively; copies, page range and duplex come from the print dialog as ``lp`` options;
- **otherwise** (Windows' GDI printers, or no ``lp``): page images after all, but at
  ``RASTER_DPI`` instead of the printer's full resolution and one page per turn of the event
  loop, so the window stays live and the spool stays a few MB per page.

The first two run on a worker thread; all three report progress and end in ``finished`` or
``failed`` on the GUI thread.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

RASTER_DPI = 300
"""Page images for printers that cannot take the PDF: enough for text at 10 pt."""
LP_TIMEOUT_S = 60


def route(printer: QPrinter) -> str:
    """'file', 'cups' or 'raster': how this printer gets the document."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return "file"
    if sys.platform != "win32" and shutil.which("lp") and printer.printerName():
        return "cups"
    return "raster"


def lp_command(printer: QPrinter, title: str) -> list[str]:
    command = ["lp", "-d", printer.printerName(), "-n", str(max(1, printer.copyCount())),
               "-t", title]
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        command += ["-o", f"page-ranges={printer.fromPage()}-{printer.toPage() or ''}"
                    .rstrip("-")]
    duplex = {QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
              QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
              QPrinter.DuplexMode.DuplexNone: "one-sided"}.get(printer.duplex())
    if duplex:
        command += ["-o", f"sides={duplex}"]
    return command


def send_to_lp(command: list[str], pdf: bytes) -> None:
    done = subprocess.run(command, input=pdf, capture_output=True, timeout=LP_TIMEOUT_S,
                          check=False)
    if done.returncode:
        message = done.stderr.decode("utf-8", "replace").strip() or f"lp: {done.returncode}"
        raise OSError(message.splitlines()[0])


class PrintJob(QObject):
    """One document to one printer. Start with ``start``; ``progress(done, total)`` pages."""

    progress = Signal(int, int)
    finished = Signal(int)
    """Pages sent."""
    failed = Signal(str)

    def __init__(self, printer: QPrinter, pdf: bytes, document: QPdfDocument, title: str,
                 submit: Callable[[Callable[[], object], Callable[[object], None],
                                   Callable[[BaseException], None]], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self.pdf = pdf
        self.document = document
        self.title = title
        self.submit = submit
        """Runs work on a worker thread, then calls back on the GUI thread (UiContext.read)."""
        self.route = route(printer)
        self._painter: QPainter | None = None
        self._page = 0

    def start(self) -> None:
        pages = self.document.pageCount()
        self.progress.emit(0, pages)
        if self.route == "file":
            path, pdf = Path(self.printer.outputFileName()), self.pdf
            self.submit(lambda: path.write_bytes(pdf), lambda _r: self._done(pages),
                        self._error)
        elif self.route == "cups":
            command, pdf = lp_command(self.printer, self.title), self.pdf
            self.submit(lambda: send_to_lp(command, pdf), lambda _r: self._done(pages),
                        self._error)
        else:
            self._painter = QPainter()
            if not self._painter.begin(self.printer):
                self._painter = None
                self.failed.emit(self.tr("The printer could not be opened."))
                return
            QTimer.singleShot(0, self._raster_page)

    def _raster_page(self) -> None:
        """One page image per event-loop turn: the window keeps painting between pages."""
        painter, printer, document = self._painter, self.printer, self.document
        if painter is None:
            return
        total = document.pageCount()
        try:
            if self._page >= total:
                painter.end()
                self._painter = None
                self._done(total)
                return
            if self._page:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            size = document.pagePointSize(self._page)
            scale = min(target.width() / size.width(), target.height() / size.height())
            dpi_scale = min(1.0, RASTER_DPI / max(1, printer.resolution()))
            image = document.render(self._page, QSize(
                int(size.width() * scale * dpi_scale), int(size.height() * scale * dpi_scale)))
            painter.drawImage(QRect(0, 0, int(size.width() * scale),
                                    int(size.height() * scale)), image)
        except Exception as error:  # a print failure must not take the window down
            painter.end()
            self._painter = None
            self._error(error)
            return
        self._page += 1
        self.progress.emit(self._page, total)
        QTimer.singleShot(0, self._raster_page)

    def _done(self, pages: int) -> None:
        self.progress.emit(pages, pages)
        self.finished.emit(pages)

    def _error(self, error: BaseException) -> None:
        self.failed.emit(str(error) or type(error).__name__)
