"""Funded events for data protection: their attendance lists are proof and kept longer.

Whether an event is funded is stored once, in the funding of the event or its series
(services.core.funders); this module only reads it and adds the proof period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from patenbuero.db.models import Event, Funder
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import funded_events_select
from patenbuero.services.privacy.retention_settings import RetentionSettings, load_retention

funded_event_query = funded_events_select


@dataclass(frozen=True)
class FundedEvent:
    event_id: int
    title: str
    starts_at: dt.datetime
    funder: str
    proof_until: dt.date  # last day the attendance list must be kept
    funder_id: int
    series_id: int | None  # set when the funder is the series' (the event has none)


def proof_end(starts: dt.datetime, proof_years: int | None, settings: RetentionSettings) -> dt.date:
    """Last day of the proof period of an event that started at ``starts``."""
    return dt.date(starts.year + settings.years_for(proof_years), 12, 31)


def funded_events(db: Database) -> list[FundedEvent]:
    """Every event with a funder (its own or its series'), newest first."""
    with db.reading() as session:
        settings = load_retention(session)
        rows = session.execute(
            funded_event_query(
                Event.id,
                Event.title,
                Event.starts_at,
                Funder.name,
                Funder.id,
                Event.funder_id,
                Event.series_id,
            ).order_by(Event.starts_at.desc(), Event.id)
        ).all()
    return [
        FundedEvent(
            eid,
            title,
            starts,
            funder,
            proof_end(starts, years, settings),
            funder_id,
            None if own_funder is not None else series_id,
        )
        for eid, title, starts, funder, funder_id, own_funder, series_id, years in rows
    ]
