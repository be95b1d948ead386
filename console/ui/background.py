"""Work the window does by itself: automatic sync with the configured hub, and the paper
fallback pack (issue 4 item 6, issue 5 item 5).

Both run on a one-thread Runner of their own, never on the GUI thread and never on the
context's runner: a pack takes ~26 s at scale 30 and a hub may take its 5 s connect timeout,
and the pages' reads must not queue behind either. One thread also means a sync and a pack
never write at the same time (SQLite has one writer). The timers only say *when*; a flag per
kind makes a tick while the previous run is still at work a no-op, so nothing ever overlaps.
A failure is remembered and shown by the status bar; it never opens a box every two minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from console.domain.errors import ConsoleError, render_error
from console.domain.permissions import Action, allowed
from console.services.sync import HubSummary
from console.ui.context import UiContext
from console.ui.worker import Runner

FIRST_RUN_MS = 30_000
"""The first automatic sync and pack check, soon after the window opens."""
PACK_CHECK_MS = 60_000
"""How often to ask ``fallback_due``; the pack's own interval is a ReportService setting."""
PACK_RETRY_SECONDS = 5 * 60
"""After a failed pack (the stick is out), wait this long before rendering it again."""
STATUS_PAGE_SECONDS = 5 * 60
"""How often the public status page is rewritten to its folder, besides after every approved
or issued notice: the services' states and alternatives change between notices too."""


@dataclass(frozen=True)
class PackOutcome:
    """One fallback pack attempt: the generation written, or why not."""

    at: datetime
    path: Path | None = None
    error: str | None = None


class BackgroundWork(QObject):
    sync_started = Signal()
    sync_finished = Signal(object)
    """HubSummary, None (no hub configured), or the exception of a failed sync."""
    pack_finished = Signal(object)
    """A PackOutcome; not emitted when the pack was not due."""

    def __init__(self, context: UiContext, sync_minutes: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = Runner(self, threads=1)
        self.runner.unhandled = lambda _error: None  # every job here has its own handler
        self.syncing = False
        self.packing = False
        self.last_sync_error: str | None = None
        self.last_pack: PackOutcome | None = None
        self._pack_not_before = 0.0
        self._status_page_after = 0.0
        self.last_status_page_error: str | None = None
        self.sync_minutes = 0
        self.sync_timer = QTimer(self)
        self.sync_timer.setObjectName("autoSyncTimer")
        self.sync_timer.timeout.connect(self.sync_tick)
        self.pack_timer = QTimer(self)
        self.pack_timer.setObjectName("fallbackPackTimer")
        self.pack_timer.setInterval(PACK_CHECK_MS)
        self.pack_timer.timeout.connect(self.pack_tick)
        self.first_run = QTimer(self)
        self.first_run.setSingleShot(True)
        self.first_run.setInterval(FIRST_RUN_MS)
        self.first_run.timeout.connect(self._first_run)
        self.set_sync_minutes(sync_minutes)

    @property
    def may_sync(self) -> bool:
        actor = self.context.actor
        return allowed(actor.role, actor.team, Action.SYNC)

    # -- timers ---------------------------------------------------------------------------

    def start(self) -> None:
        self.first_run.start()
        self.pack_timer.start()
        self.set_sync_minutes(self.sync_minutes)

    def stop(self) -> None:
        """The window closes: no new work; a pack or sync already writing finishes."""
        for timer in (self.first_run, self.pack_timer, self.sync_timer):
            timer.stop()
        self.runner.shutdown()
        self.syncing = self.packing = False

    def set_sync_minutes(self, minutes: int) -> None:
        """Minutes between automatic hub syncs; 0 turns them off."""
        self.sync_minutes = max(0, int(minutes))
        self.sync_timer.stop()
        if self.sync_minutes and self.may_sync:
            self.sync_timer.setInterval(self.sync_minutes * 60_000)
            if self.pack_timer.isActive():  # started: keep to the new rhythm at once
                self.sync_timer.start()

    def _first_run(self) -> None:
        if self.sync_minutes:
            self.sync_tick()
        self.pack_tick()

    # -- hub sync -------------------------------------------------------------------------

    def sync_tick(self) -> bool:
        """The timer's slot: sync with the configured hub unless a sync is running or no hub
        is set. True when a sync was started."""
        if self.syncing or not self.may_sync:
            return False
        sync, actor = self.context.services.sync, self.context.actor

        def work() -> HubSummary | None:
            return sync.hub_sync(actor) if sync.hub_url() else None

        return self._start_sync(work)

    def sync_now(self, url: str | None = None, on_done: Callable[[Any], object] | None = None,
                 on_error: Callable[[BaseException], object] | None = None) -> bool:
        """A sync asked for by a person (the sync page, the menu); ``url`` None: the
        configured hub. False, and nothing started, while another sync is running."""
        if self.syncing:
            return False
        sync, actor = self.context.services.sync, self.context.actor
        return self._start_sync(lambda: sync.hub_sync(actor, url), on_done, on_error)

    def _start_sync(self, work: Callable[[], HubSummary | None],
                    on_done: Callable[[Any], object] | None = None,
                    on_error: Callable[[BaseException], object] | None = None) -> bool:
        self.syncing = True
        self.sync_started.emit()

        def done(summary: HubSummary | None) -> None:
            self.syncing = False
            if summary is not None:
                self.last_sync_error = None
                if summary.tables:  # pulled changes: every page and the board re-read
                    self.context.bus.changed.emit(set(summary.tables))
            self.sync_finished.emit(summary)
            if on_done is not None:
                on_done(summary)

        def failed(error: BaseException) -> None:
            self.syncing = False
            self.last_sync_error = self.context.messages.text_of(error)
            self.sync_finished.emit(error)
            if on_error is not None:
                on_error(error)

        self.runner.submit(work, done, failed)
        return True

    # -- paper fallback pack --------------------------------------------------------------

    def pack_tick(self) -> bool:
        """The timer's slot: write the pack if ``fallback_due`` says so. True when a check
        (and perhaps a pack) was started."""
        if self.packing or time.monotonic() < self._pack_not_before:
            return False
        reports, lang = self.context.services.reports, self.context.lang
        page_due = time.monotonic() >= self._status_page_after
        if page_due:
            self._status_page_after = time.monotonic() + STATUS_PAGE_SECONDS

        def work() -> PackOutcome | None:
            if page_due:
                self._write_status_page()
            if not reports.fallback_due():
                return None
            moment = reports.now()
            try:
                return PackOutcome(moment, reports.write_fallback_pack(lang=lang))
            except (OSError, ConsoleError) as error:
                return PackOutcome(moment, None, render_error(error, lang))

        self.packing = True
        self.runner.submit(work, self._packed, self._pack_failed)
        return True

    def _write_status_page(self) -> None:
        """On the worker: the page to its folder, if one is configured; a failure (the stick
        is out) is kept for the status tip and tried again at the next interval."""
        try:
            self.context.services.status_page.write_configured()
            self.last_status_page_error = None
        except (OSError, ConsoleError) as error:
            self.last_status_page_error = render_error(error, self.context.lang)

    def _packed(self, outcome: PackOutcome | None) -> None:
        self.packing = False
        if outcome is None:
            return
        self.last_pack = outcome
        if outcome.error:
            self._pack_not_before = time.monotonic() + PACK_RETRY_SECONDS
        self.pack_finished.emit(outcome)

    def _pack_failed(self, error: BaseException) -> None:
        self._packed(PackOutcome(self.context.now(), None, f"{type(error).__name__}: {error}"))
