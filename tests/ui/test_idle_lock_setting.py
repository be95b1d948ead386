"""The idle lock is a security setting: only those the permission table allows may change
it (the controller, the administrator); anyone else is told who may, and nothing changes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog

from console.ui import settings as opts
from console.ui.main_window import MainWindow
from console.ui.settings import UiSettings


@pytest.mark.parametrize("user", ["observer", "commander", "situation", "press"])
def test_others_may_not_turn_the_idle_lock_off(make_window, ui_settings: UiSettings,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch, user: str
                                               ) -> None:
    asked: list[int] = []
    monkeypatch.setattr(QInputDialog, "getInt",
                        lambda *args, **kwargs: (asked.append(1), (0, True))[1])
    window: MainWindow = make_window(user, "en")
    window.ask_idle_minutes()
    shown = window.context.messages.history[-1]
    assert shown.kind == "denied"
    assert shown.text == "only the controller or administrator may set the idle lock time"
    assert asked == [] and ui_settings.get(opts.IDLE_LOCK_MINUTES) == 15
    box = window.context.messages.last_box
    if box is not None:
        box.close()


@pytest.mark.parametrize("user", ["controller", "admin"])
def test_the_controller_and_the_administrator_may(make_window, ui_settings: UiSettings,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch, user: str
                                                 ) -> None:
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (0, True))
    window: MainWindow = make_window(user, "en")
    window.ask_idle_minutes()
    assert ui_settings.get(opts.IDLE_LOCK_MINUTES) == 0
    assert window.idle.minutes == 0
