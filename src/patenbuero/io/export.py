"""Writers that turn a header and rows into file contents (bytes).

CSV is written for German Excel: UTF-8 with BOM, ``;`` as delimiter, CRLF,
dates as 31.12.2026 and decimal commas.

Formula injection: a CSV cell that begins with ``=``, ``+``, ``-``, ``@``,
tab or carriage return (also after leading spaces) is prefixed with an
apostrophe, so Excel shows it as text instead of running it. Exempt are
cells that consist only of digits, spaces and ``+ - / ( ) . ,`` – negative
numbers ("-12,5") and phone numbers ("+49 176 1234567"). Such a cell holds no
letters, so it can name neither a function nor a cell and cannot do harm;
with an apostrophe it would be unusable (Excel shows the apostrophe of a CSV
cell). Numbers (int, float) are never prefixed.

XLSX cells are typed: text stays text, so formulas are never run; text that
looks like a formula is additionally marked with Excel's quote prefix.

vCard and mail helpers live in :mod:`patenbuero.io.vcard` and
:mod:`patenbuero.io.mail` and are re-exported here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from patenbuero.io.mail import bcc_list, mailto_links
from patenbuero.io.vcard import VCardContact, to_vcards

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell

# openpyxl is imported where a workbook is written (half a second at start-up otherwise).
# The same characters openpyxl's ILLEGAL_CHARACTERS_RE refuses in a cell.
_ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")

__all__ = [
    "VCardContact",
    "bcc_list",
    "guard_formula",
    "mailto_links",
    "to_csv_excel",
    "to_vcards",
    "to_xlsx",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HARMLESS = re.compile(r"[\d\s+\-/().,]+")
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def guard_formula(text: str) -> str:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    stripped = text.lstrip(" ")
    if stripped.startswith(_FORMULA_START) and not _HARMLESS.fullmatch(stripped):
        return "'" + text
    return text


def _looks_like_formula(text: str) -> bool:
    return guard_formula(text) != text


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return format(Decimal(str(value)).normalize(), "f").replace(".", ",")
    return guard_formula(str(value))


def to_csv_excel(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """CSV for Excel: UTF-8 with BOM, ``;``, CRLF, every cell guarded against formulas."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([guard_formula(str(h)) for h in headers])
    for row in rows:
        writer.writerow([_csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _sheet_title(title: str) -> str:
    cleaned = _SHEET_TITLE_FORBIDDEN.sub("-", title).strip("'").strip()
    return cleaned[:31] or "Tabelle1"


def _xlsx_value(value: object) -> object:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if value is None or isinstance(value, int | float | Decimal | dt.date | dt.time):
        return value
    return _ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _display_width(value: object) -> int:
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    text = "" if value is None else str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def to_xlsx(headers: Sequence[str], rows: Iterable[Sequence[object]], sheet_title: str) -> bytes:
    """XLSX workbook with one sheet: bold, frozen header row with autofilter, fitted widths.

    Dates are real date cells (shown as 31.12.2026), numbers real numbers with a number
    format (whole numbers "0", decimals "0.0"); text that looks like a formula is
    stored as text and never calculated.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_title(sheet_title)
    widths = [_display_width(h) for h in headers]
    bold = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        _set_cell(cell, _xlsx_value(header))
        cell.font = bold
    last_row = 1
    for row_number, row in enumerate(rows, start=2):
        last_row = row_number
        for column, raw in enumerate(row, start=1):
            value = _xlsx_value(raw)
            _set_cell(sheet.cell(row=row_number, column=column), value)
            if column > len(widths):
                widths.append(0)
            widths[column - 1] = max(widths[column - 1], _display_width(value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = (
            min(max(width, _MIN_WIDTH), _MAX_WIDTH) + 2
        )
    if widths:
        last = get_column_letter(len(widths))
        sheet.auto_filter.ref = f"A1:{last}{last_row}"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _set_cell(cell: Cell, value: object) -> None:
    cell.value = value
    if isinstance(value, dt.datetime):
        cell.number_format = "DD.MM.YYYY HH:MM"
    elif isinstance(value, dt.date):
        cell.number_format = "DD.MM.YYYY"
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int):
        cell.number_format = "0"
    elif isinstance(value, float | Decimal):
        cell.number_format = "0.0"
    elif isinstance(value, str) and _looks_like_formula(value):
        # openpyxl would store "=…" as a formula; force a text cell instead.
        cell.data_type = "s"
        cell.quotePrefix = True
