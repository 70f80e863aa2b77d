"""The registration rules: capacity, first-come waitlist, move-up, cancellation.

Every change locks the event row first (SELECT … FOR UPDATE on PostgreSQL; on
SQLite the write transaction already began with BEGIN IMMEDIATE), so the number of
confirmed registrations never exceeds the capacity, even with two offices at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from patenbuero.db.enums import RegistrationChange, RegistrationStatus
from patenbuero.db.models import Event, Person, Registration, RegistrationHistory
from patenbuero.errors import NotFoundError, UserError, ValidationError
from patenbuero.services.core import locks

CONFIRMED = RegistrationStatus.CONFIRMED.value
WAITLISTED = RegistrationStatus.WAITLISTED.value
CANCELLED = RegistrationStatus.CANCELLED.value


class DeadlinePassedError(UserError):
    """The registration deadline is over; staff may register anyway when they confirm."""


@dataclass(frozen=True)
class MovedUp:
    """Someone who moved up from the waitlist and should be told."""

    registration_id: int
    first_name: str
    last_name: str
    email: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def event_or_fail(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
    return event


def lock_event(session: Session, event_id: int) -> Event:
    event = locks.locked_row(session, select(Event).where(Event.id == event_id))
    if event is None:
        raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
    return event


def queue_time(session: Session, event_id: int) -> dt.datetime:
    """The time a registration takes its place, called with the event locked.

    Never earlier than the newest registration of the event: the clocks of two PCs
    (or the hour after the change back from summer time) must not put a later
    registration ahead of an earlier one on the waitlist.
    """
    clock = dt.datetime.now()
    newest = session.scalar(
        select(func.max(Registration.registered_at)).where(Registration.event_id == event_id)
    )
    return clock if newest is None or newest < clock else newest


def confirmed_count(session: Session, event_id: int) -> int:
    query = select(func.count()).where(
        Registration.event_id == event_id, Registration.status == CONFIRMED
    )
    return session.scalar(query) or 0


def check_deadline(event: Event, today: dt.date, allow_late: bool) -> bool:
    """True if the deadline has passed; raises unless late registration is allowed."""
    deadline = event.registration_deadline
    if deadline is None or today <= deadline:
        return False
    if not allow_late:
        raise DeadlinePassedError(
            f"Die Anmeldefrist für „{event.title}“ ist am {deadline:%d.%m.%Y} abgelaufen."
        )
    return True


def book(
    session: Session,
    event: Event,
    person: Person,
    now: dt.datetime,
    remarks: str,
    source: str,
    *,
    confirmed: int | None = None,
) -> tuple[Registration, bool]:
    """Register ``person`` on the locked ``event``. Returns (registration, was_new).

    An active registration is returned unchanged; a cancelled one is reactivated and
    joins the end of the queue. ``confirmed``: the event's confirmed registrations when
    the caller keeps count (an import), else they are counted here.
    """
    registration = session.scalars(
        select(Registration).where(
            Registration.event_id == event.id, Registration.person_id == person.id
        )
    ).one_or_none()
    if registration is not None and registration.status != CANCELLED:
        return registration, False
    if confirmed is None and event.capacity is not None:
        confirmed = confirmed_count(session, event.id)
    has_place = event.capacity is None or (confirmed or 0) < event.capacity
    status = CONFIRMED if has_place else WAITLISTED
    if registration is None:
        registration = Registration(
            person_id=person.id,
            event_id=event.id,
            registered_at=now,
            status=status,
            status_changed_at=now,
            remarks=remarks,
            source=source,
        )
        session.add(registration)
    else:
        registration.status = status
        registration.registered_at = now
        registration.status_changed_at = now
        registration.attended = None
        if remarks:
            registration.remarks = remarks
    session.flush()
    change = RegistrationChange.REGISTERED if has_place else RegistrationChange.WAITLISTED
    record(session, registration, change, now)
    return registration, True


def cancel(session: Session, registration: Registration, now: dt.datetime) -> list[MovedUp]:
    """Cancel and, if a confirmed place became free, move up the first on the waitlist."""
    if registration.status == CANCELLED:
        return []
    event = lock_event(session, registration.event_id)
    was_confirmed = registration.status == CONFIRMED
    registration.status = CANCELLED
    registration.status_changed_at = now
    record(session, registration, RegistrationChange.CANCELLED, now)
    session.flush()
    return fill_free_places(session, event, now) if was_confirmed else []


def set_capacity(
    session: Session, event: Event, capacity: int | None, now: dt.datetime
) -> list[MovedUp]:
    """Change the capacity; never below the confirmed count. Moves up whom it can."""
    if capacity is not None:
        if capacity < 0:
            raise ValidationError("Die Kapazität kann nicht negativ sein.", field="capacity")
        confirmed = confirmed_count(session, event.id)
        if capacity < confirmed:
            raise ValidationError(
                f"Die Kapazität kann nicht unter {confirmed} sinken: so viele Anmeldungen "
                "sind schon bestätigt. Stornieren Sie zuerst Anmeldungen.",
                field="capacity",
            )
    event.capacity = capacity
    session.flush()
    return fill_free_places(session, event, now)


def fill_free_places(session: Session, event: Event, now: dt.datetime) -> list[MovedUp]:
    """Confirm waitlisted registrations in arrival order while places are free."""
    waiting = session.scalars(
        select(Registration)
        .where(Registration.event_id == event.id, Registration.status == WAITLISTED)
        .order_by(Registration.registered_at, Registration.id)
    ).all()
    if not waiting:
        return []
    free = (
        len(waiting)
        if event.capacity is None
        else (event.capacity - confirmed_count(session, event.id))
    )
    moved: list[MovedUp] = []
    for registration in waiting[: max(free, 0)]:
        registration.status = CONFIRMED
        registration.status_changed_at = now
        record(session, registration, RegistrationChange.MOVED_UP, now)
        person = registration.person
        moved.append(MovedUp(registration.id, person.first_name, person.last_name, person.email))
    session.flush()
    return moved


def waitlist_position(session: Session, registration: Registration) -> int | None:
    if registration.status != WAITLISTED:
        return None
    ahead = session.scalar(
        select(func.count()).where(
            Registration.event_id == registration.event_id,
            Registration.status == WAITLISTED,
            (Registration.registered_at < registration.registered_at)
            | (
                (Registration.registered_at == registration.registered_at)
                & (Registration.id < registration.id)
            ),
        )
    )
    return (ahead or 0) + 1


def record(
    session: Session,
    registration: Registration,
    change: RegistrationChange,
    now: dt.datetime,
    note: str = "",
) -> None:
    session.add(
        RegistrationHistory(registration_id=registration.id, change=change.value, at=now, note=note)
    )
