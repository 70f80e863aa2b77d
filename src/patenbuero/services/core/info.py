"""What is in the database: location, schema revision, and how many rows of each kind."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, table

from patenbuero.services.core.database import Database

# Label and table name (a test keeps the names in step with the models). Counted through
# plain connections: the ORM models alone would make `patenbuero info` wait 0.1 s longer.
COUNTED = (
    ("Träger", "organisation"),
    ("Mitgliedsprojekte", "member_project"),
    ("Zielgruppen", "target_group"),
    ("Stadtteile", "district"),
    ("Ansprechpartner:innen", "contact"),
    ("Fortbildungsreihen", "series"),
    ("Veranstaltungen", "event"),
    ("Tagesordnungspunkte", "agenda_item"),
    ("Aufgaben", "task"),
    ("Teilnehmer:innen", "person"),
    ("Anmeldungen", "registration"),
    ("Anfragen", "inquiry"),
    ("Weiterleitungen", "forwarding"),
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
    with db.reading_rows() as connection:
        counts = [
            (label, connection.scalar(select(func.count()).select_from(table(name))) or 0)
            for label, name in COUNTED
        ]
    return DatabaseInfo(
        location=db.location.display,
        backend=db.location.url.get_backend_name(),
        revision=db.revision,
        counts=counts,
    )


def is_empty(db: Database) -> bool:
    """True when the database holds no projects, events, persons or inquiries."""
    from patenbuero.db import models

    with db.reading() as session:
        for model in (models.MemberProject, models.Event, models.Person, models.Inquiry):
            if session.scalar(select(model.id).limit(1)) is not None:
                return False
    return True
