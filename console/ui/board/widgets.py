"""The board's small building blocks: badge, figure tile, bar list, line list, panel.

They know nothing about services or the situation: the board feeds them plain values, so
they stay reusable (the report preview can use the same bars) and trivially testable.
Every block takes a ``scale`` so wall mode can enlarge all type in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

INK = "#1b1f24"
MUTED = "#57606a"
GOOD = "#1a7f37"
BAD = "#cf222e"
TRACK = "#e3e6ea"
NEW_BACKGROUND = "#fff4d6"
"""What is new since the last log-in (the same highlight as the timeline's)."""


def scaled_font(base: QFont, points: float, scale: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(points * scale)
    font.setBold(bold)
    return font


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance).

    Yellow and orange badges need black text; blue and red need white.
    """
    colour = QColor(background)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
                 + 0.0722 * channel(colour.blueF()))
    # Contrast against white is 1.05 / (L + 0.05), against black (L + 0.05) / 0.05.
    return "#ffffff" if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 else "#000000"


class Badge(QLabel):
    """The crisis level as a filled, rounded label in the level's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.background = "#8c959f"
        self.set_level("", self.background)

    def set_level(self, text: str, background: str) -> None:
        self.background = background
        self.setText(text)
        self.setStyleSheet(
            f"background: {background}; color: {text_colour_on(background)};"
            " border-radius: 8px; padding: 6px 18px;")


class FitLabel(QLabel):
    """One line of text whose type shrinks to fit its width (down to 60 %), then elides.

    A wall screen and a laptop show the same words: without this, "지연 3일 17시간" at wall
    size would push the whole board wider than the screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._points = 10.0
        self._bold = False
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_points(self, points: float, bold: bool = False) -> None:
        self._points, self._bold = points, bold
        # The height follows the intended size, not the shrunk one, so tiles side by side
        # keep their rows aligned whatever their texts.
        target = QFont(self.font())
        target.setPointSizeF(points)
        target.setBold(bold)
        self.setFixedHeight(int(QFontMetricsF(target).height()) + 2)
        self._fit()

    def setText(self, text: str) -> None:
        self._full = text
        self._fit()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(self._points)
        font.setBold(self._bold)
        width = self.contentsRect().width() - 2
        shown = self._full
        if width > 0:
            floor = self._points * 0.6
            # Hinting makes advance not quite proportional to size: step down until it fits.
            while (QFontMetricsF(font).horizontalAdvance(shown) > width
                   and font.pointSizeF() > floor):
                font.setPointSizeF(max(floor, font.pointSizeF() * 0.95))
            shown = QFontMetricsF(font).elidedText(shown, Qt.TextElideMode.ElideRight, width)
        if font != self.font():
            super().setFont(font)
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class Tile(QFrame):
    """One key figure: a caption, a large value and a small line under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.caption = FitLabel(self)
        self.value = FitLabel(self)
        self.detail = FitLabel(self)
        for label in (self.caption, self.value, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.caption.setStyleSheet(f"color: {MUTED};")
        self.detail.setStyleSheet(f"color: {MUTED};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_scale(1.0)

    def set_scale(self, scale: float) -> None:
        # Across a room the number is what must carry; the words around it grow half as much
        # so six tiles still fit across one screen.
        words = 1 + (scale - 1) / 2
        self.caption.set_points(11 * words, bold=True)
        self.value.set_points(30 * scale, bold=True)
        self.detail.set_points(10 * words)

    def show_value(self, caption: str, value: str, detail: str, colour: str = INK) -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};")
        self.detail.setText(detail)


class Panel(QFrame):
    """A titled white card holding one breakdown or list."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.title = QLabel(self)
        self.body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(body, 1)
        self.set_scale(1.0)

    def set_scale(self, scale: float) -> None:
        self.title.setFont(scaled_font(self.font(), 12, scale, bold=True))
        setter = getattr(self.body, "set_scale", None)
        if setter:
            setter(scale)


@dataclass(frozen=True)
class Bar:
    label: str
    restored: int
    affected: int


class BarList(QWidget):
    """Horizontal bars, restored (green) within affected (grey), scaled to the largest row.

    Painted rather than laid out: rows shrink to the height available, so ten departments
    fit on a desk screen and on a wall screen without scrolling or clipping.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.scale = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.updateGeometry()
        self.update()

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.updateGeometry()
        self.update()

    def _row_height(self) -> float:
        return QFontMetricsF(scaled_font(self.font(), 10, self.scale)).height() * 1.45

    def minimumSizeHint(self) -> QSize:
        return QSize(120, int(self._row_height() * min(len(self.bars), 4)))

    def sizeHint(self) -> QSize:
        return QSize(360, int(self._row_height() * max(len(self.bars), 1)))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        row = min(self._row_height(), self.height() / len(self.bars))
        font = scaled_font(self.font(), 10, self.scale)
        # Shrink the type with the rows rather than let labels overlap.
        font.setPointSizeF(max(6.0, min(font.pointSizeF(), row / 1.45 * 0.75)))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        label_width = min(self.width() * 0.38,
                          max(metrics.horizontalAdvance(b.label) for b in self.bars) + 8)
        widest = max(b.affected for b in self.bars) or 1
        count_width = max(metrics.horizontalAdvance(f"{b.restored}/{b.affected}")
                          for b in self.bars) + 10
        track_width = max(10.0, self.width() - label_width - count_width)
        for index, bar in enumerate(self.bars):
            top = index * row
            text_rect = QRectF(0, top, label_width - 6, row)
            painter.setPen(QColor(INK))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                                text_rect.width()))
            bar_height = row * 0.6
            bar_top = top + (row - bar_height) / 2
            full = track_width * bar.affected / widest
            done = track_width * bar.restored / widest
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(TRACK))
            painter.drawRoundedRect(QRectF(label_width, bar_top, full, bar_height), 3, 3)
            painter.setBrush(QColor(GOOD))
            painter.drawRoundedRect(QRectF(label_width, bar_top, done, bar_height), 3, 3)
            painter.setPen(QColor(INK if bar.restored == bar.affected else BAD))
            painter.drawText(QRectF(label_width + full + 6, top, count_width, row),
                             Qt.AlignmentFlag.AlignVCenter, f"{bar.restored}/{bar.affected}")
        painter.end()


@dataclass(frozen=True)
class Line:
    when: str
    text: str
    checked: bool | None = None
    """None: no check column; False: unchecked; True: draw a ✓."""
    struck: bool = False
    """No longer standing (a corrected decision): drawn muted and struck through."""
    new: bool = False
    """Recorded since this user's last log-in: drawn on a highlight, like the timeline's."""


class LineList(QWidget):
    """A few one-line entries (time, optional ✓, text elided), the full text in the tooltip.

    The ✓ is drawn as a path, not a glyph: the bundled Korean font has no U+2713.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[Line] = []
        self.scale = 1.0
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.updateGeometry()
        self.update()

    def set_lines(self, lines: list[Line], empty_text: str) -> None:
        self.lines = lines
        self.empty_text = empty_text
        self.setToolTip("\n".join(f"{line.when}  {'✓ ' if line.checked else ''}{line.text}"
                                  for line in lines))
        self.updateGeometry()
        self.update()

    def texts(self) -> list[str]:
        return [f"{line.when} {'✓ ' if line.checked else ''}{line.text}" for line in self.lines]

    def _font(self) -> QFont:
        return scaled_font(self.font(), 10, self.scale)

    def sizeHint(self) -> QSize:
        return QSize(360, int(QFontMetricsF(self._font()).height() * 1.5 * 5))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, int(QFontMetricsF(self._font()).height() * 1.5 * 2))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = self._font()
        metrics = QFontMetricsF(font)
        row = metrics.height() * 1.5
        if not self.lines:
            painter.setFont(font)
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(0, 0, self.width(), row), Qt.AlignmentFlag.AlignVCenter,
                             self.empty_text)
            return
        bold = QFont(font)
        bold.setBold(True)
        when_width = max(QFontMetricsF(bold).horizontalAdvance(line.when)
                         for line in self.lines) + 10
        check_width = metrics.height() * 1.2 if any(
            line.checked is not None for line in self.lines) else 0.0
        for index, line in enumerate(self.lines):
            top = index * row
            if top + row > self.height() + 1:
                break
            if line.new:
                painter.fillRect(QRectF(0, top, self.width(), row), QColor(NEW_BACKGROUND))
            painter.setFont(bold)
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(0, top, when_width, row), Qt.AlignmentFlag.AlignVCenter,
                             line.when)
            if line.checked:
                self._draw_check(painter, when_width, top, metrics.height() * 0.8, row)
            text_font = QFont(font)
            text_font.setStrikeOut(line.struck)
            painter.setFont(text_font)
            painter.setPen(QColor(MUTED if line.struck else INK))
            left = when_width + check_width
            painter.drawText(QRectF(left, top, self.width() - left, row),
                             Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(line.text, Qt.TextElideMode.ElideRight,
                                                self.width() - left))
        painter.end()

    @staticmethod
    def _draw_check(painter: QPainter, left: float, top: float, size: float, row: float
                    ) -> None:
        y = top + (row - size) / 2
        path = QPainterPath(QPointF(left + size * 0.1, y + size * 0.55))
        path.lineTo(QPointF(left + size * 0.4, y + size * 0.85))
        path.lineTo(QPointF(left + size * 0.95, y + size * 0.15))
        painter.setPen(QPen(QColor(GOOD), max(2.0, size / 6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)


class CountGrid(QWidget):
    """A small fixed table of counts (team × status): five rows, never grows, so plain labels.

    Counts in ``alert_columns`` turn red when non-zero (blocked tasks need attention).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(4)
        self.scale = 1.0
        self.cells: dict[tuple[int, int], QLabel] = {}

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        for (row, column), label in self.cells.items():
            label.setFont(scaled_font(self.font(), 10, scale, bold=row == 0 or column == 0))

    def set_table(self, headers: list[str], rows: list[tuple[str, list[int]]],
                  alert_columns: frozenset[int] = frozenset()) -> None:
        texts = [headers] + [[name, *(str(n) for n in counts)] for name, counts in rows]
        for row, values in enumerate(texts):
            for column, text in enumerate(values):
                label = self.cells.get((row, column))
                if label is None:
                    label = self.cells[(row, column)] = QLabel(self)
                    label.setAlignment((Qt.AlignmentFlag.AlignLeft if column == 0
                                        else Qt.AlignmentFlag.AlignRight)
                                       | Qt.AlignmentFlag.AlignVCenter)
                    self.grid.addWidget(label, row, column)
                label.setText(text)
                alert = row > 0 and column in alert_columns and text != "0"
                quiet = row > 0 and column > 0 and text == "0"
                label.setStyleSheet(f"color: {BAD if alert else MUTED if quiet or row == 0 else INK};")
        self.grid.setColumnStretch(0, 1)
        self.set_scale(self.scale)

    def text_at(self, row: int, column: int) -> str:
        return self.cells[(row, column)].text()
