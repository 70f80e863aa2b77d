"""Import of the member list (projects and their Ansprechpartner:innen) from CSV/XLSX.

A project is matched by its name (case and spacing ignored), a contact by
its e-mail address within the project (else by its name). Importing the same
file twice changes nothing; a changed file updates the matching records.
Several rows may name the same project (one row per contact); their project
cells must then agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from patenbuero.db.enums import ProjectStatus
from patenbuero.db.models import Contact, District, MemberProject, TargetGroup
from patenbuero.io.names import fold_german, person_key
from patenbuero.services.core import locks
from patenbuero.services.core.importing import (
    Action,
    Analysis,
    NewValue,
    Progress,
    Record,
    RowOutcome,
)
from patenbuero.services.projects.organisations import (
    find_or_create_organisation,
    organisation_by_name,
)
from patenbuero.services.projects.rows import (
    IMPORT_FIELDS,
    ListMatcher,
    ProjectValues,
    read_row,
    same_checked,
)

_LABELS = {spec.key: spec.label_de for spec in IMPORT_FIELDS}
_LABELS["serves_whole_city"] = _LABELS["districts"]
_CHECKED = ("email", "phone", "website")
_CONTACT_LABELS = {
    "first_name": "Vorname",
    "last_name": "Nachname",
    "role": "Funktion",
    "email": "E-Mail",
    "phone": "Telefon",
    "on_mailing_list": "Verteiler",
    "consent_on": "Einwilligung am",
    "consent_source": "Einwilligung durch",
}


class ProjectImporter:
    """The :class:`~patenbuero.services.core.importing.Importer` for member projects."""

    title = "Mitgliedsprojekte"
    fields = IMPORT_FIELDS

    def analyse(self, session: Session, records: Sequence[Record], progress: Progress) -> Analysis:
        state = _State(session)
        outcomes: list[RowOutcome] = []
        new_values: list[NewValue] = []
        for number, record in enumerate(records, start=1):
            values = read_row(record, state.groups, state.districts)
            if not values.errors:
                new_values += [NewValue("Zielgruppe", v) for v in values.new_groups]
                new_values += [NewValue("Stadtteil", v) for v in values.new_districts]
                new_values += state.new_organisation(values)
            outcomes.append(state.outcome(record, values))
            progress(number, len(records))
        return Analysis(tuple(outcomes), tuple(new_values))

    def apply(self, session: Session, records: Sequence[Record], progress: Progress) -> None:
        locks.creation_lock(session, locks.ORGANISATIONS)  # before any project row is locked
        state = _State(session)
        for number, record in enumerate(records, start=1):
            values = read_row(record, state.groups, state.districts)
            project = state.projects.get(values.key)
            if project is None:
                project = MemberProject(name=values.name)
                session.add(project)
                state.projects[values.key] = project
            if values.key not in state.first:
                state.first[values.key] = values
                _write_project(session, project, values)
            if values.contact:
                _write_contact(session, project, values)
            progress(number, len(records))


class _State:
    """The database as the import sees it, loaded once per analysis or apply."""

    def __init__(self, session: Session) -> None:
        self.session = session
        projects = session.scalars(
            select(MemberProject).options(
                joinedload(MemberProject.organisation),
                selectinload(MemberProject.target_groups),
                selectinload(MemberProject.districts),
                selectinload(MemberProject.contacts),
            )
        ).all()
        self.projects = {fold_german(" ".join(p.name.split())): p for p in projects}
        self.groups = ListMatcher(session.scalars(select(TargetGroup.name)))
        self.districts = ListMatcher(session.scalars(select(District.name)))
        self.first: dict[str, ProjectValues] = {}
        self.seen_contacts: set[tuple[str, str]] = set()
        self.new_organisations: set[str] = set()

    def new_organisation(self, values: ProjectValues) -> list[NewValue]:
        name = str(values.project.get("organisation", ""))
        key = name.casefold()
        if not name or key in self.new_organisations:
            return []
        if organisation_by_name(self.session, name) is not None:
            return []
        self.new_organisations.add(key)
        return [NewValue("Träger", name)]

    def outcome(self, record: Record, values: ProjectValues) -> RowOutcome:
        if values.errors:
            return RowOutcome(record.line, values.name, Action.ERROR, tuple(values.errors))
        created: list[str] = []
        changed: list[str] = []
        project = self.projects.get(values.key)
        first = self.first.get(values.key)
        if first is None:
            self.first[values.key] = values
            if project is None:
                created.append("Projekt")
            else:
                changed += describe_changes(project, values.project)
        else:
            conflicts = _conflicts(record, first, values)
            if conflicts:
                message = (
                    f"Das Projekt steht auch in Zeile {first.line}, dort mit anderen Angaben "
                    f"({', '.join(conflicts)})."
                )
                return RowOutcome(record.line, values.name, Action.ERROR, (message,))
        if values.contact:
            identity = (values.key, _contact_key(values.contact))
            if identity not in self.seen_contacts:
                self.seen_contacts.add(identity)
                contact = _find_contact(project, values.contact) if project else None
                name = f"{values.contact['first_name']} {values.contact['last_name']}".strip()
                if contact is None:
                    created.append(f"Ansprechperson {name}{_mailing_note(values.contact)}")
                else:
                    changed += [f"{label} ({name})" for label in contact_changes(contact, values)]
        action = Action.CREATE if created else Action.UPDATE if changed else Action.UNCHANGED
        detail = "; ".join(
            part
            for part in (
                f"neu: {', '.join(created)}" if created else "",
                f"geändert: {', '.join(changed)}" if changed else "",
            )
            if part
        )
        return RowOutcome(record.line, values.name, action, (), detail)


def _mailing_note(contact: dict[str, object]) -> str:
    """Why a new contact will get no network mail, so that nobody wonders later."""
    if not contact.get("on_mailing_list"):
        return " (nicht im Verteiler: die Liste sagt nicht „im Verteiler: ja“)"
    if not contact.get("email"):
        return " (nicht im Verteiler: keine E-Mail-Adresse)"
    if not contact.get("consent_on"):
        return (
            " (im Verteiler, aber ohne Einwilligung – bekommt keine Mails, bis sie auf "
            "der Seite der Person erfasst ist; Spalte „Einwilligung am“)"
        )
    return ""


def project_changes(project: MemberProject, wanted: dict[str, object]) -> list[str]:
    """Labels of the fields whose wanted value differs from the stored one."""
    changed: list[str] = []
    for key, value in wanted.items():
        if key == "organisation":
            stored: object = project.organisation.name if project.organisation else ""
            same = str(stored).casefold() == str(value).casefold()
        elif key == "target_groups":
            # Lists only grow by an import: a row naming fewer target groups than the
            # project has adds nothing and removes nothing (removing is done in the form).
            same = set(_names(value)) <= {g.name for g in project.target_groups}
        elif key == "districts":
            same = set(_names(value)) <= {d.name for d in project.districts}
        elif key in _CHECKED:
            same = same_checked(getattr(project, key), str(value), key)
        else:
            same = getattr(project, key) == value
        if not same and _LABELS[key] not in changed:
            changed.append(_LABELS[key])
    return changed


def _shown(project: MemberProject, key: str) -> str:
    if key == "organisation":
        return project.organisation.name if project.organisation else ""
    if key == "target_groups":
        return ", ".join(g.name for g in project.target_groups)
    if key == "districts":
        return ", ".join(d.name for d in project.districts)
    value = getattr(project, key)
    return _as_text(value)


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return str(value or "")


def _wanted_text(project: MemberProject, key: str, value: object) -> str:
    if key in ("target_groups", "districts"):
        stored = _shown(project, key)
        added = [n for n in _names(value) if n not in stored.split(", ")]
        return ", ".join([n for n in stored.split(", ") if n] + added)
    return _as_text(value)


def describe_changes(project: MemberProject, wanted: dict[str, object]) -> list[str]:
    """Each changed field as „Label: alt → neu“, for the preview."""
    changed = set(project_changes(project, wanted))
    described: list[str] = []
    for key, value in wanted.items():
        label = _LABELS[key]
        if label in changed and key != "serves_whole_city":
            before = _shown(project, key)
            after = _wanted_text(project, key, value)
            described.append(f"{label}: „{before or '–'}“ → „{after or '–'}“")
    return described


def contact_changes(contact: Contact, values: ProjectValues) -> list[str]:
    changed = []
    for key, value in values.contact.items():
        stored = getattr(contact, key)
        same = (
            same_checked(stored, str(value), key) if key in ("email", "phone") else stored == value
        )
        if not same:
            changed.append(_CONTACT_LABELS[key])
    return changed


def _names(value: object) -> list[str]:
    return [str(n) for n in value] if isinstance(value, tuple | list) else []


def _conflicts(record: Record, first: ProjectValues, values: ProjectValues) -> list[str]:
    labels: list[str] = []
    for key, value in values.project.items():
        raw_key = "districts" if key == "serves_whole_city" else key
        differs = record.get(raw_key).strip() and first.project.get(key) != value
        if differs and _LABELS[key] not in labels:
            labels.append(_LABELS[key])
    return labels


def _contact_key(contact: dict[str, object]) -> str:
    email = str(contact.get("email", "")).casefold()
    if email:
        return email
    return "name:" + person_key(str(contact["first_name"]), str(contact["last_name"]))


def _find_contact(project: MemberProject, wanted: dict[str, object]) -> Contact | None:
    email = str(wanted.get("email", "")).casefold()
    key = person_key(str(wanted["first_name"]), str(wanted["last_name"]))
    if email:
        for contact in project.contacts:
            if contact.email.casefold() == email:
                return contact
    for contact in project.contacts:
        if person_key(contact.first_name, contact.last_name) == key and (
            not email or not contact.email
        ):
            return contact
    return None


def _write_project(session: Session, project: MemberProject, values: ProjectValues) -> None:
    changed = set(project_changes(project, values.project)) if project.id else None
    for key, value in values.project.items():
        if changed is not None and _LABELS[key] not in changed:
            continue
        if key == "organisation":
            project.organisation = (
                find_or_create_organisation(session, str(value)) if value else None
            )
        elif key == "target_groups":
            kept = list(project.target_groups)
            added = [_group(session, n) for n in _names(value)]
            project.target_groups = kept + [g for g in added if g not in kept]
        elif key == "districts":
            kept_districts = list(project.districts)
            new_districts = [_district(session, n) for n in _names(value)]
            project.districts = kept_districts + [
                d for d in new_districts if d not in kept_districts
            ]
        else:
            setattr(project, key, value)
    if project.status == ProjectStatus.LEFT.value:
        project.left_on = project.left_on or dt.date.today()
        project.seeks_volunteers = False
    else:
        project.left_on = None
    session.flush()


def _write_contact(session: Session, project: MemberProject, values: ProjectValues) -> None:
    contact = _find_contact(project, values.contact)
    if contact is None:
        contact = Contact(project=project, last_name=str(values.contact["last_name"]))
        contact.on_mailing_list = False
        session.add(contact)
        changed = None
    else:
        changed = set(contact_changes(contact, values))
    for key, value in values.contact.items():
        if changed is None or _CONTACT_LABELS[key] in changed:
            setattr(contact, key, value)
    session.flush()


def _group(session: Session, name: str) -> TargetGroup:
    group = session.scalar(select(TargetGroup).where(TargetGroup.name == name))
    if group is None:
        last = session.scalar(select(func.max(TargetGroup.sort_order))) or 0
        group = TargetGroup(name=name, sort_order=last + 10)
        session.add(group)
        session.flush()
    return group


def _district(session: Session, name: str) -> District:
    district = session.scalar(select(District).where(District.name == name))
    if district is None:
        district = District(name=name)
        session.add(district)
        session.flush()
    return district
