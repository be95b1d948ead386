"""Override an outage's failure grade with a reason, or go back to the computed grade
(OutageService.override_grade; the rule that a reason is required is the domain's,
console/domain/grading.py check_override, and is also said in the form before sending)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from console.ui import formatting as fmt
from console.ui.dialogs import FormDialog, text_box


class GradeOverrideDialog(FormDialog):
    def __init__(self, what: str, shown_grade: int | None, override: int | None, reason: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Override failure grade"), parent)
        self.form.addRow(self.tr("Outage"), QLabel(what, self))
        self.form.addRow(self.tr("Grade now"), QLabel(
            fmt.grade(shown_grade) if shown_grade else "—", self))
        self.grade = QComboBox(self)
        self.grade.setObjectName("grade")
        self.grade.addItem(self.tr("As computed (no override)"), 0)
        for grade in range(1, 5):
            self.grade.addItem(fmt.grade(grade), grade)
        self.grade.setCurrentIndex(max(0, self.grade.findData(override or 0)))
        self.reason = text_box(self, reason)
        self.reason.setObjectName("reason")
        self.form.addRow(self.tr("Failure grade"), self.grade)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish()

    def problem(self) -> str | None:
        if self.chosen() is not None and not self.reason.toPlainText().strip():
            return self.tr("An override needs a reason.")
        return None

    def chosen(self) -> int | None:
        """The overriding grade; None: back to the computed one."""
        return int(self.grade.currentData()) or None

    def values(self) -> tuple[int | None, str]:
        return self.chosen(), self.reason.toPlainText().strip()
