"""The board's restoration chart, whose drawing library is loaded after the first screen.

pyqtgraph and numpy take ~0.3–0.8 s to import, about as long as the rest of the window's
start. The chart is therefore a light frame: the board sets its figures first, the frame asks
for the plot (console/ui/board/plot.py) on the next turn of the event loop, and every call made
before it exists is kept and replayed in order. The plot is built on the turn of the event loop
after the frame was first painted with a curve waiting, so the figures that came with it are on
the screen before the import starts (and a board never shown never loads it); setting the
scale alone never builds it. Anything that reads the chart (tests, checks)
builds it on the spot, so no reader ever sees an empty chart that is not really empty.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.domain.forecast_facts import CurvePoint
from console.domain.situation import Situation

if TYPE_CHECKING:
    from console.ui.board.plot import RestorationPlot



class RestorationChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plot: RestorationPlot | None = None
        self._pending: list[Callable[[RestorationPlot], None]] = []
        self._wanted = False
        """A curve is waiting (set_scale alone does not build the plot)."""
        self._scheduled = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.scale = 1.0

    @property
    def plot_widget(self) -> RestorationPlot:
        """The pyqtgraph chart, built now if it is not yet (with every call made before)."""
        if self._plot is None:
            from console.ui.board.plot import RestorationPlot

            plot = RestorationPlot(self)
            self._layout.addWidget(plot)
            self._plot = plot
            for call in self._pending:
                call(plot)
            self._pending.clear()
        return self._plot

    def _later(self, call: Callable[[RestorationPlot], None], build: bool = True) -> None:
        if self._plot is not None:
            call(self._plot)
            return
        self._pending.append(call)
        if build:
            self._wanted = True
            self.update()  # the paint event below asks for the plot

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._wanted and self._plot is None and not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, lambda: self.plot_widget)

    @property
    def built(self) -> bool:
        return self._plot is not None

    # --- what the board asks of it (kept until the plot exists) ---------------------------

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self._later(lambda plot: plot.set_scale(scale), build=False)

    def draw(self, situation: Situation, start: datetime, end: datetime, total_label: str,
             phase_label: str) -> None:
        self._later(lambda plot: plot.draw(situation, start, end, total_label, phase_label))

    def draw_forecast(self, points: list[CurvePoint], caption: str) -> None:
        self._later(lambda plot: plot.draw_forecast(points, caption))

    # --- what readers ask of it (they build it) -------------------------------------------

    @property
    def plot(self) -> Any:
        """pyqtgraph's PlotWidget."""
        return self.plot_widget.plot

    @property
    def forecast_points(self) -> list[CurvePoint]:
        return self.plot_widget.forecast_points

    def forecast_caption(self) -> str:
        return self.plot_widget.forecast_caption()

    def point_count(self) -> int:
        return self.plot_widget.point_count()

    def count_labels(self) -> list[str]:
        return self.plot_widget.count_labels()

    def marker_labels(self) -> list[str]:
        return self.plot_widget.marker_labels()
