"""Checks of single form fields that raise ValidationError naming the field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from patenbuero.errors import ValidationError
from patenbuero.io.validate import check_email, check_phone, check_url

# Longest values, in one place for the services, the imports and the form fields
# (QLineEdit.maxLength); each fits its database column, so SQLite and PostgreSQL agree.
PERSON_NAME_LIMIT = 100  # first and last names of persons and contacts
NAME_LIMIT = 200  # names of projects, Träger, partners, events, places, organisations
ROLE_LIMIT = 100  # a contact's function
EMAIL_LIMIT = 254
PHONE_LIMIT = 50
WEBSITE_LIMIT = 300
URL_LIMIT = 500  # an online event's link
AGENDA_TITLE_LIMIT = 300  # a Tagesordnung item or a task
ADDRESS_LIMIT = 2_000
LONG_TEXT_LIMIT = 10_000  # notes, remarks, descriptions, messages


def tidy(text: str) -> str:
    """One line: inner runs of spaces collapsed, ends stripped."""
    return " ".join(text.split())


# Control characters (tab and line breaks aside) and the bidi overrides that can make
# a name read differently on screen, in a list or in a terminal.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def without_control_characters(values: Iterable[str]) -> bool:
    """True when none of the values holds a character that :func:`limited` refuses
    (one search over all of them: an import checks every cell of every row)."""
    return _CONTROL.search("\n".join(values)) is None


def limited(value: str, field: str, label: str, limit: int, *, multiline: bool = False) -> str:
    """Text without control characters and at most ``limit`` characters long.

    The same on SQLite (which would store anything) and PostgreSQL (which refuses NUL
    bytes and too long values with English errors).
    """
    bad = _CONTROL.search(value)
    if bad:
        raise ValidationError(
            f"{label} enthält ein unzulässiges Steuerzeichen (U+{ord(bad.group()):04X}).",
            field=field,
        )
    text = value.strip() if multiline else tidy(value)
    if len(text) > limit:
        raise ValidationError(
            f"{label} ist {len(text)} Zeichen lang; erlaubt sind höchstens {limit}.", field=field
        )
    return text


def _checked(value: str, check: Callable[[str], str], field: str, label: str, limit: int) -> str:
    value = limited(value, field, label, limit)
    if not value:
        return ""
    try:
        return check(value)
    except ValueError as error:
        raise ValidationError(str(error), field=field) from error


def email(value: str, field: str = "email") -> str:
    return _checked(value, check_email, field, "Die E-Mail-Adresse", EMAIL_LIMIT)


def phone(value: str, field: str = "phone") -> str:
    return _checked(value, check_phone, field, "Die Telefonnummer", PHONE_LIMIT)


def website(value: str, field: str = "website") -> str:
    """A web address as typed by the office: ``www.example.org`` stays as it is."""
    checked = _checked(value, check_url, field, "Die Website", WEBSITE_LIMIT)
    typed = value.strip()
    return typed if checked and not typed.lower().startswith(("http://", "https://")) else checked


def required(value: str, field: str, message: str) -> str:
    value = tidy(value)
    if not value:
        raise ValidationError(message, field=field)
    return value


def person_name(first: str, last: str) -> tuple[str, str]:
    """First and last name, tidied and checked; a lone first name becomes the last."""
    first = limited(first, "first_name", "Der Vorname", PERSON_NAME_LIMIT)
    last = limited(last, "last_name", "Der Nachname", PERSON_NAME_LIMIT)
    if not last and first:
        first, last = "", first
    if not last:
        raise ValidationError("Bitte geben Sie einen Namen an.", field="last_name")
    return first, last


def not_in_future(value: dt.date | None, field: str, what: str, today: dt.date) -> None:
    if value is not None and value > today:
        raise ValidationError(f"{what} liegt in der Zukunft.", field=field)
