"""What the lock does to the other open windows: every dialog gets an opaque veil.

A locked desk must not show an open form or message box to whoever walks past. Hiding the
dialogs would be simpler but is not safe: ``hide()`` on a dialog run with ``exec()`` (the
number prompts, the print and file dialogs) ends its event loop as if Cancel was pressed, and
the text typed into it would be gone. A veil keeps every dialog where it is, covered and
disabled (no key reaches it), and unlocking takes the veils away: the dialog is back exactly
as it was, typed text included.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

VEIL_NAME = "lockVeil"


class _Veil(QLabel):
    """Covers its dialog whole and follows its size."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.setObjectName(VEIL_NAME)
        self.setText(self.tr("Locked"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)
        self.setStyleSheet("font-size: 16pt; color: #9e9e9e; background: #263238;")
        self.setGeometry(dialog.rect())
        dialog.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class DialogVeils:
    """Veils the visible dialogs of the application at lock, lifts them at unlock."""

    def __init__(self) -> None:
        self._veiled: list[tuple[QDialog, _Veil, bool]] = []

    def cover(self, keep: QWidget | None = None) -> list[QDialog]:
        """Veil every visible dialog except ``keep`` (the lock dialog); returns them."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return []
        for widget in app.topLevelWidgets():
            if (isinstance(widget, QDialog) and widget is not keep and widget.isVisible()
                    and widget.findChild(_Veil, VEIL_NAME) is None):
                self._veiled.append((widget, _Veil(widget), widget.isEnabled()))
                widget.setEnabled(False)
        return [dialog for dialog, _veil, _enabled in self._veiled]

    def lift(self) -> None:
        for dialog, veil, enabled in self._veiled:
            try:
                dialog.removeEventFilter(veil)
                veil.hide()
                veil.deleteLater()
                dialog.setEnabled(enabled)
            except RuntimeError:  # the dialog was deleted while the session was locked
                continue
        self._veiled = []

    def veiled(self) -> list[QDialog]:
        return [dialog for dialog, _veil, _enabled in self._veiled]
