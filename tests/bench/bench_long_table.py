"""Long tables: the canvas-drawn LongTable next to a plain platypus Table of the same rows,
built in the same run (issue 13: the annex at scale 100 and the inventory at scale 30).

    .venv/bin/python tests/bench/bench_long_table.py [--rows 6400,12870] [--repeat 3]

Both documents hold the same rows × columns of text in the same embedded font, with the header
row repeated on every page and no other page decoration; seconds are the best of --repeat.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.reports.fonts import REGULAR, register_fonts
from console.reports.layout import WIDE_FRAME_WIDTH
from console.reports.long_table import long_table

WIDTHS = [0.10, 0.22, 0.12, 0.12, 0.06, 0.05, 0.06, 0.27]


def rows(count: int) -> list[list[str]]:
    return [[f"SEO-{i:05d}", f"정보시스템 {i} 연계 서비스", "디지털도시국", "상암 데이터센터",
             "대시민", str(1 + i % 4), "24시간", "수기 접수 후 사후 전산 입력" if i % 3 else "-"]
            for i in range(count)]


def document(flowable: object) -> float:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), invariant=1,
                            initialFontName=REGULAR)
    start = time.perf_counter()
    doc.build([flowable])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="6400,12870")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    register_fonts()
    header = ["코드", "시스템", "실국", "설치 장소", "구분", "중요도", "RTO", "대체수단"]
    for count in (int(n) for n in args.rows.split(",")):
        body = rows(count)
        points = [w * WIDE_FRAME_WIDTH for w in WIDTHS]
        plain = min(document(Table([header, *body], colWidths=points, repeatRows=1,
                                   style=TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 8)])))
                    for _ in range(args.repeat))
        light = min(document(long_table(header, body, WIDTHS, "LLLLCCRL",
                                        frame_width=WIDE_FRAME_WIDTH))
                    for _ in range(args.repeat))
        print(f"{count:>6} rows: platypus Table {plain:.2f} s, LongTable {light:.2f} s "
              f"({plain / light:.1f}× faster)")


if __name__ == "__main__":
    main()
