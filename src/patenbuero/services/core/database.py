"""The open database: one unit of work per user action, read-only sessions for lists."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from patenbuero.db import migrate
from patenbuero.db.location import DatabaseLocation, resolve
from patenbuero.db.lock_wait import LockWaitTimeout
from patenbuero.errors import DatabaseDamagedError, DatabaseOpenError, UserError
from patenbuero.failure_text import UNKNOWN_REASON, reason
from patenbuero.services.core.network_share import refuse_network_share

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

LOCKED_TOO_LONG = (
    "Die Daten werden seit {duration} an einem anderen Arbeitsplatz geändert; "
    "es wurde nichts gespeichert. Bitte versuchen Sie es etwas später noch einmal."
)


class DatabaseBusyError(UserError):
    """Another workplace kept the data locked too long, or the server failed; nothing saved."""


class Database:
    """An opened, migrated database and the sessions that work on it."""

    def __init__(self, location: DatabaseLocation, revision: str, engine_echo: bool = False):
        self.location = location
        self.revision = revision
        self._echo = engine_echo

    # SQLAlchemy is imported with the first connection (the window paints before that),
    # the ORM with the first session: `patenbuero info` reads with plain connections and
    # so starts without it (and without the models).
    @cached_property
    def engine(self) -> Engine:
        from patenbuero.db.engine import make_engine

        return make_engine(self.location, echo=self._echo)

    @cached_property
    def _write_sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def _read_sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        from patenbuero.db.engine import READ_ONLY_OPTION

        return sessionmaker(
            self.engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False
        )

    @property
    def read_only(self) -> bool:
        return self.location.read_only

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any error."""
        if self.read_only:
            raise UserError(
                "Die Datenbank ist schreibgeschützt und nur zum Ansehen geöffnet; "
                "Änderungen sind nicht möglich."
            )
        from sqlalchemy import exc
        from sqlalchemy.orm.exc import StaleDataError

        try:
            with self._write_sessions.begin() as session:
                session.connection()  # begins now: waits here while another PC writes
                yield session
        except StaleDataError as error:
            # Two saves of the same record raced past the version check (PostgreSQL).
            raise UserError(
                "Der Eintrag wurde gerade an einem anderen Arbeitsplatz geändert; bitte laden "
                "Sie ihn neu (F5) und speichern Sie noch einmal."
            ) from error
        except LockWaitTimeout as error:
            raise DatabaseBusyError(
                LOCKED_TOO_LONG.format(duration=_duration(error.waited))
            ) from error
        except (exc.OperationalError, sqlite3.OperationalError) as error:
            translated = _translated(error, "Die Änderung wurde nicht gespeichert")
            if translated is None:
                raise
            raise translated from error

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session that never takes the write lock."""
        from sqlalchemy import exc

        try:
            with self._read_sessions() as session, session.begin():
                yield session
        except (exc.OperationalError, sqlite3.OperationalError) as error:
            translated = _translated(error, "Die Daten lassen sich nicht lesen")
            if translated is None:
                raise
            raise translated from error

    @contextmanager
    def reading_rows(self) -> Iterator[Connection]:
        """A read-only Core connection, for plain statements that need no ORM."""
        from patenbuero.db.engine import READ_ONLY_OPTION

        with self.engine.execution_options(**{READ_ONLY_OPTION: True}).begin() as connection:
            yield connection

    def dispose(self) -> None:
        if "engine" in self.__dict__:  # never connected: nothing to close
            self.engine.dispose()

    def reopen(self) -> None:
        """After the file was replaced (restore): new connections, migrated if needed."""
        self.dispose()
        self.revision = _migrated_revision(self.location)
        self.dispose()


def is_reading(session: Session) -> bool:
    """True inside :meth:`Database.reading` (no write lock may be taken there)."""
    from patenbuero.db.engine import READ_ONLY_OPTION

    return bool(session.get_bind().get_execution_options().get(READ_ONLY_OPTION, False))


def _duration(seconds: float) -> str:
    if seconds < 1.5:
        return "einer Sekunde"
    if seconds < 120:
        return f"{round(seconds)} Sekunden"
    return f"{round(seconds / 60)} Minuten"


def _translated(error: Exception, what: str) -> DatabaseBusyError | None:
    """A foreseeable failure of the server or the file as one German line (None: a bug)."""
    why = reason(error)
    if why == UNKNOWN_REASON:
        return None
    log.warning("%s: %s", what, type(error).__name__)
    return DatabaseBusyError(f"{what}: {why}")


def open_database(target: str | None = None) -> Database:
    """Resolve ``--db``/``PATENBUERO_DB``/default, migrate, and open it.

    Every failure becomes a DatabaseOpenError with a German message, and a
    database that cannot be used is left as it was. A damaged file raises
    DatabaseDamagedError, so the window can offer a backup in its place.
    """
    location = resolve(target)
    if location.path is not None and not location.read_only:
        refuse_network_share(location.path)
    return Database(location, _migrated_revision(location))


def _migrated_revision(location: DatabaseLocation) -> str:
    if location.path is not None:
        # The usual case, a file at the current schema, is checked with plain sqlite3;
        # SQLAlchemy is imported only for a new file, a migration or a server.
        try:
            if migrate.file_revision(location.path) == migrate.HEAD_REVISION:
                return migrate.HEAD_REVISION
        except (sqlite3.DatabaseError, OSError) as error:
            raise _open_error(location, error) from error
    from sqlalchemy import exc

    from patenbuero.db.engine import make_engine

    def backup_first() -> None:
        from patenbuero.services.core.backup import backup_location

        if location.path is not None:
            backup_location(location, kind=f"vor-schema-{migrate.HEAD_REVISION}")

    engine = make_engine(location)
    try:
        return migrate.ensure_current(engine, location, backup_first)
    except (exc.DatabaseError, sqlite3.DatabaseError, OSError) as error:
        raise _open_error(location, error) from error
    finally:
        engine.dispose()


def _open_error(location: DatabaseLocation, error: Exception) -> DatabaseOpenError:
    why = reason(error)
    message = f"Die Datenbank {location.display} kann nicht geöffnet werden: {why}"
    if why in DAMAGED_REASONS and not isinstance(error, OSError):
        return DatabaseDamagedError(message)
    return DatabaseOpenError(message)


DAMAGED_REASONS = {
    reason(sqlite3.DatabaseError("database disk image is malformed")),
    reason(sqlite3.DatabaseError("file is not a database")),
}
