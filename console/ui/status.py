"""The status bar: who is logged in, where the data lives, last backup and sync, KST clock."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from console.domain.clock import format_kst, kst
from console.ui.context import UiContext

NO_VALUE = "—"


def _label(bar: QStatusBar, name: str, permanent: bool = True) -> QLabel:
    label = QLabel(bar)
    label.setObjectName(name)
    label.setContentsMargins(6, 0, 6, 0)
    if permanent:
        bar.addPermanentWidget(label)
    else:
        bar.addWidget(label)
    return label


class StatusPanel(QObject):
    def __init__(self, context: UiContext, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.context = context
        self.bar = bar
        actor, lang = context.actor, context.lang
        self.user = _label(bar, "statusUser", permanent=False)
        parts = [actor.name, actor.role.label(lang)]
        if actor.team is not None:
            parts.append(actor.team.label(lang))
        self.user.setText(" · ".join(parts))
        self.user.setStyleSheet("font-weight: bold;")
        path = context.services.db.path
        self.database = _label(bar, "statusDatabase")
        shown = str(path) if len(str(path)) <= 60 else f"…{str(path)[-58:]}"
        self.database.setText(self.tr("DB: %1").replace("%1", shown))
        self.database.setToolTip(str(path))
        self.workstation = _label(bar, "statusWorkstation")
        _, name = context.services.accounts.workstation()
        self.workstation.setText(self.tr("Workstation: %1").replace("%1", name or NO_VALUE))
        self.backup = _label(bar, "statusBackup")
        self.sync = _label(bar, "statusSync")
        self.set_sync_status(NO_VALUE)
        self.clock = _label(bar, "statusClock")
        self.clock.setStyleSheet("font-weight: bold;")
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.update_clock)
        self._tick.start()
        self._slow = QTimer(self)
        self._slow.setInterval(60_000)
        self._slow.timeout.connect(self.update_backup)
        self._slow.start()
        self.update_clock()
        self.update_backup()

    def update_clock(self) -> None:
        now = self.context.now()
        local = kst(now)
        self.clock.setText(f"{format_kst(now, self.context.lang)}:{local:%S} KST")

    def update_backup(self) -> None:
        self.context.read(lambda: self.context.services.tables.local_state("last_backup"),
                          self._show_backup, lambda _error: None)

    def _show_backup(self, value: str | None) -> None:
        text = NO_VALUE
        if value:
            stamp, _, path = value.partition(" ")
            try:
                text = format_kst(datetime.fromisoformat(stamp), self.context.lang)
            except ValueError:
                text = stamp
            self.backup.setToolTip(path)
        self.backup.setText(self.tr("Last backup: %1").replace("%1", text))

    def set_sync_status(self, text: str) -> None:
        self.sync.setText(self.tr("Last sync: %1").replace("%1", text or NO_VALUE))
