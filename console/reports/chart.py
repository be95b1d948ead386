"""The restoration curve as a vector drawing: restored systems over time, with phase markers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from console.domain.clock import KST, from_iso
from console.reports.fonts import BOLD, REGULAR
from console.reports.layout import ACCENT, FRAME_WIDTH, MUTED, RULE
from console.reports.text import words

_PHASE_COLOURS = ["#c0392b", "#2e7d32", "#6a1b9a", "#ef6c00"]


def _nice_step(top: int, ticks: int = 5) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= ticks:
            return step
    return max(1, top // ticks)


def restoration_curve(curve: list[list], total: int, start_iso: str, end_iso: str,
                      phase_starts: dict[str, str], lang: str) -> Drawing:
    """``curve`` is [[iso time, restored count], ...] in time order."""
    width, height = FRAME_WIDTH, 62 * mm
    left, right, bottom, top = 30.0, 40.0, 20.0, 16.0
    plot_w, plot_h = width - left - right, height - bottom - top
    start, end = from_iso(start_iso), from_iso(end_iso)
    assert start is not None and end is not None
    span = max((end - start).total_seconds(), 3600.0)
    ceiling = max(total, 1)

    def x(at: datetime) -> float:
        return left + plot_w * min(max((at - start).total_seconds() / span, 0.0), 1.0)

    def y(count: float) -> float:
        return bottom + plot_h * count / ceiling

    drawing = Drawing(width, height, initialFontName=REGULAR)
    drawing.add(Rect(left, bottom, plot_w, plot_h, fillColor=colors.HexColor("#fbfcfd"),
                     strokeColor=RULE, strokeWidth=0.5))
    step = _nice_step(ceiling)
    for value in range(0, ceiling + 1, step):
        if value != total and abs(value - total) < ceiling * 0.08:
            continue
        drawing.add(Line(left, y(value), left + plot_w, y(value), strokeColor=RULE,
                         strokeWidth=0.3, strokeDashArray=[1, 2]))
        drawing.add(String(left - 4, y(value) - 2.5, str(value), fontName=REGULAR,
                           fontSize=7, fillColor=MUTED, textAnchor="end"))
    _day_ticks(drawing, start, end, x, bottom, plot_h, lang)
    # The total, as the line the curve is climbing towards.
    drawing.add(Line(left, y(total), left + plot_w, y(total), strokeColor=MUTED,
                     strokeWidth=0.6, strokeDashArray=[4, 2]))
    drawing.add(String(left - 4, y(total) - 2.5, str(total), fontName=BOLD, fontSize=7,
                       fillColor=MUTED, textAnchor="end"))
    for index, (phase, at_iso) in enumerate(sorted(phase_starts.items())):
        at = from_iso(at_iso)
        assert at is not None
        colour = colors.HexColor(_PHASE_COLOURS[index % len(_PHASE_COLOURS)])
        drawing.add(Line(x(at), bottom, x(at), bottom + plot_h, strokeColor=colour,
                         strokeWidth=0.8, strokeDashArray=[3, 2]))
        text = words(lang, "phase_start", n=phase)
        anchor = "end" if x(at) > left + plot_w * 0.75 else "start"
        drawing.add(String(x(at) + (-3 if anchor == "end" else 3),
                           bottom + plot_h + 4 + 0 * index, text, fontName=REGULAR,
                           fontSize=7, fillColor=colour, textAnchor=anchor))
    points = [x(start), y(0)]
    count = 0
    for at_iso, value in curve:
        at = from_iso(at_iso)
        assert at is not None
        points += [x(at), y(count), x(at), y(value)]
        count = value
    points += [x(end), y(count)]
    drawing.add(PolyLine(points, strokeColor=ACCENT, strokeWidth=1.6))
    drawing.add(Circle(x(end), y(count), 2.2, fillColor=ACCENT, strokeColor=ACCENT))
    drawing.add(String(x(end) + 5, y(count) - 3, f"{count}/{total}", fontName=BOLD,
                       fontSize=8, fillColor=ACCENT))
    return drawing


def _day_ticks(drawing: Drawing, start: datetime, end: datetime,
               x: Callable[[datetime], float], bottom: float,
               plot_h: float, lang: str) -> None:
    local_start = start.astimezone(KST)
    days = max(1, (end - start).days)
    # At most ~12 labels whatever the span: a report of a long-closed incident approved today
    # must not print hundreds of dates over each other.
    every = next((e for e in (1, 2, 3, 7, 14, 30, 61, 91, 183, 365) if days / e <= 12), 730)
    day = local_start.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    index = 0
    while day <= end:
        if index % every == 0:
            position = x(day)
            drawing.add(Line(position, bottom, position, bottom - 3, strokeColor=MUTED,
                             strokeWidth=0.5))
            drawing.add(Line(position, bottom, position, bottom + plot_h, strokeColor=RULE,
                             strokeWidth=0.25))
            text = f"{day.month}. {day.day}." if lang == "ko" else day.strftime("%m-%d")
            drawing.add(String(position, bottom - 11, text, fontName=REGULAR, fontSize=7,
                               fillColor=MUTED, textAnchor="middle"))
        day += timedelta(days=1)
        index += 1
