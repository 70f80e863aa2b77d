"""Tables for the terminal (aligned text) and for Excel (CSV with BOM and semicolons)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from patenbuero.cli.german_argparse import printable
from patenbuero.io.export import to_csv_excel
from patenbuero.private_files import write_private

Cell = object


def text_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    cells = [[_text(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    numeric = [
        all(isinstance(r[i], int) for r in rows if r[i] is not None) for i in range(len(headers))
    ]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if is_number else v.ljust(w)
            for v, w, is_number in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [line(list(headers)), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    return "\n".join(out) + "\n"


def csv_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    return to_csv_excel(list(headers), [[_text(c) for c in row] for row in rows])


class _PrintableStream:
    """A terminal stream that shows control characters as \\xNN instead of sending them.

    Names from the database (a person, a project, a file name) can hold escape codes
    or bidi overrides; printed raw they would recolour or reorder the terminal.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, buffer, encoding, isatty …
        return getattr(self._stream, name)


@contextmanager
def printable_output() -> Iterator[None]:
    """Every print() of a command goes through :func:`printable` (stdout and stderr)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, _PrintableStream(out))
    sys.stderr = cast(TextIO, _PrintableStream(err))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def is_standard_output(target: Path) -> bool:
    """``-o -`` names standard output, as in most command-line programs."""
    return str(target) == "-"


def write_output(data: bytes | str, target: Path | None) -> None:
    """Write to the named file, or to standard output when there is none (or ``-o -``)."""
    if target is not None and is_standard_output(target):
        target = None
    if isinstance(data, str) and target is None:
        data = printable(data)  # text for the terminal: no raw control characters
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if target is None:
        stream: BinaryIO = sys.stdout.buffer
        stream.write(raw)
        stream.flush()
    else:
        # Under a temporary name first: a full disk never leaves a truncated file.
        temporary = target.with_name(f".{target.name}.unfertig")
        try:
            write_private(temporary, raw)
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)


def _text(value: Cell) -> str:
    """A cell as the office reads it: German dates and decimal commas, no control codes."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return printable(str(value))
