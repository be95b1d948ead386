"""The reports page's list: the stored reports of the incident, issued first, a number
collision after sync painted red (docs/reports.md)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from console.domain.clock import format_kst
from console.services.reports import ReportRow

Index = QModelIndex | QPersistentModelIndex


class ReportsModel(QAbstractTableModel):
    """The stored reports (a short list: tens per incident), issued first."""

    COLUMNS = ("number", "as_of", "issued", "prepared", "approved", "station")

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[ReportRow] = []

    def set_rows(self, rows: list[ReportRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        return None

    def headers(self) -> list[str]:
        return [self.tr("Number"), self.tr("As of"), self.tr("Issued"), self.tr("Prepared by"),
                self.tr("Approved by"), self.tr("Workstation")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, self.COLUMNS[index.column()])
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and row.duplicates:
            return self.tr("Number collision after sync: more than one report has this number")
        if row.duplicates and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#fbe3e1"))
        if row.duplicates and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#8e1b1b"))
        if row.is_draft and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#5f6368"))
        return None

    def _text(self, row: ReportRow, column: str) -> str:
        if column == "number":
            return row.title(self.lang)
        if column == "as_of":
            return format_kst(row.as_of, self.lang)
        if column == "issued":
            return format_kst(row.issued_at, self.lang)
        if column == "prepared":
            return row.prepared_name or row.prepared_by or ""
        if column == "approved":
            return row.approved_name or row.approved_by or ""
        return row.workstation or ""
