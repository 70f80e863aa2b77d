"""What is in the database: location, schema revision, and how many rows of each kind."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass

from patenbuero.services.core.database import Database

# Label and table name (a test keeps the names in step with the models). Counted through
# plain connections: the ORM models alone would make `patenbuero info` wait 0.1 s longer,
# and a SQLite file is counted with sqlite3 itself (SQLAlchemy's import alone is 0.2-0.3 s).
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
    path = db.location.path
    if path is not None:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=30)) as connection:
            counts = [
                (label, int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]))
                for label, name in COUNTED
            ]
        backend = "sqlite"
    else:
        from sqlalchemy import func, select, table

        with db.reading_rows() as connection:
            counts = [
                (label, connection.scalar(select(func.count()).select_from(table(name))) or 0)
                for label, name in COUNTED
            ]
        backend = db.location.url.get_backend_name()
    return DatabaseInfo(
        location=db.location.display,
        backend=backend,
        revision=db.revision,
        counts=counts,
    )


def is_empty(db: Database) -> bool:
    """True when the database holds no projects, events, persons or inquiries."""
    from sqlalchemy import select

    from patenbuero.db import models

    with db.reading() as session:
        for model in (models.MemberProject, models.Event, models.Person, models.Inquiry):
            if session.scalar(select(model.id).limit(1)) is not None:
                return False
    return True
