"""The Träger kinds and event kinds of the office's lists, as choices and labels.

Records store a kind's key; the office sees its name, which it may rename in
Bearbeiten → Listen. A retired kind is offered only to the record that already has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from patenbuero.db.models import EventKindEntry, OrganisationKindEntry
from patenbuero.errors import ValidationError
from patenbuero.services.core.database import Database


@dataclass(frozen=True)
class KindChoice:
    key: str
    name: str
    retired: bool = False


def _choices(db: Database, model: Any) -> list[KindChoice]:
    with db.reading() as session:
        entries = session.scalars(select(model).order_by(model.sort_order, model.name))
        return [KindChoice(e.key, e.name, bool(e.retired)) for e in entries]


def event_kinds(db: Database) -> list[KindChoice]:
    """Every event kind, retired ones included (marked), in the office's order."""
    return _choices(db, EventKindEntry)


def organisation_kinds(db: Database) -> list[KindChoice]:
    """Every Träger kind, retired ones included (marked), in the office's order."""
    return _choices(db, OrganisationKindEntry)


def kind_names(session: Session, model: Any) -> dict[str, str]:
    """key → the name the office gave it, for the labels of lists and documents."""
    return {key: name for key, name in session.execute(select(model.key, model.name))}


def event_kind_names(session: Session) -> dict[str, str]:
    return kind_names(session, EventKindEntry)


def organisation_kind_names(session: Session) -> dict[str, str]:
    return kind_names(session, OrganisationKindEntry)


def check_kind(session: Session, model: Any, key: str, before: str | None) -> None:
    """A kind chosen on a form must exist and be in use, unless the record keeps it."""
    entry = session.scalar(select(model).where(model.key == key))
    if entry is None:
        raise ValidationError(f"Unbekannte Art „{key}“.", field="kind")
    if entry.retired and key != before:
        raise ValidationError(
            f"Die Art „{entry.name}“ wird nicht mehr verwendet; bitte wählen Sie eine andere.",
            field="kind",
        )


def _cached_names(session: Session, model: Any) -> dict[str, str]:
    """The names, read once per session (one user action)."""
    cache = session.info.setdefault("kind_names", {})
    if model not in cache:
        cache[model] = kind_names(session, model)
    return cache[model]  # type: ignore[no-any-return]


def event_kind_label(event: Any) -> str:
    """The name of a loaded event's kind (its key if the list lacks it)."""
    session = object_session(event)
    names = {} if session is None else _cached_names(session, EventKindEntry)
    return names.get(event.kind, event.kind)  # type: ignore[no-any-return]


def organisation_kind_label(organisation: Any) -> str:
    """The name of a loaded Träger's kind (its key if the list lacks it)."""
    session = object_session(organisation)
    names = {} if session is None else _cached_names(session, OrganisationKindEntry)
    return names.get(organisation.kind, organisation.kind)  # type: ignore[no-any-return]
