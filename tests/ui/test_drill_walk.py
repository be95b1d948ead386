"""The drill's done-when walk in one window session: a new user makes the short flood drill
from the window, the teams answer its injects through the window's own pages and forms, the
controller sees the score, judges a report, writes a lesson and prints the after-action report
(read back from the PDF)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from console.domain.clock import utc_now
from console.domain.enums import OutageStatus
from console.services.app import Services
from console.ui.actions import ActionId
from console.ui.context import UiContext
from console.ui.drill_judge import JudgementDialog
from console.ui.forms import LogDialog, OpenOutageDialog, OutageStatusDialog
from console.ui.main_window import MainWindow
from console.ui.task_force import ActivateDialog
from tests.conftest import FakeClock
from tests.drill_helpers import as_user
from tests.pdftext import flat, pdf_pages
from tests.ui.conftest import settle

LESSON = "하천 범람 경보 단계에서 전기실 차수판 설치를 점검표에 넣을 것"
JUDGED = "제1보 요약에 통합회원 로그인 장애 누락"


@pytest.fixture
def windows(qtbot, ui_settings, translated) -> Iterator[list[MainWindow]]:  # type: ignore[no-untyped-def]
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        if window.drill_panel is not None:
            window.drill_panel.timer.stop()
        window.context.runner.wait()


def _window(qtbot, ui_settings, services: Services, user: str, view: str,  # type: ignore[no-untyped-def]
            opened: list[MainWindow]) -> MainWindow:
    """A window over the drill, as the program opens one per workstation (a team's PC)."""
    window = MainWindow(UiContext(services, as_user(services, user), "ko"), ui_settings,
                        idle_lock=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show_view(view)
    window.show()
    settle(window)
    opened.append(window)
    return window


def _next(controller: MainWindow, services: Services, applied: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = controller.drill_panel
    assert panel is not None
    panel.next.click()
    qtbot.waitUntil(lambda: services.drills.status().applied == applied, timeout=15_000)
    settle(controller)


def test_a_new_user_runs_the_flood_drill_from_the_window(  # type: ignore[no-untyped-def]
        qtbot, make_window, ui_settings, windows, tmp_path: Path) -> None:
    # File ▸ New drill… on the workstation's own window: the drill is a file of its own.
    home = make_window("commander")
    assert home.registry[ActionId.NEW_DRILL].isEnabled()
    target = tmp_path / "drill-flood.sqlite"
    home.new_drill.run("flood", target, open_it=False)
    qtbot.waitUntil(lambda: home.new_drill.made == target, timeout=60_000)
    settle(home)

    wall = FakeClock(utc_now())  # the file's drill starts when it was made
    drill = Services.open(target, clock=wall)
    try:
        _walk(qtbot, ui_settings, drill, windows, tmp_path)
    finally:
        for window in windows:
            if window.drill_panel is not None:
                window.drill_panel.timer.stop()
            window.context.runner.wait()
        drill.close()


def _walk(qtbot, ui_settings, drill: Services, opened: list[MainWindow],  # type: ignore[no-untyped-def]
          tmp_path: Path) -> None:
    controller = _window(qtbot, ui_settings, drill, "controller", "board", opened)
    panel = controller.drill_panel
    assert panel is not None and controller.windowTitle().startswith("훈련 / EXERCISE")

    # +00:00 the flood warning: the situation team logs it.
    panel.start.click()
    qtbot.waitUntil(lambda: drill.drills.status().applied == 1, timeout=15_000)
    qtbot.waitUntil(lambda: "상황부여 1" in panel.banner.text(), timeout=15_000)
    situation = _window(qtbot, ui_settings, drill, "situation", "log", opened)
    assert situation.drill_panel is not None and not situation.drill_panel.start.isVisible()
    log = situation.pages["log"]
    log.new_item()
    entry = log.dialog
    assert isinstance(entry, LogDialog)
    entry.text.setPlainText("기상청 호우경보 접수, 시설관리팀 순찰 결과 확인 중")
    entry.accept()
    settle(situation)

    # +00:03 the power room floods (the drill opens four outages); the systems team records
    # one more it finds down itself.
    _next(controller, drill, 2, qtbot)
    systems = _window(qtbot, ui_settings, drill, "systems", "outages", opened)
    outages = systems.pages["outages"]
    outages.new_item()
    opened_one = outages.dialog
    assert isinstance(opened_one, OpenOutageDialog)
    opened_one.code.setText("SEO-0001")
    opened_one.note.setPlainText("상암 전기실 침수 영향: 응답 없음")
    opened_one.accept()
    settle(systems)
    assert "SEO-0001" in {o.code for o in drill.outages.list()}

    # +00:08 the director asks: the controller activates the task force and approves 제1보.
    _next(controller, drill, 3, qtbot)
    controller.registry[ActionId.ACTIVATE_TASK_FORCE].trigger()
    settle(controller)
    activate = controller.incidents.dialog
    assert isinstance(activate, ActivateDialog)
    activate.accept()
    settle(controller)
    assert drill.incidents.list()[0].activated_at is not None
    controller.show_view("reports")
    settle(controller)
    reports = controller.pages["reports"]
    reports.draft_now()
    settle(controller)
    reports.approve()
    settle(controller)
    assert "제1보" in reports.status.text()

    # +00:12 and +00:15: the continuity team's workaround for the member login.
    _next(controller, drill, 4, qtbot)
    _next(controller, drill, 5, qtbot)
    systems.show_view("outages")
    settle(systems)
    member = next(o.id for o in drill.outages.list() if o.code == "SEO-0023")
    assert outages.select_id(member)
    outages.change_status()
    status = outages.dialog
    assert isinstance(status, OutageStatusDialog)
    status.status.setCurrentIndex(status.status.findData(OutageStatus.WORKAROUND.value))
    status.note.setPlainText("대체 인증(휴대폰 본인확인) 안내")
    status.accept()
    settle(systems)

    # The controller's live score, a judgement on 제1보, a lesson, the after-action report.
    qtbot.waitUntil(lambda: "점수" in panel.score.text(), timeout=15_000)
    panel.ask_judgement()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, JudgementDialog), timeout=15_000)
    judge = panel.dialog
    assert isinstance(judge, JudgementDialog)
    judge.kind.setCurrentIndex(judge.kind.findData("summary_error"))
    judge.note.setPlainText(JUDGED)
    judge.accept()
    qtbot.waitUntil(lambda: len(drill.drill_score.score(
        as_user(drill, "controller")).judgements) == 1, timeout=15_000)
    lesson = panel.ask_lesson()
    lesson.text.setPlainText(LESSON)
    lesson.accept()
    qtbot.waitUntil(lambda: len(drill.drills.lessons()) == 1, timeout=15_000)
    score = drill.drill_score.score(as_user(drill, "controller"))
    outcomes = {d.kind: d.outcome.value for d in score.deadlines}
    assert outcomes["acknowledgement"] == "met" and outcomes["activation"] == "met"
    assert outcomes["first_report"] == "met"
    qtbot.waitUntil(lambda: f"{score.score:g}" in panel.score.text(), timeout=15_000)

    out = tmp_path / "aar.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(panel.aar_print.printed, timeout=60_000):
        assert panel.print_after_action(printer, "file")
    pdf = out.read_bytes()
    assert all("훈련 / EXERCISE" in page for page in pdf_pages(pdf))
    text = flat(pdf)
    for expected in ("훈련 사후강평 보고서", f"{score.score:g}점 / 100점", "상황부여와 대응",
                     "상암 데이터센터 지하 2층 전기실 침수", "기상청 호우경보 접수",
                     "준수", "미이행", "상황보고 제1보", JUDGED, LESSON):
        assert expected in text, expected
    controller.grab().save(str(tmp_path / "drill-walk.png"))
