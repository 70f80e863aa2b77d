"""Projektfinder at the info stand: choices, fitting active projects, the visit as inquiry.

Works on the local database only (no network). A visit is stored only with the
visitor's consent, as an inquiry with channel "Infostand" and the chosen interests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload, undefer

from patenbuero.db.enums import (
    ConsentPurpose,
    InquiryChannel,
    InquiryKind,
    LegalBasis,
    ProjectStatus,
    SubjectKind,
)
from patenbuero.db.models import District, Inquiry, MemberProject, TargetGroup
from patenbuero.errors import ValidationError
from patenbuero.pdf.finder_handout import HandoutProject, build_finder_handout
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.privacy import ConsentInput, SubjectRef, add_consent

CONSENT_TEXT_VERSION = "Projektfinder Infostand 2026"


@dataclass(frozen=True)
class FinderOptions:
    target_groups: tuple[tuple[int, str], ...]
    districts: tuple[tuple[int, str], ...]
    languages: tuple[str, ...]
    times: tuple[str, ...]


@dataclass(frozen=True)
class FinderChoice:
    target_group_ids: tuple[int, ...] = ()
    district_id: int | None = None
    languages: tuple[str, ...] = ()
    time: str = ""


@dataclass(frozen=True)
class FinderProject:
    id: int
    name: str
    flyer_text: str
    seeks_volunteers: bool
    target_groups: str
    districts: str
    time_commitment: str
    languages: str
    website: str
    email: str
    phone: str
    logo: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Visitor:
    name: str = ""
    email: str = ""
    phone: str = ""


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def finder_options(db: Database) -> FinderOptions:
    """What a visitor can choose: only what active projects offer (no retired entries)."""
    with db.reading() as session:
        projects = session.scalars(
            select(MemberProject)
            .where(MemberProject.status == ProjectStatus.ACTIVE.value)
            .options(selectinload(MemberProject.target_groups))
        ).all()
        used_groups = {g.id for p in projects for g in p.target_groups}
        groups = session.scalars(select(TargetGroup).order_by(TargetGroup.sort_order)).all()
        districts = session.scalars(select(District).order_by(District.name)).all()
        languages = sorted({lang for p in projects for lang in _split(p.languages)})
        times = sorted({p.time_commitment.strip() for p in projects if p.time_commitment.strip()})
        return FinderOptions(
            tuple((g.id, g.name) for g in groups if g.id in used_groups and not g.retired),
            tuple((d.id, d.name) for d in districts if not d.retired),
            tuple(languages),
            tuple(times),
        )


def find_projects(db: Database, choice: FinderChoice) -> list[FinderProject]:
    """Active projects fitting the choice; those seeking Pat:innen and fitting best first.

    A chosen target group and district must fit (a project for the whole city fits
    every district); languages and time put better fits first.
    """
    with db.reading() as session:
        projects = session.scalars(
            select(MemberProject)
            .where(MemberProject.status == ProjectStatus.ACTIVE.value)
            .options(
                selectinload(MemberProject.target_groups),
                selectinload(MemberProject.districts),
                undefer(MemberProject.logo),
            )
        ).all()
        ranked = []
        for project in projects:
            groups = {g.id for g in project.target_groups}
            if choice.target_group_ids and not groups & set(choice.target_group_ids):
                continue
            districts = {d.id for d in project.districts}
            if (
                choice.district_id is not None
                and not project.serves_whole_city
                and choice.district_id not in districts
            ):
                continue
            spoken = {lang.casefold() for lang in _split(project.languages)}
            score = sum(lang.casefold() in spoken for lang in choice.languages)
            score += bool(choice.time) and project.time_commitment.strip() == choice.time
            ranked.append((not project.seeks_volunteers, -score, project.name.casefold(), project))
        ranked.sort(key=lambda entry: entry[:3])
        return [_project(entry[3]) for entry in ranked]


def _project(project: MemberProject) -> FinderProject:
    return FinderProject(
        id=project.id,
        name=project.name,
        flyer_text=project.flyer_text,
        seeks_volunteers=project.seeks_volunteers,
        target_groups=", ".join(g.name for g in project.target_groups),
        districts="ganz Halle"
        if project.serves_whole_city
        else ", ".join(d.name for d in project.districts),
        time_commitment=project.time_commitment,
        languages=project.languages,
        website=project.website,
        email=project.email,
        phone=project.phone,
        logo=project.logo,
    )


def interests_text(db: Database, choice: FinderChoice) -> str:
    options = finder_options(db)
    groups = dict(options.target_groups)
    parts = []
    if choice.target_group_ids:
        names = ", ".join(groups.get(i, "") for i in choice.target_group_ids)
        parts.append(f"Zielgruppen: {names}")
    if choice.district_id is not None:
        parts.append(f"Stadtteil: {dict(options.districts).get(choice.district_id, '')}")
    if choice.languages:
        parts.append(f"Sprachen: {', '.join(choice.languages)}")
    if choice.time:
        parts.append(f"Zeit: {choice.time}")
    return "\n".join(parts)


def record_visit(
    db: Database,
    choice: FinderChoice,
    visitor: Visitor,
    project_names: Sequence[str],
    *,
    consent: bool,
    now: dt.datetime | None = None,
) -> int:
    """Store the visit as an inquiry (channel Infostand) with consent to pass it on.

    Without consent nothing is stored (ValidationError(field="consent")); a visitor
    needs a name and an e-mail address or phone number to be contacted.
    """
    now = now or dt.datetime.now()
    if not consent:
        raise ValidationError(
            "Ohne Ihr Einverständnis speichern wir nichts. Bitte setzen Sie das Häkchen.",
            field="consent",
        )
    name = field_checks.required(visitor.name, "name", "Bitte geben Sie Ihren Namen an.")
    email = field_checks.email(visitor.email)
    phone = field_checks.phone(visitor.phone)
    if not email and not phone:
        raise ValidationError(
            "Bitte geben Sie eine E-Mail-Adresse oder Telefonnummer an.", field="email"
        )
    message = interests_text(db, choice)
    if project_names:
        message += "\nPassende Projekte: " + ", ".join(project_names)
    with db.unit_of_work() as session:
        inquiry = Inquiry(
            kind=InquiryKind.BECOME_VOLUNTEER.value,
            received_on=now.date(),
            name=name,
            email=email,
            phone=phone,
            message=message,
            target_group_id=choice.target_group_ids[0] if choice.target_group_ids else None,
            district_id=choice.district_id,
            channel=InquiryChannel.INFO_STAND.value,
        )
        session.add(inquiry)
        session.flush()
        add_consent(
            session,
            SubjectRef(SubjectKind.INQUIRY.value, inquiry.id),
            ConsentInput(
                purpose=ConsentPurpose.PASS_ON.value,
                basis=LegalBasis.CONSENT.value,
                given_on=now.date(),
                source="Infostand",
                text_version=CONSENT_TEXT_VERSION,
            ),
            now,
        )
        return inquiry.id


def handout_pdf(db: Database, choice: FinderChoice, projects: Sequence[FinderProject]) -> bytes:
    """The visitor's one-page handout of exactly these projects, with a QR code."""
    texts = load_texts(db)
    office = [texts.office_name, texts.office_address.replace("\n", ", ")]
    office += [texts.office_phone, texts.office_email, texts.opening_hours]
    return build_finder_handout(
        texts.network_name,
        [line for line in office if line],
        texts.website,
        interests_text(db, choice),
        [
            HandoutProject(
                name=p.name,
                flyer_text=p.flyer_text,
                seeks_volunteers=p.seeks_volunteers,
                details=" · ".join(
                    part
                    for part in (p.target_groups, p.districts, p.time_commitment, p.languages)
                    if part
                ),
                contact=" · ".join(part for part in (p.email, p.phone, p.website) if part),
                logo=p.logo,
            )
            for p in projects
        ],
    )
