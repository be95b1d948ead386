"""The long table drawn on the canvas: every row once, whole, under a header on every page."""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject

from console.reports.fonts import BOLD
from console.reports.layout import CELL_PADDING, CELL_SIZE, PageFrame, build_pdf
from console.reports.long_table import (
    LEADING,
    TOP,
    LongTable,
    Strong,
    lay_out,
    long_table,
)
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


class _ByTextOut(LongTable):
    """The rows written through reportlab's own setFont/setTextOrigin/textOut: what
    LongTable._row writes straight into the text object must be these very bytes."""

    def _row(self, text: PDFTextObject, cells: list[list[str]], top: float,
             lefts: list[float], font: str, align: str, bold: set[int] | None = None) -> None:
        for column, lines in enumerate(cells):
            face = BOLD if bold and column in bold else font
            text.setFont(face, CELL_SIZE, LEADING)
            left, right = lefts[column] + CELL_PADDING, lefts[column + 1] - CELL_PADDING
            baseline = top - TOP - CELL_SIZE
            for line in lines:
                if line:
                    x = left
                    if align[column] != "L":
                        width = stringWidth(line, face, CELL_SIZE)
                        x = right - width if align[column] == "R" else (left + right - width) / 2
                    text.setTextOrigin(x, baseline)
                    text.textOut(line)
                baseline -= LEADING


def test_the_rows_are_written_as_textout_writes_them() -> None:
    # Many glyphs (past one font subset's 256 codes), bold cells, repeated and wrapped cells,
    # right and centred columns, two documents in turn (the subset codes are per document).
    rows: list[list[object]] = [
        [f"R{i:04d}", "가나다 라마 " * (i % 25) if i % 3 else " ".join(
            "".join(chr(0xAC00 + (i * 7 + k * 3 + w) % 2000) for k in range(2 + (i + w) % 6))
            for w in range(i % 40)),
         Strong("미수립") if i % 5 == 0 else f"{i * 1.5:g}", "가운데"] for i in range(1, 700)]
    frame = PageFrame("머리", "표", lambda x, y: f"쪽 {x} / {y}")

    def pdf(kind: type[LongTable]) -> bytes:
        laid = lay_out(["코드", "이름", "값", "정렬"], rows, [0.15, 0.5, 0.2, 0.15], "LLRC")
        return build_pdf([kind(laid)], frame, title="t")

    fast, reference = pdf(LongTable), pdf(_ByTextOut)
    assert fast == reference
    assert pdf(LongTable) == fast  # a second document: its own subsets


def test_printed_lists_keep_a_whole_system_code_on_one_line() -> None:
    """The inventory and the outage register at scale: "SEO-0376-001" on one line (a code
    broken over two lines is misread on paper and doubled every row's height)."""
    from console.reports.printouts import inventory, outage_register
    from tests.pdftext import pdf_pages

    codes = [f"SEO-{n:04d}-{k:03d}" for n in (376, 9) for k in range(1, 40)]
    systems = [{"code": c, "name": f"120 상담 이력관리 ({i})", "department": "120다산콜재단",
                "facility": "상암 데이터센터", "category": "internal", "grade": 1,
                "rto_hours": 4, "alternative_means": ""} for i, c in enumerate(codes)]
    outages = [{"code": c, "name": f"지방재정(e호조) 연계 ({i})", "department": "기획조정실",
                "category": "internal", "importance_grade": 1, "grade": 1,
                "status": "restored", "detected_at": "2025-09-26T20:23:00+09:00",
                "restored_at": "2025-09-30T09:25:00+09:00", "alternative_active": False}
               for i, c in enumerate(codes)]
    for pdf in (inventory(systems, "2025-10-01T09:00:00+09:00"),
                outage_register("사고", outages, "2025-10-01T09:00:00+09:00")):
        lines = [line for page in pdf_pages(pdf) for line in page.splitlines()]
        assert all(any(line.strip().startswith(code + " ") for line in lines) for code in codes)
