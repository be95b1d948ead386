"""Edit a task's title, due time, priority and assignee in the window (the CLI's `task edit`,
TaskService.edit). The form only collects what it shows; the page makes the one call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLineEdit, QWidget

from console.domain.clock import KST, kst
from console.ui.dialogs import FormDialog, user_combo

SEOUL = QTimeZone(b"Asia/Seoul")


@dataclass(frozen=True)
class TaskEdit:
    title: str
    due: datetime | None
    """None: the task has no due time ("Due" unticked: a due time it had is cleared)."""
    priority: int
    assignee: str
    """A user name; "" for nobody."""


class TaskEditDialog(FormDialog):
    def __init__(self, row: dict[str, object], users: list[tuple[str, str]], now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit task"), parent)
        self.title = QLineEdit(str(row.get("title") or ""), self)
        self.title.setObjectName("title")
        self.priority = QComboBox(self)
        self.priority.setObjectName("priority")
        for value, text in ((1, self.tr("1 (high)")), (2, self.tr("2 (normal)")),
                            (3, self.tr("3 (low)"))):
            self.priority.addItem(text, value)
        priority = row.get("priority")
        self.priority.setCurrentIndex(max(0, self.priority.findData(
            int(priority) if isinstance(priority, int | str) and str(priority).isdigit()
            else 2)))
        assignee = row.get("assignee")
        self.assignee = user_combo(self, users, self.tr("(nobody)"),
                                   str(assignee) if assignee else None)
        due = row.get("due_at")
        self.has_due = QCheckBox(self.tr("Due"), self)
        self.has_due.setObjectName("hasDue")
        self.due = QDateTimeEdit(self)
        self.due.setObjectName("due")
        self.due.setTimeZone(SEOUL)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setCalendarPopup(True)
        shown = due if isinstance(due, datetime) else now
        self.due.setDateTime(QDateTime.fromSecsSinceEpoch(int(kst(shown).timestamp()), SEOUL))
        self.has_due.setChecked(isinstance(due, datetime))
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Priority"), self.priority)
        self.form.addRow(self.tr("Assignee"), self.assignee)
        self.form.addRow(self.has_due, self.due)
        self.finish()

    def problem(self) -> str | None:
        return None if self.title.text().strip() else self.tr("A task needs a title.")

    def values(self) -> TaskEdit:
        due = (datetime.fromtimestamp(self.due.dateTime().toSecsSinceEpoch(), KST)
               if self.has_due.isChecked() else None)
        return TaskEdit(self.title.text().strip(), due, int(self.priority.currentData()),
                        str(self.assignee.currentData() or ""))
