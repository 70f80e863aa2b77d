"""Rows collected as plain dicts with precomputed ids, written with bulk inserts.

Small and large demo data are built the same way: every table gets a list of
dicts, ids are counted up from 1 (the tables are emptied first), and the lists
are inserted in foreign-key order with Core ``INSERT`` statements in chunks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, delete, insert, text
from sqlalchemy.orm import Session

from patenbuero.db.base import Base
from patenbuero.errors import Cancelled, Progress

CHUNK_SIZE = 20_000


class RowSet:
    """The rows of a demo database before they are written."""

    def __init__(self) -> None:
        self._rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._next_id: dict[str, int] = defaultdict(lambda: 1)

    def add(self, table: Table | Any, **values: Any) -> int:
        """Append one row; assigns and returns the next id when the table has one."""
        table = _table(table)
        if "id" in table.c and "id" not in values:
            values["id"] = self.next_id(table)
        self._rows[table.name].append(values)
        return int(values.get("id", 0))

    def extend(self, table: Table | Any, rows: Iterable[dict[str, Any]]) -> None:
        """Append rows that carry their own ids (or have none)."""
        self._rows[_table(table).name].extend(rows)

    def next_id(self, table: Table | Any) -> int:
        name = _table(table).name
        value = self._next_id[name]
        self._next_id[name] = value + 1
        return value

    def rows(self, table: Table | Any) -> list[dict[str, Any]]:
        return self._rows[_table(table).name]

    def count(self, table: Table | Any) -> int:
        return len(self._rows[_table(table).name])

    def write(self, session: Session, progress: Progress | None = None) -> None:
        """Insert everything, parents before children, in chunks; ``progress`` hears of
        the rows written after each chunk and may stop it (Cancelled: rolled back)."""
        total = sum(len(rows) for rows in self._rows.values())
        done = 0
        for table in Base.metadata.sorted_tables:
            rows = self._rows.get(table.name)
            if not rows:
                continue
            _complete(table, rows)
            for start in range(0, len(rows), CHUNK_SIZE):
                session.execute(insert(table), rows[start : start + CHUNK_SIZE])
                done += len(rows[start : start + CHUNK_SIZE])
                if progress is not None and not progress(done, total):
                    raise Cancelled("Abgebrochen; es wurden keine Beispieldaten geschrieben.")
        if session.get_bind().dialect.name == "postgresql":
            _advance_sequences(session)


def _advance_sequences(session: Session) -> None:
    """Rows were written with their ids; PostgreSQL's id sequences must continue after them."""
    for table in Base.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key:
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
                )
            )


def clear_tables(session: Session, *, keep: Iterable[str] = ()) -> None:
    """Delete every row, children before parents, except in the tables named in ``keep``."""
    kept = set(keep)
    for table in reversed(Base.metadata.sorted_tables):
        if table.name not in kept:
            session.execute(delete(table))


def _complete(table: Table, rows: list[dict[str, Any]]) -> None:
    """Give every row the same keys (one executemany needs them), using column defaults."""
    keys: set[str] = set().union(*rows)
    missing_somewhere = [row for row in rows if len(row) != len(keys)]
    if not missing_somewhere:
        return
    defaults = {key: _default(table, key) for key in keys}
    for row in missing_somewhere:
        for key, value in defaults.items():
            row.setdefault(key, value)


def _default(table: Table, key: str) -> Any:
    default = table.c[key].default
    arg = getattr(default, "arg", None)
    return None if callable(arg) else arg


def _table(table: Table | Any) -> Table:
    if isinstance(table, Table):
        return table
    mapped: Table = table.__table__
    return mapped
