"""Träger: the bodies that run member projects, with the projects each runs."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from patenbuero.db.enums import OrganisationKind
from patenbuero.db.models import Contact, Organisation
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core import field_checks, labels, locks
from patenbuero.services.core.database import Database
from patenbuero.services.core.plural import plural


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    kind: str
    kind_label: str
    address: str
    website: str
    projects: str
    project_count: int


@dataclass(frozen=True)
class OrganisationInput:
    name: str
    kind: str = OrganisationKind.ASSOCIATION.value
    address: str = ""
    website: str = ""


def kind_choices() -> list[tuple[str, str]]:
    """``(value, German label)`` of every kind of Träger."""
    return [(kind.value, label) for kind, label in labels.ORGANISATION_KIND.items()]


def list_organisations(db: Database) -> list[OrganisationRow]:
    """Every Träger with the names of the projects it runs."""
    with db.reading() as session:
        organisations = session.scalars(
            select(Organisation)
            .options(selectinload(Organisation.projects))
            .order_by(Organisation.name)
        ).all()
        return [
            OrganisationRow(
                id=o.id,
                name=o.name,
                kind=o.kind,
                kind_label=labels.label(labels.ORGANISATION_KIND, o.kind),
                address=o.address,
                website=o.website,
                projects=", ".join(sorted(p.name for p in o.projects)),
                project_count=len(o.projects),
            )
            for o in organisations
        ]


def save_organisation(db: Database, organisation_id: int | None, data: OrganisationInput) -> int:
    """Create (``organisation_id`` None) or update a Träger; returns its id."""
    name = field_checks.required(data.name, "name", "Bitte geben Sie den Namen des Trägers an.")
    if data.kind not in {k.value for k in OrganisationKind}:
        raise ValidationError(f"Unbekannte Art „{data.kind}“.", field="kind")
    website = field_checks.website(data.website)
    with db.unit_of_work() as session:
        locks.creation_lock(session, locks.ORGANISATIONS)
        clash = organisation_by_name(session, name)
        if clash is not None and clash.id != organisation_id:
            raise ValidationError(f"Einen Träger „{name}“ gibt es schon.", field="name")
        if organisation_id is None:
            organisation = Organisation(name=name)
            session.add(organisation)
        else:
            found = session.get(Organisation, organisation_id)
            if found is None:
                raise NotFoundError("Den Träger gibt es nicht mehr.")
            organisation = found
        organisation.name = name
        organisation.kind = data.kind
        organisation.address = data.address.strip()
        organisation.website = website
        session.flush()
        return organisation.id


def delete_organisation(db: Database, organisation_id: int) -> None:
    """Delete a Träger that runs no project and has no contacts."""
    with db.unit_of_work() as session:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None:
            raise NotFoundError("Den Träger gibt es nicht mehr.")
        contacts = session.scalar(
            select(func.count())
            .select_from(Contact)
            .where(Contact.organisation_id == organisation_id)
        )
        if organisation.projects or contacts:
            raise ValidationError(
                f"„{organisation.name}“ kann nicht gelöscht werden: Er ist Träger von "
                f"{plural(len(organisation.projects), 'Projekt', 'Projekten')} und hat "
                f"{plural(contacts or 0, 'Ansprechperson', 'Ansprechpersonen')}."
            )
        session.delete(organisation)


def organisation_by_name(session: Session, name: str) -> Organisation | None:
    """The Träger of this name, ignoring case and spacing."""
    key = field_checks.tidy(name).casefold()
    for organisation in session.scalars(select(Organisation)):
        if field_checks.tidy(organisation.name).casefold() == key:
            return organisation
    return None


def find_or_create_organisation(session: Session, name: str) -> Organisation:
    """The Träger of this name, created (as a Verein) when it is new."""
    locks.creation_lock(session, locks.ORGANISATIONS)  # two workplaces, one new Träger
    found = organisation_by_name(session, name)
    if found is not None:
        return found
    organisation = Organisation(
        name=field_checks.tidy(name), kind=OrganisationKind.ASSOCIATION.value
    )
    session.add(organisation)
    session.flush()
    return organisation
