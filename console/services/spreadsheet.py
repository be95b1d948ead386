"""Cells of a spreadsheet as staff hand it over: CSV (UTF-8 with or without BOM, or CP949 as
Korean Windows Excel saves it) or .xlsx, as records of stripped texts with the row number a
person sees in Excel. What the cells mean is console/services/inventory_file.py's business."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from console.domain.errors import ValidationError


class InventoryFileError(ValidationError):
    """The file cannot be read at all (format, encoding, no header row)."""


Record = tuple[int, list[str]]
"""(row number as shown in Excel, stripped cell texts)"""


def decode(data: bytes, filename: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig")
    # Korean text in CP949 is practically never valid UTF-8, so trying UTF-8 first is safe.
    for encoding in ("utf-8", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InventoryFileError("inventory.encoding", file=filename)


def csv_records(text: str, delimiter: str, filename: str) -> list[Record]:
    # newline="" keeps line breaks inside quoted cells intact for the csv module.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[Record] = []
    while True:
        # A quoted cell may span lines; the record's row is the line it starts on.
        start_line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return records
        except csv.Error as exc:
            raise InventoryFileError("inventory.csv_error", file=filename, line=start_line,
                                     error=exc) from exc
        records.append((start_line,
                        [nfc(unguard_csv_text(cell.strip())) for cell in cells]))


def nfc(text: str) -> str:
    """Every cell in NFC (a file made on a Mac is in NFD); names are cleaned further, other
    text keeps its line breaks."""
    return unicodedata.normalize("NFC", text)


FORMULA_STARTS = ("=", "+", "-", "@")
"""What makes Excel (and LibreOffice) read a CSV cell as a formula, not as text."""


def guard_csv_text(text: str) -> str:
    """A cell Excel would run as a formula gets a leading apostrophe (OWASP's CSV-injection
    advice); so does one that already starts with an apostrophe, so that reading it back with
    ``unguard_csv_text`` gives exactly the original text."""
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text


def unguard_csv_text(text: str) -> str:
    if text.startswith("'") and text[1:2] and text[1] in (*FORMULA_STARTS, "'"):
        return text[1:]
    return text


def xlsx_records(path: Path) -> list[Record]:
    from openpyxl import load_workbook  # only for .xlsx: it costs ~0.2 s to import

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception as exc:  # openpyxl raises zip, XML and key errors for damaged files
        raise InventoryFileError("inventory.bad_xlsx", file=path.name, error=exc) from exc
    try:
        if not workbook.worksheets:
            raise InventoryFileError("inventory.no_sheet", file=path.name)
        sheet = workbook.worksheets[0]
        # Some exporters write a wrong <dimension>; read-only mode would trust it and stop early.
        sheet.reset_dimensions()
        return [
            (number, [nfc(_xlsx_cell_text(value)) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()  # read-only workbooks keep the file open until closed


def _xlsx_cell_text(value: object) -> str:
    if value is None:
        return ""
    # Excel stores every number as a float; grade 1 and code 1001 should not become "1.0".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
