"""Raw rows of the first sheet of an XLSX workbook, with cell values as text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal

from patenbuero.io.errors import FileFormatError


def cell_to_text(value: object) -> str:
    """Turn a spreadsheet value into the text the office would type.

    Dates become ISO dates (``2026-08-03``), date-times ``2026-08-03 09:14``
    (seconds only when not zero), whole numbers lose their ``.0``, booleans
    become ``ja``/``nein``; ``None`` becomes ``""``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        pattern = "%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S"
        return value.strftime(pattern)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" if value.second == 0 else "%H:%M:%S")
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def read_xlsx_rows(data: bytes) -> list[tuple[int, list[str]]]:
    """Return ``(line number, cell texts)`` for every row of the first sheet.

    Formulas are read as their last computed value (``data_only``).
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise FileFormatError(
            "Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx). Vielleicht ist sie "
            "beschädigt oder mit einem Kennwort geschützt."
        ) from None
    try:
        if not workbook.worksheets:
            raise FileFormatError("Die Excel-Arbeitsmappe enthält kein Tabellenblatt.")
        sheet = workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            # Some programs write wrong size information; read all cells instead.
            sheet.reset_dimensions()
        rows: list[tuple[int, list[str]]] = []
        for cells in sheet.iter_rows():
            values = [c for c in cells if getattr(c, "row", None) is not None]
            if not values:
                continue
            line = values[0].row
            texts: list[str] = []
            for cell in values:
                column = cell.column - 1
                texts.extend([""] * (column - len(texts)))
                texts.append(cell_to_text(cell.value))
            rows.append((line, texts))
        return rows
    finally:
        workbook.close()
