"""Use cases of the member register (Mitgliedsprojekte)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from patenbuero.db.models import MemberProject
from patenbuero.services import labels
from patenbuero.services.database import Database

WHOLE_CITY = "ganz Halle"


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


def list_projects(db: Database) -> list[ProjectRow]:
    """Every member project, with Träger, target groups, districts and first contact."""
    with db.reading() as session:
        projects = session.scalars(
            select(MemberProject)
            .options(
                joinedload(MemberProject.organisation),
                selectinload(MemberProject.target_groups),
                selectinload(MemberProject.districts),
                selectinload(MemberProject.contacts),
            )
            .order_by(MemberProject.name)
        ).all()
        return [_row(project) for project in projects]


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
    )
