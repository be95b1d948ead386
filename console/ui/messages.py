"""Messages to the user that never block the event loop, so tests can read what was shown.

Every box is opened with ``open()`` (window-modal, returns at once) and recorded in
``history``; a refused action always says why, in the words the service gave, rendered in
the window's language (``lang``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from console.domain.errors import ConsoleError, PermissionDenied, render_error


@dataclass(frozen=True)
class Shown:
    kind: str
    """'error', 'denied', 'info' or 'problems'"""
    title: str
    text: str
    details: str = ""


class MessagePresenter(QObject):
    shown = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: QWidget | None = None
        self.lang = "ko"
        """The language refusals are rendered in: the window's (UiContext sets it)."""
        self.history: list[Shown] = []
        self._last_box: QMessageBox | None = None
        self.last_dialog: QDialog | None = None

    @property
    def last_box(self) -> QMessageBox | None:
        """The latest message still open. Checked when asked, not tracked by its
        ``destroyed`` signal: a Python slot on that signal crashed the interpreter when a
        box and this presenter were collected together."""
        box = self._last_box
        return box if box is not None and isValid(box) and box.isVisible() else None

    def _show(self, kind: str, icon: QMessageBox.Icon, title: str, text: str,
              details: str = "", parent: QWidget | None = None) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok,
                          parent or self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if details:
            box.setDetailedText(details)
        box.open()
        self._last_box = box
        record = Shown(kind, title, text, details)
        self.history.append(record)
        self.shown.emit(record)
        return box

    def error(self, error: BaseException, parent: QWidget | None = None) -> QMessageBox:
        """A refused or failed service call: the reason is the message."""
        if isinstance(error, PermissionDenied):
            return self._show("denied", QMessageBox.Icon.Warning, self.tr("Not allowed"),
                              error.render(self.lang), parent=parent)
        if isinstance(error, ConsoleError):
            return self._show("error", QMessageBox.Icon.Warning, self.tr("Refused"),
                              error.render(self.lang), parent=parent)
        return self._show("error", QMessageBox.Icon.Critical, self.tr("Unexpected error"),
                          f"{type(error).__name__}: {error}", parent=parent)

    def denied(self, reason: str | BaseException, parent: QWidget | None = None) -> QMessageBox:
        """A refusal before asking for input: a PermissionDenied (rendered here) or words."""
        text = reason if isinstance(reason, str) else render_error(reason, self.lang)
        return self._show("denied", QMessageBox.Icon.Warning, self.tr("Not allowed"), text,
                          parent=parent)

    def text_of(self, error: BaseException) -> str:
        """An error's words in the window's language, for a form or a status line."""
        return render_error(error, self.lang)

    def info(self, title: str, text: str, details: str = "",
             parent: QWidget | None = None) -> QMessageBox:
        return self._show("info", QMessageBox.Icon.Information, title, text, details, parent)

    def problems(self, title: str, text: str, lines: list[str],
                 parent: QWidget | None = None) -> QDialog:
        """Many problems at once (an import): every one on its own row, all visible."""
        dialog = QDialog(parent or self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        summary = QLabel(text, dialog)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        listing = QPlainTextEdit(dialog)
        listing.setObjectName("problemList")
        listing.setReadOnly(True)
        listing.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        listing.setPlainText("\n".join(lines))
        layout.addWidget(listing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(720, 420)
        dialog.open()
        self.last_dialog = dialog
        record = Shown("problems", title, text, "\n".join(lines))
        self.history.append(record)
        self.shown.emit(record)
        return dialog
