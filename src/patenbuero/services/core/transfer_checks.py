"""A checksum of a table's rows that comes out the same on SQLite and PostgreSQL.

Both sides are read through the same SQLAlchemy table, so every value arrives as the
same Python type; each value is written in one fixed text form before hashing, in
primary-key order.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

FETCH_SIZE = 5_000


def table_checksum(connection: Connection, table: Table) -> str:
    """SHA-256 over every column of every row, in primary-key order."""
    digest = hashlib.sha256()
    statement = (
        select(table).order_by(*table.primary_key.columns).execution_options(yield_per=FETCH_SIZE)
    )
    for row in connection.execute(statement):
        digest.update("\x1e".join(canonical(value) for value in row).encode("utf-8"))
        digest.update(b"\x1d")
    return digest.hexdigest()


def canonical(value: Any) -> str:
    """One text form per value, independent of the database it came from."""
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return canonical(value.value)
    if isinstance(value, int | str):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return repr(value)
