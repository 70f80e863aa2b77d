"""Row and creation locks that work the same on SQLite and PostgreSQL.

On SQLite every write transaction already holds the file's write lock (BEGIN
IMMEDIATE, see db.engine), so these functions only read. On PostgreSQL they take
the lock and, when another workplace holds it, wait in slices (each a savepoint
with a short ``lock_timeout``) so the user is told and the wait has a limit.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Select, exc, func, select
from sqlalchemy.orm import Session

from patenbuero.db import lock_wait, safety_switches
from patenbuero.db.engine import SERVER_LOCK_TIMEOUT

T = TypeVar("T")

PERSONS = "person"
ORGANISATIONS = "organisation"


def is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def locked_row(session: Session, statement: Select[T]) -> T | None:
    """The one row of ``statement``, locked for this transaction (SELECT … FOR UPDATE)."""
    if not is_postgresql(session):
        return session.scalars(statement).one_or_none()
    if safety_switches.disabled(safety_switches.SERIALISATION):
        return session.scalars(statement).one_or_none()
    return _waiting(session, lambda: session.scalars(statement.with_for_update()).one_or_none())


def creation_lock(session: Session, kind: str) -> None:
    """Only one transaction at a time looks up and creates records of ``kind``.

    Held to the end of the transaction, so a second workplace that registers the
    same new person (or names the same new Träger) waits, then finds the record
    the first one created, instead of creating it twice or failing on the unique
    key. Take it after the event locks and before any other lock.
    """
    if not is_postgresql(session) or safety_switches.disabled(safety_switches.SERIALISATION):
        return
    taken = session.info.setdefault("creation_locks", set())
    if kind in taken:
        return
    key = zlib.crc32(f"patenbuero.{kind}".encode())
    _waiting(session, lambda: session.execute(select(func.pg_advisory_xact_lock(key))))
    taken.add(kind)


def _waiting(session: Session, attempt: Callable[[], T]) -> T:
    """``attempt`` under a short lock timeout, repeated until it gets the lock."""
    started = time.monotonic()
    slice_ms = int(lock_wait.slice_seconds() * 1000)
    while True:
        try:
            with session.begin_nested():
                session.execute(func.set_config("lock_timeout", f"{slice_ms}ms", True).select())
                result = attempt()
                session.execute(func.set_config("lock_timeout", SERVER_LOCK_TIMEOUT, True).select())
                return result
        except exc.OperationalError as error:
            if getattr(error.orig, "sqlstate", None) != "55P03":  # lock_not_available
                raise
        lock_wait.keep_waiting(started)
