"""The handover briefing and the 상황 요약 from the reports page: the period dialog defaults to
the handover command's period, the paper lands in the preview and is printed and exported as
any other; a period that ends before it starts is refused on the page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from console.ui.briefings import HandoverDialog
from console.ui.reports_view import ReportsView
from tests.pdftext import pdf_pages
from tests.ui.conftest import settle


@pytest.fixture(autouse=True)
def korean(translated) -> None:  # type: ignore[no-untyped-def]
    translated("ko")


def _kst(hour: int) -> QDateTime:
    return QDateTime(QDate(2025, 10, 17), QTime(hour, 0), QTimeZone(b"Asia/Seoul"))


def _view(qtbot, make_context) -> ReportsView:  # type: ignore[no-untyped-def]
    view = ReportsView(make_context("situation"))
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    settle(view.context)
    return view


def _shown(qtbot, view: ReportsView, start: str) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view._current is not None and view._current[0].startswith(start)
                    and view.document.status() == QPdfDocument.Status.Ready, timeout=30_000)
    assert view._current is not None
    return " ".join(" ".join(pdf_pages(view._current[1])).split())


def test_the_handover_briefing_of_a_chosen_shift(qtbot, make_context,
                                                 tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_context)
    bar = view.briefings
    bar.ask_handover()
    dialog = bar.dialog
    assert isinstance(dialog, HandoverDialog)
    # The command's default: the eight hours up to now (the demo's clock: 10-20 00:00 UTC).
    start, end = dialog.period()
    assert end == datetime(2025, 10, 20, tzinfo=UTC) and end - start == timedelta(hours=8)
    dialog.shift_buttons[12].click()
    assert dialog.period()[1] - dialog.period()[0] == timedelta(hours=12)
    # The demo's last day shift, 10-17 09:00 to 17:00 KST: 제40보 was issued in it.
    dialog.start.setDateTime(_kst(9))
    dialog.end.setDateTime(_kst(17))
    assert dialog.period() == (datetime(2025, 10, 17, 0, tzinfo=UTC),
                               datetime(2025, 10, 17, 8, tzinfo=UTC))
    dialog.accept()
    text = _shown(qtbot, view, "교대 브리핑 20251017-0900-20251017-1700")
    assert "교대 브리핑(ICS 201)" in text and "제40보" in text
    assert "교대 브리핑" in view.status.text()
    written = view.export_to(tmp_path / "out")
    assert written is not None and written.name.endswith(".pdf")
    assert pdf_pages(written.read_bytes())[0].startswith(pdf_pages(view._current[1])[0][:20])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(view.printed, timeout=30_000) as sent:
        assert view.print_to(printer, how="file") is not None
    assert sent.args == [view.document.pageCount()]


def test_a_backwards_period_is_refused_and_the_summary_shows(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_context)
    end = datetime(2025, 10, 17, 8, tzinfo=UTC)
    view.briefings.show_handover(end, end - timedelta(hours=1))
    qtbot.waitUntil(lambda: "교대 브리핑 기간의 시작" in view.status.text(), timeout=30_000)
    view.briefings.show_summary(datetime(2025, 10, 1, 3, tzinfo=UTC))
    text = _shown(qtbot, view, "상황 요약 20251001-1200")
    assert "상황 요약(본부장 보고용)" in text and "10. 1. 12:00" in text
