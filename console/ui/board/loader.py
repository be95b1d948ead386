"""One read at a time, off the GUI thread, through the window's shared Runner.

A request that arrives while a read is running only marks the loader dirty, and one more read
follows when the current one lands. On the scaled database a burst of changes therefore costs
two reads, not one per change. Going through ``UiContext.runner`` (not a private pool) means
the window's ``runner.wait()`` and ``shutdown()`` also cover the board's reads, so nobody
closes the database under one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from console.ui.worker import Runner


class Loader(QObject):
    """``request()`` from the GUI thread; ``loaded`` or ``failed`` arrives on the GUI thread."""

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, read: Callable[[], Any], runner: Runner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read = read
        self._runner = runner
        self._busy = False
        self._dirty = False

    @property
    def busy(self) -> bool:
        return self._busy

    def request(self) -> None:
        if self._busy:
            self._dirty = True
            return
        self._busy = True
        self._dirty = False
        self._runner.submit(self._read, self._on_done, self._on_failed)

    def _finish(self) -> bool:
        """False when the board was closed while we read: nobody is waiting for the result."""
        # The read is over whether or not anyone still waits for it: a board closed while a
        # read ran must not stay "reading" for ever (its owner waits on that before closing
        # the database).
        self._busy = False
        if not shiboken6.isValid(self):
            return False
        if self._dirty:
            self.request()
        return True

    def _on_done(self, result: object) -> None:
        if self._finish():
            self.loaded.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        if self._finish():
            self.failed.emit(f"{type(error).__name__}: {error}")
