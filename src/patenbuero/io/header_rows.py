"""Find the header line of a table whose first lines are a title or a two-row header.

Web forms and office spreadsheets often start with a title ("Anmeldungen Fachtag
2026") or a grouped header (a merged "Name" over "Vorname" and "Nachname"). The
header line is the one among the first lines whose names match the most import
fields; the office can choose another one in the preview.
"""

from __future__ import annotations

from collections.abc import Sequence

from patenbuero.io.errors import FileFormatError
from patenbuero.io.mapping import FieldSpec, guess_mapping, missing_required
from patenbuero.io.tabular import Table, build_table

CANDIDATE_LINES = 10


def with_header(table: Table, header_line: int) -> Table:
    """The same file read with ``header_line`` as its header."""
    if not table.raw:
        return table
    return build_table(table.raw, header_line)


def candidate_lines(table: Table) -> list[int]:
    """The lines that may be chosen as header (the first non-empty lines)."""
    return [line for line, _ in table.raw[:CANDIDATE_LINES]]


def _score(table: Table, fields: Sequence[FieldSpec]) -> tuple[int, int]:
    mapping = guess_mapping(table.headers, fields)
    return (-len(missing_required(mapping, fields)), len(mapping))


def detect_header(table: Table, fields: Sequence[FieldSpec]) -> Table:
    """The table read with the header line that fits ``fields`` best (first on a tie).

    Each candidate is scored on the first lines only; the whole file is read again
    only for the winner (a 10,000-row file was otherwise rebuilt ten times).
    """
    best_line, best_score = None, _score(table, fields)
    head = table.raw[: CANDIDATE_LINES + 1]
    for line in candidate_lines(table)[1:]:
        try:
            candidate = build_table(head, line)
        except FileFormatError:
            continue
        score = _score(candidate, fields)
        if score > best_score:
            best_line, best_score = line, score
    return table if best_line is None else with_header(table, best_line)
