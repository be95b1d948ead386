"""At log-in, a database that belongs to another PC asks what it is: moved here, or a copy.

Until answered, shared writes are refused (console/sync/home.py); reading works. Only the
administrator may answer; anyone else gets a note saying so.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QInputDialog, QLineEdit, QMessageBox, QWidget

from console.domain.errors import PermissionDenied
from console.domain.permissions import Action
from console.services import watch
from console.ui.context import UiContext


class HomeQuestion(QObject):
    def __init__(self, context: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.parent_widget = parent
        self.box: QMessageBox | None = None
        self.moved: QAbstractButton | None = None
        self.copy: QAbstractButton | None = None
        self.name_dialog: QInputDialog | None = None

    def ask(self) -> QMessageBox | None:
        """Open the question (non-blocking) if this database belongs elsewhere."""
        other = self.context.services.sync.moved_from()
        if other is None:
            return None
        try:
            self.context.actor.require(Action.MANAGE_KEYS)
        except PermissionDenied:  # only the administrator can answer: say so, ask nothing
            return self.context.messages.info(
                self.tr("Which workstation is this?"),
                self.tr("This database belongs to the PC '%1'. Until the administrator says "
                        "whether it was moved here or is a copy, nothing can be written "
                        "(reading works).").replace("%1", other), parent=self.parent_widget)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Which workstation is this?"),
                          self.tr("This database belongs to the PC '%1'. Until you say what it "
                                  "is here, nothing can be written (reading works).\n\n"
                                  "Moved here: the same workstation goes on on this PC.\n"
                                  "A copy: this database becomes a new workstation with its "
                                  "own key, which the others must trust.").replace("%1", other),
                          QMessageBox.StandardButton.NoButton, self.parent_widget)
        self.moved = box.addButton(self.tr("Moved here"), QMessageBox.ButtonRole.AcceptRole)
        self.copy = box.addButton(self.tr("A copy: new workstation…"),
                                  QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Later (read only)"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(self._answered)
        self.box = box
        box.open()
        return box

    def _answered(self, button: QAbstractButton) -> None:
        sync, actor = self.context.services.sync, self.context.actor
        if button is self.moved:
            self.context.write(lambda: sync.confirm_moved(actor), tables=watch.WORKSTATIONS)
        elif button is self.copy:
            dialog = QInputDialog(self.parent_widget)
            dialog.setWindowTitle(self.tr("New workstation"))
            dialog.setLabelText(self.tr("Name of this workstation:"))
            dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
            dialog.textValueSelected.connect(self._reidentify)
            self.name_dialog = dialog
            dialog.open()

    def _reidentify(self, name: str) -> None:
        sync, actor = self.context.services.sync, self.context.actor
        self.context.write(lambda: sync.reidentify(actor, name), self._became,
                           tables=watch.WORKSTATIONS)

    def _became(self, station_id: str) -> None:
        """What this person writes from now on carries the new workstation's id."""
        self.context.actor = replace(self.context.actor, workstation_id=station_id)
