"""The office's lists: target groups, districts, Träger kinds and event kinds – add,
rename, merge, retire, remove.

Merging re-tags everything that used the merged entry (projects and inquiries, Träger,
events) with the one that stays, so that two spellings of "Senior:innen" become one
without losing a single project. A retired entry is no longer offered for new choices
but stays on every record that has it. Built-in kinds (db.enums) keep their keys, on
which the program's behaviour rests: they can be renamed and retired, not merged away
or removed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from patenbuero.db.models import District, EventKindEntry, OrganisationKindEntry, TargetGroup
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.core.plural import plural
from patenbuero.services.projects import reference_uses as uses

TARGET_GROUPS, DISTRICTS = "target_group", "district"
ORGANISATION_KINDS, EVENT_KINDS = "organisation_kind", "event_kind"
LISTS = (TARGET_GROUPS, DISTRICTS, ORGANISATION_KINDS, EVENT_KINDS)


@dataclass(frozen=True)
class _List:
    model: Any
    label: str  # one entry, for messages
    uses: uses.Uses


_LISTS = {
    TARGET_GROUPS: _List(TargetGroup, "Zielgruppe", uses.TARGET_GROUP_USES),
    DISTRICTS: _List(District, "Stadtteil", uses.DISTRICT_USES),
    ORGANISATION_KINDS: _List(OrganisationKindEntry, "Art des Trägers", uses.ORGANISATION_USES),
    EVENT_KINDS: _List(EventKindEntry, "Veranstaltungsart", uses.EVENT_USES),
}


@dataclass(frozen=True)
class ReferenceRow:
    id: int
    name: str
    uses: int  # how many records use it (projects, Träger or events)
    retired: bool = False
    builtin: bool = False  # a built-in kind: renamed and retired, never merged away


def _list(kind: str) -> _List:
    if kind not in _LISTS:
        raise ValidationError(f"Unbekannte Liste: {kind}.")
    return _LISTS[kind]


def uses_noun(kind: str, count: int) -> str:
    """ "3 Projekte", "1 Veranstaltung" … for the list ``kind``."""
    return plural(count, *_list(kind).uses.nouns)


def list_reference(db: Database, kind: str) -> list[ReferenceRow]:
    spec = _list(kind)
    with db.reading() as session:
        counts = spec.uses.count(session)
        entries = session.scalars(select(spec.model).order_by(spec.model.name)).all()
        return [
            ReferenceRow(
                e.id,
                e.name,
                int(counts.get(spec.uses.handle(e), 0)),
                bool(e.retired),
                bool(getattr(e, "builtin", False)),
            )
            for e in entries
        ]


def _clean(session: Session, spec: _List, name: str, entry_id: int | None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError(f"Bitte geben Sie einen Namen ein ({spec.label}).", field="name")
    limit = spec.model.__table__.c.name.type.length
    if len(name) > limit:
        raise ValidationError(
            f"Der Name ist zu lang (höchstens {limit} Zeichen, {spec.label}).", field="name"
        )
    same = session.scalar(select(spec.model).where(func.lower(spec.model.name) == name.lower()))
    if same is not None and same.id != entry_id:
        raise ValidationError(
            f"„{same.name}“ gibt es schon. Führen Sie doppelte Einträge zusammen.", field="name"
        )
    return name


def _entry(session: Session, spec: _List, entry_id: int) -> Any:
    entry = session.get(spec.model, entry_id)
    if entry is None:
        raise NotFoundError(f"Diesen Eintrag ({spec.label}) gibt es nicht mehr.")
    return entry


@logged_action("reference.add")
def add_reference(db: Database, kind: str, name: str) -> int:
    spec = _list(kind)
    with db.unit_of_work() as session:
        entry = spec.model(name=_clean(session, spec, name, None))
        if hasattr(spec.model, "sort_order"):
            last = session.scalar(select(func.max(spec.model.sort_order))) or 0
            entry.sort_order = last + 10
        if hasattr(spec.model, "key"):
            # Kinds the office adds get a key of their own; no behaviour hangs on it.
            entry.key = f"eigene-{uuid.uuid4().hex[:12]}"
        session.add(entry)
        session.flush()
        return int(entry.id)


@logged_action("reference.rename")
def rename_reference(db: Database, kind: str, entry_id: int, name: str) -> None:
    spec = _list(kind)
    with db.unit_of_work() as session:
        entry = _entry(session, spec, entry_id)
        entry.name = _clean(session, spec, name, entry_id)


@logged_action("reference.retire")
def set_retired(db: Database, kind: str, entry_id: int, retired: bool) -> None:
    """Retire an entry (no longer offered for new choices) or take it back into use."""
    spec = _list(kind)
    with db.unit_of_work() as session:
        entry = _entry(session, spec, entry_id)
        if retired and not entry.retired:
            active = select(func.count()).select_from(spec.model).where(~spec.model.retired)
            if hasattr(spec.model, "key") and (session.scalar(active) or 0) <= 1:
                raise ValidationError(
                    f"„{entry.name}“ ist der letzte Eintrag, der noch zur Auswahl steht "
                    f"({spec.label}); mindestens einer muss bleiben."
                )
        entry.retired = retired


@logged_action("reference.merge")
def merge_reference(db: Database, kind: str, merged_id: int, kept_id: int) -> int:
    """Re-tag all that used ``merged_id`` with ``kept_id``, then remove it; records moved."""
    spec = _list(kind)
    if merged_id == kept_id:
        raise ValidationError("Bitte wählen Sie zwei verschiedene Einträge.")
    with db.unit_of_work() as session:
        merged, kept = _entry(session, spec, merged_id), _entry(session, spec, kept_id)
        if getattr(merged, "builtin", False):
            raise ValidationError(
                f"„{merged.name}“ gehört zum Programm und kann nicht in einem anderen Eintrag "
                "aufgehen; führen Sie umgekehrt den anderen Eintrag mit diesem zusammen."
            )
        moved = spec.uses.retag(session, merged, kept)
        session.delete(merged)
        return moved


@logged_action("reference.delete")
def delete_reference(db: Database, kind: str, entry_id: int) -> None:
    """Remove an entry nobody uses; one in use must be merged into another instead."""
    spec = _list(kind)
    with db.unit_of_work() as session:
        entry = _entry(session, spec, entry_id)
        if getattr(entry, "builtin", False):
            raise ValidationError(
                f"„{entry.name}“ gehört zum Programm und kann nicht gelöscht werden; "
                "Sie können den Eintrag umbenennen oder nicht mehr verwenden."
            )
        used = spec.uses.count(session).get(spec.uses.handle(entry), 0)
        if used:
            raise ValidationError(
                f"„{entry.name}“ ist bei {plural(used, *spec.uses.dative)} eingetragen. "
                "Führen Sie den Eintrag mit einem anderen zusammen."
            )
        session.execute(delete(spec.model).where(spec.model.id == entry_id))
