"""A shift change in the open window: another user logs in without a restart, and what was
recorded since that user's previous log-in here is marked on the timeline and the board."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from console.domain.enums import Cause, DisasterArea, Team
from console.domain.errors import PermissionDenied
from console.services.app import Services
from console.services.context import Actor
from console.ui.actions import ActionId
from console.ui.context import UiContext
from console.ui.login import LoginDialog
from console.ui.main_window import MainWindow
from console.ui.pages.timeline import TimelinePage
from console.ui.settings import UiSettings
from tests.conftest import FakeClock
from tests.ui.conftest import settle


def _log_in(window: MainWindow, qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    window.registry[ActionId.SWITCH_USER].trigger()
    dialog = window.switch_user.dialog
    assert isinstance(dialog, LoginDialog) and dialog.isVisible()
    dialog.user.setText(name)
    dialog.password.setText(f"pw-{name}")
    dialog.try_login()
    qtbot.waitUntil(lambda: window.context.actor.name == name, timeout=5000)
    settle(window)


def test_switch_user_then_marks_since_the_previous_log_in(
        services: Services, login: Callable[[str], Actor], clock: FakeClock,
        ui_settings: UiSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = login("controller")
    services.incidents.open(controller, "상암 센터 정전", DisasterArea.RESOURCE_FAILURE,
                            Cause.POWER)
    services.incidents.activate(controller)
    # The press member wrote at 18:00 and last logged in to this window at 18:10; the
    # controller's first window log-in here is now.
    press = login("press")
    services.journal.add_log(press, Team.PRESS, "1차 보도자료 배포", significant=True)
    clock.advance(minutes=10)
    services.accounts.record_login(press.user_id)
    since = services.accounts.record_login(controller.user_id)
    assert since is None  # the first log-in here marks nothing
    context = UiContext(services, controller, "en", since_login=since)
    window = MainWindow(context, ui_settings, idle_lock=False)
    qtbot.addWidget(window)
    window.show_view("timeline")
    window.show()
    settle(window)
    assert window.windowTitle().endswith("— controller")
    status = window.findChild(QLabel, "statusUser")
    assert status.text().startswith("controller")
    timeline = window.pages["timeline"]
    assert isinstance(timeline, TimelinePage)
    qtbot.waitUntil(lambda: timeline.model.rowCount() >= 2, timeout=5000)
    assert timeline.new_rows() == 0

    # Overnight the controller writes a decision; the press lead takes over in the morning.
    clock.advance(hours=12)
    context.write(lambda: services.journal.add_decision(context.actor, "대체 창구 운영"))
    settle(window)
    clock.advance(minutes=5)
    _log_in(window, qtbot, "press")
    assert context.actor.name == "press" and context.actor.team is Team.PRESS
    assert window.windowTitle().endswith("— press")
    assert status.text().startswith("press")
    qtbot.waitUntil(lambda: timeline.new_rows() == 1, timeout=5000)
    assert [e.text for row, e in enumerate(timeline.model.entries)
            if timeline.model.is_new(row)] == ["대체 창구 운영"]
    board = window.pages["board"]
    window.show_view("board")
    settle(window)
    assert board.marked_new()["decisions"] == [True]
    assert board.marked_new()["log"] == [False]  # written before their last log-in

    # The services judge the new user: the press member may not decide.
    refusals: list[BaseException] = []
    context.write(lambda: services.journal.add_decision(context.actor, "권한 밖 결정"),
                  on_error=refusals.append)
    settle(window)
    assert len(refusals) == 1 and isinstance(refusals[0], PermissionDenied)
    # The lock screen asks the password of the user now working, not the one before.
    window.lock()
    assert window.lock_dialog is not None and window.lock_dialog.user.text() == "press"
    window.lock_dialog.password.setText("pw-press")
    window.lock_dialog.try_login()
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    # Drafts now belong to the press member: the controller's unsent text stays theirs.
    assert context.drafts is not None and context.drafts.scope.endswith("|press")

    # The press member records an event; the controller comes back for the next shift.
    context.write(lambda: services.journal.add_log(context.actor, Team.PRESS, "2차 브리핑",
                                                   significant=True))
    settle(window)
    clock.advance(hours=8)
    _log_in(window, qtbot, "controller")
    window.show_view("timeline")
    qtbot.waitUntil(lambda: timeline.new_rows() == 1, timeout=5000)
    new = [e.text for row, e in enumerate(timeline.model.entries) if timeline.model.is_new(row)]
    assert new == ["2차 브리핑"]  # their own overnight decision is not new to them
    window.show_view("board")
    settle(window)
    assert board.marked_new()["decisions"] == [False]
    assert board.marked_new()["log"] == [True, False]  # newest first


def test_a_cancelled_switch_keeps_the_user(
        services: Services, login: Callable[[str], Actor], ui_settings: UiSettings,
        qtbot) -> None:  # type: ignore[no-untyped-def]
    context = UiContext(services, login("controller"), "ko")
    window = MainWindow(context, ui_settings, idle_lock=False)
    qtbot.addWidget(window)
    window.show()
    settle(window)
    window.registry[ActionId.SWITCH_USER].trigger()
    dialog = window.switch_user.dialog
    assert dialog is not None
    dialog.reject()
    settle(window)
    assert context.actor.name == "controller"
