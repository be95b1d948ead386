"""Public notices: the send history per channel, and the press team's and approvers' actions
(compose, submit, approve, return, issued, CAP export). Every button is one service call.

Notices are tens per incident, not thousands, and their status comes from their events in
Python (console/domain/notices.py), so the model holds the rows the service returns.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import format_kst
from console.domain.enums import Category, NoticeChannel, NoticeStatus, OutageStatus
from console.services import watch
from console.services.context import ChangeSet
from console.services.notice_rows import NoticeRow
from console.ui.context import UiContext
from console.ui.notice_composer import NoticeComposer
from console.ui.pdf_print import NoticeHistoryPrint

INTERESTS = watch.NOTICES | {watch.ANY_TABLE}
_Index = QModelIndex | QPersistentModelIndex


class NoticeModel(QAbstractTableModel):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[NoticeRow] = []
        self.headers = [self.tr("Time"), self.tr("Channel"), self.tr("Tier"), self.tr("Status"),
                        self.tr("Chars"), self.tr("Text")]

    def set_rows(self, rows: list[NoticeRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = row.issued_at or row.drafted_at
            cells = [format_kst(when, self.lang), row.channel.label(self.lang),
                     row.tier.label(self.lang) if row.tier else "",
                     row.status.label(self.lang),
                     f"{row.chars}/{row.limit}" if row.limit else str(row.chars),
                     row.text.splitlines()[0] if row.text else ""]
            return cells[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4 and row.over_limit:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class NoticesView(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.lang
        self.dialog: NoticeComposer | None = None
        """The composer opened last (tests drive it)."""
        self.model = NoticeModel(self.lang, self)
        self.table = QTableView(self)
        self.table.setObjectName("noticeTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 150)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("noticeDetail")
        self.channel = QComboBox(self)
        self.channel.setObjectName("channelFilter")
        self.channel.setAccessibleName(self.tr("Channel shown"))
        self.channel.addItem(self.tr("All channels"), "")
        for member in NoticeChannel:
            self.channel.addItem(member.label(self.lang), member.value)
        self.channel.currentIndexChanged.connect(self.refresh)
        self.despite = QCheckBox(self.tr("Submit despite a duplicate within 24 h"), self)
        self.despite.setObjectName("despiteDuplicate")
        bar = QHBoxLayout()
        bar.addWidget(self.channel)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
                ("compose", self.tr("Compose…"), self.compose),
                ("submit", self.tr("Submit"), self.submit),
                ("approve", self.tr("Approve"), self.approve),
                ("return", self.tr("Return…"), self.return_),
                ("issued", self.tr("Mark issued"), self.issued),
                ("cap", self.tr("Export CAP…"), lambda: self.export_cap()),
                ("history", self.tr("Print send history…"), self.print_history)):
            button = QPushButton(text, self)
            button.setObjectName(f"notice_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        self.buttons["history"].setToolTip(self.tr("The issued notices of the channel shown "
                                                   "(or all), oldest first, on paper"))
        self.history = NoticeHistoryPrint(context, self.buttons["history"], self)
        bar.addWidget(self.despite)
        bar.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.table.selectionModel().selectionChanged.connect(self.show_detail)
        context.bus.changed.connect(self._changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _changed(self, tables: set[str]) -> None:
        if tables & INTERESTS and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        channel = self.channel.currentData()
        kept = self.selected()
        rows = [r for r in self.context.services.notices.list()
                if not channel or r.channel.value == channel]
        self.model.set_rows(list(reversed(rows)))  # newest first
        for number, row in enumerate(self.model.rows):
            if kept is not None and row.id == kept.id:
                self.table.selectRow(number)
        self.show_detail()

    def selected(self) -> NoticeRow | None:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        return self.model.rows[indexes[0].row()] if indexes else None

    def show_detail(self) -> None:
        row = self.selected()
        if row is None:
            self.detail.setHtml("")
            return
        esc = html.escape
        lines = [f"<h3>{esc(row.channel.label(self.lang))} · {esc(row.status.label(self.lang))}"
                 f"</h3>",
                 # The final text exactly as it will be sent, for the approver.
                 f"<pre style='font-size:12pt;white-space:pre-wrap'>{esc(row.text)}</pre>",
                 f"<p>{row.chars}{f' / {row.limit}' if row.limit else ''}</p>"]
        if row.text_en:
            lines.append(f"<p><i>{esc(row.text_en)}</i></p>")
        facts = [(self.tr("Drafted by"), row.drafted_by or ""),
                 (self.tr("Approved by"), row.approved_by or "—"),
                 (self.tr("Issued"), format_kst(row.issued_at, self.lang) if row.issued_at
                  else "—"),
                 (self.tr("Returned because"), row.reason or "—")]
        lines += [f"<p><b>{esc(k)}</b> {esc(v)}</p>" for k, v in facts]
        self.detail.setHtml("".join(lines))

    def _alternatives(self) -> list[tuple[str, str]]:
        """Alternative means of the citizen-facing services still down, from the inventory."""
        services = self.context.services
        means = {s.code: s.alternative_means for s in services.inventory.systems()}
        return [(o.name, means[o.code]) for o in services.outages.list()
                if o.category == Category.CITIZEN.value and means.get(o.code)
                and not OutageStatus(o.status).is_restored]

    def compose(self) -> None:
        dialog = NoticeComposer(self.lang, self._alternatives(), self)
        self.dialog = dialog
        dialog.submit = lambda: self.context.submit_form(dialog, lambda: self._draft(dialog))
        dialog.open()

    def _draft(self, dialog: NoticeComposer) -> None:
        channel, tier = dialog.channel_value(), dialog.tier_value()
        text, text_en = dialog.text.toPlainText(), dialog.text_en.toPlainText()
        area = dialog.area.text()
        self.context.write(lambda: self.context.services.notices.draft(
            self.context.actor, channel, text, tier, area, text_en=text_en))

    def _on_selected(self, work: str) -> None:
        row = self.selected()
        if row is None:
            self.context.messages.info(self.tr("Nothing selected"),
                                       self.tr("Select a row first."), parent=self)
            return
        notices, actor = self.context.services.notices, self.context.actor
        despite = self.despite.isChecked()
        calls = {
            "submit": lambda: notices.submit(actor, row.id, despite),
            "approve": lambda: notices.approve(actor, row.id),
            "issued": lambda: notices.issued(actor, row.id),
        }
        self.context.write(calls[work])

    def submit(self) -> None:
        self._on_selected("submit")

    def approve(self) -> None:
        self._on_selected("approve")

    def issued(self) -> None:
        self._on_selected("issued")

    def return_(self) -> None:
        row = self.selected()
        if row is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Return a notice"), self.tr("Reason"))
        if ok and reason.strip():
            self.context.write(lambda: self.context.services.notices.return_(
                self.context.actor, row.id, reason))

    def export_cap(self, path: str = "") -> None:
        """The selected approved notice as CAP 1.2, to ``path`` (empty: ask where)."""
        row = self.selected()
        if row is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CAP"), f"{row.id}.xml",
                                                  "CAP (*.xml)")
        if path:
            self.context.write(lambda: _write_cap(self.context, row.id, path))

    def print_history(self) -> None:
        channel = self.channel.currentData()
        self.history.start(NoticeChannel(channel) if channel else None)

    def status_counts(self) -> dict[NoticeStatus, int]:
        counts: dict[NoticeStatus, int] = {}
        for row in self.model.rows:
            counts[row.status] = counts.get(row.status, 0) + 1
        return counts


def _write_cap(context: UiContext, notice_id: str, path: str) -> ChangeSet:
    from pathlib import Path

    data = context.services.notices.cap(notice_id)
    target = Path(path)
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(data)
    partial.replace(target)
    return ChangeSet()
