"""Run database work off the GUI thread and hand the result back on it (Anki's CollectionOp).

Callbacks always run on the GUI thread: the worker emits a signal of the Runner, which lives
on the GUI thread, through a queued connection. A callable passed to ``submit`` must not touch
widgets; only its callbacks may.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Job(QRunnable):
    def __init__(self, runner: Runner, job_id: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.runner = runner
        self.job_id = job_id
        self.work = work

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as error:  # handed to the GUI thread, which decides what to show
            self.runner._failed.emit(self.job_id, error)
        else:
            self.runner._finished.emit(self.job_id, result)


class Runner(QObject):
    """A small thread pool whose results come back as callbacks on the GUI thread."""

    _finished = Signal(int, object)
    _failed = Signal(int, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # Two threads: a slow write must not hold up the next page's read; SQLite allows one
        # writer and many readers (WAL), more threads would only queue on its lock.
        self._pool.setMaxThreadCount(threads)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)
        self.unhandled: Failed | None = None
        """Where errors go when the caller gave no ``on_error``."""

    @property
    def idle(self) -> bool:
        return not self._callbacks

    def submit(self, work: Callable[[], Any], on_done: Done | None = None,
               on_error: Failed | None = None) -> int:
        job_id = next(self._ids)
        was_idle = self.idle
        self._callbacks[job_id] = (on_done, on_error)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self, job_id, work))
        return job_id

    def _deliver(self, job_id: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(job_id, (None, None))
        try:
            if on_done is not None:
                on_done(result)
        finally:
            self._after()

    def _deliver_error(self, job_id: int, error: BaseException) -> None:
        _, on_error = self._callbacks.pop(job_id, (None, None))
        try:
            handler = on_error or self.unhandled
            if handler is None:
                raise error
            handler(error)
        finally:
            self._after()

    def _after(self) -> None:
        if self.idle:
            self.busy_changed.emit(False)

    def wait(self, timeout: float = 10.0) -> bool:
        """Process events until every job and its callbacks ran (tests, screenshots, exit)."""
        deadline = time.monotonic() + timeout
        while not self.idle:
            if time.monotonic() > deadline:
                return False
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return True

    def shutdown(self) -> None:
        """Let running jobs finish; their callbacks are dropped (the window is closing)."""
        self._pool.clear()
        self._pool.waitForDone()
        self._callbacks.clear()
