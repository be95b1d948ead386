"""A long table drawn straight on the canvas: the annex of every affected system, the outage
register, the inventory (thousands of rows at scale).

reportlab's platypus ``Table`` measures and styles every cell as an object, and re-measures
the rest of the table each time it splits at a page end: for 6,400 rows that was most of a
report's time (issue 13). Here each cell is broken into lines once (``layout.wrap_lines``, by
the font's glyph widths), each row's height is known from its line count, a page break is a
binary search in the running heights, and a page's rows are strings drawn with the canvas. The
header row repeats on every page; the grid, the header fill and the zebra stripes look like
``layout.table``'s. Cells are text only (no Paragraph, no per-cell styles).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from typing import Any

from reportlab.lib import rl_accel
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from console.reports.fonts import BOLD, REGULAR, register_fonts
from console.reports.layout import (
    ACCENT,
    CELL_PADDING,
    CELL_SIZE,
    FRAME_WIDTH,
    HEAD_FILL,
    INK,
    RULE,
    ZEBRA,
    wrap_lines,
)


class Strong(str):
    """A cell drawn in bold ("미수립" where a grade-1/2 system has no alternative means)."""


LEADING = 10.5
TOP, BOTTOM = 2.6, 3.2
"""The cell padding of ``layout.grid_style``, so both kinds of table look alike."""


@dataclass(frozen=True)
class _Laid:
    """The table broken into lines once: shared by every page's piece of it."""

    points: list[float]
    align: str
    header: list[list[str]]
    header_height: float
    rows: list[list[list[str]]]
    tops: list[float]
    """Running heights: ``tops[i]`` is the height of rows ``0..i-1``."""
    zebra: bool
    strong: dict[int, set[int]] = field(default_factory=dict)
    """Row → the columns of its bold cells."""
    glyphs: _Glyphs = field(default_factory=lambda: _Glyphs())
    widths: dict[tuple[str, str], float] = field(default_factory=dict)
    """(font, line) → its width at CELL_SIZE, for the lines of aligned columns."""
    """The text operators of lines already drawn, for the document being built."""


class _Glyphs:
    """What ``PDFTextObject.textOut`` writes for a line, worked out once per line and font.

    textOut splits the line into the font subset's codes, escapes them and measures the line
    for a cursor that a table never uses; a table repeats the same departments, categories
    and grades thousands of times. The strings written are textOut's exactly (its
    ``_formatText``, for a TrueType font without shaping), so the PDF's bytes are the same
    (tests/test_long_table.py compares with textOut). The subset codes belong to one
    document: a new document starts afresh.
    """

    def __init__(self) -> None:
        self.doc: object = None
        self.written: dict[tuple[str, str, int], tuple[str, int]] = {}
        """(font, line, the subset in use before) → (the operators, the subset after)."""

    def for_document(self, text: PDFTextObject) -> dict[tuple[str, str, int], tuple[str, int]]:
        """The lines written so far in the document ``text`` belongs to."""
        doc = text._canvas._doc
        if doc is not self.doc:
            self.doc, self.written = doc, {}
        return self.written

    def write(self, text: PDFTextObject, face: str, line: str) -> str:
        self.for_document(text)
        key = (face, line, text._curSubset)
        done = self.written.get(key)
        if done is None:
            done = self.written[key] = self._format(text, face, line)
        text._curSubset = done[1]
        return done[0]

    @staticmethod
    def _format(text: PDFTextObject, face: str, line: str) -> tuple[str, int]:
        """textOut's operators for ``line`` after ``text._curSubset``; the subset after."""
        canvas, font = text._canvas, getFont(face)
        chunks = [(subset, canvas._escape(part))
                  for subset, part in font.splitString(line, canvas._doc)]
        parts: list[str] = []
        current, setting = text._curSubset, None
        for subset, escaped in chunks:
            if subset != current:
                if setting is None:
                    setting = (f"{rl_accel.fp_str(text._fontsize)} Tf "
                               f"{rl_accel.fp_str(text._leading)} TL")
                parts.append(f"{font.getSubsetInternalName(subset, canvas._doc)} {setting}")
                current = subset
            parts.append(f"({escaped}) Tj")
        return " ".join(parts), current


def _width(line: str, font: str) -> float:
    """reportlab's ``stringWidth`` for a TrueType font at CELL_SIZE, the same sum in the same
    order (so the same float), without its generator: a unique cell (a code, a name) at each
    of thousands of rows is measured once each."""
    face = getFont(font).face
    return 0.001 * CELL_SIZE * sum(map(face.charWidths.get, map(ord, line),
                                       repeat(face.defaultWidth)))


def _lines(text: str, font: str, room: float) -> list[str]:
    # No glyph of the font is wider than 1 em: short text fits without measuring.
    if len(text) * CELL_SIZE <= room or all(
            _width(line, font) <= room for line in text.split("\n")):
        return text.split("\n")
    return wrap_lines(text, font, CELL_SIZE, room).split("\n")


def lay_out(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
            align: str = "", zebra: bool = True, frame_width: float = FRAME_WIDTH) -> _Laid:
    register_fonts()
    count = len(header)
    points = [w * frame_width if w <= 1 else w for w in widths]
    room = [p - 2 * CELL_PADDING - 0.5 for p in points]
    head = [_lines(str(h), BOLD, room[i]) for i, h in enumerate(header)]
    # A column repeats its values (departments, categories, grades): each broken once.
    broken: list[dict[str, list[str]]] = [{} for _ in range(count)]

    def cell(column: int, value: Any) -> list[str]:
        text = "" if value is None else str(value)
        lines = broken[column].get(text)
        if lines is None:
            lines = broken[column][text] = _lines(text, REGULAR, room[column])
        return lines

    laid = [[cell(i, v) for i, v in enumerate(row)] for row in rows]
    heights = [TOP + BOTTOM + LEADING * max(len(cell) for cell in row) for row in laid]
    strong: dict[int, set[int]] = {}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, Strong):
                strong.setdefault(r, set()).add(c)
    return _Laid(points, (align or "L" * count).ljust(count, "L"), head,
                 TOP + BOTTOM + LEADING * max(len(cell) for cell in head), laid,
                 [0.0, *accumulate(heights)], zebra, strong)


class LongTable(Flowable):
    """Rows ``start..end`` of a laid-out table, with the header row on top."""

    def __init__(self, laid: _Laid, start: int = 0, end: int | None = None) -> None:
        super().__init__()
        self.laid, self.start = laid, start
        self.end = len(laid.rows) if end is None else end
        self.width = sum(laid.points)
        self.hAlign = "LEFT"

    def _height(self, start: int, end: int) -> float:
        return self.laid.header_height + self.laid.tops[end] - self.laid.tops[start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = self._height(self.start, self.end)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        tops = self.laid.tops
        # The last row that ends within the room left under the header.
        limit = tops[self.start] + availHeight - self.laid.header_height
        cut = min(bisect_right(tops, limit) - 1, self.end)
        if cut <= self.start:
            return []  # not even one row fits: the whole piece moves to the next page
        piece = type(self)  # a subclass splits into its own kind (tests/test_long_table.py)
        return [piece(self.laid, self.start, cut), piece(self.laid, cut, self.end)]

    def draw(self) -> None:
        canvas, laid = self.canv, self.laid
        canvas.saveState()
        top = self._height(self.start, self.end)
        lefts = [0.0, *accumulate(laid.points)]
        canvas.setFillColor(HEAD_FILL)
        canvas.rect(0, top - laid.header_height, self.width, laid.header_height, stroke=0,
                    fill=1)
        if laid.zebra:
            canvas.setFillColor(ZEBRA)
            for index in range(self.start, self.end):
                if (index - self.start) % 2 == 1:
                    y = top - laid.header_height - (laid.tops[index + 1] - laid.tops[self.start])
                    canvas.rect(0, y, self.width, laid.tops[index + 1] - laid.tops[index],
                                stroke=0, fill=1)
        canvas.setFillColor(INK)
        # One text object for the page's cells: a drawString per cell would make one each
        # (most of the drawing time at thousands of rows).
        text = canvas.beginText()
        self._row(text, laid.header, top, lefts, BOLD, "C" * len(laid.points))
        y = top - laid.header_height
        for index in range(self.start, self.end):
            self._row(text, laid.rows[index], y, lefts, REGULAR, laid.align,
                      laid.strong.get(index))
            y -= laid.tops[index + 1] - laid.tops[index]
        canvas.drawText(text)
        # The grid: a line under every row, the header's heavier, and the column rules.
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.35)
        lines: list[tuple[float, float, float, float]] = [(0.0, top, self.width, top)]
        y = top - laid.header_height
        for index in range(self.start, self.end):
            y -= laid.tops[index + 1] - laid.tops[index]
            lines.append((0.0, y, self.width, y))
        lines += [(x, 0.0, x, top) for x in lefts]
        canvas.lines(lines)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        below = top - laid.header_height
        canvas.line(0, below, self.width, below)
        canvas.restoreState()

    def _row(self, text: PDFTextObject, cells: list[list[str]], top: float,
             lefts: list[float], font: str, align: str, bold: set[int] | None = None) -> None:
        # setTextOrigin and textOut, written straight into the text object (_Glyphs).
        # _Glyphs.write inlined: this loop runs for every cell of thousands of rows.
        code, glyphs, fp_str = text._code, self.laid.glyphs, rl_accel.fp_str
        written, format_line = glyphs.for_document(text), glyphs._format
        widths = self.laid.widths  # a centred or right-aligned column repeats its values
        origin = "1 0 0 1 {} Tm" if text._canvas.bottomup else "1 0 0 -1 {} Tm"
        # text.setFont for a TrueType font: it only notes the font (no operator yet).
        text._fontsize, text._leading = CELL_SIZE, LEADING
        for column, lines in enumerate(cells):
            face = BOLD if bold and column in bold else font
            text._fontname = face
            subset = text._curSubset = -1
            left, right = lefts[column] + CELL_PADDING, lefts[column + 1] - CELL_PADDING
            baseline = top - TOP - CELL_SIZE
            for line in lines:
                if line:
                    x = left
                    if align[column] != "L":
                        width = widths.get((face, line))
                        if width is None:
                            width = widths[face, line] = _width(line, face)
                        x = right - width if align[column] == "R" else (left + right - width) / 2
                    done = written.get((face, line, subset))
                    if done is None:
                        done = written[face, line, subset] = format_line(text, face, line)
                    subset = text._curSubset = done[1]
                    code.append(origin.format(fp_str(x, baseline)))
                    code.append(done[0])
                baseline -= LEADING


def long_table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
               align: str = "", zebra: bool = True,
               frame_width: float = FRAME_WIDTH) -> LongTable:
    """``layout.table``'s arguments, drawn the light way (for tables of hundreds of rows and
    more)."""
    return LongTable(lay_out(header, rows, widths, align, zebra, frame_width))
