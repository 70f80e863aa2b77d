"""Bring a database to the schema this version of the app knows, or refuse it.

Alembic is imported only when a migration has to run, and SQLAlchemy only when a server
or a migration needs it, so a normal start stays fast.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from patenbuero.db.location import DatabaseLocation
from patenbuero.errors import DatabaseOpenError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

# Every revision in db/migrations/versions, oldest first (a test keeps this in step).
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0004",
    "0005",
    "0006",
    "0003",
    "0007",
    "0008",
    "0011",
    "0010",
    "0014",
    "0015",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
SCRIPT_LOCATION = "patenbuero.db:migrations"


FOREIGN_DATABASE = (
    "Diese Datenbank gehört nicht zum Patenbüro (ihr fehlt die Schema-Version). "
    "Sie wurde nicht verändert."
)


def current_revision(engine: Engine, location: DatabaseLocation | None = None) -> str | None:
    """The schema revision stored in the database; None for an empty database.

    A SQLite file is read through a read-only connection of its own, so a database
    that is then refused has not been touched at all (not even switched to WAL).
    """
    if location is not None and location.path is not None:
        return file_revision(location.path)
    from sqlalchemy import inspect, text

    from patenbuero.db.engine import READ_ONLY_OPTION

    with engine.execution_options(**{READ_ONLY_OPTION: True}).connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseOpenError(FOREIGN_DATABASE)
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def file_revision(path: Path) -> str | None:
    """The revision stored in a SQLite file, read with plain sqlite3 (read-only)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    with contextlib.closing(connection):
        tables = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseOpenError(FOREIGN_DATABASE)
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None


def ensure_current(
    engine: Engine,
    location: DatabaseLocation,
    backup_before_migration: Callable[[], object] | None = None,
) -> str:
    """Migrate to HEAD_REVISION; back up an existing database first. Returns the revision.

    ``backup_before_migration`` writes the verified backup (the services know where);
    when it fails, nothing is migrated.
    """
    revision = current_revision(engine, location)
    if revision == HEAD_REVISION:
        return revision
    if location.read_only:
        raise DatabaseOpenError(
            f"Die Datenbank {location.display} ist schreibgeschützt und müsste für diese "
            "Programmversion umgestellt werden; bitte öffnen Sie eine beschreibbare Kopie."
        )
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseOpenError(
            f"Die Datenbank {location.display} stammt von einer neueren Patenbüro-Version "
            f"(Schema {revision}). Bitte installieren Sie die neue Version; "
            "die Datenbank wurde nicht verändert."
        )
    if revision is not None and backup_before_migration is not None:
        backup_before_migration()
        log.info("Sicherung vor der Migration geschrieben")
    _upgrade(engine)
    log.info("Datenbankschema von %s auf %s gebracht", revision, HEAD_REVISION)
    return HEAD_REVISION


def alembic_config(  # type: ignore[no-untyped-def]
    connection: Connection | None = None, script_location: str = SCRIPT_LOCATION
):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", script_location)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _upgrade(engine: Engine, target: str = "head", script_location: str = SCRIPT_LOCATION) -> None:
    from alembic import command

    with engine.connect() as connection:
        is_sqlite = connection.dialect.name == "sqlite"
        if is_sqlite:
            # Outside any transaction, or the pragma is ignored: a table rebuild in a
            # batch migration must not cascade deletes into child tables.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection, script_location), target)
                if is_sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseOpenError(
                            "Die Migration hätte Verweise zerstört und wurde zurückgenommen: "
                            f"{broken[:5]}"
                        )
        finally:
            if is_sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def migration_paths() -> list[Path]:
    return sorted((Path(__file__).parent / "migrations" / "versions").glob("*.py"))
