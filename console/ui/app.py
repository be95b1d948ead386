"""Start the window (log-in first) or render one view offscreen to a PNG (DESIGN.md §7)."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    Qt,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from console.domain.enums import Role, Team
from console.domain.errors import ConsoleError
from console.domain.messages import Message
from console.locate import resource
from console.services.app import Services
from console.services.context import Actor
from console.ui import settings as opts
from console.ui.collector import install_gui_thread_collector
from console.ui.context import UiContext
from console.ui.home_question import HomeQuestion
from console.ui.login import LoginDialog
from console.ui.main_window import VIEW_NAMES, MainWindow
from console.ui.settings import UiSettings
from console.ui.tamper_warning import warn_if_tampered
from console.ui.worker import Runner

FONT_FAMILY = "NanumGothic"
FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")
TRANSLATION_DOMAINS = ("console", "board")
SCREENSHOT_SIZE = (1600, 1000)


def ensure_application(offscreen: bool = False) -> QApplication:
    """The one QApplication; an offscreen one must be chosen before it exists."""
    app = QApplication.instance()
    if app is None:
        if offscreen:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            qInstallMessageHandler(_without_offscreen_noise)
        QCoreApplication.setOrganizationName(opts.ORGANISATION)
        QCoreApplication.setApplicationName(opts.APPLICATION)
        app = QApplication(sys.argv[:1])
    install_gui_thread_collector(app)  # also for one made by others (pytest-qt): idempotent
    return app  # type: ignore[return-value]


def _without_offscreen_noise(_mode: QtMsgType, _context: QMessageLogContext, message: str
                             ) -> None:
    """The offscreen platform warns once per window that it cannot size it to hints: noise
    around a screenshot's one-line result. Everything else still reaches stderr."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def install_fonts(app: QApplication) -> str:
    """Register the bundled Korean font: a fresh machine has none and would show boxes."""
    family = ""
    for name in FONT_FILES:
        path = resource("fonts", name)
        if path.is_file():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            family = family or (families[0] if families else "")
    if family:
        font = QFont(family, 10)
        app.setFont(font)
    return family or FONT_FAMILY


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Qt's own strings (OK, Cancel) and ours; English is the source language."""
    translators: list[QTranslator] = []
    QLocale.setDefault(QLocale(QLocale.Language.Korean if lang == "ko"
                               else QLocale.Language.English))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(resource("translations"))
    # qtbase_extra: the few strings of Qt's own dialogs that Qt's translation lacks.
    candidates = [(f"qtbase_{lang}", qt_dir), (f"qtbase_extra_{lang}", ours)] + [
        (f"{domain}_{lang}", ours) for domain in TRANSLATION_DOMAINS]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def use_qt_dialogs() -> None:
    """Qt's own file and colour dialogs, not the desktop's: those speak the desktop's language
    (English on most workstations), Qt's speak the console's through qtbase_ko."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)


def install_style(app: QApplication) -> None:
    path = resource("styles", "console.qss")
    if path.is_file():
        app.setStyleSheet(path.read_text(encoding="utf-8"))


def prepare(lang: str, offscreen: bool = False) -> tuple[QApplication, list[QTranslator]]:
    app = ensure_application(offscreen)
    use_qt_dialogs()
    app.setStyle("Fusion")
    install_fonts(app)
    translators = install_translators(app, lang)
    install_style(app)
    return app, translators


def run_window(db_path: Path, lang: str | None, user: str | None) -> int:
    """Log in, then the main window until it closes. ``lang`` None: the saved choice."""
    settings = UiSettings.default()
    lang = lang or settings.get(opts.LANGUAGE)
    lang = lang if lang in ("ko", "en") else "ko"
    app, _translators = prepare(lang)
    try:
        services = Services.open(Path(db_path))
    except ConsoleError as error:
        print(f"error: {error.render(lang)}", file=sys.stderr)
        return 1
    runner = Runner()
    try:
        login = LoginDialog(services.accounts, runner, lang,
                            user or settings.get(opts.LAST_USER))
        if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
            return 0
        settings.set(opts.LAST_USER, login.actor.name)
        context = UiContext(services, login.actor, lang, runner=runner,
                            since_login=login.since_login)
        window = MainWindow(context, settings)
        window.show()
        HomeQuestion(context, window).ask()  # a moved or copied database says so first
        warn_if_tampered(context, window)
        return app.exec()
    finally:
        runner.shutdown()
        services.close()
        gc.collect()  # what is left goes while the application exists, not at interpreter exit


def reader_actor(services: Services, lang: str) -> Actor:
    """Who a screenshot is taken as: the observer (reads only), else the first user.

    No password: the screenshot renders a local file for its owner and writes nothing.
    """
    users = services.accounts.users()
    if not users:
        raise ConsoleError("database.no_users")
    user = next((u for u in users if u.name == "observer"), users[0])
    workstation, _ = services.accounts.workstation()
    return Actor(user.id, user.name, Role(user.role), Team(user.team) if user.team else None,
                 workstation, lang)


def take_screenshot(db_path: Path, view: str, out_path: Path, lang: str = "ko") -> int:
    if view not in VIEW_NAMES:
        print("error: " + Message("cli.unknown_view", view=view, views=", ".join(VIEW_NAMES))
              .render(lang), file=sys.stderr)
        return 1
    locale = QLocale()
    app, translators = prepare(lang, offscreen=True)
    try:
        services = Services.open(Path(db_path))
    except ConsoleError as error:
        _uninstall(app, translators, locale)
        print(f"error: {error.render(lang)}", file=sys.stderr)
        return 1
    try:
        with tempfile.TemporaryDirectory() as folder:
            # A throwaway settings file: a screenshot must not move the user's own window.
            settings = UiSettings.at(Path(folder) / "screenshot.ini")
            context = UiContext(services, reader_actor(services, lang), lang)
            window = MainWindow(context, settings, idle_lock=False)
            window.resize(*SCREENSHOT_SIZE)
            window.show_view(view)
            window.show()
            settle(app, context)
            ok = window.grab().save(str(out_path), "PNG")
            window.close()
            # Delete it now: a caller taking several screenshots must not pile up windows
            # whose timers keep running.
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if not ok:
            print(f"error: cannot write {out_path}", file=sys.stderr)
            return 1
        return 0
    except ConsoleError as error:
        print(f"error: {error.render(lang)}", file=sys.stderr)
        return 1
    finally:
        services.close()
        _uninstall(app, translators, locale)


def _uninstall(app: QApplication, translators: list[QTranslator], locale: QLocale) -> None:
    """A screenshot taken inside a running program (self-test, tests) leaves its language."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(locale)


def settle(app: QApplication, context: UiContext, rounds: int = 3) -> None:
    """Let first loads finish and their results paint (they may start further reads)."""
    for _ in range(rounds):
        app.processEvents()
        context.runner.wait(15.0)
        app.processEvents()
    # QPdfView renders pages on its own threads: give the preview a moment to arrive.
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def sample_colours(path: Path, grid: int = 40) -> int | None:
    """How many colours a grid of samples over an image finds (None: not an image)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        return None
    width, height = image.width(), image.height()
    return len({image.pixel(width * x // grid, height * y // grid)
                for x in range(grid) for y in range(grid)})
