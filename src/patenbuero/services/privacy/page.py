"""One person's page: the fields and everything linked to them.

Inquiries and contacts carry no link to a participant; they belong to the same
person when the e-mail address is the same (any case), as everywhere in the app.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from patenbuero.db.enums import SubjectKind
from patenbuero.db.models import Contact, Inquiry, Person, Registration
from patenbuero.errors import NotFoundError
from patenbuero.services.core import labels
from patenbuero.services.core.database import Database
from patenbuero.services.privacy.consents import ConsentRow, consent_history, current_consents
from patenbuero.services.privacy.directory import (
    PersonEntry,
    contact_entry,
    inquiry_entry,
    person_entry,
)
from patenbuero.services.privacy.refs import SubjectRef


@dataclass(frozen=True)
class RegistrationLine:
    event_id: int
    event_title: str
    starts_at: dt.datetime
    status_label: str
    attended: bool | None
    series_title: str
    module_number: int | None
    source: str


@dataclass(frozen=True)
class InquiryLine:
    ref: SubjectRef
    received_on: dt.date
    kind_label: str
    status_label: str
    forwarded_to: tuple[tuple[str, dt.date], ...]


@dataclass(frozen=True)
class ContactLine:
    ref: SubjectRef
    belongs_to: str
    role: str
    on_mailing_list: bool


@dataclass(frozen=True)
class PersonPage:
    entry: PersonEntry
    remarks: str
    restricted_until: dt.date | None
    registrations: tuple[RegistrationLine, ...]
    inquiries: tuple[InquiryLine, ...]
    contacts: tuple[ContactLine, ...]
    consents: dict[str, ConsentRow]
    history: tuple[ConsentRow, ...]
    version: int = 1  # of the person, inquiry or contact record, for optimistic locking


def person_page(db: Database, ref: SubjectRef) -> PersonPage:
    with db.reading() as session:
        return load_page(session, ref)


def load_page(session: Session, ref: SubjectRef) -> PersonPage:
    entry, remarks, restricted_until, registrations, version = _subject(session, ref)
    email = entry.email.strip().casefold()
    inquiries: list[InquiryLine] = []
    contacts: list[ContactLine] = []
    if ref.kind == SubjectKind.INQUIRY.value or email:
        query = select(Inquiry).options(selectinload(Inquiry.forwardings))
        if ref.kind == SubjectKind.INQUIRY.value and not email:
            query = query.where(Inquiry.id == ref.id)
        else:
            query = query.where(func.lower(Inquiry.email) == email)
        for inquiry in session.scalars(query.order_by(Inquiry.received_on)):
            inquiries.append(
                InquiryLine(
                    inquiry_entry(inquiry).ref,
                    inquiry.received_on,
                    labels.label(labels.INQUIRY_KIND, inquiry.kind),
                    labels.label(labels.INQUIRY_STATUS, inquiry.status),
                    tuple((f.project.name, f.forwarded_on) for f in inquiry.forwardings),
                )
            )
    if ref.kind == SubjectKind.CONTACT.value or email:
        query_c = select(Contact)
        if ref.kind == SubjectKind.CONTACT.value and not email:
            query_c = query_c.where(Contact.id == ref.id)
        else:
            query_c = query_c.where(func.lower(Contact.email) == email)
        for contact in session.scalars(query_c):
            line = contact_entry(contact)
            contacts.append(
                ContactLine(line.ref, line.organisation, contact.role, contact.on_mailing_list)
            )
    return PersonPage(
        entry=entry,
        remarks=remarks,
        restricted_until=restricted_until,
        registrations=tuple(registrations),
        inquiries=tuple(inquiries),
        contacts=tuple(contacts),
        consents=current_consents(session, [ref])[ref],
        history=tuple(consent_history(session, ref)),
        version=version,
    )


def _subject(
    session: Session, ref: SubjectRef
) -> tuple[PersonEntry, str, dt.date | None, list[RegistrationLine], int]:
    if ref.kind == SubjectKind.PERSON.value:
        person = session.get(Person, ref.id)
        if person is None or person.erased_at is not None:
            raise NotFoundError(f"Es gibt keine Person {ref}.")
        return (
            person_entry(person),
            person.remarks,
            person.restricted_until,
            registration_lines(session, person.id),
            person.version,
        )
    if ref.kind == SubjectKind.INQUIRY.value:
        inquiry = session.get(Inquiry, ref.id)
        if inquiry is None:
            raise NotFoundError(f"Es gibt keine Anfrage {ref}.")
        return inquiry_entry(inquiry), inquiry.notes, None, [], inquiry.version
    contact = session.get(Contact, ref.id)
    if contact is None:
        raise NotFoundError(f"Es gibt keine Ansprechperson {ref}.")
    return contact_entry(contact), contact.notes, None, [], contact.version


def registration_lines(session: Session, person_id: int) -> list[RegistrationLine]:
    registrations = session.scalars(
        select(Registration)
        .where(Registration.person_id == person_id)
        .options(selectinload(Registration.event))
    ).all()
    lines = [
        RegistrationLine(
            r.event_id,
            r.event.title,
            r.event.starts_at,
            labels.label(labels.REGISTRATION_STATUS, r.status),
            r.attended,
            r.event.series.title if r.event.series else "",
            r.event.module_number,
            r.source,
        )
        for r in registrations
    ]
    return sorted(lines, key=lambda line: line.starts_at)
