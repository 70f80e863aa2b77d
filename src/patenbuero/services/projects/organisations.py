"""Träger: the bodies that run member projects, with the projects each runs."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from patenbuero.db.enums import OrganisationKind
from patenbuero.db.models import Contact, Organisation, OrganisationKindEntry
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core import field_checks, kinds, locks
from patenbuero.services.core.database import Database
from patenbuero.services.core.kinds import KindChoice
from patenbuero.services.core.plural import plural
from patenbuero.services.core.versions import check_version, load_for_update


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
    version: int = 1


@dataclass(frozen=True)
class OrganisationInput:
    name: str
    kind: str = OrganisationKind.ASSOCIATION.value
    address: str = ""
    website: str = ""
    # The version the user started from; a save against another version is a conflict.
    expected_version: int | None = None


def input_from_row(row: OrganisationRow) -> OrganisationInput:
    """The stored Träger as form input (the base or the other side of a conflict)."""
    return OrganisationInput(row.name, row.kind, row.address, row.website, row.version)


def kind_choices(db: Database) -> list[KindChoice]:
    """Every kind of Träger of the office's list (retired ones marked)."""
    return kinds.organisation_kinds(db)


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
                kind_label=kinds.organisation_kind_label(o),
                address=o.address,
                website=o.website,
                projects=", ".join(sorted(p.name for p in o.projects)),
                project_count=len(o.projects),
                version=o.version,
            )
            for o in organisations
        ]


def save_organisation(db: Database, organisation_id: int | None, data: OrganisationInput) -> int:
    """Create (``organisation_id`` None) or update a Träger; returns its id."""
    name = field_checks.required(data.name, "name", "Bitte geben Sie den Namen des Trägers an.")
    name = field_checks.limited(name, "name", "Der Name", field_checks.NAME_LIMIT)
    data = replace(
        data,
        name=name,
        address=field_checks.limited(
            data.address, "address", "Die Adresse", field_checks.ADDRESS_LIMIT, multiline=True
        ),
        website=field_checks.website(data.website),
    )
    with db.unit_of_work() as session:
        locks.creation_lock(session, locks.ORGANISATIONS)
        # Locked first (before the names are read), so the version checked is current.
        if organisation_id is None:
            organisation = Organisation(name=name)
        else:
            organisation = load_for_update(
                session, Organisation, organisation_id, "Den Träger gibt es nicht mehr."
            )
            stored = organisation
            check_version(
                stored.version,
                data.expected_version,
                stored.name,
                data,
                lambda: OrganisationInput(
                    stored.name, stored.kind, stored.address, stored.website, stored.version
                ),
            )
        clash = organisation_by_name(session, name)
        if clash is not None and clash.id != organisation_id:
            raise ValidationError(f"Einen Träger „{name}“ gibt es schon.", field="name")
        kinds.check_kind(
            session,
            OrganisationKindEntry,
            data.kind,
            None if organisation_id is None else organisation.kind,
        )
        if organisation_id is None:
            session.add(organisation)
        organisation.name = name
        organisation.kind = data.kind
        organisation.address = data.address
        organisation.website = data.website
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
