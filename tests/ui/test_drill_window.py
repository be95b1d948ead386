"""The window over a drill: the 훈련 / EXERCISE band on every view (read back from the pixels
of a screenshot), the title, the drill panel (controls and score for the controller only) and
the window's timer applying an inject that has fallen due."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from console.services.app import Services
from console.ui.context import UiContext
from console.ui.main_window import VIEW_NAMES, MainWindow
from console.ui.settings import UiSettings
from tests.conftest import FakeClock
from tests.drill_helpers import DRILL_WALL_START, as_user, copy_of, make_template
from tests.ui.conftest import settle

BAND = QColor("#ffb300")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("drill-window"))


@pytest.fixture
def wall() -> FakeClock:
    return FakeClock(DRILL_WALL_START)


@pytest.fixture
def drill(template: Path, tmp_path: Path, wall: FakeClock) -> Iterator[Services]:
    services = Services.open(copy_of(template, tmp_path), clock=wall)
    yield services
    services.close()


@pytest.fixture
def drill_window(qtbot, drill: Services, ui_settings: UiSettings, translated  # type: ignore[no-untyped-def]
                 ) -> Iterator[Callable[[str], MainWindow]]:
    windows: list[MainWindow] = []

    def _make(user: str) -> MainWindow:
        translated("ko")
        context = UiContext(drill, as_user(drill, user), "ko")
        window = MainWindow(context, ui_settings, idle_lock=False)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        settle(window)
        windows.append(window)
        return window

    yield _make
    for window in windows:
        if window.drill_panel is not None:
            window.drill_panel.timer.stop()
        window.context.runner.wait()


def _band_rows(window: MainWindow) -> int:
    """How many pixel rows of the band colour run across the window (from the screenshot)."""
    image = window.grab().toImage()
    rows = 0
    for y in range(image.height()):
        xs = range(20, image.width() - 20, max(1, image.width() // 16))
        if all(image.pixelColor(x, y).name() == BAND.name() for x in xs):
            rows += 1
    return rows


def test_the_band_is_on_every_view(drill_window, drill: Services) -> None:  # type: ignore[no-untyped-def]
    drill.drills.advance(as_user(drill, "controller"), to=timedelta(minutes=4))
    window = drill_window("situation")
    assert window.windowTitle().startswith("훈련 / EXERCISE — ")
    window.switch_user.become(as_user(drill, "systems"), None)  # a shift change keeps it
    assert window.windowTitle().startswith("훈련 / EXERCISE — ")
    assert window.windowTitle().endswith("systems")
    for view in VIEW_NAMES:
        window.show_view(view)
        settle(window)
        assert _band_rows(window) >= 10, view


def test_a_real_window_has_no_band(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window("commander")
    assert window.drill_panel is None and _band_rows(window) == 0
    assert "EXERCISE" not in window.windowTitle()


def test_trainees_see_the_clock_not_its_controls(drill_window) -> None:  # type: ignore[no-untyped-def]
    trainee = drill_window("systems").drill_panel
    assert trainee is not None
    assert not trainee.start.isVisible() and not trainee.score.isVisible()
    controller = drill_window("controller").drill_panel
    assert controller is not None
    assert controller.start.isVisible() and controller.score.isVisible()


def test_the_window_applies_injects_as_they_fall_due(qtbot, drill_window, drill: Services,  # type: ignore[no-untyped-def]
                                                     wall: FakeClock) -> None:
    window = drill_window("controller")
    panel = window.drill_panel
    assert panel is not None
    panel.start.click()  # the inject at +0m falls due at once
    qtbot.waitUntil(lambda: drill.drills.status().applied == 1, timeout=10000)
    panel.speed.setCurrentIndex(2)
    panel.speed.activated.emit(2)  # 10×
    qtbot.waitUntil(lambda: drill.drills.status().speed == 10, timeout=10000)
    wall.advance(seconds=20)  # +3m 20s of drill time
    qtbot.waitUntil(lambda: drill.drills.status().applied == 2, timeout=10000)  # by the timer
    qtbot.waitUntil(lambda: "상황부여 2" in panel.banner.text(), timeout=10000)
    assert "상암 데이터센터 지하 2층 전기실 침수" in panel.banner.text()
    qtbot.waitUntil(lambda: "점수" in panel.score.text(), timeout=10000)
    assert len(drill.outages.list()) == 4
    panel.next.click()
    qtbot.waitUntil(lambda: drill.drills.status().applied == 3, timeout=10000)


def test_the_controller_writes_a_lesson_and_prints_the_after_action_report(
        drill_window, drill: Services, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from tests.pdftext import flat

    controller = as_user(drill, "controller")
    drill.drills.advance(controller, to=timedelta(minutes=12))
    window = drill_window("controller")
    panel = window.drill_panel
    assert panel is not None and panel.lesson.isVisible() and panel.aar.isVisible()
    form = panel.ask_lesson()
    form.text.setPlainText("120 안내 문안을 미리 준비할 것")
    form.accept()
    qtbot.waitUntil(lambda: [lesson.text for lesson in drill.drills.lessons()]
                    == ["120 안내 문안을 미리 준비할 것"], timeout=10_000)

    out = tmp_path / "aar.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(panel.aar_print.printed, timeout=30_000) as done:
        assert panel.print_after_action(printer, "file")
        assert not panel.aar.isEnabled()  # one at a time, off the GUI thread
    assert done.args and done.args[0] >= 1 and panel.aar.isEnabled()
    text = flat(out.read_bytes())
    assert "훈련 사후강평 보고서" in text and "120 안내 문안을 미리 준비할 것" in text


def test_trainees_have_no_lesson_or_report_button(drill_window) -> None:  # type: ignore[no-untyped-def]
    panel = drill_window("situation").drill_panel
    assert panel is not None
    assert not panel.lesson.isVisible() and not panel.aar.isVisible()


def test_the_controller_resets_the_drill_after_a_confirmation(drill_window, drill: Services,  # type: ignore[no-untyped-def]
                                                              qtbot) -> None:
    controller = as_user(drill, "controller")
    drill.drills.advance(controller, to=timedelta(minutes=4))
    window = drill_window("controller")
    panel = window.drill_panel
    assert panel is not None and panel.reset.isVisible() and panel.judge.isVisible()
    panel.reset.click()
    question = panel.reset_question
    assert question is not None and question.isVisible()
    assert drill.drills.status().applied == 2  # nothing happens before the answer
    confirm = next(b for b in question.buttons() if b.objectName() == "confirmReset")
    confirm.click()
    qtbot.waitUntil(lambda: drill.drills.status().applied == 0, timeout=30_000)
    settle(window)
    assert drill.outages.list() == [] and drill.drills.status().elapsed == timedelta(0)
    assert window.context.actor.workstation_id == drill.accounts.workstation()[0]
    assert "+00:00" in panel.clock.text()
    trainee = drill_window("systems").drill_panel
    assert trainee is not None and not trainee.reset.isVisible() and not trainee.judge.isVisible()
