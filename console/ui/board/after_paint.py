"""Run what the first screen does not need on the turn after some figures were painted.

The board's forecast imports numpy and runs its draws on the runner, and the status bar's sync
read imports the report machinery: started with the figures, both share the CPU with the
first paint (two threads and the GUI thread under one GIL). ``AfterPaint`` holds them until the
widget that shows the figures has been painted, then emits ``painted`` on the next turn of the
event loop, when that paint is over (docs/window.md, start-up against the floor).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

PAINT_WAIT_MS = 1000
"""How long to wait for the paint before going on anyway (a window shown but never painted,
e.g. minimised): the forecast is never held for ever."""


class AfterPaint(QObject):
    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._due = False
        self._watching = False
        self._give_up = QTimer(self, singleShot=True, interval=PAINT_WAIT_MS)
        self._give_up.timeout.connect(self._fire)

    @property
    def pending(self) -> bool:
        """``painted`` is still to come (a reader waiting for the board waits for it too)."""
        return self._due and shiboken6.isValid(self)

    def wait(self) -> None:
        """Emit ``painted`` after the widget's next paint; at once if it is not shown."""
        self._due = True
        if not self._widget.isVisible():
            self._fire()
            return
        if not self._watching:
            self._watching = True
            self._widget.installEventFilter(self)
            self._give_up.start()
        self._widget.update()  # the same figures as before would not repaint it by themselves

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._watching and watched is self._widget and event.type() == QEvent.Type.Paint:
            self._stop_watching()
            # The paint is still running: a zero timer fires on the next turn, after it.
            QTimer.singleShot(0, self, self._fire)
        return False

    def _stop_watching(self) -> None:
        if self._watching:
            self._watching = False
            self._widget.removeEventFilter(self)
            self._give_up.stop()

    def _fire(self) -> None:
        self._stop_watching()
        if self._due:
            self._due = False
            self.painted.emit()
