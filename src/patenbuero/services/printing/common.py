"""What every print document shares: the office block, participants, file names."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from patenbuero.db.enums import RegistrationStatus
from patenbuero.db.models import Event, Person, Registration
from patenbuero.errors import NotFoundError
from patenbuero.pdf.inputs import Office, Participant
from patenbuero.services.core.network_texts import NetworkTexts


def office_from_texts(texts: NetworkTexts) -> Office:
    return Office(
        network_name=texts.network_name or "Patenschaftsnetzwerk Halle",
        office_name=texts.office_name or "Freiwilligen-Agentur Halle",
        address_lines=tuple(line.strip() for line in texts.office_address.splitlines() if line),
        phone=texts.office_phone or None,
        email=texts.office_email or None,
        website=texts.website or None,
        funder_line=texts.funder_line or None,
    )


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
    ).all()
    return [r.person for r in registrations]


def participant(person: Person, *, with_contact: bool = False) -> Participant:
    latin_first, latin_last = split_latin(person.latin_name)
    organisation = person.organisation or (person.project.name if person.project else "")
    return Participant(
        first_name=person.first_name,
        last_name=person.last_name,
        organisation=organisation or None,
        latin_first_name=latin_first,
        latin_last_name=latin_last,
        email=(person.email or None) if with_contact else None,
        phone=(person.phone or None) if with_contact else None,
    )


def split_latin(latin_name: str) -> tuple[str | None, str | None]:
    words = latin_name.split()
    if not words:
        return None, None
    if len(words) == 1:
        return None, words[0]
    return " ".join(words[:-1]), words[-1]


def file_name(document: str, subject: str = "", day: dt.date | None = None) -> str:
    """A default file name that says what and when: Teilnehmerliste_Fachtag_2026-09-17.pdf."""
    parts = [document]
    if subject:
        parts.append(_file_word(subject))
    parts.append((day or dt.date.today()).isoformat())
    return "_".join(p for p in parts if p) + ".pdf"


def _file_word(text: str) -> str:
    text = re.sub(r"[\\/:*?\"<>|]+", " ", text)
    text = re.sub(r"\s+", "-", text.strip())
    return text[:60].strip("-.")
