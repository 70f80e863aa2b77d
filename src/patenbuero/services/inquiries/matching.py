"""Which member projects fit an inquiry, best first, and why.

Only active projects are suggested. Same target group ranks first, then
serving the inquiry's district (or all of Halle), then – for someone who wants
to become a Pat:in – seeking volunteers. When the inquiry names a target group,
a project fits only with that group or in the inquiry's own district; the rest
are shown on request. All projects come in a fixed number of
queries, however many there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from patenbuero.db.enums import InquiryKind, ProjectStatus
from patenbuero.db.models import (
    District,
    Forwarding,
    Inquiry,
    MemberProject,
    Organisation,
    TargetGroup,
    project_district,
    project_target_group,
)
from patenbuero.errors import NotFoundError
from patenbuero.services.core.database import Database
from patenbuero.services.inquiries.use_cases import GONE

REASON_SEPARATOR = " · "


@dataclass(frozen=True)
class ProjectMatch:
    """One member project and what makes it fit the inquiry."""

    project_id: int
    name: str
    organisation: str
    target_groups: str
    districts: str
    same_target_group: bool
    serves_district: bool
    seeks_volunteers: bool
    reasons: tuple[str, ...]
    forwarded_on: dt.date | None = None  # when this inquiry already went to the project

    fits: bool = True  # False: shown only when the office asks for every active project

    @property
    def reason_text(self) -> str:
        return REASON_SEPARATOR.join(self.reasons)


def suggest_projects(
    db: Database, inquiry_id: int, *, include_all: bool = False
) -> list[ProjectMatch]:
    """Active projects that fit the inquiry, best first; ``include_all`` adds the rest.

    Raises NotFoundError when the inquiry is gone.
    """
    # Plain columns, no ORM objects: five statements, however many projects there are.
    with db.reading() as session:
        connection = session.connection()
        found = connection.execute(
            select(
                Inquiry.kind,
                Inquiry.target_group_id,
                TargetGroup.name,
                Inquiry.district_id,
                District.name,
            )
            .outerjoin(TargetGroup, Inquiry.target_group_id == TargetGroup.id)
            .outerjoin(District, Inquiry.district_id == District.id)
            .where(Inquiry.id == inquiry_id)
        ).first()
        if found is None:
            raise NotFoundError(GONE)
        kind, group_id, group_name, district_id, district_name = found
        wish = _Wish(
            kind == InquiryKind.BECOME_VOLUNTEER,
            group_id,
            group_name,
            district_id,
            district_name,
        )
        forwarded = dict(
            connection.execute(
                select(Forwarding.project_id, Forwarding.forwarded_on)
                .where(Forwarding.inquiry_id == inquiry_id)
                .order_by(Forwarding.forwarded_on, Forwarding.id)
            ).all()
        )
        active = MemberProject.status == ProjectStatus.ACTIVE.value
        projects = connection.execute(
            select(
                MemberProject.id,
                MemberProject.name,
                Organisation.name,
                MemberProject.serves_whole_city,
                MemberProject.seeks_volunteers,
            )
            .outerjoin(Organisation, MemberProject.organisation_id == Organisation.id)
            .where(active)
            .order_by(MemberProject.name)
        ).all()
        groups = _by_project(
            connection.execute(
                select(project_target_group.c.project_id, TargetGroup.id, TargetGroup.name)
                .join(TargetGroup, project_target_group.c.target_group_id == TargetGroup.id)
                .join(MemberProject, project_target_group.c.project_id == MemberProject.id)
                .where(active)
                .order_by(TargetGroup.sort_order, TargetGroup.id)
            ).all()
        )
        districts = _by_project(
            connection.execute(
                select(project_district.c.project_id, District.id, District.name)
                .join(District, project_district.c.district_id == District.id)
                .join(MemberProject, project_district.c.project_id == MemberProject.id)
                .where(active)
                .order_by(District.name)
            ).all()
        )
    matches = [
        _match(
            wish,
            _Project(
                project_id,
                name,
                organisation or "",
                bool(whole_city),
                bool(seeks),
                groups.get(project_id, ()),
                districts.get(project_id, ()),
            ),
            forwarded.get(project_id),
        )
        for project_id, name, organisation, whole_city, seeks in projects
    ]
    if not include_all:
        matches = [m for m in matches if m.fits]
    return sorted(matches, key=_rank)


@dataclass(frozen=True)
class _Wish:
    """What the inquiry asks for, as far as matching is concerned."""

    becomes_volunteer: bool
    group_id: int | None
    group_name: str | None
    district_id: int | None
    district_name: str | None


@dataclass(frozen=True)
class _Project:
    id: int
    name: str
    organisation: str
    serves_whole_city: bool
    seeks_volunteers: bool
    target_groups: tuple[tuple[int, str], ...]  # (id, name) in the office's order
    districts: tuple[tuple[int, str], ...]  # (id, name) by name


def _by_project(rows: Sequence[Any]) -> dict[int, tuple[tuple[int, str], ...]]:
    found: dict[int, list[tuple[int, str]]] = {}
    for project_id, entry_id, name in rows:
        found.setdefault(project_id, []).append((entry_id, name))
    return {project_id: tuple(entries) for project_id, entries in found.items()}


def _match(wish: _Wish, project: _Project, forwarded_on: dt.date | None) -> ProjectMatch:
    reasons: list[str] = []
    has_group = wish.group_id is not None
    same_group = has_group and any(g == wish.group_id for g, _name in project.target_groups)
    if same_group:
        reasons.append(f"Zielgruppe {wish.group_name}")
    has_district = wish.district_id is not None
    in_district = has_district and any(d == wish.district_id for d, _name in project.districts)
    if in_district:
        reasons.append(f"Stadtteil {wish.district_name}")
    elif has_district and project.serves_whole_city:
        reasons.append("ganz Halle")
    seeks = wish.becomes_volunteer and project.seeks_volunteers
    if seeks:
        reasons.append("sucht Pat:innen")
    # With a target group named, serving the whole city for others is no fit on its own.
    fits = (same_group or in_district) if has_group else bool(reasons)
    districts = [name for _id, name in project.districts]
    if project.serves_whole_city:
        districts.insert(0, "ganz Halle")
    return ProjectMatch(
        project_id=project.id,
        name=project.name,
        organisation=project.organisation,
        target_groups=", ".join(name for _id, name in project.target_groups),
        districts=", ".join(districts),
        same_target_group=same_group,
        serves_district=in_district or (has_district and project.serves_whole_city),
        seeks_volunteers=seeks,
        reasons=tuple(reasons),
        forwarded_on=forwarded_on,
        fits=fits,
    )


def _rank(match: ProjectMatch) -> tuple[bool, bool, bool, bool, str]:
    """Sort key: target group, district, seeking Pat:innen, a named district, then name."""
    named_district = any(r.startswith("Stadtteil ") for r in match.reasons)
    return (
        not match.same_target_group,
        not match.serves_district,
        not match.seeks_volunteers,
        not named_district,
        match.name.casefold(),
    )
