"""The open database: one unit of work per user action, read-only sessions for lists."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc
from sqlalchemy.orm import Session, sessionmaker

from patenbuero.db import migrate
from patenbuero.db.engine import READ_ONLY_OPTION, make_engine
from patenbuero.db.location import DatabaseLocation, resolve
from patenbuero.errors import DatabaseOpenError


class Database:
    """An opened, migrated database and the sessions that work on it."""

    def __init__(self, location: DatabaseLocation, revision: str, engine_echo: bool = False):
        self.location = location
        self.revision = revision
        self.engine = make_engine(location, echo=engine_echo)
        self._write_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            self.engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False
        )

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any error."""
        with self._write_sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session that never takes the write lock."""
        with self._read_sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(target: str | None = None) -> Database:
    """Resolve ``--db``/``PATENBUERO_DB``/default, migrate, and open it.

    Every failure becomes a DatabaseOpenError with a German message, and a
    database that cannot be used is left as it was.
    """
    location = resolve(target)
    engine = make_engine(location)
    try:
        revision = migrate.ensure_current(engine, location)
    except exc.DatabaseError as error:
        raise DatabaseOpenError(
            f"Die Datenbank {location.display} kann nicht geöffnet werden: {_short_reason(error)}"
        ) from error
    except OSError as error:
        raise DatabaseOpenError(
            f"Die Datenbank {location.display} kann nicht gesichert oder geöffnet werden "
            f"({error.strerror or error})."
        ) from error
    finally:
        engine.dispose()
    return Database(location, revision)


def _short_reason(error: exc.DatabaseError) -> str:
    reason = str(error.orig) if error.orig is not None else str(error)
    translations = {
        "file is not a database": "Die Datei ist keine Datenbank.",
        "database is locked": "Die Datenbank ist gerade gesperrt.",
        "unable to open database file": "Die Datei lässt sich nicht öffnen.",
        "attempt to write a readonly database": "Die Datenbank ist schreibgeschützt.",
    }
    for english, german in translations.items():
        if english in reason:
            return german
    return reason
