"""Correcting a person's data (Art. 16 DSGVO): the same checks as when they came in."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.enums import SubjectKind
from patenbuero.db.models import Contact, Inquiry, Person
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database
from patenbuero.services.core.versions import check_version
from patenbuero.services.privacy.page import load_page
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.services.registrations import duplicate_key, email_key


@dataclass(frozen=True)
class PersonFields:
    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    organisation: str = ""
    remarks: str = ""
    # The version the user started from; a save against another version is a conflict.
    expected_version: int | None = None


def checked(fields: PersonFields) -> PersonFields:
    first = field_checks.limited(
        fields.first_name, "first_name", "Der Vorname", field_checks.PERSON_NAME_LIMIT
    )
    last = field_checks.limited(
        fields.last_name, "last_name", "Der Nachname", field_checks.PERSON_NAME_LIMIT
    )
    if not last:
        raise ValidationError("Bitte geben Sie einen Nachnamen an.", field="last_name")
    organisation = field_checks.limited(
        fields.organisation, "organisation", "Die Organisation", field_checks.NAME_LIMIT
    )
    remarks = field_checks.limited(
        fields.remarks, "remarks", "Die Bemerkungen", field_checks.LONG_TEXT_LIMIT, multiline=True
    )
    email, phone = field_checks.email(fields.email), field_checks.phone(fields.phone)
    return replace(
        fields,
        first_name=first,
        last_name=last,
        email=email,
        phone=phone,
        organisation=organisation,
        remarks=remarks,
    )


def subject_fields(session: Session, ref: SubjectRef) -> PersonFields:
    """The stored fields as the person page shows them, with their version."""
    page = load_page(session, ref)
    entry = page.entry
    return PersonFields(
        entry.first_name,
        entry.last_name,
        entry.email,
        entry.phone,
        entry.organisation,
        page.remarks,
        page.version,
    )


def _check_version(session: Session, ref: SubjectRef, fields: PersonFields) -> None:
    record: Person | Inquiry | Contact | None
    if ref.kind == SubjectKind.PERSON.value:
        record = session.get(Person, ref.id, with_for_update=True, populate_existing=True)
        if record is not None and record.erased_at is not None:
            return  # refused below
    elif ref.kind == SubjectKind.INQUIRY.value:
        record = session.get(Inquiry, ref.id, with_for_update=True, populate_existing=True)
    else:
        record = session.get(Contact, ref.id, with_for_update=True, populate_existing=True)
    if record is None:
        return  # refused below
    what = record.name if isinstance(record, Inquiry) else record.full_name
    check_version(
        record.version,
        fields.expected_version,
        what,
        fields,
        lambda: subject_fields(session, ref),
    )


def update_subject(db: Database, ref: SubjectRef, fields: PersonFields) -> None:
    """Save corrected fields of a participant, an inquirer or a contact.

    With ``fields.expected_version``, a change saved meanwhile elsewhere raises
    ConflictError with both versions.
    """
    fields = checked(fields)
    with db.unit_of_work() as session:
        _check_version(session, ref, fields)
        if ref.kind == SubjectKind.PERSON.value:
            person = session.get(Person, ref.id)
            if person is None or person.erased_at is not None:
                raise NotFoundError(f"Es gibt keine Person {ref}.")
            key = email_key(fields.email)
            if key is not None:
                other = session.scalars(
                    select(Person.id).where(Person.email_key == key, Person.id != person.id)
                ).first()
                if other is not None:
                    raise ValidationError(
                        f"Diese E-Mail-Adresse hat schon P{other}; führen Sie die beiden "
                        "Einträge zusammen, statt die Adresse doppelt zu vergeben.",
                        field="email",
                    )
            person.first_name, person.last_name = fields.first_name, fields.last_name
            person.email, person.email_key = fields.email, key
            person.name_key = duplicate_key(fields.first_name, fields.last_name)
            person.phone, person.organisation = fields.phone, fields.organisation
            person.remarks = fields.remarks
        elif ref.kind == SubjectKind.INQUIRY.value:
            inquiry = session.get(Inquiry, ref.id)
            if inquiry is None:
                raise NotFoundError(f"Es gibt keine Anfrage {ref}.")
            inquiry.name = f"{fields.first_name} {fields.last_name}".strip()
            inquiry.email, inquiry.phone, inquiry.notes = fields.email, fields.phone, fields.remarks
        else:
            contact = session.get(Contact, ref.id)
            if contact is None:
                raise NotFoundError(f"Es gibt keine Ansprechperson {ref}.")
            contact.first_name, contact.last_name = fields.first_name, fields.last_name
            contact.email, contact.phone, contact.notes = fields.email, fields.phone, fields.remarks
