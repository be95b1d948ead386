"""The restoration curve drawn with pyqtgraph: restored systems over time, in KST, with the
phase markers and the forecast's fan. Imported on the chart's first use (chart.py), not with
the board."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.domain.clock import KST
from console.domain.forecast_facts import CurvePoint
from console.domain.situation import Situation
from console.ui.board.widgets import GOOD, INK, MUTED, scaled_font

KST_OFFSET = -9 * 3600
"""pyqtgraph's sign: seconds to subtract from UTC, so +09:00 is negative."""
DAY_STEPS = (1, 2, 3, 5, 7, 14, 28)


class KstAxis(pg.DateAxisItem):
    """Dates as the room reads them (``9. 28.`` / ``18:00`` in KST), whatever the PC's zone.

    The stock axis prints English month and weekday names; these are language-neutral.
    """

    def __init__(self) -> None:
        super().__init__(orientation="bottom", utcOffset=KST_OFFSET)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        """Ticks every 1, 2, 3, 5, 7, 14 or 28 days at KST midnight, as many as fit: evenly
        spaced dates (pyqtgraph's own choice mixed steps and left uneven gaps). Under two
        days: pyqtgraph's hours."""
        day = 24 * 3600
        if maxVal - minVal < 2 * day or size <= 0:
            return super().tickValues(minVal, maxVal, size)
        font = self.style.get("tickFont") or self.font()
        label = QFontMetrics(font).horizontalAdvance("10. 14.") * 1.6  # with a gap
        room = max(1, int(size // label))
        days = (maxVal - minVal) / day
        step = next((s for s in DAY_STEPS if days / s <= room), DAY_STEPS[-1])
        first = datetime.fromtimestamp(minVal, KST).replace(hour=0, minute=0, second=0,
                                                           microsecond=0)
        start = first.timestamp()
        values = [start + k * step * day for k in range(int(days) + 2)
                  if minVal <= start + k * step * day <= maxVal]
        return [(step * day, values)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = []
        for value in values:
            try:
                local = datetime.fromtimestamp(value, KST)
            except (OverflowError, OSError, ValueError):
                strings.append("")
                continue
            if spacing >= 24 * 3600 or (local.hour == 0 and local.minute == 0):
                strings.append(f"{local.month}. {local.day}.")
            else:
                strings.append(f"{local:%H:%M}")
        return strings


class CountAxis(pg.AxisItem):
    """Systems are counted whole: no tick at 0.5 or 2.5 on a board of four systems."""

    def __init__(self) -> None:
        super().__init__(orientation="left")

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        levels = []
        for spacing, values in super().tickValues(minVal, maxVal, size):
            if spacing < 1:
                continue
            levels.append((spacing, [v for v in values if float(v).is_integer()]))
        return levels or [(1.0, [float(v) for v in range(int(minVal), int(maxVal) + 1)])]


class RestorationPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axis = KstAxis()
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": self.axis,
                                                                  "left": CountAxis()})
        self.plot.setAntialiasing(True)
        item = self.plot.getPlotItem()
        # A wall display is read, not explored: no zoom, pan, menu or auto-range button.
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=False, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(MUTED))
            axis.setTextPen(pg.mkPen(INK))
        # stepMode "center": x holds one more value than y (the end of the last step), so
        # the item's y data is exactly the situation's curve, one value per restoration.
        # The fill is a separate pen-less item: a filled step curve draws its closing edge
        # down to zero, which reads as a collapse at "now".
        self.fill = pg.PlotDataItem(stepMode="center", fillLevel=0, pen=None,
                                    brush=pg.mkBrush(26, 127, 55, 45))
        self.curve = pg.PlotDataItem(stepMode="center", pen=pg.mkPen(GOOD, width=3))
        item.addItem(self.fill)
        item.addItem(self.curve)
        self.total = pg.InfiniteLine(angle=0, movable=False,
                                     pen=pg.mkPen("#cf222e", width=2, style=Qt.PenStyle.DashLine),
                                     label="", labelOpts=self._label_options(0.02, (0, 1)))
        item.addItem(self.total)
        self.markers: list[pg.InfiniteLine] = []
        # The forecast's fan: P10–P90 of the restored count as a band, P50 dashed. An
        # estimate, drawn apart from the record: lighter, and named so in the caption below.
        edge = pg.mkPen(9, 105, 218, 90, width=1)
        self.fan_low = pg.PlotCurveItem(pen=edge)
        self.fan_high = pg.PlotCurveItem(pen=edge)
        self.fan = pg.FillBetweenItem(self.fan_low, self.fan_high,
                                      brush=pg.mkBrush(9, 105, 218, 50))
        self.fan_middle = pg.PlotDataItem(pen=pg.mkPen("#0969da", width=2,
                                                       style=Qt.PenStyle.DashLine))
        for fan_item in (self.fan_low, self.fan_high, self.fan, self.fan_middle):
            item.addItem(fan_item)
        self.forecast_points: list[CurvePoint] = []
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: {MUTED};")
        self.caption.setObjectName("forecastCaption")
        self.caption.hide()
        self.scale = 1.0
        self.top = 1.0
        """The top of the count axis (a little over the affected systems)."""
        self._range: tuple[float, float, float] = (0.0, 3600.0, 1.0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.caption)
        self.set_scale(1.0)

    @staticmethod
    def _label_options(position: float, anchor: tuple[float, float]) -> dict[str, object]:
        # The anchor is the text's own corner placed on the line: (0, 1) puts the text above
        # and to the right, so labels near the plot's edge are not cut off.
        return {"position": position, "color": INK, "fill": pg.mkBrush(255, 255, 255, 220),
                "movable": False, "anchors": [anchor, anchor]}

    def _label_font(self) -> QFont:
        return scaled_font(self.font(), 10, self.scale, bold=True)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        item = self.plot.getPlotItem()
        tick_font = scaled_font(self.font(), 10, scale)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setStyle(tickFont=tick_font, tickTextOffset=int(6 * scale))
        # Room for the larger tick labels, which pyqtgraph does not measure by itself.
        self._fit_left_axis()
        item.getAxis("bottom").setHeight(int(28 * scale))
        self.curve.setPen(pg.mkPen(GOOD, width=3 * scale))
        self.caption.setFont(scaled_font(self.font(), 10, scale))
        for line in (self.total, *self.markers):
            line.label.setFont(self._label_font())

    def draw(self, situation: Situation, start: datetime, end: datetime, total_label: str,
             phase_label: str) -> None:
        """Draw ``situation`` between ``start`` and ``end``; ``phase_label`` has ``{n}``."""
        start_ts, end_ts = start.timestamp(), max(end.timestamp(), start.timestamp() + 3600)
        if situation.curve:
            xs = [at.timestamp() for at, _ in situation.curve] + [end_ts]
            ys = [count for _, count in situation.curve]
            for step in (self.fill, self.curve):
                step.setData(np.array(xs, dtype=float), np.array(ys, dtype=float))
        else:
            self.fill.clear()
            self.curve.clear()
        self.total.setPos(situation.affected)
        self.total.label.setFormat(total_label)
        item = self.plot.getPlotItem()
        for line in self.markers:
            item.removeItem(line)
        self.markers = []
        for phase, at in sorted(situation.phase_starts.items()):
            line = pg.InfiniteLine(
                pos=at.timestamp(), angle=90, movable=False,
                pen=pg.mkPen(MUTED, width=1.5, style=Qt.PenStyle.DashLine),
                label=phase_label.format(n=phase), labelOpts=self._label_options(0.8, (0, 0.5)))
            line.label.setFont(self._label_font())
            item.addItem(line)
            self.markers.append(line)
        self._range = (start_ts, end_ts, max(situation.affected, 1) * 1.12)
        self._apply_range()

    def _apply_range(self) -> None:
        start_ts, end_ts, top = self._range
        if self.forecast_points:
            end_ts = max(end_ts, self.forecast_points[-1].at.timestamp())
        item = self.plot.getPlotItem()
        item.setXRange(start_ts, end_ts, padding=0.02)
        self.top = top
        item.setYRange(0, self.top, padding=0)
        self._fit_left_axis()

    def _fit_left_axis(self) -> None:
        """Widen the count axis to its longest label: pyqtgraph drops every tick label that
        does not fit the fixed width, so from 1,000 systems up the axis had none."""
        axis = self.plot.getPlotItem().getAxis("left")
        metrics = QFontMetrics(scaled_font(self.font(), 10, self.scale))
        widest = metrics.horizontalAdvance(str(int(self.top)))
        axis.setWidth(max(int(36 * self.scale), widest + int(14 * self.scale)))

    def draw_forecast(self, points: list[CurvePoint], caption: str) -> None:
        """The forecast's fan from its first point (the moment) on; none: clear it."""
        self.forecast_points = points
        if points:
            xs = np.array([p.at.timestamp() for p in points], dtype=float)
            self.fan_low.setData(xs, np.array([p.p10 for p in points], dtype=float))
            self.fan_high.setData(xs, np.array([p.p90 for p in points], dtype=float))
            self.fan_middle.setData(xs, np.array([p.p50 for p in points], dtype=float))
        else:
            empty = np.array([], dtype=float)
            for line in (self.fan_low, self.fan_high):
                line.setData(empty, empty)
            self.fan_middle.clear()
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self._apply_range()

    def forecast_caption(self) -> str:
        return self.caption.text() if self.caption.isVisibleTo(self) else ""

    def point_count(self) -> int:
        """How many restoration steps are drawn (for tests and checks)."""
        return 0 if self.curve.yData is None else len(self.curve.yData)

    def count_labels(self) -> list[str]:
        """The count axis's tick labels as pyqtgraph would draw them now (tests, checks)."""
        from PySide6.QtGui import QImage, QPainter

        image = QImage(8, 8, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            specs = self.plot.getPlotItem().getAxis("left").generateDrawSpecs(painter)
        finally:
            painter.end()
        return [text for _rect, _flags, text in specs[2]] if specs else []

    def marker_labels(self) -> list[str]:
        return [line.label.format for line in self.markers]
