"""argparse speaking German: its own texts translated, errors as one line and exit status 2."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn

_TEXTS = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "show program's version number and exit": "Programmversion zeigen und beenden",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Auswahl: %(value)r (möglich: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "erwartet einen Wert",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s passt zu %(matches)s"
    ),
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
}


def _translate(text: str) -> str:
    return _TEXTS.get(text, text)


argparse._ = _translate  # type: ignore[attr-defined]


GERMAN_METAVARS = {
    "year": "JJJJ",
    "from_year": "JJJJ",
    "to_year": "JJJJ",
    "event": "ID",
    "series": "ID",
    "output": "DATEI",
    "labels": "BOGEN",
    "start_at": "N",
    "blank_rows": "N",
    "funder": "NAME",
    "target_group": "ZIELGRUPPE",
    "email": "ADRESSE",
}


class GermanArgumentParser(argparse.ArgumentParser):
    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        if action.option_strings and action.metavar is None and action.nargs != 0:
            german = GERMAN_METAVARS.get(action.dest)
            if german is not None and not action.choices:
                action.metavar = german
        return action

    def error(self, message: str) -> NoReturn:
        message = printable(re.sub(r"\s+", " ", message).strip())
        sys.stderr.write(f"{self.prog}: Fehler: {message}\n")
        sys.stderr.write(f"Hilfe: {self.prog} --help\n")
        raise SystemExit(2)


def year(value: str) -> int:
    """An argparse type for a four-digit year."""
    if not re.fullmatch(r"\d{4}", value):
        raise argparse.ArgumentTypeError(f"„{value}“ ist kein Jahr (vierstellig, z. B. 2026)")
    return int(value)


# The largest id a database column holds on SQLite and PostgreSQL alike (INTEGER).
MAX_ID = 2_147_483_647


def positive_id(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"„{printable(value)}“ ist keine gültige ID (eine Zahl ab 1)"
        )
    return int(value)


def int_between(low: int, high: int) -> Callable[[str], int]:
    """An argparse type for a whole number from ``low`` to ``high``."""

    def parse(value: str) -> int:
        text = value.strip()
        if not re.fullmatch(r"-?\d{1,12}", text) or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(
                f"„{printable(value)}“ ist ungültig: erlaubt ist eine ganze Zahl "
                f"von {low} bis {high}"
            )
        return int(text)

    return parse


# Control characters (C0, DEL, C1) and the bidi controls that can reorder a terminal line.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe for a terminal: control characters shown as \\xNN, never executed."""

    def shown(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(shown, text)
