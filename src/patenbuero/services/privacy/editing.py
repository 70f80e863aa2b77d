"""Correcting a person's data (Art. 16 DSGVO): the same checks as when they came in."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from patenbuero.db.enums import SubjectKind
from patenbuero.db.models import Contact, Inquiry, Person
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.io.validate import check_email, check_phone
from patenbuero.services.core.database import Database
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


def checked(fields: PersonFields) -> PersonFields:
    first, last = " ".join(fields.first_name.split()), " ".join(fields.last_name.split())
    if not last:
        raise ValidationError("Bitte geben Sie einen Nachnamen an.", field="last_name")
    if len(first) > 100 or len(last) > 100:
        raise ValidationError("Ein Name darf höchstens 100 Zeichen lang sein.", field="last_name")
    email, phone = fields.email.strip(), fields.phone.strip()
    try:
        email = check_email(email) if email else ""
    except ValueError as error:
        raise ValidationError(str(error), field="email") from error
    try:
        phone = check_phone(phone) if phone else ""
    except ValueError as error:
        raise ValidationError(str(error), field="phone") from error
    return PersonFields(
        first, last, email, phone, fields.organisation.strip()[:200], fields.remarks.strip()
    )


def update_subject(db: Database, ref: SubjectRef, fields: PersonFields) -> None:
    """Save corrected fields of a participant, an inquirer or a contact."""
    fields = checked(fields)
    with db.unit_of_work() as session:
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
