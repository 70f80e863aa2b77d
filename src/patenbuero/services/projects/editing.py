"""Changing the member register: save a project, mark it as left, delete it safely.

A project is never deleted while anything refers to it (contacts, events,
tasks, forwardings, participants); the office marks it as left instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from patenbuero.db import safety_switches
from patenbuero.db.enums import ProjectStatus
from patenbuero.db.models import (
    Contact,
    District,
    Event,
    Forwarding,
    MemberProject,
    Person,
    TargetGroup,
    Task,
)
from patenbuero.errors import ConflictError, NotFoundError, ValidationError
from patenbuero.services.core import field_checks, locks
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.projects.organisations import find_or_create_organisation
from patenbuero.services.projects.records import ProjectInput as ProjectInput
from patenbuero.services.projects.use_cases import (
    FLYER_TEXT_LIMIT,
    LOGO_MAX_PIXELS,
    ProjectDetail,
    detail_of,
)

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PLAIN_FIELDS = (
    "serves_whole_city",
    "status",
    "member_since",
    "left_on",
    "leitbild_signed_on",
    "flyer_text",
    "portrait_text",
    "time_commitment",
    "languages",
    "website",
    "email",
    "phone",
    "address",
    "notes",
    "seeks_volunteers",
)


# Free-text fields: (field, label, limit as in the table, several lines?)
TEXT_LIMITS = (
    ("organisation_name", "Der Träger", 200, False),
    ("time_commitment", "Der Zeitaufwand", 200, False),
    ("languages", "Die Sprachen", 200, False),
    ("portrait_text", "Der Porträttext", 10_000, True),
    ("address", "Die Adresse", 2_000, True),
    ("notes", "Die Notizen", 10_000, True),
)


def input_from_detail(detail: ProjectDetail) -> ProjectInput:
    """The stored project as form input (the other side of a conflict, or its base)."""
    values = {
        field: getattr(detail, field)
        for field in ProjectInput.__dataclass_fields__
        if field not in ("replace_logo", "expected_version")
    }
    values.update(replace_logo=False, expected_version=detail.version)
    stored = ProjectInput(**values)
    try:
        # In the same normal form as what a user saves, so only real differences show.
        return validated(stored)
    except ValidationError:
        return stored


@dataclass(frozen=True)
class Dependents:
    """What refers to a project and would be orphaned by deleting it."""

    contacts: int
    events: int
    tasks: int
    forwardings: int
    persons: int

    @property
    def any(self) -> bool:
        return any((self.contacts, self.events, self.tasks, self.forwardings, self.persons))

    def describe(self) -> str:
        """German list such as "3 Ansprechpartner:innen, 1 Aufgabe"."""
        parts = [
            _count(self.contacts, "Ansprechpartner:in", "Ansprechpartner:innen"),
            _count(self.events, "Veranstaltung", "Veranstaltungen"),
            _count(self.tasks, "Aufgabe", "Aufgaben"),
            _count(self.forwardings, "Weiterleitung einer Anfrage", "Weiterleitungen von Anfragen"),
            _count(self.persons, "Teilnehmer:in", "Teilnehmer:innen"),
        ]
        return ", ".join(part for part in parts if part)


def _count(number: int, one: str, many: str) -> str:
    if not number:
        return ""
    return f"1 {one}" if number == 1 else f"{number} {many}"


def validated(data: ProjectInput, today: dt.date | None = None) -> ProjectInput:
    """Trimmed and checked input; raises ValidationError naming the field."""
    today = today or dt.date.today()
    name = field_checks.required(data.name, "name", "Bitte geben Sie den Namen des Projekts an.")
    name = field_checks.limited(name, "name", "Der Name", 200)
    texts = {
        key: field_checks.limited(getattr(data, key), key, label, limit, multiline=multiline)
        for key, label, limit, multiline in TEXT_LIMITS
    }
    if data.status not in {s.value for s in ProjectStatus}:
        raise ValidationError(f"Unbekannter Status „{data.status}“.", field="status")
    flyer = field_checks.limited(
        data.flyer_text, "flyer_text", "Der Flyertext", 10_000, multiline=True
    )
    if len(flyer) > FLYER_TEXT_LIMIT:
        raise ValidationError(
            f"Der Flyertext ist {len(flyer)} Zeichen lang; auf den Flyer passen höchstens "
            f"{FLYER_TEXT_LIMIT}. Bitte kürzen Sie ihn.",
            field="flyer_text",
        )
    left_on = (data.left_on or today) if data.status == ProjectStatus.LEFT.value else None
    if data.member_since and left_on and left_on < data.member_since:
        raise ValidationError(
            "Das Austrittsdatum liegt vor dem Datum „Mitglied seit“.", field="left_on"
        )
    field_checks.not_in_future(
        data.leitbild_signed_on, "leitbild_signed_on", "Das Datum des Leitbilds", today
    )
    if data.replace_logo and data.logo_png is not None:
        check_logo(data.logo_png)
    return replace(
        data,
        name=name,
        organisation_name=texts["organisation_name"],
        flyer_text=flyer,
        portrait_text=texts["portrait_text"],
        time_commitment=texts["time_commitment"],
        languages=texts["languages"],
        website=field_checks.website(data.website),
        email=field_checks.email(data.email),
        phone=field_checks.phone(data.phone),
        address=texts["address"],
        notes=texts["notes"],
        left_on=left_on,
        target_group_ids=tuple(dict.fromkeys(data.target_group_ids)),
        district_ids=tuple(dict.fromkeys(data.district_ids)),
    )


def check_logo(png: bytes) -> None:
    """A logo must be a PNG no larger than LOGO_MAX_PIXELS on either side."""
    if not png.startswith(_PNG_SIGNATURE) or len(png) < 24:
        raise ValidationError("Das Logo muss als PNG-Bild vorliegen.", field="logo")
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    if max(width, height) > LOGO_MAX_PIXELS:
        raise ValidationError(
            f"Das Logo ist {width} × {height} Pixel groß; erlaubt sind höchstens "
            f"{LOGO_MAX_PIXELS} Pixel.",
            field="logo",
        )


@logged_action("project.save")
def save_project(db: Database, project_id: int | None, data: ProjectInput) -> int:
    """Create (``project_id`` None) or update a project; returns its id."""
    data = validated(data)
    with db.unit_of_work() as session:
        if data.organisation_name:  # first, so two saves never wait for each other
            locks.creation_lock(session, locks.ORGANISATIONS)
        project = _load(session, project_id) if project_id is not None else MemberProject()
        if project_id is not None:
            _check_version(project, data)
        _check_unique_name(session, data.name, project_id)
        _check_retired(session, project, data)
        if project_id is None:
            session.add(project)
        apply_input(session, project, data)
        session.flush()
        return project.id


def _check_retired(session: Session, project: MemberProject, data: ProjectInput) -> None:
    """A retired target group or district stays where it is but is not newly chosen."""
    for model, wanted, had, field in (
        (TargetGroup, data.target_group_ids, project.target_groups, "target_groups"),
        (District, data.district_ids, project.districts, "districts"),
    ):
        new = set(wanted) - {entry.id for entry in had}
        retired = session.scalars(
            select(model.name).where(model.id.in_(new), model.retired).order_by(model.name)
        ).first()
        if retired is not None:
            raise ValidationError(
                f"„{retired}“ wird nicht mehr verwendet; bitte wählen Sie einen anderen Eintrag.",
                field=field,
            )


def _check_version(project: MemberProject, data: ProjectInput) -> None:
    if data.expected_version is None or data.expected_version == project.version:
        return
    if safety_switches.disabled(safety_switches.VERSIONS):
        return
    raise ConflictError(
        f"„{project.name}“ wurde inzwischen an einem anderen Arbeitsplatz geändert.",
        mine=data,
        theirs=input_from_detail(detail_of(project)),
        version=project.version,
    )


def apply_input(session: Session, project: MemberProject, data: ProjectInput) -> None:
    """Copy validated input onto a project (also used by the import)."""
    project.name = data.name
    project.organisation = (
        find_or_create_organisation(session, data.organisation_name)
        if data.organisation_name
        else None
    )
    project.target_groups = _by_ids(session, TargetGroup, data.target_group_ids, "target_groups")
    project.districts = _by_ids(session, District, data.district_ids, "districts")
    for field in _PLAIN_FIELDS:
        setattr(project, field, getattr(data, field))
    if data.replace_logo:
        project.logo = data.logo_png
        project.logo_mime = "image/png" if data.logo_png else ""


@logged_action("project.mark_left")
def mark_left(db: Database, project_id: int, left_on: dt.date | None = None) -> None:
    """The project leaves the network; its contacts, events and history stay."""
    with db.unit_of_work() as session:
        project = _load(session, project_id)
        when = left_on or dt.date.today()
        if project.member_since and when < project.member_since:
            raise ValidationError(
                "Das Austrittsdatum liegt vor dem Datum „Mitglied seit“.", field="left_on"
            )
        project.status = ProjectStatus.LEFT.value
        project.left_on = when
        project.seeks_volunteers = False


def project_dependents(db: Database, project_id: int) -> Dependents:
    with db.reading() as session:
        _load(session, project_id)
        return _dependents(session, project_id)


@logged_action("project.delete")
def delete_project(db: Database, project_id: int) -> str:
    """Delete a project nothing refers to; returns its name.

    Raises ValidationError naming what depends on it otherwise.
    """
    with db.unit_of_work() as session:
        project = _load(session, project_id)
        dependents = _dependents(session, project_id)
        if dependents.any:
            raise ValidationError(
                f"„{project.name}“ kann nicht gelöscht werden: Daran hängen "
                f"{dependents.describe()}. Markieren Sie das Projekt stattdessen als "
                "ausgeschieden – so bleibt seine Geschichte erhalten."
            )
        name = project.name
        session.delete(project)
        return name


def _dependents(session: Session, project_id: int) -> Dependents:
    def count(model: type, column: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(model).where(column)) or 0)

    return Dependents(
        contacts=count(Contact, Contact.project_id == project_id),
        events=count(Event, Event.responsible_project_id == project_id),
        tasks=count(Task, Task.project_id == project_id),
        forwardings=count(Forwarding, Forwarding.project_id == project_id),
        persons=count(Person, Person.project_id == project_id),
    )


def _load(session: Session, project_id: int) -> MemberProject:
    """The project, locked until the unit of work ends (PostgreSQL: FOR UPDATE), so the
    version check and the UPDATE of a save cannot interleave with another PC's save."""
    project = session.scalars(
        select(MemberProject)
        .where(MemberProject.id == project_id)
        .options(selectinload(MemberProject.target_groups), selectinload(MemberProject.districts))
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if project is None:
        raise NotFoundError("Das Projekt gibt es nicht mehr; die Liste wurde aktualisiert.")
    return project


def _check_unique_name(session: Session, name: str, project_id: int | None) -> None:
    query = select(MemberProject.id).where(func.lower(MemberProject.name) == name.lower())
    if project_id is not None:
        query = query.where(MemberProject.id != project_id)
    if session.scalar(query) is not None:
        raise ValidationError(f"Ein Projekt „{name}“ gibt es schon.", field="name")


def _by_ids(session: Session, model: Any, ids: tuple[int, ...], field: str) -> list[Any]:
    if not ids:
        return []
    items: list[Any] = list(session.scalars(select(model).where(model.id.in_(ids))))
    found = {item.id: item for item in items}
    if len(found) != len(ids):
        raise ValidationError("Ein gewählter Eintrag existiert nicht mehr.", field=field)
    return [found[i] for i in ids]
