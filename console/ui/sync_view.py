"""The sync page: peers and keys, what is not shared yet, the hub, bundles, open conflicts.

Every service call runs off the GUI thread through the context's runner (``context.write`` /
``context.read``); the page only shows what the calls return. Qt models are thin adapters over
lists of the service's dataclasses. In the window, "Sync now" goes through the window's
background work (``use_background``), so it never runs alongside an automatic sync.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import format_kst
from console.services.sync import SyncStatus
from console.ui.context import UiContext
from console.ui.status import clock_warning_text

if TYPE_CHECKING:
    from console.ui.background import BackgroundWork

_Index = QModelIndex | QPersistentModelIndex
_SECRET_FIELDS = ("password", "secret", "signing_key", "private")


def shown_value(field: str, value: object) -> str:
    """A candidate as a person reads it; secrets (password hashes) are never put on screen."""
    if any(word in field.lower() for word in _SECRET_FIELDS):
        return "••••••"
    return repr(value)


class ListModel(QAbstractTableModel):
    """Rows of any objects, one column per (header, getter)."""

    def __init__(self, columns: list[tuple[str, Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self._columns[index.column()][1](self._rows[index.row()])
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None


class SyncView(QWidget):
    synced = Signal()
    """A bundle was exported or imported, a hub sync ended, a conflict was resolved."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        sync = context.services.sync
        self.sync = sync
        lang = context.lang
        self.background: BackgroundWork | None = None
        self.status_label = QLabel()
        self.status_label.setObjectName("syncStatus")
        self.status_label.setWordWrap(True)
        self.hub_url = QLineEdit()
        self.hub_url.setPlaceholderText("postgresql://USER:PASSWORD@HOST:PORT/DBNAME")
        self.hub_url.setAccessibleName(self.tr("Hub address"))
        self.sync_now = QPushButton(self.tr("Sync now"))
        self.export_button = QPushButton(self.tr("Export bundle…"))
        self.import_button = QPushButton(self.tr("Import bundle…"))
        self.resolve_button = QPushButton(self.tr("Resolve conflict…"))
        self.peers_model = ListModel([
            (self.tr("Workstation"), lambda p: p.name + (" *" if p.this_workstation else "")),
            (self.tr("Trusted"), lambda p: "✓" if p.trusted else ""),
            (self.tr("Key"), lambda p: (p.public_key or "")[:16]),
            (self.tr("Last bundle"), lambda p: format_kst(p.last_bundle, lang))], self)
        self.conflicts_model = ListModel([
            (self.tr("Table"), lambda c: c.table), (self.tr("Record"), lambda c: c.record[:8]),
            (self.tr("Field"), lambda c: c.field),
            (self.tr("Candidates"), lambda c: " | ".join(
                f"{shown_value(c.field, k.value)} ({k.author or '?'}@{k.workstation}, "
                f"{format_kst(k.wall_time, lang)})" for k in c.candidates))], self)
        self.peers_view, self.conflicts_view = QTableView(), QTableView()
        self.peers_view.setModel(self.peers_model)
        self.conflicts_view.setModel(self.conflicts_model)
        self.conflicts_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        for view in (self.peers_view, self.conflicts_view):
            view.horizontalHeader().setStretchLastSection(True)
            view.verticalHeader().setVisible(False)
        self._layout()
        self.sync_now.clicked.connect(self.run_hub_sync)
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button.clicked.connect(self.import_bundle)
        self.resolve_button.clicked.connect(self.resolve_selected)
        context.bus.changed.connect(self._on_changed)
        self.last_status: SyncStatus | None = None
        self.busy = False

    def _layout(self) -> None:
        hub_box = QGroupBox(self.tr("Hub (PostgreSQL)"))
        form = QFormLayout(hub_box)
        row = QHBoxLayout()
        row.addWidget(self.hub_url)
        row.addWidget(self.sync_now)
        form.addRow(self.tr("Hub address"), row)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.resolve_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(hub_box)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Workstations and keys")))
        layout.addWidget(self.peers_view)
        layout.addWidget(QLabel(self.tr("Open conflicts")))
        layout.addWidget(self.conflicts_view)

    # -- reading -------------------------------------------------------------------------------
    def _on_changed(self, _tables: set[str]) -> None:
        if self.isVisible():  # hidden: read again when next shown
            self.refresh()

    def _after_sync(self, _result: Any = None) -> None:
        self.refresh()
        self.synced.emit()

    def showEvent(self, event: QShowEvent) -> None:
        """Read when shown: the page is built hidden and must not read for nothing."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        sync = self.sync
        self.context.read(lambda: (sync.status(), sync.peers(), sync.conflicts(), sync.hub_url()),
                          self._show, latest="sync status")

    def _show(self, result: tuple[Any, ...]) -> None:
        status, peers, conflicts, url = result
        self.last_status = status
        if url and not self.hub_url.text():
            self.hub_url.setText(url)
        self.peers_model.set_rows(peers)
        self.conflicts_model.set_rows(conflicts)
        if status.hub_url is None:
            reach = self.tr("no hub set")
        else:
            reach = {None: self.tr("not tried yet"), True: self.tr("reachable"),
                     False: self.tr("unreachable")}[status.hub_reachable]
        text = " · ".join([
            self.tr("Hub: %1").replace("%1", reach),
            self.tr("Not yet shared: %1").replace("%1", str(status.unshared)),
            self.tr("Last sync: %1").replace(
                "%1", format_kst(status.last_sync, self.context.lang) or "—"),
            self.tr("Open conflicts: %1").replace("%1", str(status.open_conflicts))])
        if status.clock_warning:
            text += "\n⚠ " + self.tr("Clock warning: %1").replace(
                "%1", clock_warning_text(status.clock_warning, self.context.lang))
        self.status_label.setText(text)
        self.status_label.setStyleSheet(
            "color: #c62828; font-weight: bold;" if status.open_conflicts else
            "color: #b26a00; font-weight: bold;" if status.clock_warning else "")

    # -- writing -------------------------------------------------------------------------------
    def use_background(self, background: BackgroundWork) -> None:
        """In the window: share the automatic sync's guard (never two syncs at once)."""
        self.background = background
        background.sync_started.connect(lambda: self._set_busy(True))
        background.sync_finished.connect(self._background_synced)
        if background.syncing:  # the page is built on first visit, maybe while one runs
            self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.sync_now.setEnabled(not busy)

    def _background_synced(self, _result: object) -> None:
        self._set_busy(False)
        if self.isVisible():
            self.refresh()

    def run_hub_sync(self) -> None:
        url, actor, sync = self.hub_url.text().strip() or None, self.context.actor, self.sync

        def done(_result: Any) -> None:
            self._set_busy(False)
            self._after_sync()

        def failed(error: BaseException) -> None:
            done(None)
            self.context.messages.error(error)

        if self.background is not None:
            # The background work announces pulled tables on the bus itself.
            if self.background.sync_now(url, done, failed):
                self._set_busy(True)
            return
        self._set_busy(True)
        self.context.write(lambda: sync.hub_sync(actor, url), self._announce(done),
                           on_error=failed)

    def export_bundle(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self, self.tr("Export bundle"), "",
                                                   self.tr("Sync bundle (*.zip)"))[0]
        if path:
            actor, sync = self.context.actor, self.sync
            self.context.write(lambda: sync.export_bundle(actor, Path(path)), self._after_sync)

    def import_bundle(self, path: str | None = None) -> None:
        path = path or QFileDialog.getOpenFileName(self, self.tr("Import bundle"), "",
                                                   self.tr("Sync bundle (*.zip)"))[0]
        if path:
            actor, sync = self.context.actor, self.sync
            self.context.write(lambda: sync.import_bundle(actor, Path(path)),
                               self._announce(self._after_sync))

    def _announce(self, then: Any) -> Any:
        """Applied changes may touch any page: tell them which tables, then continue."""

        def done(result: Any) -> None:
            if getattr(result, "tables", None):
                self.context.bus.changed.emit(set(result.tables))
            then(result)

        return done

    def resolve_selected(self) -> None:
        rows = self.conflicts_view.selectionModel().selectedRows()
        if not rows:
            return
        conflict = self.conflicts_model.row_object(rows[0].row())
        new_value = self.tr("New value…")
        choices = [f"{number}. {shown_value(conflict.field, k.value)} — "
                   f"{k.author or '?'}@{k.workstation}, {format_kst(k.wall_time, self.context.lang)}"
                   for number, k in enumerate(conflict.candidates, 1)] + [new_value]
        choice, ok = QInputDialog.getItem(self, self.tr("Resolve conflict"),
                                          f"{conflict.table}.{conflict.field}", choices, 0, False)
        if not ok:
            return
        keep: int | None = choices.index(choice)
        value = None
        if choice == new_value:
            value, ok = QInputDialog.getText(self, self.tr("Resolve conflict"), conflict.field)
            keep = None
            if not ok:
                return
        self.resolve(conflict, keep, value)

    def resolve(self, conflict: Any, keep: int | None, value: str | None) -> None:
        actor, sync = self.context.actor, self.sync
        self.context.write(lambda: sync.resolve(actor, conflict.table, conflict.record,
                                                conflict.field, keep=keep, value=value),
                           self._after_sync)

