"""Tests for reading and writing the information-system inventory file."""

from __future__ import annotations

import csv
import dataclasses
import io
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from console.domain.enums import Category
from console.domain.messages import Message
from console.domain.names import clean_name
from console.services.inventory_file import InventoryRow, RowProblem, read_inventory
from console.services.inventory_writer import write_inventory
from console.services.spreadsheet import (
    FORMULA_STARTS,
    InventoryFileError,
    guard_csv_text,
    unguard_csv_text,
)

KO_HEADER = [
    "시스템코드",
    "시스템명",
    "소관부서",
    "설치위치",
    "구분",
    "등급",
    "목표복구시간",
    "목표복구시점",
    "대체수단",
    "의존시스템",
]
EN_HEADER = [
    "code",
    "name",
    "department",
    "facility",
    "category",
    "grade",
    "rto_hours",
    "rpo_hours",
    "alternative_means",
    "depends_on",
]
TAX = ["TAX-01", "지방세 납부", "세무과", "시 데이터센터", "대시민", "1", "4", "1", "수기 접수", ""]
HR = ["HR-02", "인사관리", "총무과", "청사 전산실", "내부행정", "3", "", "", "", "TAX-01"]


def make_row(row_number: int = 2, **changes: object) -> InventoryRow:
    row = InventoryRow(
        row_number=row_number,
        code="TAX-01",
        name="지방세 납부",
        department="세무과",
        facility="시 데이터센터",
        category=Category.CITIZEN,
        grade=1,
        rto_hours=4.0,
        rpo_hours=1.0,
        alternative_means="수기 접수",
        depends_on=(),
    )
    return dataclasses.replace(row, **changes)


def csv_file(
    path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def xlsx_file(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def problem_rows(problems: list[RowProblem]) -> list[int | None]:
    return [problem.row_number for problem in problems]


# --- formats and encodings ----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_reads_csv_in_every_excel_encoding(tmp_path: Path, encoding: str) -> None:
    path = csv_file(tmp_path / "inventory.csv", [KO_HEADER, TAX, HR], encoding)

    rows, problems = read_inventory(path)

    assert problems == []
    assert rows == [
        make_row(),
        InventoryRow(
            row_number=3,
            code="HR-02",
            name="인사관리",
            department="총무과",
            facility="청사 전산실",
            category=Category.INTERNAL,
            grade=3,
            rto_hours=None,
            rpo_hours=None,
            alternative_means="",
            depends_on=("TAX-01",),
        ),
    ]


def test_reads_xlsx_with_numbers_and_a_title_row(tmp_path: Path) -> None:
    path = xlsx_file(
        tmp_path / "inventory.xlsx",
        [
            ["2025년 정보시스템 현황"],
            [],  # an empty row is absent from the sheet's XML but still counts
            KO_HEADER,
            [1001, "지방세 납부", "세무과", "시 데이터센터", "대시민", 1, 4.0, 0.5, None, None],
        ],
    )

    rows, problems = read_inventory(path)

    assert problems == []
    assert rows == [make_row(4, code="1001", rpo_hours=0.5, alternative_means="", depends_on=())]


def test_reads_semicolon_and_tab_separated_csv(tmp_path: Path) -> None:
    for delimiter in (";", "\t"):
        path = csv_file(tmp_path / "inventory.csv", [KO_HEADER, TAX], delimiter=delimiter)
        assert read_inventory(path) == ([make_row()], [])


def test_english_headers_variants_and_spaces(tmp_path: Path) -> None:
    header = [
        "  Code ",
        "NAME",
        "Department",
        "Facility",
        "Category",
        "중요도등급",
        "RTO(시간)",
        "rpo",
        "Alternative Means",
        "Depends_On",
        "비고",  # unknown columns are ignored
    ]
    row = [" TAX-01 ", "지방세 납부 ", " 세무과", "시 데이터센터", " Citizen-facing ", " 1등급 "]
    row += ["4.0", "1", "수기 접수", "", "메모"]
    path = csv_file(tmp_path / "inventory.csv", [header, row])

    assert read_inventory(path) == ([make_row()], [])


def test_title_rows_count_in_row_numbers(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "inventory.csv",
        [
            ["정보시스템 현황"],
            ["기준일: 2025-01-01", "", "작성: 정보화담당관"],
            [],
            KO_HEADER,
            TAX,
            [],
            HR,
        ],
    )

    rows, problems = read_inventory(path)

    assert problems == []
    assert [row.row_number for row in rows] == [5, 7]


def test_quoted_cells_with_commas_and_line_breaks(tmp_path: Path) -> None:
    tax = [*TAX[:8], "수기 접수,\n전화 안내", "\n"]
    hr = [*HR[:9], "TAX-01;\nNET-01, ;"]
    net = ["NET-01", "행정망", "정보통신과", "시 데이터센터", "internal", "1.0"]
    path = csv_file(tmp_path / "inventory.csv", [KO_HEADER, tax, hr, net])

    rows, problems = read_inventory(path)

    assert problems == []
    assert rows[0].alternative_means == "수기 접수,\n전화 안내"
    # Each record keeps the physical line it starts on, as Excel's row numbers would not.
    assert [row.row_number for row in rows] == [2, 5, 7]
    assert rows[1].depends_on == ("TAX-01", "NET-01")
    assert rows[2].grade == 1


# --- problems -----------------------------------------------------------------------------------


def test_reports_every_problem_at_once_with_row_numbers(tmp_path: Path) -> None:
    good = TAX
    missing = ["SYS-03", "", "세무과", "", "대시민", "2"]
    bad_grade = ["SYS-04", "시스템4", "세무과", "시 데이터센터", "대시민", "5"]
    not_number = ["SYS-05", "시스템5", "세무과", "시 데이터센터", "대시민", "상"]
    fraction = ["SYS-06", "시스템6", "세무과", "시 데이터센터", "대시민", "1.5"]
    bad_category = ["SYS-07", "시스템7", "세무과", "시 데이터센터", "외부", "2"]
    duplicate = ["TAX-01", "지방세 중복", "세무과", "시 데이터센터", "대시민", "2"]
    unknown_dependency = [*HR[:9], "TAX-01;GHOST"]
    self_dependency = ["SYS-10", "시스템10", "세무과", "시 데이터센터", "대시민", "2"]
    self_dependency += ["", "", "", "SYS-10"]
    bad_hours = ["SYS-11", "시스템11", "세무과", "시 데이터센터", "대시민", "2", "-1", "soon"]
    path = csv_file(
        tmp_path / "inventory.csv",
        [
            KO_HEADER,
            good,
            missing,
            bad_grade,
            not_number,
            fraction,
            bad_category,
            duplicate,
            unknown_dependency,
            self_dependency,
            bad_hours,
        ],
    )

    rows, problems = read_inventory(path)

    assert [row.code for row in rows] == ["TAX-01"]
    assert [str(problem) for problem in problems] == [
        "row 3: 시스템명 is blank",
        "row 3: 설치위치 is blank",
        "row 4: 등급 '5' is outside 1–4",
        "row 5: 등급 '상' is not a number",
        "row 6: 등급 '1.5' is not a whole number",
        "row 7: 구분 '외부' is not a known category (citizen/대시민 or internal/내부행정)",
        "row 8: 시스템코드 'TAX-01' already appears in row 2: list each system once",
        "row 9: 의존시스템 'GHOST' is not a system code in this file or among the known systems",
        "row 10: 의존시스템 lists the system's own code 'SYS-10'",
        "row 11: 목표복구시간 '-1' is not a non-negative number of hours",
        "row 11: 목표복구시점 'soon' is not a non-negative number of hours",
    ]
    assert problem_rows(problems) == [3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11]


def test_problems_name_the_column_as_written_in_the_file(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "inventory.csv",
        [EN_HEADER, ["A", "a", "d", "f", "citizen", "0", "nan"]],
    )

    _, problems = read_inventory(path)

    assert [str(problem) for problem in problems] == [
        "row 2: grade '0' is outside 1–4",
        "row 2: rto_hours 'nan' is not a non-negative number of hours",
    ]


def test_dependencies_may_point_forward_or_to_known_codes(tmp_path: Path) -> None:
    hr = [*HR[:9], "TAX-01, MAIL-09"]
    path = csv_file(tmp_path / "inventory.csv", [KO_HEADER, hr, TAX])

    rows, problems = read_inventory(path, known_codes={"MAIL-09"})

    assert problems == []
    assert rows[0].depends_on == ("TAX-01", "MAIL-09")


def test_blank_rows_and_notes_in_ignored_columns_are_skipped(tmp_path: Path) -> None:
    header = [*KO_HEADER, "비고"]
    path = csv_file(
        tmp_path / "inventory.csv",
        [header, ["", " ", ""], TAX, ["", "", "", "", "", "", "", "", "", "", "※ 작성 요령"]],
    )

    assert read_inventory(path) == ([make_row(3)], [])


def test_header_without_rows_is_a_file_level_problem(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "inventory.csv", [["현황"], KO_HEADER])

    rows, problems = read_inventory(path)

    assert rows == []
    assert problems == [RowProblem(None, Message("inventory.no_rows", row=2))]
    assert str(problems[0]) == "no systems listed below the header row (row 2)"
    assert problems[0].render("ko") == "머리글 행(2행) 아래에 시스템이 없습니다"


# --- unreadable files ---------------------------------------------------------------------------


def test_missing_required_columns_are_named(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "inventory.csv", [["시스템코드", "시스템명", "소관부서", "등급"], TAX]
    )

    with pytest.raises(InventoryFileError, match=r"설치위치/facility, 구분/category"):
        read_inventory(path)


def test_header_too_far_down_is_not_found(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "inventory.csv", [["제목"]] * 11 + [KO_HEADER, TAX])

    with pytest.raises(InventoryFileError, match="no header row"):
        read_inventory(path)


def test_unknown_extension_is_refused(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "inventory.txt", [KO_HEADER, TAX])

    with pytest.raises(InventoryFileError, match=r"unsupported file type '\.txt'"):
        read_inventory(path)


def test_undecodable_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "inventory.csv"
    path.write_bytes(b"\x80\xff,\xff\xff\n")

    with pytest.raises(InventoryFileError, match=r"cannot decode inventory\.csv as UTF-8 or CP949"):
        read_inventory(path)


def test_damaged_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "inventory.xlsx"
    path.write_bytes(b"not a zip file")

    with pytest.raises(InventoryFileError, match=r"not a readable \.xlsx"):
        read_inventory(path)


# --- writing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip(tmp_path: Path, suffix: str) -> None:
    rows = [
        make_row(2, alternative_means="=SUM(A1) looks like a formula"),
        make_row(
            3,
            code="HR-02",
            category=Category.INTERNAL,
            grade=4,
            rto_hours=None,
            rpo_hours=0.25,
            alternative_means="전화, 팩스\n수기",
            depends_on=("TAX-01",),
        ),
    ]
    path = tmp_path / f"inventory{suffix}"

    assert write_inventory(path, rows) == 2
    assert read_inventory(path) == (rows, [])


def test_csv_cells_excel_would_run_as_formulas_are_written_as_text(tmp_path: Path) -> None:
    names = ["=HYPERLINK(\"http://x\")", "+82-2-120", "-대체수단", "@SUM(1)", "'인용", "''=x"]
    rows = [make_row(2 + index, code=f"S-{index}", name=name)
            for index, name in enumerate(names)]
    path = tmp_path / "inventory.csv"
    write_inventory(path, rows)

    written = [line.split(",")[1] for line in path.read_text("utf-8-sig").splitlines()[1:]]
    assert all(cell.lstrip('"').startswith("'") for cell in written)
    assert read_inventory(path) == (rows, [])


@given(st.text(min_size=1))
def test_csv_guard_reads_back_to_the_same_text(text: str) -> None:
    assert unguard_csv_text(guard_csv_text(text)) == text
    assert not guard_csv_text(text).startswith(FORMULA_STARTS)


def test_written_csv_has_bom_and_korean_headers(tmp_path: Path) -> None:
    path = tmp_path / "inventory.csv"
    write_inventory(path, [make_row(depends_on=("A", "B"), rto_hours=None)])

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == [
        ",".join(KO_HEADER),
        "TAX-01,지방세 납부,세무과,시 데이터센터,대시민,1,,1,수기 접수,A;B",
    ]


def test_write_accepts_category_as_text(tmp_path: Path) -> None:
    @dataclasses.dataclass
    class Stored:
        code: str = "X"
        name: str = "n"
        department: str = "d"
        facility: str = "f"
        category: str = "internal"
        grade: int = 2
        rto_hours: float | None = None
        rpo_hours: float | None = None
        alternative_means: str = ""
        depends_on: list[str] = dataclasses.field(default_factory=list)

    path = tmp_path / "inventory.xlsx"
    assert write_inventory(path, [Stored()]) == 1
    rows, _ = read_inventory(path)
    assert rows[0].category is Category.INTERNAL


def test_unknown_extension_is_refused_for_writing(tmp_path: Path) -> None:
    with pytest.raises(InventoryFileError):
        write_inventory(tmp_path / "inventory.xls", [])


# --- property: whatever is written reads back the same -----------------------------------------

# Cells are trimmed on reading and spreadsheets cannot hold control characters.
_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=12
).map(str.strip)
# What the reader keeps of them: every cell in NFC, names cleaned (docs/sync.md, rule 10).
_text = _text.map(lambda text: unicodedata.normalize("NFC", text))
_name = _text.map(clean_name).filter(bool)
_code_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-가나다"
# Hours as people type them: openpyxl stores 16 significant digits, so computed floats such as
# 1/60 come back one unit in the last place off from .xlsx.
_hours = st.none() | st.decimals(min_value=0, max_value=10**6, places=4).map(float)


@st.composite
def _inventories(draw: st.DrawFn) -> list[InventoryRow]:
    codes = draw(st.lists(st.text(_code_alphabet, min_size=1, max_size=8), unique=True, max_size=5))
    rows = []
    for index, code in enumerate(codes):
        # Only on later rows (forward references, but never round in a circle: a cycle is
        # refused, tests/test_import_dependency_cycles.py).
        others = codes[index + 1:]
        rows.append(
            InventoryRow(
                row_number=index + 2,
                code=code,
                name=draw(_name),
                department=draw(_name),
                facility=draw(_name),
                category=draw(st.sampled_from(Category)),
                grade=draw(st.integers(1, 4)),
                rto_hours=draw(_hours),
                rpo_hours=draw(_hours),
                alternative_means=draw(_text | st.just("")),
                depends_on=tuple(draw(st.lists(st.sampled_from(others), max_size=3)))
                if others
                else (),
            )
        )
    return rows


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_inventories(), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_round_trip_property(rows: list[InventoryRow], suffix: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"inventory{suffix}"
        write_inventory(path, rows)
        read_back, problems = read_inventory(path)
    assert read_back == rows
    # An empty inventory reads back empty, with one file-level problem saying so.
    assert [problem.row_number for problem in problems] == ([] if rows else [None])
