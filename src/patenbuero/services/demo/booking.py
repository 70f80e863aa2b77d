"""Registrations that follow the office's rules, replayed in the order they happened.

Arrivals get a place while the event has room and go onto the waitlist after
that; a confirmed cancellation lets the first on the waitlist move up at once.
Every change leaves a history row, so the data looks as if the program had
recorded it day by day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from patenbuero.db.enums import RegistrationChange, RegistrationStatus
from patenbuero.db.models import Registration, RegistrationHistory
from patenbuero.services.demo.rows import RowSet

CONFIRMED = RegistrationStatus.CONFIRMED.value
WAITLISTED = RegistrationStatus.WAITLISTED.value
CANCELLED = RegistrationStatus.CANCELLED.value
_C = RegistrationChange
MOVED_UP_NOTE = "von der Warteliste nachgerückt"


class Arrival(NamedTuple):
    at: dt.datetime
    person_id: int
    cancelled_at: dt.datetime | None = None
    source: str = "E-Mail"


class Booked(NamedTuple):
    confirmed: int
    waitlisted: int
    cancelled: int


def book_event(
    rows: RowSet,
    event_id: int,
    capacity: int | None,
    arrivals: list[Arrival],
    *,
    held_at: dt.datetime | None = None,
    attends: Callable[[int], bool] | None = None,
) -> Booked:
    """Write the registrations of one event; ``held_at`` is set when it took place."""
    arrivals = sorted(arrivals)
    steps: list[tuple[dt.datetime, int, int]] = []
    for index, arrival in enumerate(arrivals):
        steps.append((arrival.at, 0, index))
        if arrival.cancelled_at is not None:
            steps.append((arrival.cancelled_at, 1, index))
    steps.sort()
    records: list[dict[str, Any]] = []
    history = rows.rows(RegistrationHistory)
    confirmed: set[int] = set()
    waitlist: list[int] = []

    def log(index: int, change: RegistrationChange, at: dt.datetime, **extra: Any) -> None:
        history.append(
            {
                "id": rows.next_id(RegistrationHistory),
                "registration_id": records[index]["id"],
                "change": change.value,
                "at": at,
                "note": extra.get("note", ""),
                "position": extra.get("position"),
            }
        )

    def set_status(index: int, status: str, at: dt.datetime) -> None:
        records[index]["status"] = status
        records[index]["status_changed_at"] = at

    for at, kind, index in steps:
        if kind == 0:
            arrival = arrivals[index]
            records.append(_record(rows, event_id, arrival))
            if capacity is None or len(confirmed) < capacity:
                confirmed.add(index)
                log(index, _C.REGISTERED, at)
            else:
                waitlist.append(index)
                set_status(index, WAITLISTED, at)
                log(index, _C.WAITLISTED, at, position=len(waitlist))
        elif index in confirmed:
            confirmed.discard(index)
            set_status(index, CANCELLED, at)
            log(index, _C.CANCELLED, at)
            if waitlist:
                lucky = waitlist.pop(0)
                confirmed.add(lucky)
                set_status(lucky, CONFIRMED, at)
                log(lucky, _C.MOVED_UP, at, note=MOVED_UP_NOTE)
        elif index in waitlist:
            waitlist.remove(index)
            set_status(index, CANCELLED, at)
            log(index, _C.CANCELLED, at)
    if held_at is not None:
        for index in sorted(confirmed):
            present = attends(arrivals[index].person_id) if attends else True
            records[index]["attended"] = present
            log(index, _C.ATTENDED if present else _C.ABSENT, held_at)
    rows.extend(Registration, records)
    return Booked(len(confirmed), len(waitlist), len(records) - len(confirmed) - len(waitlist))


def _record(rows: RowSet, event_id: int, arrival: Arrival) -> dict[str, Any]:
    return {
        "id": rows.next_id(Registration),
        "person_id": arrival.person_id,
        "event_id": event_id,
        "status": CONFIRMED,
        "registered_at": arrival.at,
        "status_changed_at": arrival.at,
        "attended": None,
        "remarks": "",
        "source": arrival.source,
    }
