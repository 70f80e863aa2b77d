"""Optimistic locking: a save names the version the user started from.

Every record two people can edit carries a version number (the ORM raises it on each
UPDATE). A save whose expected version is no longer the stored one raises
ConflictError with both sides, so the window can show them field by field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from patenbuero.errors import ConflictError, NotFoundError

Record = TypeVar("Record")


def load_for_update(session: Session, model: type[Record], record_id: int, gone: str) -> Record:
    """The record, locked until the end of the unit of work (PostgreSQL: FOR UPDATE).

    Between the version check and the UPDATE no other PC can save it; SQLite already
    serialises writers (BEGIN IMMEDIATE) and ignores the lock. Call it before anything
    else in the unit of work reads the record: the ORM refuses to refresh a copy it
    already holds at another version.
    """
    # populate_existing: a copy read earlier in this unit of work (e.g. by a check of
    # unique names) must not hide a version saved meanwhile.
    found = session.get(model, record_id, with_for_update=True, populate_existing=True)
    if found is None:
        raise NotFoundError(gone)
    return found


def check_version(
    stored: int, expected: int | None, what: str, mine: Any, theirs: Callable[[], Any]
) -> None:
    """Raise ConflictError when the stored version is not the one the user started from.

    ``expected`` None means the caller does not lock (imports, the command line).
    ``theirs`` builds the stored values in the same input type as ``mine``.
    """
    if expected is None or expected == stored:
        return
    raise ConflictError(
        f"„{what}“ wurde inzwischen an einem anderen Arbeitsplatz geändert.",
        mine=mine,
        theirs=theirs(),
        version=stored,
    )
