"""The reports page: list, preview, draft and approve (with refusals), print and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from console.domain.clock import parse_time
from console.domain.ids import natural_id
from console.store.models import SituationReport, Workstation
from console.ui.reports_view import ReportsModel, ReportsView
from tests.pdftext import pdf_pages
from tests.ui.conftest import settle


@pytest.fixture(autouse=True)
def korean(translated) -> None:  # type: ignore[no-untyped-def]
    """The page's words are tr() texts: install the Korean translator, as the window does."""
    translated("ko")


def _view(qtbot, make_context, user: str) -> ReportsView:  # type: ignore[no-untyped-def]
    view = ReportsView(make_context(user))
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def test_draft_approve_preview_print_and_export(qtbot, make_context, tmp_path: Path,
                                                qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_context, "controller")
    assert view.model.rowCount() == 40  # the demo's issued reports
    view.draft_now()
    settle(view.context)
    assert [r.title() for r in view.model.rows][-1] == "초안"
    assert view.selected() is not None and view.selected().is_draft
    qtbot.waitUntil(lambda: view.document.status() == QPdfDocument.Status.Ready)
    assert view.document.pageCount() >= 5
    page = view.document.render(0, QSize(420, 594))
    dark = sum(1 for y in range(0, 594, 3) for x in range(0, 420, 3)
               if QColor(page.pixel(x, y)).lightness() < 128)
    assert dark > 200  # the preview shows the page's text and tables, not a blank sheet
    view.approve()  # the demo is closed: a report now needs a reason
    settle(view.context)
    assert "발행 사유를 적어 주십시오" in view.status.text()
    assert [r.title() for r in view.model.rows][-1] == "초안"
    view.reason.setText("시험: 상황 종료 후 보고")
    view.approve()
    settle(view.context)
    titles = [r.title() for r in view.model.rows]
    assert titles[-2:] == ["제41보", "제41보로 승인됨"]  # the draft is no longer one
    assert "제41보 발행" in view.status.text() and view.reason.text() == ""
    qtbot.waitUntil(lambda: view._current is not None and "제41보" in view._current[0]
                    and view.document.status() == QPdfDocument.Status.Ready, timeout=30_000)
    qtmodeltester.check(view.model)

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(view.printed, timeout=10_000) as sent:
        assert view.print_to(printer) is not None
        assert not view.buttons["print"].isEnabled()  # no second job while one runs
    assert sent.args == [view.document.pageCount()]
    assert view.buttons["print"].isEnabled()
    printed = (tmp_path / "printed.pdf").read_bytes()
    assert view._current is not None and printed == view._current[1]  # the vector PDF as is
    assert "상황보고 제41보" in " ".join(pdf_pages(printed))

    exported = view.export_to(tmp_path / "out")
    assert exported is not None and exported.name.startswith("상황보고_제41보_")
    text = " ".join(pdf_pages(exported.read_bytes()))
    assert "상황보고 제41보" in text and "발행 사유 — 시험: 상황 종료 후 보고" in text


def test_refusals_show_the_reason(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_context, "observer")
    view.draft_now()
    settle(view.context)
    assert "상황보고를 작성할 수 있습니다" in view.status.text()
    assert view.context.messages.history[-1].text.endswith("작성할 수 있습니다")
    view.approve()
    assert "초안을 목록에서 고르세요" in view.status.text()

    situation = _view(qtbot, make_context, "situation")
    situation.draft_now()
    settle(situation.context)
    situation.approve()
    settle(situation.context)
    assert "본부장·차장·통제관만 상황보고를 승인할 수 있습니다" in situation.status.text()
    assert [r.title() for r in situation.model.rows][40:] == ["초안"]


def test_duplicates_are_flagged_in_the_list(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_context, "commander")
    services = view.context.services
    issued = services.reports.approve(view.context.actor,
                                      as_of=parse_time("2025-10-03T12:00+09:00"), reason="시험")
    station = natural_id("workstation", "상황실-2")
    when = parse_time("2025-10-20T00:00+09:00")
    with services.db.transaction() as session:
        session.add(Workstation(id=station, name="상황실-2", public_key=None, trusted=True,
                                created_at=when, updated_at=when, deleted=False))
        mine = session.get(SituationReport, issued.row.id)
        session.add(SituationReport(
            id=natural_id("test", "dup"), incident_id=mine.incident_id, number=41,
            as_of=mine.as_of, issued_at=when, prepared_by=None, approved_by=None, lang="ko",
            snapshot_json=mine.snapshot_json, pdf_sha256=mine.pdf_sha256, recorded_at=when,
            author_id=None, workstation_id=station))
    view.context.bus.changed.emit({"situation_report"})
    model: ReportsModel = view.model
    assert model.rowCount() == 42
    texts = {model.data(model.index(r, 0)) for r in range(40, 42)}
    assert "제41보 (중복: 상황실-2 발행본과 번호 중복)" in texts
    assert model.data(model.index(40, 0), 8) is not None  # BackgroundRole: the row stands out
    assert model.data(model.index(0, 0), 8) is None
    view.table.selectRow(40)
    settle(view.context)
    assert "중복" in view.status.text()


def test_printout_preview(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_context, "press")
    # The newest issued report (the demo's 제40보) is previewed first; then the printout.
    qtbot.waitUntil(lambda: view._current is not None, timeout=30_000)
    view.kinds.setCurrentIndex(view.kinds.findData("roster"))
    view.show_printout()
    settle(view.context)
    # The newest issued report (the demo's 제40보) may still be loading its preview first.
    qtbot.waitUntil(lambda: view._current is not None and view._current[0] == "비상연락망.pdf"
                    and view.document.status() == QPdfDocument.Status.Ready)
    assert view.document.pageCount() == 1
    assert view._current is not None and view._current[0] == "비상연락망.pdf"


def test_printing_does_not_block_the_event_loop(qtbot, make_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Even the page-image route (printers that cannot take a PDF) prints a page per turn of
    the event loop: a 10 ms timer keeps ticking while the pages go out."""
    view = _view(qtbot, make_context, "controller")
    view.draft_now()
    settle(view.context)
    qtbot.waitUntil(lambda: view.document.status() == QPdfDocument.Status.Ready)
    ticks: list[int] = []
    timer = QTimer(view)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(view.progress.value()))
    timer.start()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "raster.pdf"))
    with qtbot.waitSignal(view.printed, timeout=60_000) as sent:
        view.print_to(printer, how="raster")
    timer.stop()
    pages = view.document.pageCount()
    assert sent.args == [pages]
    assert len(pdf_pages((tmp_path / "raster.pdf").read_bytes())) == pages
    during = [value for value in ticks if value < pages]
    # The clock ticked again and again while pages were still going out (one long frozen
    # loop would give at most one tick before the end).
    assert len(set(during)) >= min(3, pages - 1), ticks


def test_drafting_disables_its_button_until_done(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_context, "controller")
    view.draft_now()
    assert not view.buttons["draft_now"].isEnabled() and view.progress.isVisibleTo(view)
    assert view.status.text() == "상황보고 초안 작성 중…"
    view.draft_now()  # a second click while the first draft renders: nothing more
    settle(view.context)
    assert view.buttons["draft_now"].isEnabled() and not view.progress.isVisibleTo(view)
    assert len(view.model.rows) == 41  # the demo's 40 and the one draft


def test_a_slow_earlier_preview_never_replaces_the_one_asked_for_last(
        qtbot, make_context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Reads run on two threads: the preview of a report chosen first but read slowly must not
    land over the one chosen after it (after an approval, the draft's reprint did)."""
    import time
    view = _view(qtbot, make_context, "controller")
    settle(view.context)
    reports = view.context.services.reports
    first, last = view.model.rows[0], view.model.rows[-1]
    reprint = reports.reprint

    def slow_for_the_first(report_id: str):  # type: ignore[no-untyped-def]
        if report_id == first.id:
            time.sleep(1.0)
        return reprint(report_id)

    monkeypatch.setattr(reports, "reprint", slow_for_the_first)
    view._select(first.id)
    view._select(last.id)
    settle(view.context)
    assert view._current is not None and last.number is not None
    assert f"제{last.number}보" in view._current[0]
