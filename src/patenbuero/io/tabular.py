"""Read a CSV or XLSX file into a :class:`Table` of cleaned strings.

Every row keeps its spreadsheet line number (the header is line 1, the first
data row line 2), so messages can point the office to the right line even
when empty rows were skipped or a quoted CSV cell spans several lines.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from patenbuero.io.errors import FileFormatError
from patenbuero.io.xlsx_cells import read_xlsx_rows

CSV_EXTENSIONS = frozenset({".csv", ".tsv", ".txt"})
XLSX_EXTENSIONS = frozenset({".xlsx", ".xlsm"})
_DELIMITERS = ";,\t"
_EMAIL_LIKE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_SPACE_LIKE = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u200b": "", "\ufeff": "", "\r": ""}
)


@dataclass(frozen=True)
class Row:
    """One data row: its line number in the file and its cells."""

    line: int
    cells: tuple[str, ...]

    def get(self, index: int) -> str:
        """Return the cell in column ``index``, or ``""`` if the row is shorter."""
        return self.cells[index] if 0 <= index < len(self.cells) else ""


@dataclass(frozen=True)
class Table:
    """A header and its data rows; all rows are as wide as the header."""

    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    header_line: int = 1
    raw: tuple[tuple[int, tuple[str, ...]], ...] = ()
    """Every non-empty line of the file (cleaned), so another header line can be chosen."""


def clean_cell(value: str) -> str:
    """Normalise a cell: NFC, non-breaking spaces to spaces, ends stripped."""
    if value.isascii():  # already NFC, no special spaces (most cells)
        return value.replace("\r", "").strip()
    return unicodedata.normalize("NFC", value).translate(_SPACE_LIKE).strip()


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Limits that keep an import in bounded memory and time (a member list or a web-form
# export is far below them; a 200 MB file or a million columns is a mistake).
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_COLUMNS = 200
MAX_ROWS = 50_000


def read_table(path: str | Path) -> Table:
    """Read a CSV (``.csv``, ``.tsv``, ``.txt``) or XLSX file into a :class:`Table`.

    Raises :class:`FileFormatError` with a German message when the file cannot
    be used.
    """
    path = Path(path)
    extension = path.suffix.lower()
    if extension in (".xls", ".ods", ".numbers"):
        raise FileFormatError(
            f"Das Dateiformat „{extension}“ wird nicht unterstützt. Bitte speichern Sie "
            "die Tabelle als Excel-Arbeitsmappe (.xlsx) oder als CSV-Datei."
        )
    if extension not in CSV_EXTENSIONS | XLSX_EXTENSIONS:
        raise FileFormatError(
            f"„{path.name}“ ist keine Tabelle, die gelesen werden kann. "
            "Erlaubt sind CSV-Dateien (.csv) und Excel-Arbeitsmappen (.xlsx)."
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileFormatError(
                f"Die Datei „{path.name}“ ist {size / 1024 / 1024:.0f} MB groß; eingelesen werden "
                f"höchstens {MAX_FILE_BYTES // 1024 // 1024} MB. Bitte teilen Sie sie auf."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(f"Die Datei „{path.name}“ wurde nicht gefunden.") from None
    except PermissionError:
        raise FileFormatError(
            f"Die Datei „{path.name}“ kann nicht geöffnet werden. "
            "Ist sie noch in einem anderen Programm (z. B. Excel) geöffnet?"
        ) from None
    except OSError as exc:
        raise FileFormatError(
            f"Die Datei „{path.name}“ kann nicht gelesen werden ({exc.strerror})."
        ) from None
    if not data.strip():
        raise FileFormatError(f"Die Datei „{path.name}“ ist leer.")
    if extension in XLSX_EXTENSIONS:
        return read_xlsx_bytes(data)
    return read_csv_bytes(data)


def read_csv_bytes(data: bytes) -> Table:
    """Parse CSV bytes (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252)."""
    text = decode_text(data)
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered: list[tuple[int, list[str]]] = []
    try:
        next_line = 1
        for cells in reader:
            _check_size(next_line, len(cells), len(numbered))
            numbered.append((next_line, cells))
            next_line = reader.line_num + 1
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise FileFormatError(
                f"Die CSV-Datei enthält in Zeile {reader.line_num} ein Feld mit mehr als "
                f"{csv.field_size_limit()} Zeichen; so lange Einträge werden nicht eingelesen."
            ) from None
        raise FileFormatError(
            f"Die CSV-Datei ist fehlerhaft aufgebaut (Zeile {reader.line_num}); bitte prüfen "
            "Sie Anführungszeichen und Trennzeichen."
        ) from None
    return build_table(numbered)


def read_xlsx_bytes(data: bytes) -> Table:
    """Parse the first sheet of an XLSX workbook given as bytes."""
    return build_table(read_xlsx_rows(data))


def decode_text(data: bytes) -> str:
    """Decode file bytes: BOM-marked UTF-16, strict UTF-8 (BOM optional), else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    raise FileFormatError(
        "Die Zeichenkodierung der Datei wurde nicht erkannt. Bitte speichern Sie sie "
        "in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“."
    )


def detect_delimiter(text: str) -> str:
    """Find the delimiter among ``;``, ``,`` and tab.

    ``csv.Sniffer`` decides first; its answer is kept only if that character
    occurs in the header line. Otherwise the candidate found most often in
    the header line wins (``;`` if none occurs).
    """
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: _count_outside_quotes(header, d) for d in _DELIMITERS}
    try:
        sniffed = csv.Sniffer().sniff(text[:65536], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed and counts.get(sniffed, 0) > 0:
        return sniffed
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ";"


def _count_outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def build_table(
    numbered: Iterable[tuple[int, Sequence[str]]], header_line: int | None = None
) -> Table:
    """Clean raw rows, drop empty ones and make a :class:`Table`.

    The header is the first non-empty row, or the row of ``header_line``: rows above
    it (a title) are no data, and where the header row has an empty cell under a
    filled cell of the row just above (a two-row header such as "Eingangsdatum"
    over an empty cell), that cell names the column. Columns without a header name
    but with data are called „Spalte C“ and so on; trailing empty columns vanish.
    """
    all_rows: list[tuple[int, list[str]]] = []
    for line, cells in numbered:
        _check_size(line, len(cells), len(all_rows))
        all_rows.append((line, [clean_cell(c) for c in cells]))
    all_rows = [(line, cells) for line, cells in all_rows if any(cells)]
    if not all_rows:
        raise FileFormatError("Die Datei enthält keine Kopfzeile und keine Daten.")
    start = 0
    if header_line is not None:
        lines = [line for line, _ in all_rows]
        if header_line not in lines:
            raise FileFormatError(f"Zeile {header_line} ist leer oder fehlt in der Datei.")
        start = lines.index(header_line)
    rows = all_rows[start:]
    header_line, header = rows[0]
    if start > 0:
        above = all_rows[start - 1][1]
        header = [
            cell or (above[i] if i < len(above) else "")
            for i, cell in enumerate(header + [""] * max(0, len(above) - len(header)))
        ]
    if any(_EMAIL_LIKE.fullmatch(name) for name in header):
        raise FileFormatError(
            f"In Zeile {header_line} fehlt die Kopfzeile mit den Spaltennamen: dort "
            "stehen schon Daten (eine E-Mail-Adresse). Bitte ergänzen Sie eine Kopfzeile."
        )
    width = max(_used_width(cells) for _, cells in rows)
    headers = [
        header[i] if i < len(header) and header[i] else f"Spalte {column_letter(i)}"
        for i in range(width)
    ]
    _check_duplicates(headers, header_line)
    data = tuple(Row(line, tuple((cells + [""] * width)[:width])) for line, cells in rows[1:])
    raw = tuple((line, tuple(cells)) for line, cells in all_rows)
    return Table(headers=tuple(headers), rows=data, header_line=header_line, raw=raw)


def _check_size(line: int, columns: int, rows_so_far: int) -> None:
    if columns > MAX_COLUMNS:
        raise FileFormatError(
            f"Zeile {line} hat {columns} Spalten; eingelesen werden höchstens {MAX_COLUMNS}."
        )
    if rows_so_far >= MAX_ROWS:
        raise FileFormatError(
            f"Die Datei hat mehr als {MAX_ROWS} Zeilen; bitte teilen Sie sie auf."
        )


def _used_width(cells: Sequence[str]) -> int:
    width = len(cells)
    while width and not cells[width - 1]:
        width -= 1
    return width


def _check_duplicates(headers: Sequence[str], header_line: int) -> None:
    seen: dict[str, int] = {}
    for index, name in enumerate(headers):
        key = name.casefold()
        if key in seen:
            first = column_letter(seen[key])
            raise FileFormatError(
                f"Die Spalte „{name}“ kommt in der Kopfzeile (Zeile {header_line}) zweimal "
                f"vor: in Spalte {first} und in Spalte {column_letter(index)}. "
                "Bitte benennen Sie eine der beiden um."
            )
        seen[key] = index
