"""Erased data leave the database file, not only the tables.

The engine runs with ``PRAGMA secure_delete=ON`` (freed space is zeroed). Old page
images can still sit in the write-ahead log and in free pages, so after an
erasure the log is checkpointed and truncated and the file is rebuilt (VACUUM).
"""

from __future__ import annotations

from patenbuero.services.core.database import Database


def wipe_freed_space(db: Database) -> None:
    if db.location.path is None:
        return  # PostgreSQL: the server's own VACUUM reclaims the space
    raw = db.engine.raw_connection()
    try:
        connection = raw.driver_connection
        assert connection is not None
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("VACUUM")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
