"""What is in the database: location, schema revision, and how many rows of each kind."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from patenbuero.db import models
from patenbuero.services.core.database import Database

COUNTED = (
    ("Träger", models.Organisation),
    ("Mitgliedsprojekte", models.MemberProject),
    ("Zielgruppen", models.TargetGroup),
    ("Stadtteile", models.District),
    ("Ansprechpartner:innen", models.Contact),
    ("Fortbildungsreihen", models.Series),
    ("Veranstaltungen", models.Event),
    ("Tagesordnungspunkte", models.AgendaItem),
    ("Aufgaben", models.Task),
    ("Teilnehmer:innen", models.Person),
    ("Anmeldungen", models.Registration),
    ("Anfragen", models.Inquiry),
    ("Weiterleitungen", models.Forwarding),
)


@dataclass(frozen=True)
class DatabaseInfo:
    location: str
    backend: str
    revision: str
    counts: list[tuple[str, int]]

    @property
    def is_empty(self) -> bool:
        return all(count == 0 for _label, count in self.counts)


def database_info(db: Database) -> DatabaseInfo:
    with db.reading() as session:
        counts = [
            (label, session.scalar(select(func.count()).select_from(model)) or 0)
            for label, model in COUNTED
        ]
    return DatabaseInfo(
        location=db.location.display,
        backend=db.location.url.get_backend_name(),
        revision=db.revision,
        counts=counts,
    )


def is_empty(db: Database) -> bool:
    """True when the database holds no projects, events, persons or inquiries."""
    with db.reading() as session:
        for model in (models.MemberProject, models.Event, models.Person, models.Inquiry):
            if session.scalar(select(model.id).limit(1)) is not None:
                return False
    return True
