"""What every table page shares: search box, filter boxes, the lazy table, a detail pane.

Pages read through ``services.tables`` and write through one service call each, run off the
GUI thread by ``UiContext.write``; they reload when the DataBus names a table they show, or
when next shown if they were hidden at the time.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.enums import Team
from console.domain.errors import ConsoleError, PermissionDenied
from console.domain.permissions import Action
from console.services.tables import ALL_INCIDENTS, Facets, TableQuery
from console.ui.actions import icon
from console.ui.context import UiContext
from console.ui.dialogs import FormDialog
from console.ui.table_model import Column, LazyTableModel, Row, RowStyle

SEARCH_DELAY_MS = 250


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def detail_table(pairs: list[tuple[str, str]]) -> str:
    """A two-column definition table for the detail pane (values already escaped)."""
    rows = "".join(f"<tr><th align='left' style='padding-right:12px'>{esc(k)}</th>"
                   f"<td>{v}</td></tr>" for k, v in pairs)
    return f"<table cellspacing='2'>{rows}</table>"


class _Plurals(QObject):
    """PySide6 looks plural forms up under the runtime class's name, so a subclass's
    ``self.tr(text, "", n)`` misses them: they live in this class, which nobody subclasses."""

    def rows(self, count: int) -> str:
        return self.tr("%n row(s)", "", count)


class TablePage(QWidget):
    TABLE = ""
    INTERESTS: frozenset[str] = frozenset()
    """The tables whose change makes this page reload."""
    HAS_INCIDENT = False
    """Rows belong to an incident: show the current one, or all with a tick box."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.lang
        self.facets: Facets | None = None
        self.dialog: QDialog | None = None
        """The dialog this page opened last (tests drive it)."""
        self._stale = True
        self._keep_id: str | None = None
        self._pending_id: str | None = None
        """A kept selection that may lie past the head: chosen again once all ids are in."""

        self.bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        # Icon-only controls carry a name a screen reader can say, in the window's language.
        self.search.setAccessibleName(self.tr("Search"))
        lens = self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        lens.setText(self.tr("Search"))
        clear = self.search.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:
            clear.setText(self.tr("Clear the search"))
            clear.setToolTip(self.tr("Clear the search"))
        self.search.setMinimumWidth(220)
        self.bar.addWidget(self.search)
        self.filters: dict[str, QComboBox] = {}
        self.all_incidents = QCheckBox(self.tr("All incidents"), self)
        self.all_incidents.setVisible(self.HAS_INCIDENT)
        self.all_incidents.toggled.connect(self._apply_query)
        self.filter_row = QHBoxLayout()
        self.bar.addLayout(self.filter_row)
        self.bar.addWidget(self.all_incidents)
        self.bar.addStretch(1)
        self.buttons = QHBoxLayout()
        self.bar.addLayout(self.buttons)

        self.model = LazyTableModel(context.services.tables, self.TABLE, self.columns(),
                                    context.runner, self.style_row, self.initial_query(),
                                    on_error=context.messages.error, parent=self)
        self.view = QTableView(self)
        self.view.setObjectName(f"{self.TABLE}Table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.view.verticalHeader()
        # Fixed row heights: with 40,000 rows the view must never measure them.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.hide()
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        bold = header.font()
        bold.setBold(True)
        for number, column in enumerate(self.model.columns):
            if column.width:
                # Never narrower than the title in this language (plus the sort arrow).
                title = QFontMetrics(bold).horizontalAdvance(column.title) + 30
                cells = max((self.view.fontMetrics().horizontalAdvance(text) + 16
                             for text in column.fits), default=0)
                self.view.setColumnWidth(number, max(column.width, title, cells))
        key, descending = self.model.query.sort, self.model.query.descending
        keys = [c.key for c in self.model.columns]
        if key in keys:
            header.setSortIndicator(keys.index(key), Qt.SortOrder.DescendingOrder if descending
                                    else Qt.SortOrder.AscendingOrder)
        else:  # an order of no one column (outages' attention order): no arrow, no re-sort
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.doubleClicked.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("detail")
        self.detail.setOpenLinks(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1060, 460])
        self.count = QLabel(self)
        self.count.setObjectName("rowCount")

        layout = QVBoxLayout(self)
        layout.addLayout(self.bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_query)
        self.search.textChanged.connect(self._search_timer.start)
        self.model.loaded.connect(self._loaded)
        self.model.completed.connect(self._completed)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        context.bus.changed.connect(self._on_changed)

    # --- to override ----------------------------------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def initial_query(self) -> TableQuery:
        """The first sort: a column key, so the header's arrow tells the truth."""
        return TableQuery(sort=self.columns()[0].key)

    def style_row(self, row: Row) -> RowStyle | None:
        return None

    def detail_html(self, record_id: str) -> str:
        return ""

    def fill_filters(self, facets: Facets) -> None:
        """Give the filter boxes their choices once the facets arrived."""

    def activate(self, record_id: str) -> None:
        """Double-click: the page's main action on a row."""

    # --- building blocks -----------------------------------------------------------------

    def add_filter(self, key: str, everything: str,
                   choices: list[tuple[str, str]] | None = None) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(f"filter_{key}")
        box.setAccessibleName(everything)  # "All teams": says what the box filters
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.addItem(everything, "")
        for text, value in choices or []:
            box.addItem(text, value)
        box.currentIndexChanged.connect(self._apply_query)
        self.filters[key] = box
        self.filter_row.addWidget(box)
        return box

    def set_choices(self, key: str, choices: list[tuple[str, str]]) -> None:
        box = self.filters[key]
        kept = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for text, value in choices:
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(kept)))
        box.blockSignals(False)

    def choose(self, key: str, value: str) -> None:
        """Pick a filter value by its stored value (tests and links use this)."""
        box = self.filters[key]
        box.setCurrentIndex(max(0, box.findData(value)))

    def add_button(self, text: str, slot: Callable[[], None], icon_name: str = "",
                   name: str = "") -> QPushButton:
        button = QPushButton(icon(icon_name or "new"), text, self)
        button.setObjectName(name or text)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def query(self) -> TableQuery:
        query = TableQuery(self.search.text().strip(), (), self.model.query.sort,
                           self.model.query.descending)
        for key, box in self.filters.items():
            query = query.with_filter(key, box.currentData())
        if self.HAS_INCIDENT and self.all_incidents.isChecked():
            query = query.with_filter("incident", ALL_INCIDENTS)
        return query

    def _apply_query(self) -> None:
        self.model.set_query(self.query())

    # --- loading and refreshing --------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        self.context.read(self.context.services.tables.facets, self._facets_arrived)
        self.model.reload()

    def _facets_arrived(self, facets: Facets) -> None:
        self.facets = facets
        self.fill_filters(facets)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, tables: set[str]) -> None:
        if not tables & self.INTERESTS:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _remember_current(self) -> None:
        self._keep_id = self.selected_id() or self._keep_id

    def _loaded(self) -> None:
        total = self.model.rowCount()
        self.count.setText(_Plurals().rows(total))
        row = self.model.row_of(self._keep_id) if self._keep_id else None
        self._pending_id = (self._keep_id if row is None and not self.model.complete
                            else None)
        if row is None and total:
            row = 0  # show something in the detail pane rather than an empty box
        if row is not None:
            self.select_row(row)
        else:
            self.detail.clear()

    def _completed(self) -> None:
        pending, self._pending_id = self._pending_id, None
        if pending is None or self.selected_id() != self.model.id_at(0):
            return  # nothing was waiting, or the user chose another row meanwhile
        row = self.model.row_of(pending)
        if row is not None:
            self.select_row(row)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- selection -----------------------------------------------------------------------

    def selected_id(self) -> str | None:
        index = self.view.selectionModel().currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)

    def select_id(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self.model.id_at(current.row()) if current.isValid() else None
        if record_id is None:
            self.detail.clear()
            return
        self._keep_id = record_id
        try:
            self.detail.setHtml(self.detail_html(record_id))
        except ConsoleError:
            self.detail.clear()

    def _activated(self, index: QModelIndex) -> None:
        record_id = self.model.id_at(index.row())
        if record_id:
            self.activate(record_id)

    # --- acting --------------------------------------------------------------------------

    def may(self, action: Action, team: Team | None = None) -> bool:
        """Check before asking for input; say why not. The service checks again anyway."""
        try:
            self.context.actor.require(action, team)
        except PermissionDenied as error:
            self.context.messages.denied(error, self)
            return False
        return True

    def need_selection(self) -> str | None:
        record_id = self.selected_id()
        if record_id is None:
            self.context.messages.info(self.tr("Nothing selected"),
                                       self.tr("Select a row first."), parent=self)
        return record_id

    def open_dialog(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        """Open without blocking; the work happens when the dialog is accepted. A form stays
        open, keeping its input, until the write it starts is done (UiContext.submit_form)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(dialog, FormDialog):
            dialog.submit = lambda: self.context.submit_form(dialog, on_accept)
            if self.context.drafts is not None:
                dialog.keep_drafts(self.context.drafts)
        else:
            dialog.accepted.connect(on_accept)
        self.dialog = dialog
        dialog.open()
        return dialog
