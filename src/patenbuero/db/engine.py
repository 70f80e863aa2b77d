"""Engines that behave the same on SQLite and PostgreSQL where the rules need it."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

from patenbuero.db import lock_wait, safety_switches
from patenbuero.db.location import DatabaseLocation
from patenbuero.private_files import create_private_file

READ_ONLY_OPTION = "patenbuero_read_only"
BUSY_TIMEOUT_SECONDS = 30
# PostgreSQL: no statement waits for a lock longer than this (the explicit lock
# points wait in slices and tell the user, see services.core.locks).
SERVER_LOCK_TIMEOUT = "150s"


def make_engine(location: DatabaseLocation, *, echo: bool = False) -> Engine:
    """An engine whose error texts never carry the values of a statement (personal data)."""
    if not location.is_sqlite:
        engine = create_engine(location.url, echo=echo, pool_pre_ping=True, hide_parameters=True)
        if engine.dialect.name == "postgresql":
            _configure_postgresql(engine)
        return engine
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
        # The plain driver's own transactions only when a test switched them on.
        plain = safety_switches.disabled(safety_switches.SERIALISATION)
        dbapi_connection.isolation_level = "" if plain else None
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
        if connection.get_execution_options().get(READ_ONLY_OPTION, False):
            connection.exec_driver_sql("BEGIN")
        elif not safety_switches.disabled(safety_switches.SERIALISATION):
            _begin_immediate(connection.connection.driver_connection)


def _begin_immediate(dbapi_connection: Any) -> None:
    """BEGIN IMMEDIATE, waiting in slices while another connection writes.

    Each slice is a short busy timeout; between slices the lock-wait listeners hear
    how long it has taken (the window shows a notice), and past the limit
    :class:`lock_wait.LockWaitTimeout` ends the wait.
    """
    cursor = dbapi_connection.cursor()
    started = time.monotonic()
    cursor.execute(f"PRAGMA busy_timeout={int(lock_wait.slice_seconds() * 1000)}")
    try:
        while True:
            try:
                cursor.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
            lock_wait.keep_waiting(started)
    finally:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.close()


def _configure_postgresql(engine: Engine) -> None:
    """A statement never waits for a lock for ever (the lock points wait in slices)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"SET lock_timeout = '{SERVER_LOCK_TIMEOUT}'")
        cursor.close()
        dbapi_connection.commit()
