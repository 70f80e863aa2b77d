"""Checks and order of the rows of a registration import, before anything is booked.

A row is refused, by its line, when a required field is empty, a value holds a
control character or is longer than the forms allow, or the Eingangsdatum is no
real date (31.02.2026). When the file has an Eingangsdatum, the queue follows it
(earliest first), not the file order: web forms often export the newest
registration first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from patenbuero.io.mapping import REGISTRATION_FIELDS
from patenbuero.io.validate import parse_date_de
from patenbuero.services.core import field_checks
from patenbuero.services.core.importing import Record

# Longest value kept per field: the limits of the forms (services.core.field_checks).
MAX_LENGTHS = {
    "first_name": ("Vorname", field_checks.PERSON_NAME_LIMIT),
    "last_name": ("Nachname", field_checks.PERSON_NAME_LIMIT),
    "full_name": ("Name", 2 * field_checks.PERSON_NAME_LIMIT),
    "email": ("E-Mail", field_checks.EMAIL_LIMIT),
    "phone": ("Telefon", field_checks.PHONE_LIMIT),
    "organisation": ("Organisation", field_checks.NAME_LIMIT),
    "role": ("Rolle", field_checks.ROLE_LIMIT),
    "remarks": ("Bemerkungen", field_checks.LONG_TEXT_LIMIT),
}

# A row whose values are all at most this long is within every limit (most rows).
_SHORTEST_LIMIT = min(limit for _label, limit in MAX_LENGTHS.values())


@dataclass(frozen=True)
class CheckedRow:
    record: Record
    registered_at: dt.datetime | None
    errors: tuple[str, ...]


def check_row(record: Record) -> CheckedRow:
    """The row's Eingangsdatum (if any) and every reason to refuse it."""
    # The same check of control characters as every form and the project import.
    errors: list[str] = record.control_character_errors(REGISTRATION_FIELDS)
    if record.has("last_name") and not record.get("last_name") and not record.get("full_name"):
        errors.append("Das Pflichtfeld „Nachname“ ist leer.")
    if record.has("full_name") and not record.has("last_name") and not record.get("full_name"):
        errors.append("Das Pflichtfeld „Name“ ist leer.")
    if any(len(value) > _SHORTEST_LIMIT for value in record.values.values()):
        for key, (label, limit) in MAX_LENGTHS.items():
            value = record.get(key)
            if len(value) > limit:
                errors.append(
                    f"„{label}“ ist zu lang ({len(value)} Zeichen, höchstens {limit} möglich)."
                )
    registered_at: dt.datetime | None = None
    text = record.get("registered_at")
    if text:
        try:
            parsed = parse_date_de(text)
        except ValueError:
            errors.append(
                f"„{text}“ in der Spalte Eingangsdatum ist kein gültiges Datum "
                "(z. B. 03.08.2026 09:14)."
            )
        else:
            if isinstance(parsed, dt.datetime):
                registered_at = parsed
            elif parsed is not None:
                registered_at = dt.datetime.combine(parsed, dt.time())
    return CheckedRow(record, registered_at, tuple(errors))


def queue_order(rows: Sequence[CheckedRow]) -> list[CheckedRow]:
    """Rows with an Eingangsdatum first, earliest first; the others after, in file order."""
    dated = sorted(
        (row for row in rows if row.registered_at is not None),
        key=lambda row: (row.registered_at, row.record.line),
    )
    return dated + [row for row in rows if row.registered_at is None]


def moments(rows: Sequence[CheckedRow], now: dt.datetime) -> list[dt.datetime]:
    """The registration time of each row: its Eingangsdatum, else the import time (kept
    distinct by microseconds, so the queue order stays as listed)."""
    return [
        row.registered_at or now + dt.timedelta(microseconds=number)
        for number, row in enumerate(rows, start=1)
    ]
