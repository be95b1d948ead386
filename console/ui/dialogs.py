"""What every form shares: FormDialog (keeps what was typed until the write is done, asks before
throwing it away, keeps drafts) and the fields the forms build from. The pages' forms are in
forms.py, the fallback pack's in fallback_dialog.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

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
