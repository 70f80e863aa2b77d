"""Engines that behave the same on SQLite and PostgreSQL where the rules need it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

from patenbuero.db.location import DatabaseLocation
from patenbuero.private_files import create_private_file

READ_ONLY_OPTION = "patenbuero_read_only"
BUSY_TIMEOUT_SECONDS = 30


def make_engine(location: DatabaseLocation, *, echo: bool = False) -> Engine:
    """An engine whose error texts never carry the values of a statement (personal data)."""
    if not location.is_sqlite:
        return create_engine(location.url, echo=echo, pool_pre_ping=True, hide_parameters=True)
    if location.path is not None and not location.path.exists():
        create_private_file(location.path)  # SQLite gives -wal and -shm the same mode
    engine = create_engine(
        location.url,
        echo=echo,
        hide_parameters=True,
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS},
    )
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    """Foreign keys on, WAL, and writers that take the lock when they begin.

    pysqlite does not begin a transaction before a SELECT, so "count, then insert"
    could race between two processes. With the driver's own transaction handling
    switched off, every write transaction starts with BEGIN IMMEDIATE and waits
    for the lock; read-only sessions begin a plain deferred transaction.
    """

    read_only_file = engine.url.query.get("uri") == "true" and "mode=ro" in (
        engine.url.database or ""
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        # Deleted or overwritten rows are zeroed on disk, not only unlinked (Art. 17).
        cursor.execute("PRAGMA secure_delete=ON")
        if engine.url.database not in (None, "", ":memory:") and not read_only_file:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY_OPTION, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
