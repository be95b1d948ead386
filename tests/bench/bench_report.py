"""Situation report speed: the demo and ``demo --scale 30``, each next to a plain reportlab
document with tables of the same sizes built in the same run.

    .venv/bin/python tests/bench/bench_report.py [--scales 1,30] [--repeat 3]
        [--databases demo.sqlite,demo-100.sqlite]   (copies of databases built with `demo`)

Targets (issue 4): demo ≤ 1 s, scale 30 ≤ 5 s, both ≤ 2× the baseline. The report's time is
split into the situation read (SQL + domain), the snapshot and the render; the baseline has the
same tables (rows × columns, same text, the same embedded font, repeated header rows) with
plain string cells and no page decoration: what reportlab costs for that much table.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

# BENCH_TREE=/path/to/another/checkout measures that tree's code with this bench ("before").
sys.path.insert(0, os.environ.get("BENCH_TREE") or str(Path(__file__).resolve().parents[2]))

from argon2 import PasswordHasher

from console.domain.clock import parse_time
from console.reports.fonts import BOLD, REGULAR, register_fonts
from console.reports.layout import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X
from console.reports.long_table import LongTable
from console.reports.sitrep import situation_story
from console.services.app import Services

CHEAP = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
MOMENTS = {"phase 1 (10-03 12:00)": "2025-10-03T12:00+09:00", "end (10-20)": "2025-10-20T00:00+09:00"}


def best(work: Callable[[], object], repeat: int) -> float:
    """CPU seconds (process time): on a machine shared with other work the wall time is
    mostly waiting for a core, and the ratio to the baseline would be noise."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def interleaved(works: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The best CPU seconds of each work, the works taking turns round by round: on a shared
    machine a slow spell then falls on all of them, not on one side of a ratio."""
    times: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(repeat):
        for name, work in works.items():
            start = time.process_time()
            work()
            times[name].append(time.process_time() - start)
    return {name: min(taken) for name, taken in times.items()}


def _text(cell: object) -> str:
    if isinstance(cell, Paragraph):
        return cell.getPlainText()
    return "" if isinstance(cell, Flowable) else str(cell)


def tables_of(story: list[Flowable]) -> list[list[list[str]]]:
    found: list[list[list[str]]] = []
    for flowable in story:
        if isinstance(flowable, LongTable):  # the same rows, as the plain table would get them
            laid = flowable.laid
            found.append([["\n".join(cell) for cell in row]
                          for row in [laid.header, *laid.rows[flowable.start:flowable.end]]])
        elif isinstance(flowable, Table):
            cells = flowable._cellvalues
            nested = [c for row in cells for c in row if isinstance(c, Table)]
            if nested:
                found += tables_of(nested)
            else:
                found.append([[_text(c) for c in row] for row in cells])
        elif hasattr(flowable, "_content"):
            found += tables_of(flowable._content)
    return found


def baseline(tables: list[list[list[str]]]) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, invariant=1)
    style = TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 8),
                        ("GRID", (0, 0), (-1, -1), 0.35, "#b4bcc6")])
    width = (A4[0] - 144) / max(len(t[0]) for t in tables)
    doc.build([Table(t, colWidths=[width] * len(t[0]), repeatRows=1, style=style)
               for t in tables])
    return buffer.getvalue()


def drawings_of(story: list[Flowable]) -> list[Drawing]:
    found: list[Drawing] = []
    for flowable in story:
        if isinstance(flowable, Drawing):
            found.append(flowable)
        elif hasattr(flowable, "_content"):
            found += drawings_of(flowable._content)
    return found


def paragraphs_of(story: list[Flowable]) -> list[str]:
    """The plain text of the story's paragraphs outside tables (title block, overview,
    headings, notes)."""
    found: list[str] = []
    for flowable in story:
        if isinstance(flowable, Paragraph):
            found.append(flowable.getPlainText())
        elif hasattr(flowable, "_content"):
            found += paragraphs_of(flowable._content)
    return found


def baseline_dressed(tables: list[list[list[str]]], drawings: list[Drawing],
                     paragraphs: list[str] = ()) -> bytes:
    """The plain document with what the report has beyond tables, each the plain way: the same
    chart (a reportlab Drawing), the header rows in the bold face (a second embedded font
    subset), and a running header and footer line drawn on every page."""
    buffer = io.BytesIO()
    # Room for the report's chart, as wide as its frame (a frame pads 6 points a side).
    doc = SimpleDocTemplate(buffer, pagesize=A4, invariant=1, leftMargin=MARGIN_X - 7,
                            rightMargin=MARGIN_X - 7, topMargin=MARGIN_TOP,
                            bottomMargin=MARGIN_BOTTOM)
    style = TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 8),
                        ("FONT", (0, 0), (-1, 0), BOLD, 8),
                        ("GRID", (0, 0), (-1, -1), 0.35, "#b4bcc6")])
    width = (A4[0] - 144) / max(len(t[0]) for t in tables)

    def page(canvas: Canvas, _doc: object) -> None:
        canvas.setFont(REGULAR, 8)
        canvas.drawString(72, A4[1] - 40, "서울특별시 재난안전대책본부")
        canvas.drawRightString(A4[0] - 72, A4[1] - 40, "상황보고 · 2025. 10. 3. 12:00 현재")
        canvas.line(72, A4[1] - 47, A4[0] - 72, A4[1] - 47)
        canvas.drawCentredString(A4[0] / 2, 30, f"{canvas.getPageNumber()} 쪽")

    plain = ParagraphStyle("plain", fontName=REGULAR, fontSize=9, leading=13)
    story: list[Flowable] = list(drawings)
    story += [Paragraph(escape(text), plain) for text in paragraphs]
    story += [Table(t, colWidths=[width] * len(t[0]), repeatRows=1, style=style)
              for t in tables]
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()


def measure(services: Services, scale: int | str, repeat: int) -> None:
    reports = services.reports
    for label, text in MOMENTS.items():
        moment = parse_time(text)
        read = best(partial(services.situation.view, as_of=moment), repeat)
        whole = best(partial(reports.snapshot, as_of=moment), repeat)
        snapshot = reports.snapshot(as_of=moment)
        pdf = reports.render(snapshot)
        story = situation_story(snapshot)[0]
        tables = tables_of(story)
        rows = sum(len(t) for t in tables)
        drawings = drawings_of(story)
        took = interleaved({
            "render": partial(reports.render, snapshot),
            "base": partial(baseline, tables),
            "dressed": partial(baseline_dressed, tables, drawings),
            "same": partial(baseline_dressed, tables, drawings, paragraphs_of(story))},
            repeat)
        render, base, dressed, same = (took[k] for k in ("render", "base", "dressed", "same"))
        pages = pdf.count(b"/Type /Page\n")
        print(f"{str(scale) if isinstance(scale, str) else 'x' + str(scale):<10} {label:<22} {rows:>6} {pages:>5} {read:>7.3f} "
              f"{max(0.0, whole - read):>8.3f} {render:>7.3f} {whole + render:>7.3f} "
              f"{base:>8.3f} {render / base:>6.2f} {dressed:>8.3f} {render / dressed:>6.2f} "
              f"{same:>8.3f} {render / same:>6.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,30")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--databases", default="",
                        help="measure copies of these demo databases instead of building")
    parser.add_argument("--no-pack", action="store_true")
    args = parser.parse_args()
    register_fonts()
    print(f"{'database':<10} {'as of':<22} {'rows':>6} {'pages':>5} {'read':>7} "
          f"{'snapshot':>8} {'render':>7} {'total':>7} {'baseline':>8} {'ratio':>6} "
          f"{'dressed':>8} {'ratio':>6} {'content':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for given in filter(None, args.databases.split(",")):
            copy = Path(folder) / Path(given).name
            shutil.copy(given, copy)
            services = Services.open(copy, hasher=CHEAP)
            measure(services, Path(given).stem, args.repeat)
            services.close()
        for scale in (int(s) for s in filter(None, args.scales.split(","))):
            path = Path(folder) / f"demo-{scale}.sqlite"
            started = time.perf_counter()
            services = Services.open(path, create=True, hasher=CHEAP)
            services.demo.build(scale)
            built = time.perf_counter() - started
            measure(services, scale, args.repeat)
            if args.no_pack:
                services.close()
                continue
            started = time.perf_counter()
            services.reports.write_fallback_pack(Path(folder) / f"pack-{scale}")
            packed = time.perf_counter() - started
            services.close()
            print(f"  (demo x{scale} built in {built:.1f} s; fallback pack written in "
                  f"{packed:.1f} s)")
    print("CPU seconds, best of --repeat; total = read + snapshot + render; "
          "ratio = render / baseline (same tables); dressed = the baseline with the same "
          "chart, bold header rows and a page header and footer; content = dressed plus the "
          "report's paragraphs (title block, overview, headings) as plain Paragraphs: a "
          "plain reportlab document of the same content")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
