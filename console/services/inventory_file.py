"""Read and write the city's information-system inventory as staff export it from Excel.

Staff keep the inventory in a spreadsheet and hand it over as .xlsx or as a CSV saved by
Korean Windows Excel (CP949) or by anything else (UTF-8, with or without BOM). Reading is
forgiving about layout (title rows, Korean or English headers, stray spaces) and strict about
content: every bad cell is reported with the row number a person sees in Excel, all at once,
so one round of corrections fixes the file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from console.domain.enums import Category
from console.domain.graph import strongly_connected, way_round
from console.domain.messages import Message
from console.domain.names import clean_name
from console.services.spreadsheet import (
    InventoryFileError,
    Record,
    csv_records,
    decode,
    xlsx_records,
)

FIELDS = (
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
)
REQUIRED_FIELDS = FIELDS[:6]

# The headers write_inventory uses, in column order: the city's own form is in Korean.
KOREAN_HEADERS = {
    "code": "시스템코드",
    "name": "시스템명",
    "department": "소관부서",
    "facility": "설치위치",
    "category": "구분",
    "grade": "등급",
    "rto_hours": "목표복구시간",
    "rpo_hours": "목표복구시점",
    "alternative_means": "대체수단",
    "depends_on": "의존시스템",
}

# Header spellings seen in the wild, already normalised by _normalise_header.
_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("시스템코드", "코드", "code", "systemcode"),
    "name": ("시스템명", "시스템이름", "정보시스템명", "name", "systemname"),
    "department": ("소관부서", "담당부서", "부서", "부서명", "department", "dept"),
    "facility": ("설치위치", "설치장소", "위치", "facility", "location"),
    "category": ("구분", "서비스구분", "시스템구분", "category"),
    "grade": ("등급", "중요도등급", "중요도", "시스템등급", "grade"),
    "rto_hours": ("목표복구시간", "rto", "rtohours"),
    "rpo_hours": ("목표복구시점", "rpo", "rpohours"),
    "alternative_means": ("대체수단", "alternativemeans", "alternatives"),
    "depends_on": ("의존시스템", "연계시스템", "dependson", "dependencies"),
}
_FIELD_BY_HEADER = {alias: field for field, aliases in _HEADER_ALIASES.items() for alias in aliases}

# Excel users put at most a title and a few notes above the table; looking further would let
# a stray data row that happens to read like a header be taken for one.
_MAX_TITLE_ROWS = 10
# Tried in this order; the first one under which a header row appears wins. csv.Sniffer is not
# used because title rows and commas inside Korean text mislead its character counting.
_DELIMITERS = (",", ";", "\t")
_DEPENDENCY_SEPARATORS = re.compile(r"[;,；，\r\n]+")


@dataclass(frozen=True)
class InventoryRow:
    row_number: int  # 1-based row number in the file as a person sees it in Excel
    code: str
    name: str
    department: str
    facility: str
    category: Category
    grade: int  # 1..4
    rto_hours: float | None
    rpo_hours: float | None
    alternative_means: str
    depends_on: tuple[str, ...]


@dataclass(frozen=True)
class RowProblem:
    row_number: int | None  # None for problems with the file as a whole
    problem: Message  # one line, names the column as the file does; the row is added on render

    def render(self, lang: str = "ko") -> str:
        """The line a person reads, starting with the row ("3행: …", "row 3: …") if known."""
        if self.row_number is None:
            return self.problem.render(lang)
        return Message("inventory.row", row=self.row_number, problem=self.problem).render(lang)

    @property
    def message(self) -> str:
        return self.render("en")

    def __str__(self) -> str:
        return self.render("en")


class InventoryRowLike(Protocol):
    """Anything with the attributes of an inventory row, e.g. an ORM object."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def department(self) -> str: ...
    @property
    def facility(self) -> str: ...
    @property
    def category(self) -> Category | str: ...
    @property
    def grade(self) -> int: ...
    @property
    def rto_hours(self) -> float | None: ...
    @property
    def rpo_hours(self) -> float | None: ...
    @property
    def alternative_means(self) -> str: ...
    @property
    def depends_on(self) -> Iterable[str]: ...


@dataclass(frozen=True)
class _Header:
    position: int  # index of the header record in the record list
    columns: dict[str, int]  # field -> cell index
    titles: dict[str, str]  # field -> header text as written, so problems name what people see


# ---------------------------------------------------------------------------------------------
# Reading


def read_inventory(
    path: Path, known_codes: Collection[str] = (),
    known_dependencies: Mapping[str, Collection[str]] | None = None,
) -> tuple[list[InventoryRow], list[RowProblem]]:
    """Return the valid rows and every problem found; rows with a problem are left out.

    ``known_codes`` are systems already registered elsewhere that rows may depend on;
    ``known_dependencies`` what registered systems depend on now (code -> codes), so that a
    cycle closed through a registered system is found too (a listed system's own set is the
    file's). Raises InventoryFileError when the file cannot be read at all; OSError (missing
    file, no permission) passes through unchanged.
    """
    records, header = _load(Path(path))
    rows, problems = _check(records, header, set(known_codes))
    if rows:
        column = header.titles.get("depends_on", KOREAN_HEADERS["depends_on"])
        problems.extend(dependency_cycles(rows, _first_rows(records, header),
                                          known_dependencies or {}, column))
        problems.sort(key=lambda problem: problem.row_number or 0)  # stable: per row, as found
    return rows, problems


def _first_rows(records: list[Record], header: _Header) -> dict[str, int]:
    """Each code's first row as shown in Excel."""
    rows: dict[str, int] = {}
    index = header.columns.get("code")
    if index is None:
        return rows
    for row_number, cells in records[header.position + 1 :]:
        if index < len(cells) and cells[index]:
            rows.setdefault(cells[index], row_number)
    return rows


def dependency_cycles(rows: Iterable[InventoryRow], row_numbers: Mapping[str, int],
                      known_dependencies: Mapping[str, Collection[str]], column: str
                      ) -> list[RowProblem]:
    """One problem per dependency cycle the import would make (a system that needs, through
    others, itself): the systems round it, starting at its first row in the file. Cycles
    among registered systems alone are not this file's to report."""
    graph: dict[str, set[str]] = {code: set(needs) for code, needs in known_dependencies.items()}
    listed: set[str] = set()
    for row in rows:
        graph[row.code] = set(row.depends_on)
        listed.add(row.code)
    problems = []
    for component in strongly_connected(graph):
        if len(component) < 2 or not component & listed:
            continue
        start = min(component & listed, key=lambda code: (row_numbers.get(code, 0), code))
        cycle = " → ".join(way_round(graph, component, start))
        problems.append(RowProblem(row_numbers.get(start),
                                   Message("inventory.dependency_cycle", column=column,
                                           cycle=cycle)))
    return sorted(problems, key=lambda p: (p.row_number or 0))


def _load(path: Path) -> tuple[list[Record], _Header]:
    suffix = path.suffix.casefold()
    if suffix == ".xlsx":
        records = xlsx_records(path)
        return records, _find_header(records)
    if suffix == ".csv":
        return _load_csv(path)
    raise unsupported_file(path)


def unsupported_file(path: Path) -> InventoryFileError:
    return InventoryFileError("inventory.file_type", file=path.name, suffix=path.suffix)


def _load_csv(path: Path) -> tuple[list[Record], _Header]:
    text = decode(path.read_bytes(), path.name)
    failures: list[InventoryFileError] = []
    for delimiter in _DELIMITERS:
        records = csv_records(text, delimiter, path.name)
        try:
            return records, _find_header(records)
        except InventoryFileError as exc:
            failures.append(exc)
    raise failures[0]  # the comma reading is the default, so its complaint is the one to show


def _normalise_header(text: str) -> str:
    # "RTO(시간)", "rto_hours" and "Rto Hours" all name the same column.
    text = re.sub(r"[(（\[][^)）\]]*[)）\]]", "", text)
    return re.sub(r"[\s_\-·.]", "", text).casefold()


def _find_header(records: list[Record]) -> _Header:
    best_missing: list[str] = list(REQUIRED_FIELDS)
    for position, (_, cells) in enumerate(records[: _MAX_TITLE_ROWS + 1]):
        columns: dict[str, int] = {}
        titles: dict[str, str] = {}
        for index, cell in enumerate(cells):
            field = _FIELD_BY_HEADER.get(_normalise_header(cell))
            if field is not None and field not in columns:  # the first of duplicate columns wins
                columns[field] = index
                titles[field] = cell
        missing = [field for field in REQUIRED_FIELDS if field not in columns]
        if not missing:
            return _Header(position, columns, titles)
        if len(missing) < len(best_missing):
            best_missing = missing
    names = ", ".join(f"{KOREAN_HEADERS[field]}/{field}" for field in best_missing)
    raise InventoryFileError("inventory.no_header", rows=_MAX_TITLE_ROWS + 1, columns=names)


def _check(
    records: list[Record], header: _Header, known_codes: set[str]
) -> tuple[list[InventoryRow], list[RowProblem]]:
    data: list[tuple[int, dict[str, str]]] = []
    for row_number, cells in records[header.position + 1 :]:
        values = {
            field: cells[index] if index < len(cells) else ""
            for field, index in header.columns.items()
        }
        # Notes in columns we ignore do not make a row worth complaining about.
        if any(values.values()):
            data.append((row_number, values))

    if not data:
        header_row = records[header.position][0]
        return [], [RowProblem(None, Message("inventory.no_rows", row=header_row))]

    # Dependencies may point forward, so every code in the file must be known before checking.
    known = {values["code"] for _, values in data if values.get("code")} | known_codes
    first_row_of_code: dict[str, int] = {}
    rows: list[InventoryRow] = []
    problems: list[RowProblem] = []
    for row_number, values in data:
        row, messages = _parse_row(row_number, values, header.titles, known)
        code = values.get("code", "")
        if code in first_row_of_code:
            column = header.titles["code"]
            messages.append(Message("inventory.duplicate_code", column=column, code=code,
                                    row=first_row_of_code[code]))
        elif code:
            first_row_of_code[code] = row_number
        problems.extend(RowProblem(row_number, m) for m in messages)
        if row is not None and not messages:
            rows.append(row)
    return rows, problems


def _parse_row(
    row_number: int, values: dict[str, str], titles: dict[str, str], known: set[str]
) -> tuple[InventoryRow | None, list[Message]]:
    """Return the row (None if a cell is unusable) and the problems found, in column order."""
    messages: list[Message] = []
    for field in REQUIRED_FIELDS:
        if not values[field]:
            messages.append(Message("inventory.blank", column=titles[field]))

    category: Category | None = None
    if values["category"]:
        try:
            category = Category(Category.parse(values["category"]))
        except ValueError:
            messages.append(Message("inventory.bad_category", column=titles["category"],
                                    value=values["category"]))

    grade = _parse_grade(values["grade"], titles["grade"], messages) if values["grade"] else None
    rto = _parse_hours(values.get("rto_hours", ""), titles.get("rto_hours", ""), messages)
    rpo = _parse_hours(values.get("rpo_hours", ""), titles.get("rpo_hours", ""), messages)

    code = values["code"]
    depends_on = tuple(
        part.strip()
        for part in _DEPENDENCY_SEPARATORS.split(values.get("depends_on", ""))
        if part.strip()
    )
    for dependency in depends_on:
        if dependency == code:
            messages.append(Message("inventory.self_dependency", column=titles["depends_on"],
                                    code=code))
        elif dependency not in known:
            messages.append(Message("inventory.unknown_dependency",
                                    column=titles["depends_on"], code=dependency))

    if messages or category is None or grade is None:
        return None, messages
    row = InventoryRow(
        row_number=row_number,
        code=code,
        name=clean_name(values["name"]),
        department=clean_name(values["department"]),
        facility=clean_name(values["facility"]),
        category=category,
        grade=grade,
        rto_hours=rto,
        rpo_hours=rpo,
        alternative_means=values.get("alternative_means", ""),
        depends_on=depends_on,
    )
    return row, messages


def _parse_grade(text: str, column: str, messages: list[Message]) -> int | None:
    # Forms write "1등급"; Excel may hand over "1.0".
    number = _number(text.removesuffix("등급"))
    if number is None:
        messages.append(Message("inventory.not_number", column=column, value=text))
    elif not number.is_integer():
        messages.append(Message("inventory.not_whole", column=column, value=text))
    elif not 1 <= number <= 4:
        messages.append(Message("inventory.grade_range", column=column, value=text))
    else:
        return int(number)
    return None


def _parse_hours(text: str, column: str, messages: list[Message]) -> float | None:
    if not text:
        return None
    number = _number(text.removesuffix("시간"))  # "24시간" is how people write it by hand
    if number is None or number < 0:
        messages.append(Message("inventory.bad_hours", column=column, value=text))
        return None
    return number


def _number(text: str) -> float | None:
    """A finite number, or None; nan and inf are not hours or grades."""
    try:
        number = float(text.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None
