"""The pages' forms: an outage's status, a new outage, a facility, a task and its status,
an assignment, a decision, a log entry. They only collect input; the page makes the one service
call (the FormDialog they share, in dialogs.py, keeps what was typed until it is written)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QWidget,
)

from console.domain.clock import KST, kst
from console.domain.enums import OutageStatus, Scope, TaskStatus, Team
from console.ui.dialogs import FormDialog, enum_combo, text_box, user_combo


class OutageStatusDialog(FormDialog):
    def __init__(self, what: str, current: str, phase: int | None, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change outage status"), parent)
        self.form.addRow(self.tr("Outage"), QLabel(what, self))
        following = list(OutageStatus)
        index = following.index(OutageStatus(current))
        self.status = enum_combo(self, OutageStatus, lang)
        self.status.setObjectName("status")
        self.status.setCurrentIndex(min(index + 1, len(following) - 1))
        self.current = current
        self.note = text_box(self)
        self.note.setObjectName("note")
        self.phase = QSpinBox(self)
        self.phase.setObjectName("phase")
        self.phase.setRange(1, 9)
        self.phase.setValue(phase or 1)
        self.phase.setSuffix(self.tr(" (phase)"))
        self.form.addRow(self.tr("New status"), self.status)
        self.form.addRow(self.tr("Recovery phase"), self.phase)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish()

    def problem(self) -> str | None:
        if self.status.currentData() == self.current:
            return self.tr("The outage already has this status.")
        return None

    def values(self) -> tuple[OutageStatus, str, int]:
        return OutageStatus(self.status.currentData()), self.note.toPlainText().strip(), \
            self.phase.value()


class OpenOutageDialog(FormDialog):
    def __init__(self, codes: list[str], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Open an outage"), parent)
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        completer = QCompleter(QStringListModel(codes, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.code.setCompleter(completer)
        self.scope = enum_combo(self, Scope, lang)
        self.note = text_box(self)
        self.form.addRow(self.tr("System code"), self.code)
        self.form.addRow(self.tr("Scope"), self.scope)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish()

    def problem(self) -> str | None:
        return None if self.code.text().strip() else self.tr("Enter the system's code.")

    def values(self) -> tuple[str, Scope, str]:
        return self.code.text().strip(), Scope(self.scope.currentData()), \
            self.note.toPlainText().strip()


class FacilityDialog(FormDialog):
    def __init__(self, facilities: list[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Facility down"), parent)
        intro = QLabel(self.tr("Every system hosted in the facility, and every system that "
                               "depends on one of them, gets an outage. You confirm the list "
                               "first."), self)
        intro.setWordWrap(True)
        self.outer.insertWidget(0, intro)
        self.facility = QComboBox(self)
        self.facility.setObjectName("facility")
        self.facility.addItems(facilities)
        self.note = text_box(self)
        self.form.addRow(self.tr("Facility"), self.facility)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish()

    def choose(self, name: str) -> None:
        self.facility.setCurrentIndex(max(0, self.facility.findText(name)))

    def values(self) -> tuple[str, str]:
        return self.facility.currentText(), self.note.toPlainText().strip()


class ConfirmListDialog(FormDialog):
    """Asks before a change touching many records, listing every one of them."""

    def __init__(self, title: str, text: str, lines: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.outer.insertWidget(0, label)
        self.listing = QListView(self)
        self.listing.setObjectName("confirmList")
        self.listing.setUniformItemSizes(True)
        self.listing.setModel(QStringListModel(lines, self))
        self.outer.insertWidget(1, self.listing, 1)
        self.lines = lines
        self.resize(640, 480)
        self.finish()


class TaskDialog(FormDialog):
    def __init__(self, users: list[tuple[str, str]], team: Team | None, lang: str,
                 now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New task"), parent)
        self.team = enum_combo(self, Team, lang, team.value if team else None)
        self.team.setObjectName("team")
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.detail = text_box(self)
        self.priority = QComboBox(self)
        for value, text in ((1, self.tr("1 (high)")), (2, self.tr("2 (normal)")),
                            (3, self.tr("3 (low)"))):
            self.priority.addItem(text, value)
        self.priority.setCurrentIndex(1)
        self.assignee = user_combo(self, users, self.tr("(nobody yet)"))
        self.has_due = QCheckBox(self.tr("Due"), self)
        self.due = QDateTimeEdit(self)
        self.due.setTimeZone(QTimeZone(b"Asia/Seoul"))
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setCalendarPopup(True)
        local = kst(now)
        self.due.setDateTime(QDateTime.fromSecsSinceEpoch(int(local.timestamp()) + 4 * 3600,
                                                          QTimeZone(b"Asia/Seoul")))
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.outage = QLineEdit(self)
        self.outage.setObjectName("outage")
        self.outage.setPlaceholderText(self.tr("system code or outage id (optional)"))
        self.form.addRow(self.tr("Team"), self.team)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Detail"), self.detail)
        self.form.addRow(self.tr("Priority"), self.priority)
        self.form.addRow(self.tr("Assignee"), self.assignee)
        self.form.addRow(self.has_due, self.due)
        self.form.addRow(self.tr("Linked outage"), self.outage)
        self.finish()

    def problem(self) -> str | None:
        return None if self.title.text().strip() else self.tr("A task needs a title.")

    def due_at(self) -> datetime | None:
        if not self.has_due.isChecked():
            return None
        return datetime.fromtimestamp(self.due.dateTime().toSecsSinceEpoch(), KST)


class AssignDialog(FormDialog):
    def __init__(self, title: str, users: list[tuple[str, str]], current: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Assign task"), parent)
        self.form.addRow(self.tr("Task"), QLabel(title, self))
        self.assignee = user_combo(self, users, self.tr("(choose)"), current)
        self.form.addRow(self.tr("Assignee"), self.assignee)
        self.finish()

    def problem(self) -> str | None:
        return None if self.assignee.currentData() else self.tr("Choose a person.")


class LinkOutageDialog(FormDialog):
    def __init__(self, title: str, codes: list[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Link task to outage"), parent)
        self.form.addRow(self.tr("Task"), QLabel(title, self))
        self.outage = QLineEdit(self)
        self.outage.setObjectName("outage")
        self.outage.setPlaceholderText(self.tr("system code or outage id"))
        completer = QCompleter(QStringListModel(codes, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.outage.setCompleter(completer)
        self.form.addRow(self.tr("Outage"), self.outage)
        self.finish()

    def problem(self) -> str | None:
        return None if self.outage.text().strip() else \
            self.tr("Enter the system's code or the outage id.")


class TaskStatusDialog(FormDialog):
    def __init__(self, title: str, current: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change task status"), parent)
        self.current = current
        self.form.addRow(self.tr("Task"), QLabel(title, self))
        self.status = enum_combo(self, TaskStatus, lang)
        self.status.setObjectName("status")
        order = list(TaskStatus)
        self.status.setCurrentIndex(min(order.index(TaskStatus(current)) + 1, 3))
        self.note = text_box(self)
        self.form.addRow(self.tr("New status"), self.status)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish()

    def problem(self) -> str | None:
        if self.status.currentData() == self.current:
            return self.tr("The task already has this status.")
        return None


class DecisionDialog(FormDialog):
    def __init__(self, title: str, summary: str = "", rationale: str = "",
                 alternatives: str = "", links: str = "", note: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        if note:
            label = QLabel(note, self)
            label.setWordWrap(True)
            self.outer.insertWidget(0, label)
        self.summary = text_box(self, summary, 2)
        self.summary.setObjectName("summary")
        self.rationale = text_box(self, rationale, 4)
        self.alternatives = text_box(self, alternatives, 3)
        self.links = QLineEdit(links, self)
        self.form.addRow(self.tr("Decision"), self.summary)
        self.form.addRow(self.tr("Rationale"), self.rationale)
        self.form.addRow(self.tr("Alternatives considered"), self.alternatives)
        self.form.addRow(self.tr("Links"), self.links)
        self.finish()

    def problem(self) -> str | None:
        return None if self.summary.toPlainText().strip() else \
            self.tr("A decision needs a summary.")


class LogDialog(FormDialog):
    def __init__(self, team: Team | None, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New activity log entry"), parent)
        self.team = enum_combo(self, Team, lang, team.value if team else None)
        self.team.setObjectName("team")
        self.text = text_box(self, "", 5)
        self.text.setObjectName("text")
        self.significant = QCheckBox(self.tr("Significant event (for the board and the "
                                             "controller's verification)"), self)
        self.form.addRow(self.tr("Team"), self.team)
        self.form.addRow(self.tr("What happened"), self.text)
        self.form.addRow("", self.significant)
        self.finish()

    def problem(self) -> str | None:
        return None if self.text.toPlainText().strip() else self.tr("Write what happened.")
