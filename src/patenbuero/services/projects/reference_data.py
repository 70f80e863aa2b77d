"""The office's lists: target groups and districts – add, rename, merge, remove.

Merging re-tags everything that used the merged entry (projects and inquiries) with the
one that stays, so that two spellings of "Senior:innen" become one without losing a
single project.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from patenbuero.db.models import (
    District,
    Inquiry,
    TargetGroup,
    project_district,
    project_target_group,
)
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.core.plural import plural

TARGET_GROUPS, DISTRICTS = "target_group", "district"


@dataclass(frozen=True)
class _Kind:
    model: Any
    links: Table
    link_column: str
    inquiry_column: str
    label: str


_KINDS = {
    TARGET_GROUPS: _Kind(
        TargetGroup, project_target_group, "target_group_id", "target_group_id", "Zielgruppe"
    ),
    DISTRICTS: _Kind(District, project_district, "district_id", "district_id", "Stadtteil"),
}


@dataclass(frozen=True)
class ReferenceRow:
    id: int
    name: str
    projects: int  # how many projects use it


def _kind(kind: str) -> _Kind:
    if kind not in _KINDS:
        raise ValidationError(f"Unbekannte Liste: {kind}.")
    return _KINDS[kind]


def list_reference(db: Database, kind: str) -> list[ReferenceRow]:
    spec = _kind(kind)
    column = spec.links.c[spec.link_column]
    with db.reading() as session:
        uses: dict[int, int] = dict(
            session.execute(select(column, func.count()).group_by(column)).all()
        )
        entries = session.scalars(select(spec.model).order_by(spec.model.name)).all()
        return [ReferenceRow(e.id, e.name, int(uses.get(e.id, 0))) for e in entries]


def _clean(session: Session, spec: _Kind, name: str, entry_id: int | None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError(f"Bitte geben Sie einen Namen ein ({spec.label}).", field="name")
    same = session.scalar(select(spec.model).where(func.lower(spec.model.name) == name.lower()))
    if same is not None and same.id != entry_id:
        raise ValidationError(
            f"„{same.name}“ gibt es schon. Führen Sie doppelte Einträge zusammen.", field="name"
        )
    return name


def _entry(session: Session, spec: _Kind, entry_id: int) -> Any:
    entry = session.get(spec.model, entry_id)
    if entry is None:
        raise NotFoundError(f"Diesen Eintrag ({spec.label}) gibt es nicht mehr.")
    return entry


@logged_action("reference.add")
def add_reference(db: Database, kind: str, name: str) -> int:
    spec = _kind(kind)
    with db.unit_of_work() as session:
        entry = spec.model(name=_clean(session, spec, name, None))
        if spec.model is TargetGroup:
            last = session.scalar(select(func.max(TargetGroup.sort_order))) or 0
            entry.sort_order = last + 10
        session.add(entry)
        session.flush()
        return int(entry.id)


@logged_action("reference.rename")
def rename_reference(db: Database, kind: str, entry_id: int, name: str) -> None:
    spec = _kind(kind)
    with db.unit_of_work() as session:
        entry = _entry(session, spec, entry_id)
        entry.name = _clean(session, spec, name, entry_id)


@logged_action("reference.merge")
def merge_reference(db: Database, kind: str, merged_id: int, kept_id: int) -> int:
    """Re-tag all that used ``merged_id`` with ``kept_id``, then remove it; projects moved."""
    spec = _kind(kind)
    if merged_id == kept_id:
        raise ValidationError("Bitte wählen Sie zwei verschiedene Einträge.")
    links, column = spec.links, spec.links.c[spec.link_column]
    with db.unit_of_work() as session:
        merged, _kept = _entry(session, spec, merged_id), _entry(session, spec, kept_id)
        projects = set(session.scalars(select(links.c.project_id).where(column == merged_id)))
        already = set(session.scalars(select(links.c.project_id).where(column == kept_id)))
        session.execute(delete(links).where(column == merged_id))
        for project_id in sorted(projects - already):
            session.execute(insert(links).values({"project_id": project_id, column.name: kept_id}))
        inquiry_column = getattr(Inquiry, spec.inquiry_column)
        session.execute(
            update(Inquiry).where(inquiry_column == merged_id).values({inquiry_column: kept_id})
        )
        session.delete(merged)
        return len(projects)


@logged_action("reference.delete")
def delete_reference(db: Database, kind: str, entry_id: int) -> None:
    """Remove an entry nobody uses; one in use must be merged into another instead."""
    spec = _kind(kind)
    column = spec.links.c[spec.link_column]
    with db.unit_of_work() as session:
        entry = _entry(session, spec, entry_id)
        used = session.scalar(select(func.count()).where(column == entry_id)) or 0
        if used:
            raise ValidationError(
                f"„{entry.name}“ ist bei {plural(used, 'Projekt', 'Projekten')} eingetragen. "
                "Führen Sie den Eintrag mit einem anderen zusammen."
            )
        session.delete(entry)
