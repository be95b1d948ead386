"""The long table drawn on the canvas: every row once, whole, under a header on every page."""

from __future__ import annotations

import re

from console.reports.layout import PageFrame, build_pdf
from console.reports.long_table import Strong, long_table
from tests.pdftext import pdf_pages


def _pdf(rows: list[list[object]]) -> list[str]:
    frame = PageFrame("머리", "표", lambda x, y: f"쪽 {x} / {y}")
    story = [long_table(["코드", "이름", "값"], rows, [0.2, 0.6, 0.2], "LLR")]
    return pdf_pages(build_pdf(story, frame, title="t"))


def test_every_row_once_with_the_header_on_every_page() -> None:
    rows: list[list[object]] = [[f"R{i:04d}", f"시스템 {i}", i] for i in range(1, 401)]
    pages = _pdf(rows)
    assert len(pages) > 5
    assert all(re.search(r"코드\s+이름\s+값", page) for page in pages)
    found = [int(n) for page in pages for n in re.findall(r"R(\d{4})", page)]
    assert found == list(range(1, 401))  # in order, none lost, none twice
    assert all(f"쪽 {n} / {len(pages)}" in page for n, page in enumerate(pages, 1))


def test_a_long_cell_wraps_and_its_row_stays_whole() -> None:
    long = "가나다라 " * 40
    rows: list[list[object]] = [[f"R{i:04d}", long if i % 7 == 0 else "짧음", Strong("미수립")]
                                for i in range(1, 120)]
    pages = _pdf(rows)
    text = " ".join(pages)
    assert text.count("미수립") == 119
    for page in pages:  # a wrapped row's lines are on the page of its code
        codes = re.findall(r"R(\d{4})", page)
        assert codes == sorted(codes)
    assert re.sub(r"\s+", "", text).count("가나다라") == 40 * (119 // 7)
