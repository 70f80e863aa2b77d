"""Wiederkehrende Termine: a rule (python-dateutil's rrule) makes a set of single events.

Each occurrence is an ordinary Event sharing a ``recurrence_id``: one of them can be
moved or cancelled alone, and "alle folgenden ändern" changes it and the later ones.
The rule runs on Europe/Berlin wall-clock time, so a 16:00 meeting stays at 16:00
on both sides of a daylight-saving change.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday
from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.models import Event
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core.database import Database
from patenbuero.services.plan import agenda, conflicts
from patenbuero.services.plan.agenda import AgendaInput
from patenbuero.services.plan.events import (
    EventInput,
    SaveResult,
    apply,
    check,
    new_event,
    normalise,
)
from patenbuero.services.plan.events import to_input as event_input
from patenbuero.services.registrations import lock_event

BERLIN = ZoneInfo("Europe/Berlin")
MAX_OCCURRENCES = 100
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
ORDINALS = {1: "ersten", 2: "zweiten", 3: "dritten", 4: "vierten", -1: "letzten"}
MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip


@dataclass(frozen=True)
class RecurrenceRule:
    """E.g. every second Wednesday in March, June, September and December, 16:00–18:00.

    frequency "monthly": ``week_of_month`` 1–4 or -1 (the last); "weekly": every
    ``interval`` weeks on ``weekday`` (0 = Monday). ``months`` empty means all months.
    """

    first_day: dt.date
    last_day: dt.date
    start_time: dt.time
    end_time: dt.time
    weekday: int
    frequency: str = "monthly"
    week_of_month: int = 1
    interval: int = 1
    months: tuple[int, ...] = ()

    def describe(self) -> str:
        day = WEEKDAYS[self.weekday]
        if self.frequency == "weekly":
            text = f"jeden {day}" if self.interval == 1 else f"jeden {self.interval}. {day}"
        else:
            text = f"jeden {ORDINALS.get(self.week_of_month, '')} {day}"
            if self.interval > 1:
                text += f" alle {self.interval} Monate"
        if self.months:
            names = [MONTHS[m - 1] for m in sorted(self.months)]
            listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " und " + names[-1]
            text += f" im {listed}"
        elif self.frequency == "monthly" and self.interval == 1:
            text += " im Monat"
        return f"{text}, {self.start_time:%H:%M}–{self.end_time:%H:%M} Uhr"


@dataclass(frozen=True)
class Occurrence:
    starts_at: dt.datetime
    ends_at: dt.datetime
    conflicts: tuple[conflicts.Conflict, ...] = ()


def dates(rule: RecurrenceRule) -> list[tuple[dt.datetime, dt.datetime]]:
    """The (start, end) wall-clock times the rule yields; refuses none and too many."""
    _check_rule(rule)
    start = dt.datetime.combine(rule.first_day, rule.start_time, tzinfo=BERLIN)
    until = dt.datetime.combine(rule.last_day, dt.time(23, 59, 59), tzinfo=BERLIN)
    day = weekday(rule.weekday)
    if rule.frequency == "weekly":
        generator = rrule(
            WEEKLY,
            interval=rule.interval,
            byweekday=day,
            bymonth=rule.months or None,
            dtstart=start,
            until=until,
        )
    else:
        generator = rrule(
            MONTHLY,
            interval=rule.interval,
            byweekday=day(rule.week_of_month),
            bymonth=rule.months or None,
            dtstart=start,
            until=until,
        )
    found = list(itertools.islice(generator, MAX_OCCURRENCES + 1))
    if not found:
        raise ValidationError(
            "Diese Regel ergibt im gewählten Zeitraum keinen einzigen Termin. "
            "Bitte prüfen Sie Wochentag, Monate und Zeitraum.",
            field="rule",
        )
    if len(found) > MAX_OCCURRENCES:
        raise ValidationError(
            f"Diese Regel ergibt mehr als {MAX_OCCURRENCES} Termine. "
            "Bitte wählen Sie einen kürzeren Zeitraum oder weniger Monate.",
            field="rule",
        )
    length = dt.datetime.combine(rule.first_day, rule.end_time) - dt.datetime.combine(
        rule.first_day, rule.start_time
    )
    # Wall-clock times: drop the zone the rule ran in; the stored value is Berlin local time.
    return [(s.replace(tzinfo=None), s.replace(tzinfo=None) + length) for s in found]


def preview(db: Database, rule: RecurrenceRule) -> list[Occurrence]:
    """The dates the rule will create, each with what speaks against it."""
    result = []
    for start, end in dates(rule):
        found = conflicts.check_date(db, start, end)
        result.append(Occurrence(start, end, tuple(found)))
    return result


def create_recurring(
    db: Database, template: EventInput, rule: RecurrenceRule, *, now: dt.datetime | None = None
) -> list[int]:
    """Create one event per date of the rule, all or none; returns their ids."""
    occurrences = dates(rule)
    now = now or dt.datetime.now()
    recurrence_id = f"reihe-{uuid.uuid4().hex[:20]}"
    template = normalise(replace(template, series_id=None, module_number=None))
    ids: list[int] = []
    with db.unit_of_work() as session:
        for start, end in occurrences:
            data = replace(template, starts_at=start, ends_at=end, registration_deadline=None)
            check(session, data, event_id=None)
            event = new_event(data, now)
            event.recurrence_id = recurrence_id
            session.add(event)
            session.flush()
            ids.append(event.id)
    return ids


def following(db: Database, event_id: int) -> list[int]:
    """This occurrence and every later one of its set (just this one without a set)."""
    with db.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
        return _following_ids(session, event)


def _following_ids(session: Session, event: Event) -> list[int]:
    if not event.recurrence_id:
        return [event.id]
    return list(
        session.scalars(
            select(Event.id)
            .where(Event.recurrence_id == event.recurrence_id, Event.starts_at >= event.starts_at)
            .order_by(Event.starts_at, Event.id)
        )
    )


def update_following(
    db: Database,
    event_id: int,
    data: EventInput,
    *,
    agenda_items: Sequence[AgendaInput] | None = None,
    now: dt.datetime | None = None,
) -> list[SaveResult]:
    """Apply what the user changed on this occurrence to it and every later one.

    A date shift moves each later date by the same number of days; a new time of day
    or length applies to all; other fields change only where the user changed them,
    so an occurrence cancelled alone stays cancelled unless the status was changed.
    ``agenda_items`` (if given) is the Tagesordnung of this occurrence only.
    """
    now = now or dt.datetime.now()
    data = normalise(data)
    items = None if agenda_items is None else agenda.check_items(agenda_items)
    results = []
    with db.unit_of_work() as session:
        first = lock_event(session, event_id)
        ids = _following_ids(session, first)
        before = event_input(first)
        changed = {
            f.name for f in fields(EventInput) if getattr(before, f.name) != getattr(data, f.name)
        }
        shift = data.starts_at.date() - before.starts_at.date()
        length = data.ends_at - data.starts_at
        lead = (
            data.starts_at.date() - data.registration_deadline
            if data.registration_deadline
            else None
        )
        for other_id in ids:
            event = lock_event(session, other_id)
            own = event_input(event)
            values = {name: getattr(data, name) for name in changed}
            if {"starts_at", "ends_at", "all_day"} & changed:
                start = dt.datetime.combine(own.starts_at.date() + shift, data.starts_at.time())
                values.update(starts_at=start, ends_at=start + length)
            values.pop("series_id", None)
            values.pop("module_number", None)
            new = replace(own, **values)
            if "registration_deadline" in changed or "starts_at" in values:
                new = replace(
                    new, registration_deadline=None if lead is None else new.starts_at.date() - lead
                )
            check(session, new, event_id=other_id)
            moved = apply(session, event, new, now)
            results.append(SaveResult(other_id, tuple(moved)))
        if items is not None:
            agenda.replace_items(session, first, items)
    return results


def _check_rule(rule: RecurrenceRule) -> None:
    if rule.last_day < rule.first_day:
        raise ValidationError("Das Ende des Zeitraums liegt vor seinem Anfang.", field="last_day")
    if rule.end_time <= rule.start_time:
        raise ValidationError(
            "Das Ende der Termine liegt vor ihrem Beginn. Bitte prüfen Sie die Uhrzeiten.",
            field="end_time",
        )
    if not 0 <= rule.weekday <= 6:
        raise ValidationError("Bitte wählen Sie einen Wochentag.", field="weekday")
    if rule.frequency not in ("weekly", "monthly"):
        raise ValidationError("Bitte wählen Sie, wie oft sich der Termin wiederholt.", field="rule")
    if rule.frequency == "monthly" and rule.week_of_month not in ORDINALS:
        raise ValidationError("Bitte wählen Sie die Woche im Monat.", field="week_of_month")
    if not 1 <= rule.interval <= 52:
        raise ValidationError("Der Abstand muss zwischen 1 und 52 liegen.", field="interval")
    if any(not 1 <= m <= 12 for m in rule.months):
        raise ValidationError("Unbekannter Monat in der Regel.", field="months")
