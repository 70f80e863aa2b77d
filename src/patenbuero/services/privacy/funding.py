"""Which events were funded: their attendance lists are proof and kept longer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from patenbuero.db.models import Event, EventFunding
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core.database import Database


@dataclass(frozen=True)
class FundedEvent:
    event_id: int
    title: str
    starts_at: dt.datetime
    funder: str


def funded_events(db: Database) -> list[FundedEvent]:
    with db.reading() as session:
        rows = session.execute(
            select(Event.id, Event.title, Event.starts_at, EventFunding.funder)
            .join(EventFunding, EventFunding.event_id == Event.id)
            .order_by(Event.starts_at.desc())
        ).all()
    return [FundedEvent(*row) for row in rows]


def event_choices(db: Database) -> list[tuple[int, str]]:
    """Events to choose from, newest first, as (id, "dd.mm.yyyy Titel")."""
    with db.reading() as session:
        rows = session.execute(
            select(Event.id, Event.title, Event.starts_at).order_by(Event.starts_at.desc())
        ).all()
    return [(eid, f"{starts:%d.%m.%Y} {title}") for eid, title, starts in rows]


def set_funding(db: Database, event_id: int, funder: str) -> None:
    """Mark an event as funded by ``funder``; an empty funder removes the mark."""
    funder = " ".join(funder.split())
    if len(funder) > 200:
        raise ValidationError("Der Name des Fördermittelgebers ist zu lang.", field="funder")
    with db.unit_of_work() as session:
        if session.get(Event, event_id) is None:
            raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
        existing = session.get(EventFunding, event_id)
        if not funder:
            if existing is not None:
                session.delete(existing)
            return
        if existing is None:
            session.add(EventFunding(event_id=event_id, funder=funder))
        else:
            existing.funder = funder
