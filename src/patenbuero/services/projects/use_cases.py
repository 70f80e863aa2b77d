"""Use cases of the member register (Mitgliedsprojekte): lists, one project, choices.

Changes (save, leave, delete) live in :mod:`patenbuero.services.projects.editing`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload, undefer

from patenbuero.db.models import District, MemberProject, Organisation, TargetGroup
from patenbuero.errors import NotFoundError
from patenbuero.services.core import labels
from patenbuero.services.core.database import Database

WHOLE_CITY = "ganz Halle"
# The flyer layout has room for this many characters of a project's short text.
FLYER_TEXT_LIMIT = 160
# Logos are stored as PNG no larger than this many pixels on their longer side.
LOGO_MAX_PIXELS = 600


@dataclass(frozen=True)
class ProjectRow:
    id: int
    name: str
    organisation: str
    target_groups: str
    districts: str
    status: str
    status_label: str
    seeks_volunteers: bool
    member_since: dt.date | None
    contact: str
    email: str
    phone: str
    target_group_ids: tuple[int, ...] = ()
    district_ids: tuple[int, ...] = ()
    serves_whole_city: bool = False


@dataclass(frozen=True)
class Choice:
    """One entry of a list to choose from (target group, district, Träger)."""

    id: int
    name: str
    retired: bool = False  # no longer offered for new choices; kept where it is used


@dataclass(frozen=True)
class ProjectDetail:
    """Every field of one project, as the form shows it."""

    id: int
    name: str
    organisation_name: str
    target_group_ids: tuple[int, ...]
    district_ids: tuple[int, ...]
    serves_whole_city: bool
    status: str
    member_since: dt.date | None
    left_on: dt.date | None
    leitbild_signed_on: dt.date | None
    flyer_text: str
    portrait_text: str
    time_commitment: str
    languages: str
    website: str
    email: str
    phone: str
    address: str
    notes: str
    seeks_volunteers: bool
    logo_png: bytes | None
    version: int = 1


def projects_with_lists() -> Select[MemberProject]:
    """Projects by name with Träger, target groups, districts and contacts in four queries."""
    return (
        select(MemberProject)
        .options(
            joinedload(MemberProject.organisation),
            selectinload(MemberProject.target_groups),
            selectinload(MemberProject.districts),
            selectinload(MemberProject.contacts),
        )
        .order_by(MemberProject.name)
    )


def list_projects(db: Database) -> list[ProjectRow]:
    """Every member project, with Träger, target groups, districts and first contact."""
    with db.reading() as session:
        projects = session.scalars(projects_with_lists()).all()
        return [_row(project) for project in projects]


def get_project(db: Database, project_id: int) -> ProjectDetail:
    """One project with all its fields and its logo; NotFoundError if it is gone."""
    with db.reading() as session:
        project = session.scalars(
            select(MemberProject)
            .where(MemberProject.id == project_id)
            .options(
                joinedload(MemberProject.organisation),
                selectinload(MemberProject.target_groups),
                selectinload(MemberProject.districts),
                undefer(MemberProject.logo),
            )
        ).first()
        if project is None:
            raise NotFoundError("Das Projekt gibt es nicht mehr; die Liste wurde aktualisiert.")
        return detail_of(project)


def detail_of(project: MemberProject) -> ProjectDetail:
    """Every field of a loaded project (organisation, lists and logo loaded)."""
    return ProjectDetail(
        id=project.id,
        name=project.name,
        organisation_name=project.organisation.name if project.organisation else "",
        target_group_ids=tuple(g.id for g in project.target_groups),
        district_ids=tuple(d.id for d in project.districts),
        serves_whole_city=project.serves_whole_city,
        status=project.status,
        member_since=project.member_since,
        left_on=project.left_on,
        leitbild_signed_on=project.leitbild_signed_on,
        flyer_text=project.flyer_text,
        portrait_text=project.portrait_text,
        time_commitment=project.time_commitment,
        languages=project.languages,
        website=project.website,
        email=project.email,
        phone=project.phone,
        address=project.address,
        notes=project.notes,
        seeks_volunteers=project.seeks_volunteers,
        logo_png=project.logo if project.logo else None,
        version=project.version,
    )


def list_target_groups(db: Database) -> list[Choice]:
    with db.reading() as session:
        groups = session.scalars(
            select(TargetGroup).order_by(TargetGroup.sort_order, TargetGroup.name)
        )
        return [Choice(g.id, g.name, g.retired) for g in groups]


def list_districts(db: Database) -> list[Choice]:
    with db.reading() as session:
        districts = session.scalars(select(District).order_by(District.name))
        return [Choice(d.id, d.name, d.retired) for d in districts]


def list_organisation_names(db: Database) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(Organisation.name).order_by(Organisation.name)))


def status_choices() -> list[tuple[str, str]]:
    """``(value, German label)`` of every project status."""
    return [(status.value, label) for status, label in labels.PROJECT_STATUS.items()]


def _row(project: MemberProject) -> ProjectRow:
    districts = [d.name for d in project.districts]
    if project.serves_whole_city:
        districts.insert(0, WHOLE_CITY)
    first_contact = project.contacts[0] if project.contacts else None
    return ProjectRow(
        id=project.id,
        name=project.name,
        organisation=project.organisation.name if project.organisation else "",
        target_groups=", ".join(g.name for g in project.target_groups),
        districts=", ".join(districts),
        status=project.status,
        status_label=labels.label(labels.PROJECT_STATUS, project.status),
        seeks_volunteers=project.seeks_volunteers,
        member_since=project.member_since,
        contact=first_contact.full_name if first_contact else "",
        email=project.email,
        phone=project.phone,
        target_group_ids=tuple(g.id for g in project.target_groups),
        district_ids=tuple(d.id for d in project.districts),
        serves_whole_city=project.serves_whole_city,
    )
