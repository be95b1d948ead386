"""The status bar: who is logged in, where the data lives, last backup, the sync indicator
(hub reachable, changes not yet shared, last sync, open conflicts, clock skew), the paper
fallback pack, and the KST clock. Everything it shows is read off the GUI thread."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QLabel, QStatusBar

from console.domain.clock import format_elapsed, format_kst, kst
from console.services import watch
from console.services.sync import SyncStatus
from console.ui.background import BackgroundWork, PackOutcome
from console.ui.context import UiContext

if TYPE_CHECKING:  # the report machinery loads with the first report, not with the bar
    from console.services.reports import FallbackSettings

NO_VALUE = "—"
SYNC_REFRESH_MS = 30_000
CHANGE_COALESCE_MS = 500
FIRST_READS_MS = 1500
"""The first reads, when ``read_after``'s signal has not come by then (another view shown
first, so the board is not painted): otherwise they follow the board's painted figures."""
WARNING = "color: #b26a00; font-weight: bold;"
DANGER = "color: #c62828; font-weight: bold;"


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
    def __init__(self, context: UiContext, bar: QStatusBar, read_now: bool = True) -> None:
        """``read_now=False``: the first reads wait for ``read_after``'s signal (the board's
        painted figures) or ``FIRST_READS_MS``: they import the report and table machinery,
        which the first screen does not wait for (docs/window.md, start-up)."""
        super().__init__(bar)
        self.context = context
        self.bar = bar
        self.user = _label(bar, "statusUser", permanent=False)
        self.show_user()
        self.user.setStyleSheet("font-weight: bold;")
        path = context.services.db.path
        self.database = _label(bar, "statusDatabase")
        shown = str(path) if len(str(path)) <= 60 else f"…{str(path)[-58:]}"
        self.database.setText(self.tr("DB: %1").replace("%1", shown))
        self.database.setToolTip(str(path))
        self.workstation = _label(bar, "statusWorkstation")
        self.show_workstation()
        self.backup = _label(bar, "statusBackup")
        self.sync = _label(bar, "statusSync")
        self.conflicts = _label(bar, "statusConflicts")
        self.pack = _label(bar, "statusPack")
        self.pack.hide()
        self.sync_status: SyncStatus | None = None
        self.pack_settings: FallbackSettings | None = None
        self.background: BackgroundWork | None = None
        self.show_sync(None)
        self.report = _label(bar, "statusReport")
        self.report.hide()
        self.report_due: datetime | None = None
        self.report_number = 0
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
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(SYNC_REFRESH_MS)
        self._sync_timer.timeout.connect(self.refresh_sync)
        self._sync_timer.start()
        # Every local write may add a change not yet shared: re-read once writes calm down.
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(CHANGE_COALESCE_MS)
        self._coalesce.timeout.connect(self.refresh_sync)
        context.bus.changed.connect(lambda _tables: self._coalesce.start())
        context.bus.changed.connect(
            lambda tables: self.show_workstation() if tables & watch.WORKSTATIONS else None)
        self.reading_sync = False
        self.update_clock()
        self._first_reads = QTimer(self, singleShot=True, interval=FIRST_READS_MS)
        self._first_reads.timeout.connect(self.first_reads)
        if read_now:
            self.first_reads()
        else:
            self._first_reads.start()

    def read_after(self, signal: SignalInstance) -> None:
        """Make the first reads when ``signal`` fires (if they are still waiting)."""
        signal.connect(self._first_reads_due)

    def _first_reads_due(self) -> None:
        if self._first_reads.isActive():
            self.first_reads()

    def first_reads(self) -> None:
        """The last backup, the sync state and the pack settings, read off the GUI thread."""
        self._first_reads.stop()
        self.update_backup()
        self.refresh_sync()

    def show_user(self) -> None:
        """Who works in the window now (it changes at a switch of user)."""
        actor, lang = self.context.actor, self.context.lang
        parts = [actor.name, actor.role.label(lang)]
        if actor.team is not None:
            parts.append(actor.team.label(lang))
        self.user.setText(" · ".join(parts))

    def show_workstation(self) -> None:
        """Its name: at start, and again after the database was given its own identity."""
        _, name = self.context.services.accounts.workstation()
        self.workstation.setText(self.tr("Workstation: %1").replace("%1", name or NO_VALUE))

    def update_clock(self) -> None:
        now = self.context.now()
        local = kst(now)
        self.clock.setText(f"{format_kst(now, self.context.lang)}:{local:%S} KST")
        self._count_down(now)

    def show_report_due(self, due: datetime | None, number: int) -> None:
        """The board's live reading of the next report due (console/domain/cadence.py)."""
        self.report_due, self.report_number = due, number
        self._count_down(self.context.now())

    def _count_down(self, now: datetime) -> None:
        due = self.report_due
        self.report.setVisible(due is not None)
        if due is None:
            return
        lang = self.context.lang
        if now > due:
            self.report.setText(self.tr("Report No. %1 overdue by %2")
                                .replace("%1", str(self.report_number))
                                .replace("%2", format_elapsed(now - due, lang)))
            self.report.setStyleSheet(DANGER)
        else:
            self.report.setText(self.tr("Report No. %1 due in %2")
                                .replace("%1", str(self.report_number))
                                .replace("%2", format_elapsed(due - now, lang)))
            self.report.setStyleSheet("")

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


    # -- the sync indicator and the paper pack ------------------------------------------------

    def attach(self, background: BackgroundWork) -> None:
        """Show what the window's background work does: a sync running, its outcome, packs."""
        self.background = background
        background.sync_started.connect(self._sync_started)
        background.sync_finished.connect(lambda _result: self.refresh_sync())
        background.pack_finished.connect(self._packed)

    def refresh_sync(self) -> None:
        """Read SyncStatus and the pack settings off the GUI thread (one read at a time)."""
        if self.reading_sync:
            return
        self.reading_sync = True
        services = self.context.services

        def failed(_error: BaseException) -> None:
            self.reading_sync = False

        self.context.read(lambda: (services.sync.status(), services.reports.fallback_settings()),
                          self._show_read, failed)

    def _show_read(self, result: tuple[SyncStatus, FallbackSettings]) -> None:
        self.reading_sync = False
        self.show_sync(result[0])
        self.show_pack(result[1])

    def _sync_started(self) -> None:
        self.sync.setText(self.tr("Syncing with the hub…"))

    def show_sync(self, status: SyncStatus | None) -> None:
        self.sync_status = status
        lang = self.context.lang
        if status is None:
            self.sync.setText(self.tr("Last sync: %1").replace("%1", NO_VALUE))
            self.conflicts.hide()
            return
        error = self.background.last_sync_error if self.background else None
        if status.hub_url is None:
            hub = self.tr("no hub")
        elif status.hub_reachable is False:
            hub = self.tr("hub unreachable")
        elif status.hub_reachable:
            hub = self.tr("hub connected")
        else:
            hub = self.tr("hub not tried yet")
        last = NO_VALUE
        if status.last_sync is not None:
            same_day = kst(status.last_sync).date() == kst(self.context.now()).date()
            last = format_kst(status.last_sync, lang, with_date=not same_day)
        parts = [hub, self.tr("%1 not shared").replace("%1", str(status.unshared)),
                 self.tr("Last sync: %1").replace("%1", last)]
        tips = [self.tr("Hub: %1").replace("%1", status.hub_url or NO_VALUE),
                self.tr("Changes made here and not yet shared: %1")
                .replace("%1", str(status.unshared)),
                self.tr("Last sync: %1").replace(
                    "%1", format_kst(status.last_sync, lang) or NO_VALUE)]
        style = DANGER if status.hub_url and status.hub_reachable is False else ""
        if error:
            tips.append(self.tr("Last sync failed: %1").replace("%1", error))
        if status.pending_rows:
            tips.append(self.tr("%1 change(s) from a newer program version wait for an upgrade")
                        .replace("%1", str(status.pending_rows)))
        if status.clock_warning:
            parts.insert(0, self.tr("⚠ clock skew"))
            tips.append(self.tr("Clock warning: %1")
                        .replace("%1", clock_warning_text(status.clock_warning, lang)))
            style = style or WARNING
        self.sync.setText(" · ".join(parts))
        self.sync.setToolTip("\n".join(tips))
        self.sync.setStyleSheet(style)
        self.conflicts.setVisible(True)
        self.conflicts.setText(self.tr("Conflicts: %1").replace("%1", str(status.open_conflicts)))
        self.conflicts.setToolTip(self.tr("Open sync conflicts: resolve them in the sync view"))
        self.conflicts.setStyleSheet(DANGER if status.open_conflicts else "")

    def show_pack(self, settings: FallbackSettings) -> None:
        """The paper fallback pack: shown only on a workstation that writes one."""
        self.pack_settings = settings
        if settings.folder is None:
            self.pack.hide()
            return
        last = self.background.last_pack if self.background else None
        self.pack.show()
        when = format_kst(settings.last_written, self.context.lang, with_date=False) or NO_VALUE
        tips = [self.tr("Paper fallback pack in %1, every %2 min")
                .replace("%1", str(settings.folder)).replace("%2", str(settings.every_minutes)),
                self.tr("Last written: %1").replace(
                    "%1", format_kst(settings.last_written, self.context.lang) or NO_VALUE)]
        if last is not None and last.error:
            self.pack.setText(self.tr("Paper pack failed"))
            self.pack.setStyleSheet(DANGER)
            tips.append(self.tr("Failed at %1: %2")
                        .replace("%1", format_kst(last.at, self.context.lang))
                        .replace("%2", last.error))
        else:
            self.pack.setText(self.tr("Paper pack: %1").replace("%1", when))
            self.pack.setStyleSheet("")
            if last is not None and last.path is not None:
                tips.append(str(last.path))
        self.pack.setToolTip("\n".join(tips))

    def _packed(self, _outcome: PackOutcome) -> None:
        self.refresh_sync()


def clock_warning_text(stored: Any, lang: str) -> str:
    """The service keeps ``ISO-TIME text``: show the text, the time in KST first."""
    stamp, _, text = str(stored).partition(" ")
    try:
        return f"{format_kst(datetime.fromisoformat(stamp), lang)} — {text}"
    except ValueError:
        return str(stored)
