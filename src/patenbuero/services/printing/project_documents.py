"""Documents about the member projects: Handzettel, Projektkarten, Projektporträts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from patenbuero import pdf
from patenbuero.db.enums import ProjectStatus
from patenbuero.db.models import MemberProject, TargetGroup
from patenbuero.errors import ValidationError
from patenbuero.pdf.inputs import (
    FlyerInput,
    FlyerProject,
    PortraitInput,
    PortraitProject,
    ProjectCard,
    ProjectCardsInput,
    ProjectContact,
)
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.printing.common import file_name, office_from_texts
from patenbuero.services.printing.request import PrintRequest, PrintResult
from patenbuero.services.projects import projects_with_lists

WHOLE_CITY = "ganz Halle"


def _projects(session: Session, ids: Sequence[int] | None) -> list[MemberProject]:
    if ids is not None and not ids:
        raise ValidationError("Bitte wählen Sie mindestens ein Projekt.", field="projects")
    query = projects_with_lists().options(undefer(MemberProject.logo))
    if ids is None:
        query = query.where(MemberProject.status == ProjectStatus.ACTIVE.value)
    else:
        query = query.where(MemberProject.id.in_(ids))
    projects = list(session.scalars(query))
    if not projects:
        raise ValidationError(
            "Es gibt keine aktiven Mitgliedsprojekte zu drucken."
            if ids is None
            else "Die gewählten Projekte gibt es nicht (mehr)."
        )
    return projects


def _contact(project: MemberProject) -> ProjectContact:
    person = project.contacts[0] if project.contacts else None
    return ProjectContact(
        name=person.full_name if person else None,
        phone=project.phone or (person.phone if person else "") or None,
        email=project.email or (person.email if person else "") or None,
        website=project.website or None,
        address=" ".join(project.address.split()) or None,
    )


def _districts(project: MemberProject) -> tuple[str, ...]:
    names = tuple(d.name for d in project.districts)
    return (WHOLE_CITY, *names) if project.serves_whole_city else names


def _logo(project: MemberProject) -> bytes | None:
    if project.logo and project.logo_mime in ("image/png", "image/jpeg"):
        return project.logo
    return None


_COUNT_CLAIM = re.compile(
    r"(?:(?:mehr als|über|rund|fast|knapp|etwa|ca\.)\s+)?(\d+)\s+(?:Pat[a-z:]*)?projekt",
    re.IGNORECASE,
)


def count_warnings(text: str, count: int, what: str) -> list[str]:
    """A warning for every number of projects in the office's text that the data contradict."""
    warnings = []
    for match in _COUNT_CLAIM.finditer(text):
        claimed = int(match.group(1))
        phrase = match.group(0).lower()
        if phrase.startswith(("mehr als", "über")):
            wrong = count <= claimed
        elif phrase[0].isdigit():
            wrong = count != claimed
        else:  # rund, fast, knapp, etwa: allow a little
            wrong = abs(count - claimed) > max(2, claimed // 10)
        if wrong:
            warnings.append(
                f"{what} sagt „{match.group(0)}“, der Handzettel zeigt aber {count} Projekte. "
                "Bitte passen Sie den Text in den Einstellungen an oder schreiben Sie {Anzahl}."
            )
    return warnings


def flyer(db: Database, request: PrintRequest) -> PrintResult:
    texts = load_texts(db)
    group = " ".join(request.target_group.split())
    with db.reading() as session:
        projects = _projects(session, request.project_ids)
        order = tuple(session.scalars(select(TargetGroup.name).order_by(TargetGroup.sort_order)))
        if group and group not in order:
            known = ", ".join(order)
            raise ValidationError(
                f"Die Zielgruppe „{group}“ gibt es nicht (vorhanden: {known}).",
                field="target_group",
            )
        entries = tuple(
            FlyerProject(
                name=p.name,
                flyer_text=p.flyer_text,
                # a Handzettel for one target group lists its projects under that heading
                target_groups=(group,) if group else tuple(g.name for g in p.target_groups),
                contact=_contact(p),
                seeks_volunteers=p.seeks_volunteers,
            )
            for p in projects
            if not group or group in {g.name for g in p.target_groups}
        )
    if group and not entries:
        raise ValidationError(
            f"Kein aktives Projekt hat die Zielgruppe „{group}“.", field="target_group"
        )
    count = len(entries)
    # the introduction speaks of the whole network, also on a Handzettel for one group
    introduction = texts.introduction.replace("{Anzahl}", str(len(projects)))
    audience = f"Patenschaften für {group}" if group else None
    result = pdf.build_flyer(
        FlyerInput(
            office=office_from_texts(texts),
            introduction=introduction,
            leitbild_preamble=texts.leitbild_preamble,
            website=texts.website or "www.patenschaften-halle.de",
            projects=entries,
            opening_hours=texts.opening_hours,
            target_group_order=order,
            audience_title=audience,
        )
    )
    warnings = list(result.warnings)
    if not group:
        warnings += count_warnings(introduction, count, "Der Vorstellungstext")
    elif "{Anzahl}" not in texts.introduction:
        warnings += count_warnings(introduction, len(projects), "Der Vorstellungstext")
    subject = f"{texts.network_name} {group}".strip()
    return PrintResult(result.pdf, file_name("Handzettel", subject), True, tuple(warnings))


def project_cards(db: Database, request: PrintRequest) -> PrintResult:
    texts = load_texts(db)
    with db.reading() as session:
        cards = tuple(
            ProjectCard(
                name=p.name,
                flyer_text=p.flyer_text,
                target_groups=tuple(g.name for g in p.target_groups),
                time_commitment=p.time_commitment or None,
                districts=_districts(p),
                contact=_contact(p),
                seeks_volunteers=p.seeks_volunteers,
                logo=_logo(p),
            )
            for p in _projects(session, request.project_ids)
        )
    document = pdf.build_project_cards(
        ProjectCardsInput(office=office_from_texts(texts), cards=cards)
    )
    return PrintResult(document, file_name("Projektkarten"))


def portraits(db: Database, request: PrintRequest) -> PrintResult:
    texts = load_texts(db)
    with db.reading() as session:
        projects = _projects(session, request.project_ids)
        entries = tuple(
            PortraitProject(
                name=p.name,
                portrait_text=p.portrait_text or p.flyer_text,
                organisation=p.organisation.name if p.organisation else None,
                flyer_text=p.flyer_text,
                target_groups=tuple(g.name for g in p.target_groups),
                districts=_districts(p),
                time_commitment=p.time_commitment or None,
                languages=tuple(x.strip() for x in p.languages.split(",") if x.strip()),
                contact=_contact(p),
                member_since=p.member_since,
                seeks_volunteers=p.seeks_volunteers,
                logo=_logo(p),
            )
            for p in projects
        )
    subject = entries[0].name if len(entries) == 1 else "Mitgliedsprojekte"
    document = pdf.build_portraits(
        PortraitInput(
            office=office_from_texts(texts),
            projects=entries,
            booklet_title="Unsere Patenprojekte",
            booklet_intro=texts.introduction.replace("{Anzahl}", str(len(entries))) or None,
            booklet_date=dt.date.today(),
        )
    )
    return PrintResult(document, file_name("Projektportraet", subject))
