"""Ansprechpartner:innen of projects and of partners without a project (city, networks …)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload

from patenbuero.db.enums import SubjectKind
from patenbuero.db.models import Contact, MemberProject
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core import field_checks, labels, locks
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.core.versions import check_version, load_for_update
from patenbuero.services.privacy import SubjectRef, has_basis
from patenbuero.services.projects.organisations import find_or_create_organisation
from patenbuero.services.projects.records import PARTNER_STATUS as PARTNER_STATUS

_CONTACT_FIELDS = (
    "first_name",
    "last_name",
    "role",
    "email",
    "phone",
    "on_mailing_list",
    "consent_on",
    "consent_source",
    "notes",
)


@dataclass(frozen=True)
class ContactRow:
    id: int
    project_id: int | None
    belongs_to: str  # project name, or partner / Träger name
    first_name: str
    last_name: str
    role: str
    email: str
    phone: str
    on_mailing_list: bool
    consent_on: dt.date | None
    consent_source: str
    notes: str
    status: str  # project status, or PARTNER_STATUS
    status_label: str
    organisation_name: str = ""
    partner_name: str = ""
    version: int = 1

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class ContactInput:
    last_name: str
    first_name: str = ""
    project_id: int | None = None
    organisation_name: str = ""  # partners: their Träger/organisation (e.g. Stadt Halle)
    partner_name: str = ""  # partners without a Träger entry (e.g. a network)
    role: str = ""
    email: str = ""
    phone: str = ""
    on_mailing_list: bool = False
    consent_on: dt.date | None = None
    consent_source: str = ""
    notes: str = ""
    # The version the user started from; a save against another version is a conflict.
    expected_version: int | None = None


def input_from_row(row: ContactRow) -> ContactInput:
    """The stored contact as form input (the base or the other side of a conflict)."""
    partner = row.project_id is None
    return ContactInput(
        last_name=row.last_name,
        first_name=row.first_name,
        project_id=row.project_id,
        organisation_name=row.organisation_name if partner else "",
        partner_name=row.partner_name if partner else "",
        role=row.role,
        email=row.email,
        phone=row.phone,
        on_mailing_list=row.on_mailing_list,
        consent_on=row.consent_on,
        consent_source=row.consent_source,
        notes=row.notes,
        expected_version=row.version,
    )


def validated(data: ContactInput, today: dt.date | None = None) -> ContactInput:
    """Trimmed and checked input; raises ValidationError naming the field."""
    first, last = field_checks.person_name(data.first_name, data.last_name)
    role = field_checks.limited(data.role, "role", "Die Funktion", field_checks.ROLE_LIMIT)
    email = field_checks.email(data.email)
    if data.on_mailing_list and not email:
        raise ValidationError(
            "Wer auf dem Verteiler steht, braucht eine E-Mail-Adresse.", field="email"
        )
    field_checks.not_in_future(
        data.consent_on, "consent_on", "Das Datum der Einwilligung", today or dt.date.today()
    )
    organisation = field_checks.limited(
        data.organisation_name, "partner_name", "Der Partner", field_checks.NAME_LIMIT
    )
    partner_name = field_checks.limited(
        data.partner_name, "partner_name", "Der Partner", field_checks.NAME_LIMIT
    )
    partner = organisation or partner_name
    if data.project_id is None and not partner:
        raise ValidationError(
            "Bitte geben Sie an, zu welchem Partner (z. B. Stadt Halle) die Person gehört.",
            field="partner_name",
        )
    return replace(
        data,
        first_name=first,
        last_name=last,
        email=email,
        phone=field_checks.phone(data.phone),
        role=role,
        organisation_name=organisation,
        partner_name=partner_name,
        consent_source=field_checks.limited(
            data.consent_source, "consent_source", "Die Angabe zur Einwilligung", 200
        ),
        notes=field_checks.limited(
            data.notes, "notes", "Die Notizen", field_checks.LONG_TEXT_LIMIT, multiline=True
        ),
    )


def list_contacts(db: Database, project_id: int | None = None) -> list[ContactRow]:
    """Contacts of one project, or (``project_id`` None) of the partners without project."""
    query = contact_query()
    if project_id is None:
        query = query.where(Contact.project_id.is_(None))
    else:
        query = query.where(Contact.project_id == project_id)
    with db.reading() as session:
        return [contact_row(c) for c in session.scalars(query)]


def list_all_contacts(db: Database) -> list[ContactRow]:
    with db.reading() as session:
        return [contact_row(c) for c in session.scalars(contact_query())]


def get_contact(db: Database, contact_id: int) -> ContactRow:
    with db.reading() as session:
        contact = session.scalars(contact_query().where(Contact.id == contact_id)).first()
        if contact is None:
            raise NotFoundError("Die Ansprechperson gibt es nicht mehr.")
        return contact_row(contact)


@logged_action("contact.save")
def save_contact(db: Database, contact_id: int | None, data: ContactInput) -> int:
    """Create (``contact_id`` None) or update a contact; returns its id."""
    data = validated(data)
    with db.unit_of_work() as session:
        if data.organisation_name:  # first, so two saves never wait for each other
            locks.creation_lock(session, locks.ORGANISATIONS)
        if contact_id is None:
            contact = Contact(last_name=data.last_name)
            session.add(contact)
        else:
            contact = load_for_update(
                session, Contact, contact_id, "Die Ansprechperson gibt es nicht mehr."
            )
            stored = contact
            check_version(
                stored.version,
                data.expected_version,
                f"{stored.first_name} {stored.last_name}".strip(),
                data,
                lambda: input_from_row(contact_row(stored)),
            )
        if data.project_id is not None and session.get(MemberProject, data.project_id) is None:
            raise NotFoundError("Das Projekt gibt es nicht mehr.")
        if data.on_mailing_list and data.consent_on is None:
            recorded = contact_id is not None and has_basis(
                session, SubjectRef(SubjectKind.CONTACT.value, contact_id), "mailing_list"
            )
            if not recorded:
                raise ValidationError(
                    "Für den Verteiler braucht es eine Rechtsgrundlage: bitte das Datum der "
                    "Einwilligung angeben (oder auf der Seite der Person erfassen).",
                    field="consent_on",
                )
        apply_input(session, contact, data)
        session.flush()
        return contact.id


def apply_input(session: Session, contact: Contact, data: ContactInput) -> None:
    """Copy validated input onto a contact (also used by the import)."""
    contact.project_id = data.project_id
    contact.organisation = (
        find_or_create_organisation(session, data.organisation_name)
        if data.project_id is None and data.organisation_name
        else None
    )
    contact.partner_name = data.partner_name if data.project_id is None else ""
    for field in _CONTACT_FIELDS:
        setattr(contact, field, getattr(data, field))


@logged_action("contact.delete")
def delete_contact(db: Database, contact_id: int) -> None:
    """Remove a contact; events and tasks it was responsible for keep their project."""
    with db.unit_of_work() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise NotFoundError("Die Ansprechperson gibt es nicht mehr.")
        session.delete(contact)


def contact_query() -> Select[Contact]:
    return (
        select(Contact)
        .options(joinedload(Contact.project), joinedload(Contact.organisation))
        .order_by(Contact.last_name, Contact.first_name)
    )


def contact_row(contact: Contact) -> ContactRow:
    project = contact.project
    organisation = contact.organisation.name if contact.organisation else ""
    if project is not None:
        belongs_to, status = project.name, project.status
        status_label = labels.label(labels.PROJECT_STATUS, status)
    else:
        belongs_to = contact.partner_name or organisation
        status, status_label = PARTNER_STATUS, "Partner:in"
    return ContactRow(
        id=contact.id,
        project_id=contact.project_id,
        belongs_to=belongs_to,
        first_name=contact.first_name,
        last_name=contact.last_name,
        role=contact.role,
        email=contact.email,
        phone=contact.phone,
        on_mailing_list=contact.on_mailing_list,
        consent_on=contact.consent_on,
        consent_source=contact.consent_source,
        notes=contact.notes,
        status=status,
        status_label=status_label,
        organisation_name=organisation,
        partner_name=contact.partner_name,
        version=contact.version,
    )
