"""Import of the member list (projects and their Ansprechpartner:innen) from CSV/XLSX.

A project is matched by its name (case and spacing ignored), a contact by
its e-mail address within the project (else by its name). Importing the same
file twice changes nothing; a changed file updates the matching records.
Several rows may name the same project (one row per contact); their project
cells must then agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from patenbuero.db.enums import ProjectStatus
from patenbuero.db.models import Contact, District, MemberProject, TargetGroup
from patenbuero.io.names import fold_german, person_key
from patenbuero.services.core import locks
from patenbuero.services.core.importing import (
    Action,
    Analysis,
    FieldChange,
    NewValue,
    Progress,
    Record,
    RowOutcome,
)
from patenbuero.services.projects.import_changes import (
    LISTS,
    REMOVE,
    contact_field_changes,
    field_of,
    project_field_changes,
    taken,
)
from patenbuero.services.projects.import_journal import ProjectJournal
from patenbuero.services.projects.organisations import (
    find_or_create_organisation,
    organisation_by_name,
)
from patenbuero.services.projects.rows import (
    IMPORT_FIELDS,
    ListMatcher,
    ProjectValues,
    read_row,
)

_LABELS = {spec.key: spec.label_de for spec in IMPORT_FIELDS}
_LABELS["serves_whole_city"] = _LABELS["districts"]


class ProjectImporter:
    """The :class:`~patenbuero.services.core.importing.Importer` for member projects.

    ``decisions``: the office's choice per field change (by its key): True writes the
    file's value, False keeps the stored one; a change not named here follows its
    default (taken, unless it would remove values).
    """

    title = "Mitgliedsprojekte"
    fields = IMPORT_FIELDS
    journal_kind = "projects"

    def __init__(self, decisions: Mapping[str, bool] | None = None) -> None:
        self.decisions: dict[str, bool] = dict(decisions or {})

    def journal_description(self, _session: Session) -> str:
        return "Projekte und Ansprechpersonen"

    def analyse(self, session: Session, records: Sequence[Record], progress: Progress) -> Analysis:
        state = _State(session, self.decisions)
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
        return Analysis(tuple(outcomes), tuple(new_values), changes=tuple(state.changes))

    def apply(
        self,
        session: Session,
        records: Sequence[Record],
        progress: Progress,
        plan: object = None,
    ) -> None:
        """Write the rows (a member list has a few hundred: read again, ``plan`` unused)."""
        locks.creation_lock(session, locks.ORGANISATIONS)  # before any project row is locked
        state = _State(session, self.decisions)
        journal = ProjectJournal.before(session, state.projects.values())
        for number, record in enumerate(records, start=1):
            values = read_row(record, state.groups, state.districts)
            project = state.projects.get(values.key)
            fields: set[str] | None = None  # a new project: every field of the file
            if project is None:
                project = MemberProject(name=values.name)
                session.add(project)
                state.projects[values.key] = project
            elif values.key not in state.first:
                changes = project_field_changes(project, values.project, values.key, values.line)
                fields = {field_of(c) for c in changes if taken(c, self.decisions)}
            if values.key not in state.first:
                state.first[values.key] = values
                _write_project(session, project, values, fields)
            if values.contact:
                _write_contact(session, project, values, self.decisions)
            progress(number, len(records))
        journal.record(session, state.projects.values())


class _State:
    """The database as the import sees it, loaded once per analysis or apply."""

    def __init__(self, session: Session, decisions: Mapping[str, bool]) -> None:
        self.session = session
        self.decisions = decisions
        self.changes: list[FieldChange] = []
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
        changes: list[FieldChange] = []
        project = self.projects.get(values.key)
        first = self.first.get(values.key)
        if first is None:
            self.first[values.key] = values
            if project is None:
                created.append("Projekt")
            else:
                changes += project_field_changes(project, values.project, values.key, record.line)
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
                    key = f"{values.key}|{identity[1]}"
                    subject = f"{values.name} – {name}"
                    changes += contact_field_changes(
                        contact, values.contact, key, record.line, subject
                    )
        self.changes += changes
        changed = [_described(c) for c in changes if taken(c, self.decisions)]
        kept = [c.label for c in changes if not taken(c, self.decisions)]
        action = Action.CREATE if created else Action.UPDATE if changed else Action.UNCHANGED
        detail = "; ".join(
            part
            for part in (
                f"neu: {', '.join(created)}" if created else "",
                f"geändert: {', '.join(changed)}" if changed else "",
                f"bleibt wie gespeichert: {', '.join(kept)}" if kept else "",
            )
            if part
        )
        return RowOutcome(record.line, values.name, action, (), detail)


def _described(change: FieldChange) -> str:
    """„Label: „alt“ → „neu““ for the row's result in the preview."""
    where = f" ({change.subject.split(' – ', 1)[1]})" if " – " in change.subject else ""
    return f"{change.label}{where}: „{change.old or '–'}“ → „{change.new or '–'}“"


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


def _write_project(
    session: Session, project: MemberProject, values: ProjectValues, fields: set[str] | None
) -> None:
    """Write the row's project fields: all for a new project, else the taken ``fields``."""
    for key, value in values.project.items():
        if key in LISTS:
            _write_list(session, project, key, _names(value), fields)
        elif fields is not None and key not in fields:
            continue
        elif key == "organisation":
            project.organisation = (
                find_or_create_organisation(session, str(value)) if value else None
            )
        else:
            setattr(project, key, value)
    if project.status == ProjectStatus.LEFT.value:
        project.left_on = project.left_on or dt.date.today()
        project.seeks_volunteers = False
    else:
        project.left_on = None
    session.flush()


def _write_list(
    session: Session, project: MemberProject, key: str, names: list[str], fields: set[str] | None
) -> None:
    """Target groups or districts: the file's additions and, if taken, its removals."""
    stored = list(getattr(project, key))
    add = fields is None or key in fields
    drop = fields is not None and key + REMOVE in fields
    if not add and not drop:
        return
    kept = [item for item in stored if item.name in names] if drop else stored
    maker = _group if key == "target_groups" else _district
    added = [maker(session, name) for name in names] if add else []
    setattr(project, key, kept + [item for item in added if item not in kept])


def _write_contact(
    session: Session, project: MemberProject, values: ProjectValues, decisions: Mapping[str, bool]
) -> None:
    contact = _find_contact(project, values.contact)
    fields: set[str] | None = None
    if contact is None:
        contact = Contact(project=project, last_name=str(values.contact["last_name"]))
        contact.on_mailing_list = False
        session.add(contact)
    else:
        key = f"{values.key}|{_contact_key(values.contact)}"
        changes = contact_field_changes(contact, values.contact, key, values.line, "")
        fields = {field_of(c) for c in changes if taken(c, decisions)}
    for field, value in values.contact.items():
        if fields is None or field in fields:
            setattr(contact, field, value)
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
