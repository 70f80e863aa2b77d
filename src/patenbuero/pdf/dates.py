"""German dates, times and teaching units as printed on every document."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def format_date(value: dt.date, *, weekday: bool = False, long: bool = False) -> str:
    """German date: ``12.03.2026``, with ``long`` ``12. März 2026``, optionally with weekday."""
    text = f"{value.day}. {MONTHS[value.month - 1]} {value.year}" if long else f"{value:%d.%m.%Y}"
    return f"{WEEKDAYS[value.weekday()]}, {text}" if weekday else text


def format_time_range(start: dt.time | None, end: dt.time | None) -> str:
    """``17:00–19:00 Uhr``, ``ab 17:00 Uhr`` or an empty string."""
    if start and end:
        return f"{start:%H:%M}–{end:%H:%M} Uhr"
    if start:
        return f"ab {start:%H:%M} Uhr"
    if end:
        return f"bis {end:%H:%M} Uhr"
    return ""


def format_units(value: float) -> str:
    """Teaching units with a German decimal comma: 4 → "4", 2.5 → "2,5"."""
    return f"{value:g}".replace(".", ",")
