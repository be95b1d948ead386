"""Log-in as each role, the status bar, and the session lock."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from console.services.app import Services
from console.ui.login import IdleWatcher, LoginDialog
from console.ui.main_window import MainWindow
from console.ui.worker import Runner
from tests.ui.conftest import settle

ROLES = {
    "commander": "commander · 본부장",
    "controller": "controller · 통제관",
    "systems": "systems · 반장 · 시스템장애조치반",
    "observer": "observer · 참관",
}


@pytest.mark.parametrize("user", list(ROLES))
def test_log_in_as_each_role(qtbot, demo: Services, make_window, user: str) -> None:  # type: ignore[no-untyped-def]
    runner = Runner()
    dialog = LoginDialog(demo.accounts, runner, "ko")
    qtbot.addWidget(dialog)
    assert dialog.workstation.text() == "demo"
    dialog.user.setText(user)
    dialog.password.setText("demo")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.try_login()
    assert dialog.actor is not None and dialog.actor.name == user
    window: MainWindow = make_window(user, "ko")
    assert window.findChild(QLabel, "statusUser").text() == ROLES[user]


def test_wrong_password_is_shown_inline(qtbot, demo: Services, translated) -> None:  # type: ignore[no-untyped-def]
    translated("ko")
    runner = Runner()
    dialog = LoginDialog(demo.accounts, runner, "ko", user="commander")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("wrong")
    dialog.try_login()
    assert runner.wait()
    assert dialog.actor is None
    assert dialog.error.isVisible()
    assert dialog.error.text() == "사용자 이름 또는 비밀번호가 틀렸습니다."


def test_lock_and_unlock(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("controller", "ko", "outages")
    window.lock()
    assert window.locked and window.cover.isVisible() and not window.stack.isVisible()
    dialog = window.lock_dialog
    assert dialog is not None and dialog.user.text() == "controller"
    dialog.password.setText("nope")
    dialog.try_login()
    settle(window)
    assert window.locked and dialog.error.isVisible()
    dialog.password.setText("demo")
    dialog.try_login()
    settle(window)
    assert not window.locked and window.stack.isVisible()


def test_idle_time_locks(make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("controller", "ko")
    window.idle.set_minutes(15)
    window.idle.check()
    assert not window.locked
    window.idle.last_input -= 15 * 60 + 1
    window.idle.check()
    assert window.locked


def test_idle_watcher_default_comes_from_settings(ui_settings) -> None:  # type: ignore[no-untyped-def]
    from console.ui import settings as opts

    assert ui_settings.get(opts.IDLE_LOCK_MINUTES) == 15
    ui_settings.set(opts.IDLE_LOCK_MINUTES, 5)
    assert ui_settings.get(opts.IDLE_LOCK_MINUTES) == 5
    assert IdleWatcher(0).minutes == 0


def test_log_ins_are_recorded_and_a_busy_database_still_lets_one_in(
        qtbot, services: Services, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    import console.store.database as database

    runner = Runner()

    def log_in(app: Services = services) -> LoginDialog:
        dialog = LoginDialog(app.accounts, runner, "en", user="press")
        qtbot.addWidget(dialog)
        dialog.password.setText("pw-press")
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            dialog.try_login()
        return dialog

    digest = services.maintenance.digest()
    first = clock()
    assert log_in().since_login is None  # the first log-in here
    clock.advance(hours=8)
    assert log_in().since_login == first  # the one before
    assert services.maintenance.digest() == digest  # local bookkeeping: nothing shared
    clock.advance(hours=8)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)  # 15 s in use; the rule is the same
    other = Services.open(services.db.path, clock=clock)  # a window opened with it
    holder = sqlite3.connect(services.db.path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
        busy = log_in(other)
        assert busy.actor is not None and busy.since_login is None  # in, without the marks
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        runner.shutdown()
        other.close()
