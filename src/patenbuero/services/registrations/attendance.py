"""Anwesenheit: check-in at the door, walk-ins, undo, absent ones in bulk, and the counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from patenbuero.db.enums import RegistrationChange, RegistrationStatus
from patenbuero.db.models import Registration
from patenbuero.errors import NotFoundError, UserError
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.registrations import booking
from patenbuero.services.registrations.persons import PersonInput, find_or_create_person

CONFIRMED = RegistrationStatus.CONFIRMED.value


@logged_action("registration.attendance")
def set_attendance(
    db: Database, registration_id: int, attended: bool | None, now: dt.datetime | None = None
) -> None:
    """Mark present (True), absent (False), or undo (None)."""
    now = now or dt.datetime.now()
    with db.unit_of_work() as session:
        registration = session.get(Registration, registration_id)
        if registration is None:
            raise NotFoundError(f"Es gibt keine Anmeldung mit der ID {registration_id}.")
        if registration.status != CONFIRMED and attended:
            raise UserError(
                f"{registration.person.full_name} ist nicht bestätigt angemeldet "
                "(Warteliste oder storniert) und kann nicht als anwesend markiert werden."
            )
        if registration.attended == attended:
            return
        registration.attended = attended
        if attended is None:
            booking.record(
                session, registration, RegistrationChange.ATTENDED, now, "zurückgenommen"
            )
        else:
            change = RegistrationChange.ATTENDED if attended else RegistrationChange.ABSENT
            booking.record(session, registration, change, now)


def add_walk_in(
    db: Database, event_id: int, person: PersonInput, now: dt.datetime | None = None
) -> int:
    """Someone came without registering: registered, confirmed and present at once.

    The door beats the capacity: the person is there, so the list must show them.
    """
    now = now or dt.datetime.now()
    with db.unit_of_work() as session:
        event = booking.lock_event(session, event_id)
        subject, _created = find_or_create_person(session, person, now)
        registration, _new = booking.book(session, event, subject, now, "", "vor Ort")
        if registration.status != CONFIRMED:
            registration.status = CONFIRMED
            registration.status_changed_at = now
            booking.record(session, registration, RegistrationChange.REGISTERED, now, "vor Ort")
        registration.attended = True
        booking.record(session, registration, RegistrationChange.ATTENDED, now, "vor Ort")
        return registration.id


@logged_action("event.rest_absent")
def mark_remaining_absent(db: Database, event_id: int, now: dt.datetime | None = None) -> int:
    """After the event: every confirmed person not marked present is absent. Returns count."""
    now = now or dt.datetime.now()
    with db.unit_of_work() as session:
        booking.lock_event(session, event_id)
        open_ones = session.scalars(
            select(Registration).where(
                Registration.event_id == event_id,
                Registration.status == CONFIRMED,
                Registration.attended.is_(None),
            )
        ).all()
        for registration in open_ones:
            registration.attended = False
            booking.record(session, registration, RegistrationChange.ABSENT, now)
        return len(open_ones)


@dataclass(frozen=True)
class EventCounts:
    registered: int
    confirmed: int
    waitlisted: int
    cancelled: int
    attended: int
    no_shows: int
    open: int


def event_counts(db: Database, event_id: int) -> EventCounts:
    with db.reading() as session:
        rows = session.execute(
            select(Registration.status, Registration.attended).where(
                Registration.event_id == event_id
            )
        ).all()
    confirmed = [attended for status, attended in rows if status == CONFIRMED]
    return EventCounts(
        registered=len(rows),
        confirmed=len(confirmed),
        waitlisted=sum(status == RegistrationStatus.WAITLISTED.value for status, _ in rows),
        cancelled=sum(status == RegistrationStatus.CANCELLED.value for status, _ in rows),
        attended=sum(a is True for a in confirmed),
        no_shows=sum(a is False for a in confirmed),
        open=sum(a is None for a in confirmed),
    )
