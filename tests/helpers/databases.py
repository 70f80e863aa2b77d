"""What a test hands to ``--db`` or ``open_database`` to reach a fixture's database."""

from __future__ import annotations

from patenbuero.services.core.database import Database


def target_of(database: Database) -> str:
    """The file path of a SQLite database, the full URL (with password) of a server one."""
    if database.location.path is not None:
        return str(database.location.path)
    return database.location.url.render_as_string(hide_password=False)


def stored_bytes(database: Database) -> bytes:
    """Everything the database holds, as bytes: the file and its WAL, or every row's text."""
    path = database.location.path
    if path is not None:
        wal = path.with_name(path.name + "-wal")
        return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    from sqlalchemy import text

    from patenbuero.db.base import Base

    with database.engine.connect() as connection:
        rows = [
            row
            for table in Base.metadata.sorted_tables
            for row in connection.scalars(text(f'SELECT CAST(t AS text) FROM "{table.name}" AS t'))
        ]
    return "\n".join(rows).encode()


def content_digest(database: Database) -> str:
    """A fingerprint of every row: equal before and after means nothing was changed."""
    import hashlib
    import sqlite3

    path = database.location.path
    if path is not None:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
            dump = "\n".join(connection.iterdump())
        connection.close()
    else:
        from sqlalchemy import text

        from patenbuero.db.base import Base

        with database.engine.connect() as connection:
            dump = "\n".join(
                f"{table.name}: {row}"
                for table in Base.metadata.sorted_tables
                for row in connection.scalars(
                    text(f'SELECT CAST(t AS text) FROM "{table.name}" AS t ORDER BY 1')
                )
            )
    return hashlib.sha256(dump.encode()).hexdigest()
