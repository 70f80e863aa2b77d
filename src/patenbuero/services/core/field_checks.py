"""Checks of single form fields that raise ValidationError naming the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from patenbuero.errors import ValidationError
from patenbuero.io.validate import check_email, check_phone, check_url


def tidy(text: str) -> str:
    """One line: inner runs of spaces collapsed, ends stripped."""
    return " ".join(text.split())


def _checked(value: str, check: Callable[[str], str], field: str) -> str:
    value = value.strip()
    if not value:
        return ""
    try:
        return check(value)
    except ValueError as error:
        raise ValidationError(str(error), field=field) from error


def email(value: str, field: str = "email") -> str:
    return _checked(value, check_email, field)


def phone(value: str, field: str = "phone") -> str:
    return _checked(value, check_phone, field)


def website(value: str, field: str = "website") -> str:
    """A web address as typed by the office: ``www.example.org`` stays as it is."""
    checked = _checked(value, check_url, field)
    typed = value.strip()
    return typed if checked and not typed.lower().startswith(("http://", "https://")) else checked


def required(value: str, field: str, message: str) -> str:
    value = tidy(value)
    if not value:
        raise ValidationError(message, field=field)
    return value


def not_in_future(value: dt.date | None, field: str, what: str, today: dt.date) -> None:
    if value is not None and value > today:
        raise ValidationError(f"{what} liegt in der Zukunft.", field=field)
