"""Dates, times and values in German form, through QLocale (never Python's locale)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)
# One date format for lists and one for input fields. Forms use plain digits: typing
# "16122026" into a field with a weekday in front ("Mi., 16.12.2026") was unreliable.
LIST_DATE_FORMAT = "dd.MM.yyyy"
FORM_DATE_FORMAT = "dd.MM.yyyy"


@lru_cache(maxsize=8192)  # a list shows the same few hundred dates over and over
def format_date(value: dt.date) -> str:
    return GERMAN.toString(QDate(value.year, value.month, value.day), LIST_DATE_FORMAT)


def format_weekday_date(value: dt.date) -> str:
    return GERMAN.toString(QDate(value.year, value.month, value.day), "ddd, dd.MM.yyyy")


def format_time(value: dt.time | dt.datetime) -> str:
    return GERMAN.toString(QTime(value.hour, value.minute), "HH:mm")


@lru_cache(maxsize=8192)
def format_datetime(value: dt.datetime) -> str:
    qt_value = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    return GERMAN.toString(qt_value, "dd.MM.yyyy HH:mm")


def format_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, int):
        return str(value)
    return str(value)
