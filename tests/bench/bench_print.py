"""Printing a situation report from the reports page: time until the job is done, the spooled
file's size next to the PDF's, and how long the event loop was ever held (issue 12).

    .venv/bin/python tests/bench/bench_print.py [--db demo.sqlite] [--old]

Prints to a PDF file (what "Print to File" and a CUPS spool receive): route 'file' (the PDF as
is; CUPS 'lp' sends the same bytes), route 'raster' (page images at 300 dpi, for printers that
cannot take a PDF) and, with --old, the former code (page images at the printer's full
resolution, all pages in one GUI-thread loop). Targets: ≤ 5 s, spool ≤ 10× the PDF.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from console.services.app import Services
from console.ui.app import prepare
from console.ui.context import UiContext
from console.ui.reports_view import ReportsView


def old_print(view: ReportsView, printer: QPrinter) -> None:
    """The code before issue 12, for the comparison."""
    painter = QPainter()
    painter.begin(printer)
    page_rect = printer.pageLayout().paintRectPixels(printer.resolution())
    for page in range(view.document.pageCount()):
        if page:
            printer.newPage()
        size = view.document.pagePointSize(page)
        scale = min(page_rect.width() / size.width(), page_rect.height() / size.height())
        painter.drawImage(0, 0, view.document.render(
            page, QSize(int(size.width() * scale), int(size.height() * scale))))
    painter.end()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--old", action="store_true")
    args = parser.parse_args()
    app, _ = prepare("ko", offscreen=True)
    folder = Path(tempfile.mkdtemp(prefix="bench-print-"))
    db = args.db or folder / "demo.sqlite"
    if not db.exists():
        built = Services.open(db, create=True)
        built.demo.build()
        built.close()
    services = Services.open(db)
    context = UiContext(services, services.accounts.login("controller", "demo"), "ko")
    view = ReportsView(context)
    view.resize(1200, 800)
    view.show()
    start = time.perf_counter()
    view.draft_now()
    while view.running:
        app.processEvents()
        time.sleep(0.005)
    print(f"draft: {time.perf_counter() - start:.2f} s")
    while view.document.status() != QPdfDocument.Status.Ready:
        app.processEvents()
    assert view._current is not None
    pdf_size = len(view._current[1])
    print(f"report: {view.document.pageCount()} pages, PDF {pdf_size / 1e3:.0f} kB")
    routes = ["file", "raster"] + (["old"] if args.old else [])
    for how in routes:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        target = folder / f"{how}.pdf"
        printer.setOutputFileName(str(target))
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick(gaps: list[float] = gaps, last: list[float] = last) -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        start = time.perf_counter()
        if how == "old":
            old_print(view, printer)
        else:
            done: list[int] = []
            view.printed.connect(done.append)
            view.print_to(printer, how=how)
            while not done:
                app.processEvents()
                time.sleep(0.002)
            view.printed.disconnect(done.append)
        app.processEvents()
        took = time.perf_counter() - start
        timer.stop()
        size = target.stat().st_size
        held = max(gaps, default=took)
        print(f"{how:>6}: {took:.2f} s, spool {size / 1e6:.2f} MB = {size / pdf_size:.1f}× "
              f"the PDF, event loop held at most {held * 1000:.0f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    view.close()
    context.runner.shutdown()
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
