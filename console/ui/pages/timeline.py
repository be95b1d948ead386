"""The incident's timeline: one chronological list for a shift (console/domain/timeline.py),
filterable by team, lines recorded since this user's previous log-in marked as new."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from console.domain.clock import format_kst
from console.domain.enums import Team
from console.domain.timeline import TimelineEntry, changed_since
from console.services import watch
from console.ui.board.widgets import NEW_BACKGROUND as BOARD_NEW
from console.ui.context import UiContext

Index = QModelIndex | QPersistentModelIndex
NEW_BACKGROUND = QColor(BOARD_NEW)


class TimelineModel(QAbstractTableModel):
    """The lines of one read, oldest first (an incident's timeline is thousands of lines at
    most: it is read whole, off the GUI thread, and shown as it came)."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.entries: list[TimelineEntry] = []
        self.since: datetime | None = None
        self.me: str | None = None
        """Who looks (their own lines are not new to them)."""
        self.headers = [self.tr("Time"), self.tr("What"), self.tr("Team"), self.tr("By"),
                        self.tr("Details")]

    def set_entries(self, entries: list[TimelineEntry], since: datetime | None,
                    me: str | None = None) -> None:
        self.beginResetModel()
        self.entries, self.since, self.me = entries, since, me
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def is_new(self, row: int) -> bool:
        return changed_since(self.entries[row], self.since, self.me)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            team = Team(entry.team).label(self.lang) if entry.team in set(Team) else ""
            return [format_kst(entry.at, self.lang), entry.kind.label(self.lang), team,
                    entry.author_name or entry.author or "", entry.text][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and self.is_new(index.row()):
            return QBrush(NEW_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and self.is_new(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and self.is_new(index.row()):
            return self.tr("New since your last log-in")
        return None


class TimelinePage(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.team = QComboBox(self)
        self.team.setObjectName("timelineTeam")
        self.team.setAccessibleName(self.tr("Team"))
        self.team.addItem(self.tr("All teams"), None)
        for team in Team:
            self.team.addItem(team.label(context.lang), team.value)
        self.team.currentIndexChanged.connect(lambda _index: self.refresh())
        self.since_label = QLabel(self)
        self.since_label.setObjectName("timelineSince")
        self.model = TimelineModel(context.lang, self)
        self.view = QTableView(self)
        self.view.setObjectName("timelineTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        # The author column holds a name and position ("통제관 (디지털도시국장)"), not a login id.
        for column, width in enumerate((160, 130, 130, 170)):
            self.view.setColumnWidth(column, width)
        top = QHBoxLayout()
        top.addWidget(self.team)
        top.addWidget(self.since_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.since: datetime | None = None
        self._looked = False
        context.bus.changed.connect(self._on_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._looked:
            self._looked = True
            self.user_changed()

    def user_changed(self) -> None:
        """Mark what was recorded since this user's previous log-in here (at start, and after
        a switch of user at a shift change)."""
        previous = self.context.since_login
        self.since = previous
        self.since_label.setText(
            self.tr("Highlighted: recorded since your last log-in ({time})").replace(
                "({time})", f"({format_kst(previous, self.context.lang)})") if previous
            else self.tr("First log-in on this workstation: nothing is marked new"))
        if self._looked:
            self.refresh()

    def _on_changed(self, tables: set[str]) -> None:
        if self._looked and (watch.SITUATION | {watch.ANY_TABLE, "situation_report"}) & tables:
            self.refresh()

    def refresh(self) -> None:
        team = self.team.currentData()
        timeline, lang = self.context.services.timeline, self.context.lang
        self.context.read(lambda: timeline.entries(team=team, lang=lang),
                          lambda entries: self.model.set_entries(
                              entries, self.since, self.context.actor.name),
                          latest="timeline")

    def new_rows(self) -> int:
        return sum(1 for row in range(self.model.rowCount()) if self.model.is_new(row))
