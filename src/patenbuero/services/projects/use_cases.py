"""Use cases of the member register (Mitgliedsprojekte): lists, one project, choices.

Changes (save, leave, delete) live in :mod:`patenbuero.services.projects.editing`.
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload, undefer

from patenbuero.db.models import District, MemberProject, Organisation, TargetGroup
from patenbuero.errors import NotFoundError
from patenbuero.services.core import labels
from patenbuero.services.core.database import Database

# The plain values live in records (importable without SQLAlchemy); callers know them here.
from patenbuero.services.projects.records import FLYER_TEXT_LIMIT as FLYER_TEXT_LIMIT
from patenbuero.services.projects.records import LOGO_MAX_PIXELS as LOGO_MAX_PIXELS
from patenbuero.services.projects.records import WHOLE_CITY as WHOLE_CITY
from patenbuero.services.projects.records import Choice as Choice
from patenbuero.services.projects.records import ProjectDetail as ProjectDetail
from patenbuero.services.projects.records import ProjectRow as ProjectRow


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
