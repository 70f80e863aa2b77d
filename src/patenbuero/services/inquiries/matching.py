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
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from patenbuero.db.enums import InquiryKind, ProjectStatus
from patenbuero.db.models import Inquiry, MemberProject
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
    with db.reading() as session:
        inquiry = session.scalars(
            select(Inquiry)
            .where(Inquiry.id == inquiry_id)
            .options(
                joinedload(Inquiry.target_group),
                joinedload(Inquiry.district),
                selectinload(Inquiry.forwardings),
            )
        ).first()
        if inquiry is None:
            raise NotFoundError(GONE)
        forwarded = {f.project_id: f.forwarded_on for f in inquiry.forwardings}
        projects = session.scalars(
            select(MemberProject)
            .where(MemberProject.status == ProjectStatus.ACTIVE.value)
            .options(
                joinedload(MemberProject.organisation),
                selectinload(MemberProject.target_groups),
                selectinload(MemberProject.districts),
            )
            .order_by(MemberProject.name)
        ).all()
        matches = [_match(inquiry, project, forwarded.get(project.id)) for project in projects]
    if not include_all:
        matches = [m for m in matches if m.fits]
    return sorted(matches, key=_rank)


def _match(inquiry: Inquiry, project: MemberProject, forwarded_on: dt.date | None) -> ProjectMatch:
    reasons: list[str] = []
    group = inquiry.target_group
    same_group = group is not None and any(g.id == group.id for g in project.target_groups)
    if same_group and group is not None:
        reasons.append(f"Zielgruppe {group.name}")
    district = inquiry.district
    in_district = district is not None and any(d.id == district.id for d in project.districts)
    if in_district and district is not None:
        reasons.append(f"Stadtteil {district.name}")
    elif district is not None and project.serves_whole_city:
        reasons.append("ganz Halle")
    seeks = inquiry.kind == InquiryKind.BECOME_VOLUNTEER and project.seeks_volunteers
    if seeks:
        reasons.append("sucht Pat:innen")
    # With a target group named, serving the whole city for others is no fit on its own.
    fits = (same_group or in_district) if group is not None else bool(reasons)
    districts = [d.name for d in project.districts]
    if project.serves_whole_city:
        districts.insert(0, "ganz Halle")
    return ProjectMatch(
        project_id=project.id,
        name=project.name,
        organisation=project.organisation.name if project.organisation else "",
        target_groups=", ".join(g.name for g in project.target_groups),
        districts=", ".join(districts),
        same_target_group=same_group,
        serves_district=in_district or (district is not None and project.serves_whole_city),
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
