"""Blank forms for a dead-computer day, printed in the paper fallback pack and filled in by
hand: the ICS 214 activity sheet, 장애 접수서, a 수기 접수 대장 per citizen-facing service,
the ICS 213 통신문 (general message) and a 제N보 template. Same fonts, header and footer as
every printout (layout.py); what is written on them is transcribed later."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from reportlab.platypus import Flowable, PageBreak, Table
from reportlab.platypus import TableStyle as TS

from console.reports.fonts import REGULAR
from console.reports.layout import (
    FRAME_WIDTH,
    INK,
    LABEL_FILL,
    RULE,
    PageFrame,
    build_pdf,
    grid_style,
    heading,
    para,
)
from console.reports.text import bilingual, words

FORM_TITLES: dict[str, tuple[str, str]] = {
    "ics214": ("활동일지 (ICS 214) — 수기 작성용", "Activity log (ICS 214) — to fill by hand"),
    "intake": ("장애 접수서", "Outage intake sheet"),
    "ledger": ("수기 접수 대장", "Manual intake ledger"),
    "ics213": ("통신문 (ICS 213)", "General message (ICS 213)"),
    "sitrep": ("상황보고 제(   )보 — 수기 작성용", "Situation report No. (   ) — to fill by hand"),
}
FORM_KINDS = tuple(FORM_TITLES)


def form_title(kind: str, lang: str) -> str:
    return bilingual(FORM_TITLES, lang, kind)


def _t(lang: str, ko: str, en: str) -> str:
    return ko if lang == "ko" else en


def _fields(pairs: Sequence[str], lang: str, height: float = 22) -> Table:
    """Label | blank rows, two pairs to a row; each pair is "국문|English"."""
    labels = [_t(lang, *_split(pair)) for pair in pairs]
    cells: list[list[str]] = []
    for i in range(0, len(labels), 2):
        row: list[str] = []
        for text in labels[i:i + 2]:
            row += [text, ""]
        cells.append(row + [""] * (4 - len(row)))
    width = FRAME_WIDTH / 4
    box = Table(cells, colWidths=[width * 0.8, width * 1.2] * 2,
                rowHeights=[height] * len(cells))
    box.setStyle(TS([("FONT", (0, 0), (-1, -1), REGULAR, 8, 10.5),
                     ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                     ("GRID", (0, 0), (-1, -1), 0.35, RULE),
                     ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                     ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
                     ("BACKGROUND", (2, 0), (2, -1), LABEL_FILL)]))
    return box


def _split(both: str) -> tuple[str, str]:
    ko, _, en = both.partition("|")
    return ko, en or ko


def _grid(header: Sequence[str], rows: int, widths: Sequence[float], height: float = 20
          ) -> Table:
    cells = [list(header)] + [[""] * len(header) for _ in range(rows)]
    box = Table(cells, colWidths=[w * FRAME_WIDTH for w in widths],
                rowHeights=[16] + [height] * rows, repeatRows=1)
    box.setStyle(TS(grid_style()))
    return box


def _box(title: str, height: float) -> Table:
    box = Table([[title], [""]], colWidths=[FRAME_WIDTH], rowHeights=[16, height])
    box.setStyle(TS(grid_style()))
    return box


def _ics214(lang: str) -> list[Flowable]:
    return [
        _fields(["1. 사고명|1. Incident name", "2. 운영 기간|2. Operational period",
                 "3. 명칭(반)|3. Name (unit)", "4. ICS 직위|4. ICS position",
                 "5. 소속 기관|5. Home agency", "작성 쪽|Page"], lang),
        *heading(_t(lang, "6. 배치 인원", "6. Resources assigned")),
        _grid([_t(lang, "성명", "Name"), _t(lang, "직위", "Position"),
               _t(lang, "소속", "Home agency")], 6, [0.34, 0.33, 0.33]),
        *heading(_t(lang, "7. 활동 기록", "7. Activity log")),
        _grid([_t(lang, "일시", "Date/time"), _t(lang, "주요 활동", "Notable activities")],
              14, [0.2, 0.8]),
        *heading(_t(lang, "8. 작성자", "8. Prepared by")),
        _fields(["성명|Name", "직위|Position", "서명|Signature", "일시|Date/time"], lang)]


def _intake(lang: str) -> list[Flowable]:
    return [
        _fields(["접수 일시|Received at", "접수자|Received by", "신고자 성명|Reporter",
                 "신고자 소속|Reporter's unit", "신고자 연락처|Reporter's phone",
                 "접수 경로|Channel (phone, visit, radio)", "시스템명(코드)|System (code)",
                 "최초 인지 시각|First noticed at"], lang),
        _box(_t(lang, "장애 증상", "Symptoms"), 90),
        _fields(["영향 범위(대시민·내부)|Impact (citizens, internal)",
                 "대체수단 가동(○/×)|Alternative running (○/×)",
                 "전달처(반)|Passed to (team)", "전달 일시|Passed at"], lang),
        _box(_t(lang, "조치 사항", "Action taken"), 110),
        _fields(["전산 입력 일시|Entered in the console at", "입력자|Entered by"], lang)]


class _Stamp(Flowable):
    """The same blank grid on every page of the ledger (a page per service, 390 at
    ``demo --scale 30``): drawn once into a PDF form and placed on each page, rather than laid
    out and drawn again 390 times (most of that file's time)."""

    def __init__(self, grid: Table, name: str) -> None:
        super().__init__()
        self.grid, self.name = grid, name

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.grid.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if not canvas.hasForm(self.name):
            canvas.beginForm(self.name)
            self.grid.drawOn(canvas, 0, 0)
            canvas.endForm()
        canvas.doForm(self.name)


def _ledger_grid(lang: str) -> Table:
    return _grid(["No.", _t(lang, "접수 일시", "Received"), _t(lang, "민원인", "Citizen"),
                  _t(lang, "연락처", "Phone"), _t(lang, "신청 내용", "Request"),
                  _t(lang, "처리 결과", "Outcome"), _t(lang, "전산 입력", "Entered")],
                 22, [0.06, 0.13, 0.13, 0.14, 0.26, 0.16, 0.12])


def _ledger(lang: str, service: str, grid: Table) -> list[Flowable]:
    return [para(f"{_t(lang, '서비스', 'Service')}: {service}", "lead"),
            _Stamp(grid, "ledger-grid")]


def _ics213(lang: str) -> list[Flowable]:
    return [
        _fields(["1. 수신(성명·직위)|1. To (name, position)",
                 "2. 발신(성명·직위)|2. From (name, position)", "3. 제목|3. Subject",
                 "4. 일시|4. Date/time"], lang),
        _box(_t(lang, "5. 내용", "5. Message"), 200),
        _fields(["6. 승인(성명·직위)|6. Approved by", "서명|Signature"], lang),
        _box(_t(lang, "7. 회신", "7. Reply"), 150),
        _fields(["8. 회신자(성명·직위)|8. Replied by", "일시|Date/time"], lang)]


def _sitrep(lang: str) -> list[Flowable]:
    return [
        _fields(["보고 일시(   현재)|As of", "보고처|Report to", "작성(반·성명)|Prepared by",
                 "승인(성명)|Approved by", "위기경보(상향 일시)|Crisis level (since)",
                 "보고 구분(최초·중간·최종)|Kind (first, interim, final)"], lang),
        _box(_t(lang, "1. 개요", "1. Overview"), 70),
        _box(_t(lang, "2. 장애 현황: 전체 (   )개 중 (   )개 복구(   %), 대체수단 운영 (   )개",
                "2. Status: (   ) of (   ) restored (   %), (   ) on alternative means"), 110),
        _box(_t(lang, "3. 조치 사항", "3. Actions taken"), 110),
        _box(_t(lang, "4. 향후 계획", "4. Next steps"), 80),
        _box(_t(lang, "5. 건의·협조 사항", "5. Requests"), 60)]


def render_form(kind: str, lang: str = "ko", services: Sequence[str] = ()) -> bytes:
    """One blank form; ``ledger`` prints one page per service in ``services``."""
    name = form_title(kind, lang)
    story: list[Flowable] = []
    makers: dict[str, Callable[[], list[Flowable]]] = {
        "ics214": lambda: _ics214(lang), "intake": lambda: _intake(lang),
        "ics213": lambda: _ics213(lang), "sitrep": lambda: _sitrep(lang)}
    pages: list[Callable[[], list[Flowable]]]
    if kind == "ledger":
        grid = _ledger_grid(lang)  # one grid, drawn once (_Stamp)
        pages = [partial(_ledger, lang, service, grid) for service in services or [""]]
    else:
        pages = [makers[kind]]
    for i, page in enumerate(pages):
        if i:
            story.append(PageBreak())
        story += [para(name, "title"), para(words(lang, "org"), "dateline"), *page()]
    frame = PageFrame(header_left=words(lang, "org"), header_right=name,
                      footer=lambda x, y: f"{name} · {words(lang, 'page', x=x, y=y)}")
    return build_pdf(story, frame, title=name)
