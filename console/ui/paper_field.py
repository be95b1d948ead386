"""The "transcribed from paper" rows of the log form: after a dead-computer day an officer
types in the hand-written ICS-214 sheets and 장애 접수서. Checked, the entry is marked as
typed in from the named sheet; the form's "when" row (above) is then the time on the sheet,
and the service keeps the entry time apart (and refuses a sheet without its time or
reference)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QLineEdit

from console.ui.dialogs import FormDialog


class PaperField(QObject):
    def __init__(self, form: FormDialog) -> None:
        super().__init__(form)
        self.check = QCheckBox(self.tr("Transcribed from a paper sheet ('When' is the time "
                                       "written on it)"), form)
        self.check.setObjectName("from_paper")
        self.sheet = QLineEdit(form)
        self.sheet.setObjectName("paper_ref")
        self.sheet.setPlaceholderText(self.tr("e.g. ICS-214 #3, 장애 접수서 #12"))
        self.sheet.setAccessibleName(self.tr("Paper sheet"))
        self.sheet.setEnabled(False)
        self.check.toggled.connect(self.sheet.setEnabled)
        form.form.addRow("", self.check)
        form.form.addRow(self.tr("Sheet"), self.sheet)

    def ref(self) -> str | None:
        """The sheet's reference ("" when checked but not named: the service refuses it);
        None: entered at the time, not from paper."""
        return self.sheet.text() if self.check.isChecked() else None
