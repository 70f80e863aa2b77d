"""Bring a database to the schema this version of the app knows, or refuse it.

Alembic is imported only when a migration has to run, so a normal start stays fast.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from patenbuero.db.backup import backup_sqlite_file
from patenbuero.db.engine import READ_ONLY_OPTION
from patenbuero.db.location import DatabaseLocation
from patenbuero.errors import DatabaseOpenError

log = logging.getLogger(__name__)

# Every revision in db/migrations/versions, oldest first (a test keeps this in step).
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0006")
HEAD_REVISION = KNOWN_REVISIONS[-1]
SCRIPT_LOCATION = "patenbuero.db:migrations"


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database; None for an empty database."""
    with engine.execution_options(**{READ_ONLY_OPTION: True}).connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseOpenError(
                    "Diese Datenbank gehört nicht zum Patenbüro (ihr fehlt die Schema-Version). "
                    "Sie wurde nicht verändert."
                )
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def ensure_current(engine: Engine, location: DatabaseLocation) -> str:
    """Migrate to HEAD_REVISION; back up an existing SQLite file first. Returns the revision."""
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return revision
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseOpenError(
            f"Die Datenbank {location.display} stammt von einer neueren Patenbüro-Version "
            f"(Schema {revision}). Bitte installieren Sie die neue Version; "
            "die Datenbank wurde nicht verändert."
        )
    if revision is not None and location.path is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = location.path.with_name(f"{location.path.name}.vor-{HEAD_REVISION}-{stamp}.bak")
        backup_sqlite_file(location.path, backup)
        log.info("Sicherung vor der Migration: %s", backup)
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
