"""The public holidays of Sachsen-Anhalt, with their German names.

Computed here rather than with the ``holidays`` package: that package imports the
calendars of every country (380 modules, 16 MB of memory in the window) to name eleven
days a year. The rules are those of the Feiertagsgesetz Sachsen-Anhalt since 1991;
a test compares them with the ``holidays`` package for every year from 1985 to 2100.
"""

from __future__ import annotations

import datetime as dt

from dateutil.easter import easter

# Easter Sunday plus days.
_MOVABLE = (
    (-2, "Karfreitag"),
    (1, "Ostermontag"),
    (39, "Christi Himmelfahrt"),
    (50, "Pfingstmontag"),
)
# (month, day).
_FIXED = (
    (1, 1, "Neujahr"),
    (1, 6, "Heilige Drei Könige"),
    (5, 1, "Erster Mai"),
    (10, 3, "Tag der Deutschen Einheit"),
    (10, 31, "Reformationstag"),
    (12, 25, "Erster Weihnachtstag"),
    (12, 26, "Zweiter Weihnachtstag"),
)
FIRST_YEAR = 1991  # the law of the new Land; none before
LAST_REPENTANCE_DAY = 1994  # Buß- und Bettag, given up for the care insurance in 1995


def sachsen_anhalt(year: int) -> dict[dt.date, str]:
    """The holidays of ``year``, sorted by date (empty before 1991)."""
    if year < FIRST_YEAR:
        return {}
    days = [(dt.date(year, month, day), name) for month, day, name in _FIXED]
    sunday = easter(year)
    days += [(sunday + dt.timedelta(days=offset), name) for offset, name in _MOVABLE]
    if year <= LAST_REPENTANCE_DAY:
        before = dt.date(year, 11, 22)  # the Wednesday before 23 November
        days.append((before - dt.timedelta(days=(before.weekday() - 2) % 7), "Buß- und Bettag"))
    found: dict[dt.date, list[str]] = {}
    for day, name in days:
        found.setdefault(day, []).append(name)
    # Two on one day (Christi Himmelfahrt on 1 May 2008): both names.
    return {day: "; ".join(sorted(found[day])) for day in sorted(found)}
