"""The look every printout shares: A4, the Korean font, styles, tables, header and footer.

``build_pdf`` renders a story to bytes with a running header (title, number, time), a footer
with "page x / y" on every page (a canvas that counts pages before drawing footers), and
``invariant`` output, so the same story gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from console.reports.fonts import BOLD, REGULAR, map_fonts, register_fonts
from console.store.exercise import EXERCISE_MARK

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
WIDE_FRAME_WIDTH = PAGE_HEIGHT - 2 * MARGIN_X
"""The frame of a landscape page: wide registers (outages, inventory) print across."""

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#b4bcc6")
HEAD_FILL = colors.HexColor("#e6ecf3")
LABEL_FILL = colors.HexColor("#f1f4f8")
ZEBRA = colors.HexColor("#f8fafc")
ACCENT = colors.HexColor("#1f3b63")
WARN = colors.HexColor("#b3261e")
EXERCISE_FILL = colors.HexColor("#ffb300")

map_fonts()


def _style(name: str, size: float, leading: float, font: str = REGULAR,
           align: int = TA_LEFT, colour: colors.Color = INK, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading,
                          alignment=align, textColor=colour, **extra)


STYLES: dict[str, ParagraphStyle] = {
    "title": _style("title", 20, 26, BOLD, TA_CENTER, ACCENT, spaceAfter=2),
    "subtitle": _style("subtitle", 11.5, 16, BOLD, TA_CENTER, INK, spaceAfter=2),
    "dateline": _style("dateline", 9.5, 13, REGULAR, TA_CENTER, MUTED, spaceAfter=8),
    "h1": _style("h1", 12.5, 17, BOLD, TA_LEFT, ACCENT, spaceBefore=12, spaceAfter=5),
    "h2": _style("h2", 10, 14, BOLD, TA_LEFT, INK, spaceBefore=7, spaceAfter=3),
    "body": _style("body", 9.5, 14.5, spaceAfter=3),
    "after": _style("after", 9.5, 14.5, spaceBefore=6, spaceAfter=3),
    "lead": _style("lead", 11, 16, BOLD, TA_LEFT, INK, spaceAfter=5),
    "note": _style("note", 8, 11, REGULAR, TA_LEFT, MUTED, spaceBefore=2, spaceAfter=4),
    "cell": _style("cell", 8, 10.5),
    "cell_r": _style("cell_r", 8, 10.5, align=TA_RIGHT),
    "cell_c": _style("cell_c", 8, 10.5, align=TA_CENTER),
    "cell_h": _style("cell_h", 8, 10.5, BOLD, TA_CENTER),
    "cell_warn": _style("cell_warn", 8, 10.5, BOLD, colour=WARN),
    "kpi_value": _style("kpi_value", 15, 19, BOLD, TA_CENTER, ACCENT),
    "kpi_label": _style("kpi_label", 8, 10.5, REGULAR, TA_CENTER, MUTED),
}
CELL_SIZE = 8
CELL_PADDING = 4
BASE_FONT = ("FONT", (0, 0), (-1, -1), REGULAR, 8)
"""A table command: reportlab's cell default is Helvetica, which would be an unembedded font."""
_ALIGN = {"L": "LEFT", "R": "RIGHT", "C": "CENTER"}


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def heading(text: str, level: str = "h2", room: float = 64.0) -> list[Flowable]:
    """A heading that never ends a page: it moves to the next page unless ``room`` points
    are left under it (a few table rows; more for a block that cannot split). Cheaper than
    keepWithNext, which wraps the heading and a whole long table together to measure them."""
    style = STYLES[level]
    return [CondPageBreak(style.spaceBefore + style.leading + style.spaceAfter + room),
            Paragraph(escape(text), style)]


SHORT_TABLE = 260.0
"""Points: a table at most this tall is kept whole with its heading rather than split."""


def heading_with(text: str, block: Flowable, level: str = "h2") -> list[Flowable]:
    """A heading and the table under it: a short table moves to the next page whole, with
    its heading, instead of leaving a row or two stranded at the top of the next page; a long
    one splits as usual (measuring a short table once costs little)."""
    _, height = block.wrap(FRAME_WIDTH, 10_000)
    room = height + 2 if height <= SHORT_TABLE else 64.0
    return [*heading(text, level, room), block]


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def grid_style(header_rows: int = 1, zebra: bool = False, rows: int = 0) -> list[tuple]:
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8, 10.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("GRID", (0, 0), (-1, -1), 0.35, RULE),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
        ("FONT", (0, 0), (-1, header_rows - 1), BOLD, 8, 10.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.2),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    if zebra and rows > header_rows + 2:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
    return commands


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
          align: str = "", zebra: bool = True, extra: Sequence[tuple] = (),
          frame_width: float = FRAME_WIDTH) -> Table:
    """A grid table with a repeated header row. ``widths`` are fractions of the frame (or
    points when > 1); ``align`` gives L/R/C per column. Cells are plain strings, which
    reportlab lays out several times faster than Paragraphs; one wider than its column is
    broken into lines (``wrap_lines``), so nothing is clipped."""
    register_fonts()  # on first use: see console/reports/fonts.py
    count = len(header)
    align = (align or "L" * count).ljust(count, "L")
    points = [w * frame_width if w <= 1 else w for w in widths]
    room = [p - 2 * CELL_PADDING - 0.5 for p in points]
    fits: dict[tuple[str, int], bool] = {}

    def cell(value: Any, column: int, font: str = REGULAR) -> Any:
        if isinstance(value, Flowable):
            return value
        text = "" if value is None else str(value)
        # No glyph of the font is wider than 1 em: short text fits without measuring.
        if len(text) * CELL_SIZE <= room[column]:
            return text
        key = (text, column)
        if key not in fits:
            fits[key] = max(stringWidth(line, font, CELL_SIZE) for line in text.split("\n")
                            ) <= room[column]
        if fits[key]:
            return text
        return wrap_lines(text, font, CELL_SIZE, room[column])

    body: list[list[Any]] = [[cell(h, i, BOLD) for i, h in enumerate(header)]]
    body += [[cell(value, i) for i, value in enumerate(row)] for row in rows]
    commands = grid_style(1, zebra, len(body))
    commands.append(("ALIGN", (0, 0), (-1, 0), "CENTER"))
    for index, code in enumerate(align):
        commands.append(("ALIGN", (index, 1), (index, -1), _ALIGN[code]))
    commands += extra
    result = Table(body, colWidths=points, repeatRows=1, style=TableStyle(commands),
                   splitInRow=1)  # a cell taller than a page continues on the next
    result.hAlign = "LEFT"
    return result


_WORD_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
"""(font, size) → word → width: a cache of pure sums of the font's glyph widths."""


def wrap_lines(text: str, font_name: str, size: float, width: float) -> str:
    """``text`` broken into lines no wider than ``width``: at spaces, and inside a word only
    when the word alone is wider. A plain multi-line cell costs a fraction of a Paragraph,
    and reportlab splits it across pages by lines (splitInRow) all the same."""
    face = pdfmetrics.getFont(font_name).face
    widths, default = face.charWidths, face.defaultWidth
    scale = size / 1000
    known = _WORD_WIDTHS.setdefault((font_name, size), {})
    if len(known) > 100_000:
        known.clear()

    def measure(word: str) -> float:
        # Words repeat across thousands of cells (departments, "서비스"): each summed once.
        wide = known.get(word)
        if wide is None:
            wide = known[word] = sum(map(widths.get, map(ord, word), repeat(default))) * scale
        return wide

    space = measure(" ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for word in paragraph.split():
            wide = measure(word)
            if line and used + space + wide <= width:
                line, used = f"{line} {word}", used + space + wide
                continue
            if line:
                lines.append(line)
            line, used = "", 0.0
            while wide > width:  # a word wider than the column: break it between letters
                cut, part = 0, 0.0
                while cut < len(word) and part + measure(word[cut]) <= width:
                    part += measure(word[cut])
                    cut += 1
                cut = max(cut, 1)
                lines.append(word[:cut])
                word = word[cut:]
                wide = measure(word)
            line, used = word, wide
        lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class PageFrame:
    """What every page carries: the running header and the footer label (page x / y)."""

    header_left: str
    header_right: str
    footer: Callable[[int, int], str]
    watermark: str | None = None


_EXERCISE_PAGES: ContextVar[bool] = ContextVar("exercise_pages", default=False)


@contextmanager
def exercise_pages(on: bool = True) -> Iterator[None]:
    """Documents built inside carry the 훈련 / EXERCISE band on every page: the services of an
    exercise database (store/exercise.py) render through this, whatever the document."""
    token = _EXERCISE_PAGES.set(on)
    try:
        yield
    finally:
        _EXERCISE_PAGES.reset(token)


def _draw_exercise(canvas: Canvas, page_width: float, page_height: float) -> None:
    canvas.setFillColor(EXERCISE_FILL)
    canvas.rect(0, page_height - 8 * mm, page_width, 8 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    canvas.setFont(BOLD, 11)
    canvas.drawCentredString(page_width / 2, page_height - 5.6 * mm, EXERCISE_MARK)


def _draw_header(canvas: Canvas, frame: PageFrame) -> None:
    canvas.saveState()
    page_width, page_height = canvas._pagesize
    if _EXERCISE_PAGES.get():
        _draw_exercise(canvas, page_width, page_height)
    top = page_height - 13 * mm
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN_X, top, frame.header_left)
    canvas.drawRightString(page_width - MARGIN_X, top, frame.header_right)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 2.5 * mm, page_width - MARGIN_X, top - 2.5 * mm)
    if frame.watermark:
        # A stamp in the header band, not a diagonal watermark: text across the page would be
        # mixed into the words a reader copies out of the PDF.
        canvas.setFont(BOLD, 9)
        width = canvas.stringWidth(frame.watermark, BOLD, 9) + 12
        canvas.setStrokeColor(WARN)
        canvas.setFillColor(WARN)
        canvas.setLineWidth(0.9)
        canvas.roundRect(page_width / 2 - width / 2, top - 3, width, 13, 2, stroke=1, fill=0)
        canvas.drawCentredString(page_width / 2, top, frame.watermark)
    canvas.restoreState()


def _numbered_canvas(frame: PageFrame) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps every page until the end, then draws "page x / y" with the real total."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                self.setFont(REGULAR, 8)
                self.setFillColor(MUTED)
                self.setStrokeColor(RULE)
                self.setLineWidth(0.5)
                y = MARGIN_BOTTOM - 9 * mm
                page_width = self._pagesize[0]
                self.line(MARGIN_X, y + 4 * mm, page_width - MARGIN_X, y + 4 * mm)
                self.drawCentredString(page_width / 2, y, frame.footer(number, total))
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(story: list[Flowable], frame: PageFrame, title: str, subject: str = "",
              wide: bool = False) -> bytes:
    """Safe to call from several threads at once (each document keeps its own font subset
    state; tests/test_reports.py renders concurrently and compares with serial renders), so
    a preview never waits behind the fallback pack's long inventory printout."""
    register_fonts()  # on first use: see console/reports/fonts.py
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=landscape(A4) if wide else A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, subject=subject,
        author="서울특별시 재난안전대책본부", creator="incident-console", invariant=1,
        initialFontName=REGULAR)  # no stray Helvetica in the PDF

    def on_page(canvas: Canvas, _doc: SimpleDocTemplate) -> None:
        _draw_header(canvas, frame)

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page,
              canvasmaker=_numbered_canvas(frame))
    return buffer.getvalue()


__all__ = ["STYLES", "PageFrame", "build_pdf", "exercise_pages", "para", "table"]
