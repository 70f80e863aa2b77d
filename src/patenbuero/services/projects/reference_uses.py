"""Which records use an entry of the office's lists, and how they are re-tagged.

Target groups and districts are linked to projects (and named on inquiries) by id;
Träger and events store the ``key`` of their kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from patenbuero.db.models import (
    Event,
    Inquiry,
    Organisation,
    project_district,
    project_target_group,
)


@dataclass(frozen=True)
class Uses:
    count: Callable[[Session], dict[Any, int]]  # handle → number of records
    handle: Callable[[Any], Any]  # the value records store for an entry (id or key)
    retag: Callable[[Session, Any, Any], int]  # (merged, kept) → records moved
    nouns: tuple[str, str]  # "1 Projekt", "2 Projekte"
    dative: tuple[str, str]  # "bei 1 Projekt", "bei 2 Projekten"


def _link_uses(links: Table, link_column: str, inquiry_column: str) -> Uses:
    column = links.c[link_column]

    def count(session: Session) -> dict[Any, int]:
        return dict(session.execute(select(column, func.count()).group_by(column)).all())

    def retag(session: Session, merged: Any, kept: Any) -> int:
        projects = set(session.scalars(select(links.c.project_id).where(column == merged.id)))
        already = set(session.scalars(select(links.c.project_id).where(column == kept.id)))
        session.execute(delete(links).where(column == merged.id))
        for project_id in sorted(projects - already):
            session.execute(insert(links).values({"project_id": project_id, link_column: kept.id}))
        on_inquiry = getattr(Inquiry, inquiry_column)
        session.execute(
            update(Inquiry).where(on_inquiry == merged.id).values({on_inquiry: kept.id})
        )
        return len(projects)

    return Uses(count, lambda e: e.id, retag, ("Projekt", "Projekte"), ("Projekt", "Projekten"))


def _kind_uses(model: Any, nouns: tuple[str, str], dative: tuple[str, str]) -> Uses:
    def count(session: Session) -> dict[Any, int]:
        return dict(session.execute(select(model.kind, func.count()).group_by(model.kind)).all())

    def retag(session: Session, merged: Any, kept: Any) -> int:
        moved = session.scalar(
            select(func.count()).select_from(model).where(model.kind == merged.key)
        )
        session.execute(
            update(model)
            .where(model.kind == merged.key)
            .values(kind=kept.key, version=model.version + 1)
            .execution_options(synchronize_session=False)
        )
        return int(moved or 0)

    return Uses(count, lambda e: e.key, retag, nouns, dative)


TARGET_GROUP_USES = _link_uses(project_target_group, "target_group_id", "target_group_id")
DISTRICT_USES = _link_uses(project_district, "district_id", "district_id")
ORGANISATION_USES = _kind_uses(Organisation, ("Träger", "Träger"), ("Träger", "Trägern"))
EVENT_USES = _kind_uses(
    Event, ("Veranstaltung", "Veranstaltungen"), ("Veranstaltung", "Veranstaltungen")
)
