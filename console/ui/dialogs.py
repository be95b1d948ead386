"""Small forms for the pages' actions. They only collect input; pages make the service call."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTimer, QTimeZone
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import KST, kst
from console.domain.enums import OutageStatus, Scope, TaskStatus, Team
from console.ui.drafts import DraftStore, field_texts, set_field_texts, text_fields

DRAFT_DELAY_MS = 800
"""How soon after a keystroke the form's text is kept on disk (drafts survive a crash)."""


class FormDialog(QDialog):
    """A form that, once given ``submit``, stays open with what was typed until the page's
    write is done: ``saved`` closes it, ``failed`` shows the refusal in it, so a refused or
    failed write never throws away the text a person entered."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit: Callable[[], None] | None = None
        """Set by whoever opens the form: start its write (then ``saved`` or ``failed``).
        A plain attribute, not a signal: a Python slot on a dialog that is torn down with
        its page in one garbage collection crashed the interpreter."""
        self.saving = False
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.outer.addLayout(self.form)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.question: QMessageBox | None = None
        """The open "discard the typed text?" question, if any."""
        self._opened_with: list[str] | None = None
        self.drafts: DraftStore | None = None
        self.draft_key = ""
        self.draft_note = QLabel(self)
        self.draft_note.setObjectName("draftNote")
        self.draft_note.setWordWrap(True)
        self.draft_note.hide()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._keep_draft)

    def finish(self) -> None:
        self.outer.addWidget(self.draft_note)
        self.outer.addWidget(self.error)
        self.outer.addWidget(self.buttons)

    def problem(self) -> str | None:
        """What is missing, in one sentence; None when the form can be sent."""
        return None

    def accept(self) -> None:
        if self.saving:
            return
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        if self.submit is None:
            super().accept()
            return
        self.saving = True
        self.buttons.setEnabled(False)
        self.error.hide()
        self.submit()

    def reject(self) -> None:
        """Esc, Cancel or the close button: ask first when text was typed (issue 12)."""
        if self.saving:  # not while the write runs: its answer comes back to this form
            return
        if self.typed():
            self._ask_discard()
            return
        self._discard()

    def typed(self) -> bool:
        """Text differs from what the form opened with (a restored draft counts)."""
        return self._opened_with is not None and field_texts(self) != self._opened_with

    def _ask_discard(self) -> None:
        if self.question is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard the typed text?"),
                          self.tr("This form has text that is not saved yet. Close it and "
                                  "discard the text?"), QMessageBox.StandardButton.NoButton,
                          self)
        box.setObjectName("discardQuestion")
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)  # a second Esc keeps the text: only a click discards it

        def answered(_result: int) -> None:
            self.question = None
            if box.clickedButton() is discard:
                self._discard()

        box.finished.connect(answered)
        self.question = box
        box.open()

    def _discard(self) -> None:
        self._draft_timer.stop()
        if self.drafts is not None:
            self.drafts.forget(self.draft_key)
        super().reject()

    def keep_drafts(self, store: DraftStore, *scope: str) -> None:
        """Keep this form's text in ``store`` while it is open; call before it is shown."""
        self.drafts = store
        self.draft_key = store.key(type(self).__name__, self.windowTitle(), *scope,
                                   *field_texts(self))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._opened_with is not None:
            return
        self._opened_with = field_texts(self)
        if self.drafts is not None:
            draft = self.drafts.load(self.draft_key)
            if draft is not None and len(draft.texts) == len(self._opened_with):
                set_field_texts(self, draft.texts)
                self.draft_note.setText(
                    self.tr("Text kept from %1 that was not saved then.").replace(
                        "%1", f"{draft.saved_at:%Y-%m-%d %H:%M}"))
                self.draft_note.show()
            for field in text_fields(self):
                field.textChanged.connect(self._draft_timer.start)

    def _keep_draft(self) -> None:
        if self.drafts is not None and not self.saving:
            if self.typed():
                self.drafts.save(self.draft_key, field_texts(self))
            else:
                self.drafts.forget(self.draft_key)

    def saved(self) -> None:
        self.saving = False
        self._draft_timer.stop()
        if self.drafts is not None:
            self.drafts.forget(self.draft_key)  # written: the database has it now
        super().accept()

    def failed(self, reason: str) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.error.setText(reason)
        self.error.show()


class _Labelled(Protocol):
    """A member of one of console.domain.enums: a stored value with a label per language."""

    @property
    def value(self) -> str: ...
    def label(self, lang: str = ...) -> str: ...


def enum_combo(parent: QWidget, enum: Iterable[_Labelled], lang: str, current: str | None = None
               ) -> QComboBox:
    box = QComboBox(parent)
    for member in enum:
        box.addItem(member.label(lang), member.value)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


def text_box(parent: QWidget, text: str = "", lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text, parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)
    return box


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


def user_combo(parent: QWidget, users: list[tuple[str, str]], nobody: str,
               current: str | None = None) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName("assignee")
    box.addItem(nobody, "")
    for name, display in users:
        box.addItem(f"{display} ({name})" if display and display != name else name, name)
    if current:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


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


class FallbackPackDialog(FormDialog):
    """Where and how often this workstation writes the paper fallback pack (a USB stick, a
    share). An empty folder turns the pack off."""

    DEFAULT_MINUTES = 10

    def __init__(self, folder: str, minutes: int | None, keep: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Paper fallback pack"), parent)
        note = QLabel(self.tr("Every few minutes and after every approved report, the current "
                              "printouts are written to this folder, keeping the last few "
                              "generations. Leave the folder empty to stop."), self)
        note.setWordWrap(True)
        self.outer.insertWidget(0, note)
        self.folder = QLineEdit(folder, self)
        self.folder.setObjectName("folder")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(minutes or self.DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("keep")
        self.keep.setRange(1, 100)
        self.keep.setValue(keep)
        self.form.addRow(self.tr("Folder"), row)
        self.form.addRow(self.tr("Every"), self.minutes)
        self.form.addRow(self.tr("Generations kept"), self.keep)
        self.finish()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Paper fallback pack"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def values(self) -> tuple[str, int, int]:
        return self.folder.text().strip(), self.minutes.value(), self.keep.value()
