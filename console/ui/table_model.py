"""A big table that keeps only row ids and a few pages of rows (Anki's browser table model).

The ordered id list comes from the database (filtered and sorted in SQL) off the GUI thread;
the rows on screen are read a page at a time when the view asks for them, and only a handful
of pages are kept. 42,900 systems cost a list of 42,900 strings, not 42,900 row objects.

A (re)load comes in two steps: first the count and the first ``HEAD`` ids (an index walk:
the sorted first screen of 200,000 systems shows in tens of milliseconds), then, still off the
GUI thread, the whole ordered id list. Until it lands, rows past the head show empty.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from console.services.tables import TableQuery, TableService
from console.ui.worker import Runner

Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's record id, for selection and actions."""


@dataclass(frozen=True)
class Column:
    key: str
    """The table service's column: what this column shows and sorts on."""
    title: str
    text: Callable[[Row], str]
    right: bool = False
    """Numbers and times line up on the right."""
    width: int = 0
    """A starting width in pixels (0: the view decides)."""
    fits: tuple[str, ...] = ()
    """Texts the column must show whole (a status's labels in this language): the starting
    width grows to the widest, so "Workaround in place" is not "Workaro…"."""


@dataclass(frozen=True)
class RowStyle:
    background: str | None = None
    foreground: str | None = None
    bold: bool = False


Styler = Callable[[Row], RowStyle | None]


class LazyTableModel(QAbstractTableModel):
    loaded = Signal()
    """The id list was (re)loaded: row count and order may have changed."""
    completed = Signal()
    """Every id is known now (after ``loaded``; at once when the head held them all)."""

    PAGE = 100
    MAX_PAGES = 20
    HEAD = 1000
    """Ids read with the count, before the whole list."""

    def __init__(self, tables: TableService, table: str, columns: list[Column], runner: Runner,
                 styler: Styler | None = None, query: TableQuery | None = None,
                 on_error: Callable[[BaseException], object] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.tables = tables
        self.table = table
        self.columns = columns
        self.runner = runner
        self.styler = styler
        self.on_error = on_error
        self.query = query or TableQuery()
        self._ids: list[str | None] = []
        """In display order; None past the head until the whole list arrived."""
        self.complete = True
        """Every id is known."""
        self._pages: OrderedDict[int, dict[str, Row]] = OrderedDict()
        self._generation = 0
        self.loading = False
        self.page_reads = 0
        """How many pages were read from the database (for tests and benchmarks)."""

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the database for the ordered ids again; stale answers are dropped."""
        self._generation += 1
        generation, query = self._generation, self.query
        self.loading = True
        self.runner.submit(lambda: self.tables.head(self.table, query, self.HEAD),
                           lambda head: self._set_head(generation, query, *head),
                           self._failed)

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        if self.on_error is not None:
            self.on_error(error)
        else:
            raise error

    def _set_head(self, generation: int, query: TableQuery, count: int,
                  head: list[str]) -> None:
        if generation != self._generation:
            return
        self.complete = count <= len(head)
        self._reset([*head, *([None] * (count - len(head)))])
        self.loading = not self.complete
        self.loaded.emit()
        if self.complete:
            self.completed.emit()
        else:
            self.runner.submit(lambda: self.tables.ids(self.table, query),
                               lambda ids: self._set_all(generation, ids), self._failed)

    def _set_all(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return
        known = len(self._ids) - self._ids.count(None)
        if len(ids) != len(self._ids) or ids[:known] != self._ids[:known]:
            # Rows came or went between the two reads: show the newer, whole answer.
            self._reset(list(ids))
            self.complete, self.loading = True, False
            self.loaded.emit()
        else:
            self._ids = list(ids)
            self._pages.clear()  # pages read before held only the head's rows
            self.complete, self.loading = True, False
            if known < len(ids):
                self.dataChanged.emit(self.index(known, 0),
                                      self.index(len(ids) - 1, len(self.columns) - 1))
        self.completed.emit()

    def _reset(self, ids: list[str | None]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def set_query(self, query: TableQuery) -> None:
        if query != self.query:
            self.query = query
            self.reload()

    def forget_rows(self) -> None:
        """Read the shown rows again (times have moved on) without reloading the ids."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self.columns) - 1))

    # --- rows ----------------------------------------------------------------------------

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int | None:
        """None also while ``record_id`` may still be past the head (see ``complete``)."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def ids(self) -> list[str]:
        """The ids known so far, in display order (all of them once ``complete``)."""
        return [i for i in self._ids if i is not None]

    def row_data(self, row: int) -> Row | None:
        record_id = self._ids[row] if 0 <= row < len(self._ids) else None
        if record_id is None:
            return None
        number = row // self.PAGE
        page = self._pages.get(number)
        if page is None:
            start = number * self.PAGE
            # One small indexed read on the GUI thread: a page is ~100 rows by primary key.
            page = self.tables.rows(self.table, [i for i in self._ids[start:start + self.PAGE]
                                                 if i is not None])
            self.page_reads += 1
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page.get(record_id)

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self.columns):
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            column = self.columns[index.column()]
            horizontal = Qt.AlignmentFlag.AlignRight if column.right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.FontRole):
            return None
        row = self.row_data(index.row())
        if row is None:
            # The record went away since the ids were read; the next reload drops the row.
            return "" if role in (Qt.ItemDataRole.DisplayRole,
                                  Qt.ItemDataRole.ToolTipRole) else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()].text(row)
        style = self.styler(row) if self.styler else None
        if style is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and style.background:
            return QBrush(QColor(style.background))
        if role == Qt.ItemDataRole.ForegroundRole and style.foreground:
            return QBrush(QColor(style.foreground))
        if role == Qt.ItemDataRole.FontRole and style.bold:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL: change the query and reload the ids."""
        if not 0 <= column < len(self.columns):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(TableQuery(self.query.search, self.query.filters,
                                  self.columns[column].key, descending))
