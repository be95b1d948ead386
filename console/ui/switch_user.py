"""Switch user at a shift change without restarting: File → Switch user… asks the log-in
dialog, and the window then acts as the new person. Every write reads ``context.actor`` when
it is made (permissions are the services'), so replacing it is the whole switch; the title,
the status bar, the drafts' owner and the "new since your last log-in" marks follow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QWidget

from console.services.context import Actor
from console.store.exercise import EXERCISE_MARK
from console.ui.context import UiContext
from console.ui.drafts import DraftStore
from console.ui.login import LoginDialog


class SwitchUser(QObject):
    def __init__(self, context: UiContext, window: QMainWindow, drafts_folder: Path | None,
                 after: Callable[[Actor], object]) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.drafts_folder = drafts_folder
        self.after = after
        self.dialog: LoginDialog | None = None

    def title(self, actor: Actor) -> str:
        """The window says who works in it (a shift change shows at a glance), and an
        exercise says so first."""
        title = self.tr("Digital-disaster command console — %1").replace("%1", actor.name)
        if self.context.services.drills.is_exercise():
            return f"{EXERCISE_MARK} — {title}"
        return title

    def ask(self) -> None:
        """The log-in dialog, window-modal: the window stays as it is until someone logs in
        (Cancel keeps the current user)."""
        context = self.context
        dialog = LoginDialog(context.services.accounts, context.runner, context.lang, "",
                             self.window)
        dialog.setObjectName("switchUserDialog")
        dialog.setWindowTitle(self.tr("Switch user"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        self.dialog = dialog
        dialog.open()

    def _logged_in(self, dialog: LoginDialog) -> None:
        self.dialog = None
        if dialog.actor is not None:
            self.become(dialog.actor, dialog.since_login)

    def become(self, actor: Actor, since_login: datetime | None) -> None:
        context = self.context
        context.actor = actor
        context.since_login = since_login
        if self.drafts_folder is not None:  # one person's unsent text is not the next one's
            context.drafts = DraftStore(self.drafts_folder,
                                        f"{context.services.db.path}|{actor.name}")
        self.window.setWindowTitle(self.title(actor))
        for page in self.window.findChildren(QWidget):
            changed = getattr(page, "user_changed", None)
            if callable(changed) and page.objectName().startswith("page_"):
                changed()
        self.after(actor)
