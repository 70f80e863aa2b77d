"""Use cases of event registrations (Anmeldungen)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from patenbuero.db import safety_switches
from patenbuero.db.enums import RegistrationStatus
from patenbuero.db.models import Event, MemberProject, Person, Registration, RegistrationHistory
from patenbuero.errors import NotFoundError
from patenbuero.services.core import labels
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.registrations import booking
from patenbuero.services.registrations.persons import PersonInput, email_key, find_or_create_person

STATUS_ORDER = {
    RegistrationStatus.CONFIRMED.value: 0,
    RegistrationStatus.WAITLISTED.value: 1,
    RegistrationStatus.CANCELLED.value: 2,
}


@dataclass(frozen=True)
class RegistrationRow:
    id: int
    person_id: int
    last_name: str
    first_name: str
    email: str
    organisation: str
    status: str
    status_label: str
    waitlist_position: int | None
    registered_at: dt.datetime
    attended: bool | None
    remarks: str
    latin_name: str = ""


def list_registrations(db: Database, event_id: int) -> list[RegistrationRow]:
    """Confirmed, then the waitlist in arrival order, then cancelled registrations."""
    with db.reading() as session:
        if session.get(Event, event_id) is None:
            raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
        # Plain columns, no ORM objects: five times faster for an event with 1,000 people.
        found = session.execute(
            select(
                Registration.id,
                Registration.status,
                Registration.registered_at,
                Registration.attended,
                Registration.remarks,
                Person.id,
                Person.last_name,
                Person.first_name,
                Person.email,
                Person.organisation,
                Person.latin_name,
                MemberProject.name,
            )
            .join(Person, Registration.person_id == Person.id)
            .outerjoin(MemberProject, Person.project_id == MemberProject.id)
            .where(Registration.event_id == event_id)
            .order_by(Registration.registered_at, Registration.id)
        ).all()
    rows = []
    position = 0
    waitlisted = RegistrationStatus.WAITLISTED.value
    for (
        registration_id,
        status,
        registered_at,
        attended,
        remarks,
        person_id,
        last_name,
        first_name,
        email,
        organisation,
        latin_name,
        project_name,
    ) in found:
        waitlist_position = None
        if status == waitlisted:
            position += 1
            waitlist_position = position
        rows.append(
            RegistrationRow(
                id=registration_id,
                person_id=person_id,
                last_name=last_name,
                first_name=first_name,
                email=email,
                organisation=organisation or project_name or "",
                status=status,
                status_label=labels.label(labels.REGISTRATION_STATUS, status),
                waitlist_position=waitlist_position,
                registered_at=registered_at,
                attended=attended,
                remarks=remarks,
                latin_name=latin_name,
            )
        )
    rows.sort(key=lambda row: STATUS_ORDER.get(row.status, 3))
    return rows


def registration_rows(registrations: Sequence[Registration]) -> list[RegistrationRow]:
    """Rows in display order; ``registrations`` must be in arrival order."""
    rows = []
    position = 0
    for registration in registrations:
        person = registration.person
        waitlist_position = None
        if registration.status == RegistrationStatus.WAITLISTED.value:
            position += 1
            waitlist_position = position
        organisation = person.organisation or (person.project.name if person.project else "")
        rows.append(
            RegistrationRow(
                id=registration.id,
                person_id=person.id,
                last_name=person.last_name,
                first_name=person.first_name,
                email=person.email,
                organisation=organisation,
                status=registration.status,
                status_label=labels.label(labels.REGISTRATION_STATUS, registration.status),
                waitlist_position=waitlist_position,
                registered_at=registration.registered_at,
                attended=registration.attended,
                remarks=registration.remarks,
                latin_name=person.latin_name,
            )
        )
    rows.sort(key=lambda row: STATUS_ORDER.get(row.status, 3))
    return rows


@dataclass(frozen=True)
class RegistrationOutcome:
    registration_id: int
    person_id: int
    person_name: str
    status: str
    waitlist_position: int | None
    new_person: bool
    already_registered: bool
    deadline_passed: bool

    @property
    def message(self) -> str:
        if self.already_registered:
            return f"{self.person_name} ist für diese Veranstaltung schon angemeldet."
        if self.status == RegistrationStatus.WAITLISTED.value:
            return (
                f"Die Veranstaltung ist ausgebucht: {self.person_name} steht auf der "
                f"Warteliste (Platz {self.waitlist_position})."
            )
        return f"{self.person_name} ist angemeldet (bestätigt)."


@logged_action("registration.create")
def register_person(
    db: Database,
    event_id: int,
    person: PersonInput | int,
    *,
    remarks: str = "",
    source: str = "Büro",
    allow_late: bool = False,
    now: dt.datetime | None = None,
) -> RegistrationOutcome:
    """Register an existing person (id) or a new/known one (input) for an event.

    Without ``now`` the registration is timed when it gets the event's lock, so the
    waitlist follows the order in which registrations were saved, also when two
    workplaces book at once.
    """
    called_at = dt.datetime.now()
    if not remarks and isinstance(person, PersonInput):
        remarks = person.remarks.strip()
    with db.unit_of_work() as session:
        event = booking.lock_event(session, event_id)
        if now is None:
            at_call = safety_switches.disabled(safety_switches.COMMIT_ORDER)
            now = called_at if at_call else booking.queue_time(session, event_id)
        late = booking.check_deadline(event, now.date(), allow_late)
        if isinstance(person, int):
            found = session.get(Person, person)
            if found is None:
                raise NotFoundError(f"Es gibt keine Person mit der ID {person}.")
            subject, created = found, False
        else:
            subject, created = find_or_create_person(session, person, now)
        registration, is_new = booking.book(session, event, subject, now, remarks, source)
        return RegistrationOutcome(
            registration_id=registration.id,
            person_id=subject.id,
            person_name=subject.full_name,
            status=registration.status,
            waitlist_position=booking.waitlist_position(session, registration),
            new_person=created,
            already_registered=not is_new,
            deadline_passed=late,
        )


@logged_action("registration.cancel")
def cancel_registration(
    db: Database, registration_id: int, now: dt.datetime | None = None
) -> list[booking.MovedUp]:
    """Cancel; returns who moved up from the waitlist (to tell them)."""
    with db.unit_of_work() as session:
        registration = session.get(Registration, registration_id)
        if registration is None:
            raise NotFoundError(f"Es gibt keine Anmeldung mit der ID {registration_id}.")
        return booking.cancel(session, registration, now or dt.datetime.now())


def cancel_by_email(
    db: Database, event_id: int, email: str, now: dt.datetime | None = None
) -> tuple[str, list[booking.MovedUp]]:
    """Cancel the registration of the person with this address (any case)."""
    with db.unit_of_work() as session:
        booking.lock_event(session, event_id)
        registration = session.scalars(
            select(Registration)
            .join(Person)
            .where(Registration.event_id == event_id, Person.email_key == email_key(email))
        ).one_or_none()
        if registration is None or registration.status == RegistrationStatus.CANCELLED.value:
            raise NotFoundError(
                f"Für die Veranstaltung {event_id} gibt es keine aktive Anmeldung von {email}."
            )
        moved = booking.cancel(session, registration, now or dt.datetime.now())
        return registration.person.full_name, moved


@logged_action("event.capacity")
def change_capacity(
    db: Database, event_id: int, capacity: int | None, now: dt.datetime | None = None
) -> list[booking.MovedUp]:
    with db.unit_of_work() as session:
        event = booking.lock_event(session, event_id)
        return booking.set_capacity(session, event, capacity, now or dt.datetime.now())


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    change: str
    note: str


def registration_history(db: Database, registration_id: int) -> list[HistoryRow]:
    with db.reading() as session:
        entries = session.scalars(
            select(RegistrationHistory)
            .where(RegistrationHistory.registration_id == registration_id)
            .order_by(RegistrationHistory.at, RegistrationHistory.id)
        ).all()
        return [
            HistoryRow(e.at, labels.label(labels.REGISTRATION_CHANGE, e.change), e.note)
            for e in entries
        ]


def move_up_message(event_title: str, starts_at: dt.datetime, person: booking.MovedUp) -> str:
    """The e-mail text that tells someone they moved up from the waitlist."""
    greeting = f"Guten Tag {person.full_name},"
    return (
        f"{greeting}\n\n"
        f"gute Nachricht: Für „{event_title}“ am {starts_at:%d.%m.%Y} um "
        f"{starts_at:%H:%M} Uhr ist ein Platz frei geworden. Sie sind von der Warteliste "
        "nachgerückt und damit verbindlich angemeldet.\n\n"
        "Falls Sie doch nicht teilnehmen können, sagen Sie bitte kurz ab, damit wir den "
        "Platz weitergeben können.\n\n"
        "Herzliche Grüße\nIhre Koordinierungsstelle des Patenschaftsnetzwerks Halle"
    )


@dataclass(frozen=True)
class EventHeader:
    id: int
    title: str
    starts_at: dt.datetime
    capacity: int | None
    registration_deadline: dt.date | None


def event_header(db: Database, event_id: int) -> EventHeader:
    with db.reading() as session:
        event = booking.event_or_fail(session, event_id)
        return EventHeader(
            event.id, event.title, event.starts_at, event.capacity, event.registration_deadline
        )
