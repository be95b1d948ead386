"""The window never traps or loses anything: wall mode can be left, forms ask before throwing
typed text away and keep it across a crash, the lock veils open dialogs (issue 12)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
)

from console.domain.enums import Cause, DisasterArea
from console.ui.actions import ActionId
from console.ui.forms import LogDialog
from console.ui.lock_veil import VEIL_NAME
from console.ui.main_window import MainWindow
from tests.ui.conftest import settle


def press(qtbot, window: MainWindow, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """A key as the window's focus widget gets it (shortcuts are resolved from there)."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key)
    QApplication.processEvents()


def test_f11_then_esc_leaves_wall_mode(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "ko", "outages")
    window.activateWindow()
    press(qtbot, window, Qt.Key.Key_F11)
    assert window.wall_mode and window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.toolbar.isVisible()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.wall_mode and not window.isFullScreen()
    assert window.findChild(QListWidget, "navigation").isVisible()


def test_f11_leaves_wall_mode_and_other_shortcuts_work_in_it(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "ko")
    press(qtbot, window, Qt.Key.Key_F11)
    assert window.wall_mode
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_1,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "board"
    press(qtbot, window, Qt.Key.Key_F11)
    assert not window.wall_mode


def test_esc_outside_wall_mode_is_left_to_the_page(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "ko")
    assert not window.leave_wall.isEnabled()


def _log_form(window: MainWindow) -> LogDialog:
    page = window.pages["log"]
    page.new_item()
    dialog = page.dialog
    assert isinstance(dialog, LogDialog)
    return dialog


def test_esc_on_a_filled_form_asks_first(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("situation", "ko", "log")
    dialog = _log_form(window)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)  # empty: closes without a question
    assert not dialog.isVisible() and dialog.question is None

    dialog = _log_form(window)
    dialog.text.setPlainText("120 다산콜 문의 급증")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert dialog.isVisible(), "typed text: Esc must not close the form"
    question = dialog.question
    assert isinstance(question, QMessageBox) and question.isVisible()
    assert question.windowTitle() == "입력한 내용을 버릴까요?"
    keep = next(b for b in question.buttons()
                if question.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    assert dialog.isVisible() and dialog.text.toPlainText() == "120 다산콜 문의 급증"

    dialog.close()  # the close button asks too
    question = dialog.question
    assert question is not None and dialog.isVisible()
    discard = next(b for b in question.buttons()
                   if question.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    assert not dialog.isVisible()


def test_a_long_entry_survives_a_crash_until_it_is_written(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("situation", "en", "log")
    services = window.context.services
    # The demo's incident is closed and takes no log entry: a new one takes it.
    services.incidents.open(services.accounts.login("controller", "demo"), "재발",
                            DisasterArea.SYSTEM_FAILURE, Cause.OTHER)
    dialog = _log_form(window)
    dialog.text.setPlainText("Seocho generator on, UPS room 31 °C")
    qtbot.waitUntil(lambda: dialog.drafts is not None
                    and dialog.drafts.load(dialog.draft_key) is not None, timeout=3000)
    # The "crash": the form goes without its reject or accept ever running.
    dialog.hide()
    dialog.deleteLater()

    again = _log_form(window)
    assert again.text.toPlainText() == "Seocho generator on, UPS room 31 °C"
    assert again.findChild(QLabel, "draftNote").isVisible()
    drafts, key = again.drafts, again.draft_key
    again.accept()
    settle(window)  # written: the form closes (and is deleted) and its draft goes
    assert drafts is not None and drafts.load(key) is None
    assert window.pages["log"].model.rowCount() == 1  # the new incident's one entry
    assert _log_form(window).text.toPlainText() == ""


def test_the_lock_veils_open_dialogs_and_unlock_restores_them(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("situation", "ko", "log")
    form = _log_form(window)
    form.text.setPlainText("비밀 아닌 메모")
    prompt = QInputDialog(window)  # the kind run with exec(): hiding would cancel it
    prompt.open()
    window.lock()
    for dialog in (form, prompt):
        veil = dialog.findChild(QLabel, VEIL_NAME)
        assert veil is not None and veil.isVisible()
        assert veil.geometry() == dialog.rect()
        assert not dialog.isEnabled()
    assert window.lock_dialog is not None and window.lock_dialog.isEnabled()
    assert window.lock_dialog.findChild(QLabel, VEIL_NAME) is None
    window.unlock()
    for dialog in (form, prompt):
        assert dialog.findChild(QLabel, VEIL_NAME) is None or not dialog.findChild(
            QLabel, VEIL_NAME).isVisible()
        assert dialog.isEnabled() and dialog.isVisible()
    assert form.text.toPlainText() == "비밀 아닌 메모"
    prompt.close()
    form.text.clear()
    form.close()


def test_wall_action_is_on_the_window(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "en")
    assert window.registry[ActionId.WALL_MODE] in window.actions()


def test_qt_own_dialogs_speak_korean(qapp, translated) -> None:  # type: ignore[no-untyped-def]
    """Qt's translation (qtbase_ko, shipped with PySide6) is loaded, and Qt's own file dialog
    is used so it is the one the Korean UI shows."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog

    from console.ui.app import use_qt_dialogs

    translated("ko")
    use_qt_dialogs()
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    dialog = QFileDialog()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"찾는 위치(&L):", "파일 이름(&N):", "파일 형식(&T):"} <= labels, labels
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert "취소" in buttons, buttons
    dialog.deleteLater()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_label_is_clipped_at_either_screen_size(make_window, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Every visible one-line label and button shows its whole text, and every status
    column is wide enough for its longest status, at 1366×768 and 1920×1080."""
    from console.ui.clipping import clipped
    from console.ui.main_window import VIEW_NAMES

    window: MainWindow = make_window("commander", lang)
    for size in ((1366, 768), (1920, 1080)):
        window.resize(*size)
        for view in VIEW_NAMES:
            page = window.show_view(view)
            settle(window)
            assert clipped(window) == [], (size, view)
            table = getattr(page, "view", None)
            model = getattr(page, "model", None)
            for number, column in enumerate(getattr(model, "columns", [])):
                for text in column.fits:
                    assert table.columnWidth(number) >= \
                        table.fontMetrics().horizontalAdvance(text) + 8, (view, text)


@pytest.mark.parametrize(("lang", "search"), [("ko", "검색"), ("en", "Search")])
def test_every_control_without_text_has_an_accessible_name(make_window, lang: str,
                                                           search: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    from console.ui.main_window import VIEW_NAMES

    window: MainWindow = make_window("commander", lang)
    for view in VIEW_NAMES:
        page = window.show_view(view)
        settle(window)
        nameless = [f"{type(w).__name__} {w.objectName()}"
                    for w in page.findChildren(QAbstractButton)
                    if w.isVisibleTo(window) and not w.text() and not w.accessibleName()]
        nameless += [f"{type(w).__name__} {w.objectName()}"
                     for w in page.findChildren(QLineEdit) + page.findChildren(QComboBox)
                     + page.findChildren(QAbstractSpinBox)
                     if w.isVisibleTo(window) and not w.accessibleName()
                     and not isinstance(w.parent(), QComboBox | QAbstractSpinBox)]
        assert nameless == [], view
    assert window.pages["log"].search.accessibleName() == search
