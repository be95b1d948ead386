"""Write the inventory as staff open it in Excel: CSV (UTF-8 with BOM) or XLSX, Korean headers.

What it writes reads back with console.services.inventory_file.read_inventory to the same rows.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from console.domain.enums import Category
from console.services.inventory_file import (
    FIELDS,
    KOREAN_HEADERS,
    InventoryRowLike,
    unsupported_file,
)
from console.services.spreadsheet import guard_csv_text

# A cell as written: text, grade, hours, or None for blank hours.
_Cell = str | int | float | None


def write_inventory(path: Path, rows: Iterable[InventoryRowLike]) -> int:
    """Write rows as .csv (UTF-8 with BOM) or .xlsx by extension; return how many were written.

    The result reads back with read_inventory to the same rows.
    """
    path = Path(path)
    table = [_row_cells(row) for row in rows]
    headers = [KOREAN_HEADERS[field] for field in FIELDS]
    suffix = path.suffix.casefold()
    if suffix == ".csv":
        _write_csv(path, headers, table)
    elif suffix == ".xlsx":
        _write_xlsx(path, headers, table)
    else:
        raise unsupported_file(path)
    return len(table)


def _row_cells(row: InventoryRowLike) -> list[_Cell]:
    category = row.category if isinstance(row.category, Category) else Category.parse(row.category)
    return [
        row.code,
        row.name,
        row.department,
        row.facility,
        category.ko,
        int(row.grade),
        row.rto_hours,
        row.rpo_hours,
        row.alternative_means,
        ";".join(row.depends_on),
    ]


def _write_csv(path: Path, headers: list[str], table: list[list[_Cell]]) -> None:
    # The BOM is what makes Excel open UTF-8 Korean text correctly instead of as mojibake.
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(headers)
        writer.writerows([[_csv_text(value) for value in cells] for cells in table])


def _csv_text(value: _Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # "4" rather than "4.0" for whole hours; repr keeps every other float exact.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    return guard_csv_text(value)


def _write_xlsx(path: Path, headers: list[str], table: list[list[_Cell]]) -> None:
    from openpyxl import Workbook  # only for .xlsx: it costs ~0.2 s to import

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new Workbook always has one sheet
    sheet.append(headers)
    for row_index, cells in enumerate(table, start=2):
        for column_index, value in enumerate(cells, start=1):
            cell = sheet.cell(row=row_index, column=column_index, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, not a formula Excel would evaluate
    workbook.save(path)
