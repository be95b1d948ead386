"""A "when" row for the forms that record something which happened a little earlier: an outage
"restored at 14:30", a decision "taken at the 09:00 meeting", a log entry, a task's status.

The same KST date-time editor as the activate and stand-down forms (incident_dialogs.
kst_editor). Left as it opened, the form sends no time and the service dates the record with
its own clock; a changed time goes to the service, whose write-time rule (console/domain/
clock.py write_time) refuses one in the future with a coded one-line reason."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDateTimeEdit

from console.domain.clock import KST
from console.ui.dialogs import FormDialog
from console.ui.incident_dialogs import kst_editor


class WhenField(QObject):
    def __init__(self, form: FormDialog, now: datetime) -> None:
        super().__init__(form)
        self.edit: QDateTimeEdit = kst_editor(form, now)
        self.edit.setObjectName("when")
        self.edit.setAccessibleName(self.tr("When it happened (KST)"))
        self.edit.setToolTip(self.tr("Leave as it is for now; set an earlier time to "
                                     "record something that happened before"))
        self.opened_with = self.edit.dateTime()
        # Above the form's buttons, as the last row of its fields.
        form.form.addRow(self.tr("When (KST)"), self.edit)

    def moment(self) -> datetime | None:
        """None when left as it opened: the service's now, not the form's opening time."""
        value = self.edit.dateTime()
        if value == self.opened_with:
            return None
        return datetime.fromtimestamp(value.toSecsSinceEpoch(), KST)

