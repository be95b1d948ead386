"""Log-in, the lock screen, and the idle watcher that locks an unattended session."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.domain.errors import ConsoleError, PermissionDenied, render_error
from console.services.accounts import AccountService
from console.services.context import Actor
from console.ui.worker import Runner


class _PasswordDialog(QDialog):
    """Shared by log-in and unlock: a form, an inline error line, and a check off-thread."""

    def __init__(self, accounts: AccountService, runner: Runner, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.runner = runner
        self.lang = lang
        self.actor: Actor | None = None
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def try_login(self) -> None:
        name, password = self.user.text().strip(), self.password.text()
        if not name or not password:
            self.show_error(self.tr("Enter your user name and password."))
            return
        self.buttons.setEnabled(False)
        self.error.hide()
        # Argon2 takes a moment on purpose: check it off the GUI thread.
        self.runner.submit(lambda: self.check(name, password), self._logged_in, self._refused)

    def check(self, name: str, password: str) -> Actor:
        """Off the GUI thread: the password's check (and what a log-in records)."""
        return self.accounts.login(name, password, self.lang)

    def _logged_in(self, actor: Actor) -> None:
        self.buttons.setEnabled(True)
        self.actor = actor
        self.password.clear()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(error, PermissionDenied):
            self.show_error(self.tr("Wrong user name or password."))
        else:
            self.show_error(render_error(error, self.lang))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class LoginDialog(_PasswordDialog):
    def __init__(self, accounts: AccountService, runner: Runner, lang: str,
                 user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(accounts, runner, lang, parent)
        self.setWindowTitle(self.tr("Digital-disaster command console — log in"))
        _, workstation = accounts.workstation()
        self.workstation = QLabel(workstation or self.tr("(unnamed workstation)"), self)
        self.workstation.setObjectName("workstation")
        heading = QLabel(self.tr("Seoul Metropolitan Disaster and Safety Countermeasures Headquarters"), self)
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.layout_.insertWidget(0, heading)
        self.form.addRow(self.tr("Workstation"), self.workstation)
        self.form.addRow(self.tr("User"), self.user)
        self.form.addRow(self.tr("Password"), self.password)
        self.user.setText(user)
        login = self.buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        login.setDefault(True)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.finish_layout()
        (self.password if user else self.user).setFocus()
        self.setMinimumWidth(420)
        self.since_login: datetime | None = None
        """The user's log-in before this one, once logged in (what is new to them)."""

    def check(self, name: str, password: str) -> Actor:
        actor = super().check(name, password)
        try:
            self.since_login = self.accounts.record_login(actor.user_id)
        except ConsoleError:
            # A database that cannot be written (read-only, busy) still lets one in to read:
            # only the "new since your last log-in" marks are missing.
            self.since_login = None
        return actor


class LockDialog(_PasswordDialog):
    """The session is locked: only the same user's password opens it again."""

    def __init__(self, accounts: AccountService, runner: Runner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(accounts, runner, actor.lang, parent)
        self.setWindowTitle(self.tr("Session locked"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        note = QLabel(self.tr("The session is locked. Enter the password of %1 to continue.")
                      .replace("%1", actor.name), self)
        note.setWordWrap(True)
        self.layout_.insertWidget(0, note)
        self.user.setText(actor.name)
        self.user.setReadOnly(True)
        self.form.addRow(self.tr("User"), self.user)
        self.form.addRow(self.tr("Password"), self.password)
        unlock = self.buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        unlock.setDefault(True)
        self.finish_layout()
        self.password.setFocus()

    def reject(self) -> None:
        """Escape does not unlock."""


_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    """Emits ``idle`` once no key or mouse input came for ``minutes`` (0 switches it off).

    The event filter only notes the time; a slow timer compares, so watching costs nothing
    noticeable per event.
    """

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self.last_input = time.monotonic()
        self.paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(15_000)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, minutes)
        self.last_input = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        if self.paused or self.minutes <= 0:
            return
        if time.monotonic() - self.last_input >= self.minutes * 60:
            self.idle.emit()
