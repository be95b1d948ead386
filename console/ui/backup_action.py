"""File ▸ Backup…: the verified online backup (console/services/maintenance.py) from the
window, off the GUI thread; the status bar's "last backup" follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from console.domain.clock import kst
from console.domain.errors import PermissionDenied
from console.domain.permissions import Action
from console.ui.context import UiContext


class BackupAction(QObject):
    def __init__(self, context: UiContext, window: QWidget,
                 after: Callable[[str], None] | None = None) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.after = after

    def run(self, path: Path | None = None) -> None:
        try:
            self.context.actor.require(Action.BACKUP)
        except PermissionDenied as error:
            self.context.messages.denied(error, self.window)
            return
        if path is None:
            suggested = f"backup-{kst(self.context.now()):%Y%m%d-%H%M}.sqlite"
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Backup"), suggested, self.tr("SQLite database (*.sqlite)"))
            if not chosen:
                return
            path = Path(chosen)
        maintenance, actor = self.context.services.maintenance, self.context.actor
        target = path
        self.context.write(lambda: maintenance.backup(actor, target),
                           lambda written: self._done(str(written)))

    def _done(self, written: str) -> None:
        if self.after is not None:
            self.after(self.tr("Backup written and verified: %1").replace("%1", written))
