"""The window over a copy of the demo database, with settings in a temporary folder."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from console.services.app import Services
from console.ui.app import install_fonts, install_translators
from console.ui.collector import install_gui_thread_collector
from console.ui.context import UiContext
from console.ui.main_window import MainWindow
from console.ui.settings import UiSettings


@pytest.fixture(autouse=True, scope="session")
def gui_thread_collector(qapp: QApplication) -> Iterator[None]:
    """The program's own collector, so waits inside a test collect on the GUI thread. At the
    end, everything left is collected and deleted while the application still exists: Python
    finalising Qt objects after it at exit crashed the run after every test had passed."""
    install_gui_thread_collector(qapp)
    yield
    for _ in range(3):
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.processEvents()


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[None]:
    """Nothing a test does may reach the real user's settings file."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings.at(tmp_path / "ui.ini")


@pytest.fixture
def translated(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    installed = []

    def _install(lang: str) -> None:
        installed.extend(install_translators(qapp, lang))

    install_fonts(qapp)
    yield _install
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def make_context(demo: Services) -> Callable[..., UiContext]:
    def _make(user: str = "commander", lang: str = "ko") -> UiContext:
        return UiContext(demo, demo.accounts.login(user, "demo", lang), lang)

    return _make


@pytest.fixture
def make_window(qtbot, make_context, ui_settings, translated) -> Callable[..., MainWindow]:  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def _make(user: str = "commander", lang: str = "ko", view: str = "board") -> MainWindow:
        translated(lang)
        context = make_context(user, lang)
        window = MainWindow(context, ui_settings, idle_lock=False)
        qtbot.addWidget(window)
        window.show_view(view)
        window.show()
        settle(window)
        windows.append(window)
        return window

    yield _make
    for window in windows:
        window.context.runner.wait()


def settle(window_or_context: MainWindow | UiContext, timeout: float = 15.0) -> None:
    """Wait for background reads and writes and the refreshes they trigger (the board
    reads on its own loader and coalesces change signals first)."""
    window = window_or_context if isinstance(window_or_context, MainWindow) else None
    context = window.context if window else window_or_context
    board = window.pages.get("board") if window else None
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 3:
        assert time.monotonic() < deadline, "background work did not finish"
        busy = not context.runner.wait(timeout) or bool(getattr(board, "reading", False))
        QApplication.processEvents()
        quiet = 0 if busy else quiet + 1
        if busy:
            time.sleep(0.01)
