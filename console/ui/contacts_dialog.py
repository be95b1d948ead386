"""The external contacts (국가정보자원관리원 liaison, 행정안전부, data-centre operators, vendors,
자치구) the roster printout and the paper pack carry: view, add, change, remove. Every change is
one ContactService call off the GUI thread; the service enforces who may (commander,
controller) and refuses bad input in one line, shown under the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services.contacts import ExternalContact
from console.ui.context import UiContext

FIELDS = ("organisation", "role", "name", "phone")


class ContactsDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("External contacts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rows: list[ExternalContact] = []
        self.table = QTableWidget(0, len(FIELDS), self)
        self.table.setHorizontalHeaderLabels([self.tr("Organisation"), self.tr("Role"),
                                              self.tr("Name"), self.tr("Phone")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.fields = {key: QLineEdit(self) for key in FIELDS}
        form = QFormLayout()
        for key, label in zip(FIELDS, (self.tr("Organisation"), self.tr("Role"),
                                       self.tr("Name"), self.tr("Phone")), strict=True):
            self.fields[key].setAccessibleName(label)
            form.addRow(label, self.fields[key])
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, slot in (("add", self.tr("Add"), self.add),
                                ("save", self.tr("Save changes"), self.save),
                                ("remove", self.tr("Remove"), self.remove)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Printed on the roster and in the paper fallback "
                                        "pack."), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(760, 520)
        self.reload()

    def reload(self) -> None:
        self.context.read(self.context.services.contacts.entries, self._fill,
                          latest="external contacts")

    def _fill(self, rows: list[ExternalContact]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, key in enumerate(FIELDS):
                self.table.setItem(number, column, QTableWidgetItem(str(row[key])))  # type: ignore[literal-required]

    def number(self) -> int | None:
        """The selected contact's number (1-based, as ``contacts list`` shows it)."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() + 1 if rows else None

    def _on_selected(self) -> None:
        number = self.number()
        if number is None or number > len(self.rows):
            return
        for key in FIELDS:
            self.fields[key].setText(str(self.rows[number - 1][key]))  # type: ignore[literal-required]

    def entry(self) -> ExternalContact:
        text = {key: self.fields[key].text() for key in FIELDS}
        return {"organisation": text["organisation"], "role": text["role"],
                "name": text["name"], "phone": text["phone"]}

    def add(self) -> None:
        contacts, actor, entry = self.context.services.contacts, self.context.actor, self.entry()
        self._write(lambda: contacts.set(actor, entry), self.tr("Contact added"))

    def save(self) -> None:
        number = self.number()
        if number is None:
            self._say(self.tr("Choose the contact to change in the list"), error=True)
            return
        contacts, actor, entry = self.context.services.contacts, self.context.actor, self.entry()
        self._write(lambda: contacts.set(actor, entry, number), self.tr("Contact changed"))

    def remove(self) -> None:
        number = self.number()
        if number is None:
            self._say(self.tr("Choose the contact to remove in the list"), error=True)
            return
        contacts, actor = self.context.services.contacts, self.context.actor
        self._write(lambda: contacts.remove(actor, number), self.tr("Contact removed"))

    def _write(self, work: Any, done: str) -> None:
        def finished(_changes: Any) -> None:
            self._say(done)
            self.reload()

        def refused(error: BaseException) -> None:
            self._say(self.context.messages.text_of(error), error=True)

        self.context.write(work, finished, {"setting"}, refused)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b3261e; font-weight: bold;" if error else "")
        self.status.setText(text)
