"""The incident's life in the window: activate → countdown → report approved → next slot →
overdue reminder; an outage on a closed incident refused with a new incident offered; the
board at a past moment reads what a report frozen at that moment reads."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import QLabel, QMessageBox

from console.domain.clock import parse_time
from console.services.app import Services
from console.services.context import Actor
from console.ui.actions import ActionId
from console.ui.context import UiContext
from console.ui.incident_dialogs import NewIncidentDialog
from console.ui.main_window import MainWindow
from console.ui.settings import UiSettings
from console.ui.task_force import ActivateDialog, ScheduleDialog
from tests.conftest import FakeClock
from tests.ui.conftest import settle

SEOUL = QTimeZone(b"Asia/Seoul")


def _wait_for_dialog(window: MainWindow, kind: type) -> object:
    settle(window)
    dialog = window.incidents.dialog
    assert isinstance(dialog, kind), dialog
    return dialog


def test_activate_countdown_approve_next_slot_overdue(
        services: Services, login: Callable[[str], Actor], clock: FakeClock,
        ui_settings: UiSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = login("controller")
    services.incidents.open(controller, "상암 센터 정전", *_area_cause(),
                            started_at=parse_time("2025-09-27T17:30"))
    context = UiContext(services, controller, "en")
    window = MainWindow(context, ui_settings, idle_lock=False)
    qtbot.addWidget(window)
    window.show()
    settle(window)
    board = window.pages["board"]
    status = window.findChild(QLabel, "statusReport")
    assert board.figures()["next_report.detail"] == "Task force not activated"
    assert not status.isVisible()

    window.registry[ActionId.ACTIVATE_TASK_FORCE].trigger()
    dialog = _wait_for_dialog(window, ActivateDialog)
    dialog.at.setDateTime(QDateTime(2025, 9, 27, 17, 50, 0, 0, SEOUL))  # back-dated 10 min
    dialog.accept()
    settle(window)
    assert board.figures()["next_report"] == "0:20:00"
    assert board.figures()["next_report.detail"].startswith("Report No. 1 due")
    assert status.isVisible() and status.text() == "Report No. 1 due in 0h 20m"

    window.registry[ActionId.REPORT_SCHEDULE].trigger()
    schedule = _wait_for_dialog(window, ScheduleDialog)
    schedule.hours.setText("8,12,18")
    schedule.accept()
    settle(window)

    clock.advance(minutes=15)  # 18:15: 제1보 approved on time
    context.write(lambda: services.reports.approve(controller), tables={"situation_report"})
    settle(window)
    # The next slot of 08·12·18 after 18:15 (an early report answers its slot): 08:00.
    assert board.figures()["next_report"] == "13:45:00"
    assert "Report No. 2 due 2025-09-28 08:00" in board.figures()["next_report.detail"]

    clock.moment = parse_time("2025-09-28T08:05")
    qtbot.waitUntil(lambda: board.figures()["next_report"] == "Overdue 0:05:00", timeout=3000)
    qtbot.waitUntil(lambda: status.text() == "Report No. 2 overdue by 0h 05m", timeout=3000)
    assert "font-weight: bold" in status.styleSheet()
    context.runner.wait()


def _area_cause() -> tuple:  # type: ignore[type-arg]
    from console.domain.enums import Cause, DisasterArea

    return DisasterArea.RESOURCE_FAILURE, Cause.POWER


def test_an_outage_on_the_closed_demo_is_refused_and_a_new_incident_offered(
        make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "en", "outages")
    services, context = window.context.services, window.context
    before = services.maintenance.digest()
    page = window.pages["outages"]
    context.write(lambda: services.outages.open(context.actor, "SEO-0001"),
                  on_error=page._refused_outage)
    settle(window)
    box = context.messages.last_box
    assert box is not None and "was closed" in box.text()
    assert services.maintenance.digest() == before
    offer = next(b for b in box.buttons() if b.objectName() == "offerNewIncident")
    assert box.buttonRole(offer) == QMessageBox.ButtonRole.ActionRole
    offer.click()
    settle(window)
    assert isinstance(window.incidents.dialog, NewIncidentDialog)


def test_the_board_at_a_past_moment_reads_the_report_snapshot_of_that_moment(
        make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "en")
    board = window.pages["board"]
    moment = parse_time("2025-09-30T12:00")
    board.moment.set_moment(moment)
    board.moment.show_button.click()
    settle(window)
    shown = board.figures()
    frozen = window.context.services.reports.snapshot(as_of=moment)["figures"]
    assert shown["affected"] == str(frozen["affected"])
    assert shown["restored"] == f"{frozen['restored']} / {frozen['affected']}"
    assert shown["citizen_down"] == str(frozen["citizen_down"])
    assert shown["importance_1_2_down"] == str(frozen["importance_1_2_down"])
    assert shown["alternative_active"] == str(frozen["alternative_active"])
    assert shown["rto_breached"] == str(frozen["rto_breached"])
    assert shown["as_of"].startswith("Past moment") and "2025-09-30 12:00" in shown["as_of"]
    assert 0 < frozen["restored"] < 64
    board.moment.now_button.click()
    settle(window)
    assert board.figures()["restored"] == "64 / 64"


def test_backup_from_the_file_menu(make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("controller", "en")
    names = [a.objectName() for a in window.menus["file"].actions()]
    assert "action_backup" in names
    target = tmp_path / "shift.sqlite"
    window.backup.run(target)
    settle(window)
    assert target.is_file() and target.stat().st_size > 0
    assert window.findChild(QLabel, "statusBackup").text() != "—"


def test_the_incident_selector_shows_the_closed_demo_while_a_new_one_runs(
        make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "en")
    services, context = window.context.services, window.context
    context.write(lambda: services.incidents.open(context.actor, "상암 센터 정전",
                                                  *_area_cause()))
    settle(window)
    board = window.pages["board"]
    assert board.figures()["title"] == "상암 센터 정전"
    combo = board.moment.incident
    demo = next(i for i in services.incidents.list() if i.title != "상암 센터 정전")
    index = combo.findData(demo.id)
    assert index > 0 and combo.count() == 3  # "current" and the two incidents
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    settle(window)
    assert board.figures()["title"] == demo.title
    assert board.figures()["restored"] == "64 / 64"
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    settle(window)
    assert board.figures()["title"] == "상암 센터 정전"


def test_timeline_view_filters_by_team_and_marks_nothing_at_a_first_log_in(
        make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from console.ui.pages.timeline import TimelinePage

    first: MainWindow = make_window("controller", "en", "timeline")
    page = first.pages["timeline"]
    assert isinstance(page, TimelinePage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 100, timeout=5000)
    assert page.new_rows() == 0  # no earlier log-in here: nothing is marked
    team = page.team.findData("press")
    page.team.setCurrentIndex(team)
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < 20, timeout=5000)
    assert {e.team for e in page.model.entries} == {"press"}
