"""Writing one event with every field it needs, and the status that follows from its date."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from patenbuero.db.enums import EventKind, EventStatus
from patenbuero.db.models import Event
from patenbuero.services.demo.projects import Network
from patenbuero.services.demo.rows import RowSet

SOON = dt.timedelta(weeks=8)  # planned events closer than this are confirmed


class Planned(NamedTuple):
    """What the registrations and tasks need to know about an event."""

    id: int
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int | None
    status: str
    responsible: int | None
    fully_booked: bool = False


def event_status(start: dt.datetime, now: dt.datetime) -> EventStatus:
    if start < now:
        return EventStatus.DONE
    return EventStatus.CONFIRMED if start - now < SOON else EventStatus.PLANNED


class EventWriter:
    """Adds events to the row set and remembers them in ``events``."""

    def __init__(self, rows: RowSet, rng: random.Random, now: dt.datetime, network: Network):
        self.rows, self.rng, self.now, self.network = rows, rng, now, network
        self.events: list[Planned] = []

    def __call__(
        self,
        title: str,
        kind: EventKind,
        start: dt.datetime,
        end: dt.datetime,
        *,
        capacity: int | None = None,
        venue: tuple[str, str] = ("", ""),
        url: str = "",
        speaker: str = "",
        description: str = "",
        responsible: int | None = None,
        series: tuple[int, int] | None = None,
        status: EventStatus | None = None,
        deadline_days: int = 7,
        recurrence_id: str | None = None,
        fully_booked: bool = False,
    ) -> Planned:
        if status is None:
            status = event_status(start, self.now)
        contacts = self.network.contacts.get(responsible or 0)
        deadline = start - relativedelta(days=deadline_days)
        values: dict[str, Any] = {
            "title": title,
            "kind": kind.value,
            "status": status.value,
            "starts_at": start,
            "ends_at": end,
            "all_day": False,
            "location": venue[0],
            "address": venue[1],
            "online_url": url,
            "description": description,
            "speaker": speaker,
            "capacity": capacity,
            "registration_deadline": deadline.date() if capacity else None,
            "responsible_project_id": responsible,
            "responsible_contact_id": contacts[0][0] if contacts else None,
            "series_id": series[0] if series else None,
            "module_number": series[1] if series else None,
            "recurrence_id": recurrence_id,
            "ics_sequence": 0,
            "updated_at": min(self.now, start - dt.timedelta(days=self.rng.randrange(20, 90))),
        }
        event_id = self.rows.add(Event, **values)
        planned = Planned(
            event_id, kind.value, start, end, capacity, status.value, responsible, fully_booked
        )
        self.events.append(planned)
        return planned
