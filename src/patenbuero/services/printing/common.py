"""What every print document reads from the database: the event, its participants."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from patenbuero.db.enums import RegistrationStatus
from patenbuero.db.models import Event, Person, Registration
from patenbuero.errors import NotFoundError
from patenbuero.pdf.inputs import Participant
from patenbuero.services.printing.print_fields import file_name as file_name
from patenbuero.services.printing.print_fields import office_from_texts as office_from_texts
from patenbuero.services.printing.print_fields import participant_of
from patenbuero.services.printing.print_fields import split_latin as split_latin


def event_or_fail(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
    return event


def confirmed_people(session: Session, event_id: int) -> list[Person]:
    registrations = session.scalars(
        select(Registration)
        .where(
            Registration.event_id == event_id,
            Registration.status == RegistrationStatus.CONFIRMED.value,
        )
        .options(joinedload(Registration.person).joinedload(Person.project))
        .order_by(Registration.id)
    ).all()
    return [r.person for r in registrations]


def participant(person: Person, *, with_contact: bool = False) -> Participant:
    return participant_of(
        person.first_name,
        person.last_name,
        person.latin_name,
        person.organisation,
        person.project.name if person.project else None,
        person.email,
        person.phone,
        with_contact=with_contact,
    )
