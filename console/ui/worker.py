"""Run database work off the GUI thread and hand the result back on it (Anki's CollectionOp).

Callbacks always run on the GUI thread: the worker emits a signal of the Runner, which lives
on the GUI thread, through a queued connection. A callable passed to ``submit`` must not touch
widgets; only its callbacks may.

The threads are Python's own (``concurrent.futures``); only the queued signal crosses to Qt.
No Qt object may die on a worker: the cycle collector runs on the GUI thread only
(``console.ui.collector``), and the work callables, which often hold a view, are owned by the
GUI thread, so that their last reference is never dropped on a worker.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

Done = Callable[[Any], object]
Failed = Callable[[BaseException], object]


class Runner(QObject):
    """A small thread pool whose results come back as callbacks on the GUI thread."""

    _finished = Signal(int, object)
    _failed = Signal(int, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        # Two threads: a slow write must not hold up the next page's read; SQLite allows one
        # writer and many readers (WAL), more threads would only queue on its lock.
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="console-db")
        self._running: set[Future[None]] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._work: dict[int, Callable[[], Any]] = {}
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
        if self._closed:  # a timer that fired while the window closed: nobody will look
            return job_id
        was_idle = self.idle
        self._callbacks[job_id] = (on_done, on_error)
        with self._lock:
            self._work[job_id] = work
        if was_idle:
            self.busy_changed.emit(True)
        future = self._pool.submit(self._run, job_id)
        with self._lock:
            self._running.add(future)
        future.add_done_callback(self._forget)
        return job_id

    def _run(self, job_id: int) -> None:
        with self._lock:
            work = self._work[job_id]
        try:
            result = work()
        except BaseException as error:  # handed to the GUI thread, which decides what to show
            del work  # before the GUI thread may drop its own reference
            self._failed.emit(job_id, error)
        else:
            del work
            self._finished.emit(job_id, result)

    def _forget(self, future: Future[None]) -> None:
        with self._lock:
            self._running.discard(future)

    def _wait_for_threads(self, timeout: float) -> None:
        with self._lock:
            running = list(self._running)
        deadline = time.monotonic() + timeout
        for future in running:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                future.result(timeout=remaining)
            except Exception:  # _run never raises: this is the timeout, which ends the wait
                return

    def _release(self, job_id: int) -> None:
        with self._lock:
            self._work.pop(job_id, None)

    def _deliver(self, job_id: int, result: object) -> None:
        self._release(job_id)
        on_done, _ = self._callbacks.pop(job_id, (None, None))
        try:
            if on_done is not None:
                on_done(result)
        finally:
            self._after()

    def _deliver_error(self, job_id: int, error: BaseException) -> None:
        self._release(job_id)
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
            self._wait_for_threads(0.02)
            QCoreApplication.processEvents()
        return True

    def shutdown(self) -> None:
        """Let running jobs finish; their callbacks are dropped (the window is closing)."""
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._callbacks.clear()
        with self._lock:
            self._work.clear()
