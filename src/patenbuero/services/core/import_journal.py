"""The import journal: which records an import created or changed, and how they were.

``apply_import`` opens a run in the import's own transaction (:func:`begin_run`); the
importer reports what it wrote with a few list-based calls, once per kind of record
and after its inserts, so that a bulk writer fits as well as a row-by-row one::

    before = import_journal.snapshot(session, "person", existing_ids)
    ...  # write
    import_journal.record_created(session, "registration", new_ids)
    import_journal.record_updated(session, "person", before)

:func:`finish_run` then notes each record as the import left it (its version number,
or its whole state where a table has none), so that an undo can tell whether someone
changed it since. Without an open run (tests, demo data) every call does nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from sqlalchemy import Column, Table, delete, insert, select
from sqlalchemy.orm import Session

from patenbuero.db.base import Base
from patenbuero.db.models import ImportChange, ImportRun, project_district, project_target_group
from patenbuero.services.core.database import Database
from patenbuero.services.core.plural import plural

CREATED = "created"
UPDATED = "updated"
KEEP_DAYS = 90
"""The journal holds before-images with personal data: runs older than this are deleted."""

_RUN_KEY = "patenbuero.import_run"
_PENDING_KEY = "patenbuero.import_changes"
_CHUNK = 500

# Lists kept beside a record (many-to-many): restored and compared with the record.
COLLECTIONS: dict[str, dict[str, tuple[Table, str, str]]] = {
    "member_project": {
        "target_groups": (project_target_group, "project_id", "target_group_id"),
        "districts": (project_district, "project_id", "district_id"),
    },
}

# The German names of the records, (one, many), for summaries and messages.
NOUNS: dict[str, tuple[str, str]] = {
    "registration": ("Anmeldung", "Anmeldungen"),
    "person": ("Person", "Personen"),
    "consent_record": ("Einwilligungsangabe", "Einwilligungsangaben"),
    "member_project": ("Projekt", "Projekte"),
    "contact": ("Ansprechperson", "Ansprechpersonen"),
    "organisation": ("Träger", "Träger"),
    "target_group": ("Zielgruppe", "Zielgruppen"),
    "district": ("Stadtteil", "Stadtteile"),
}

Snapshot = dict[int, dict[str, object]]
"""Records by id, each as its column values (and lists), taken before an import writes."""


def table(name: str) -> Table:
    found = Base.metadata.tables.get(name)
    if found is None or name not in NOUNS:
        raise KeyError(name)
    return found


def counted(name: str, count: int) -> str:
    one, many = NOUNS[name]
    return plural(count, one, many)


def begin_run(
    session: Session, kind: str, description: str, file_name: str, now: dt.datetime
) -> ImportRun:
    """Open the journal of one import in ``session`` (the import's transaction).

    The run is written only by :func:`finish_run`, after the import's own writes: an
    insert here would take the database's write lock before the import asks for it
    and so hide from the concurrency tests whether the import's own locks hold.
    """
    run = ImportRun(
        kind=kind,
        description=description[:300],
        file_name=file_name[-260:],
        at=now,
        created_count=0,
        updated_count=0,
        summary="",
        undo_summary="",
    )
    session.info[_RUN_KEY] = run
    return run


def _open_run(session: Session) -> ImportRun | None:
    run = session.info.get(_RUN_KEY)
    return run if isinstance(run, ImportRun) else None


def record_created(session: Session, table_name: str, ids: Iterable[int]) -> None:
    """The import inserted these records (call once after the inserts, with all ids)."""
    pending = _pending(session)
    if pending is None:
        return
    table(table_name)
    pending.extend(
        {"table_name": table_name, "row_id": row_id, "action": CREATED, "before": None}
        for row_id in sorted(set(ids))
    )


def _pending(session: Session) -> list[dict[str, object]] | None:
    """The journal entries of the open run, written at once by :func:`finish_run`."""
    if _open_run(session) is None:
        return None
    pending = session.info.setdefault(_PENDING_KEY, [])
    assert isinstance(pending, list)
    return pending


def snapshot(session: Session, table_name: str, ids: Iterable[int]) -> Snapshot:
    """The records as they are now, to be handed to :func:`record_updated` after writing."""
    if _open_run(session) is None:
        return {}
    return read_states(session, table_name, ids)


def record_updated(session: Session, table_name: str, before: Snapshot) -> None:
    """Journal the records of ``before`` that the import changed, with their old values."""
    pending = _pending(session)
    if pending is None or not before:
        return
    session.flush()
    now = read_states(session, table_name, before)
    for row_id, old in before.items():
        new = now.get(row_id)
        if new is None:
            continue
        changed = {key: value for key, value in old.items() if new.get(key) != value}
        changed.pop("version", None)
        if changed:
            if "version" in old:  # lets an undo hand earlier imports the record back
                changed["version"] = old["version"]
            pending.append(
                {
                    "table_name": table_name,
                    "row_id": row_id,
                    "action": UPDATED,
                    "before": json.dumps(changed, ensure_ascii=False),
                }
            )


def close_run(session: Session) -> None:
    """Forget the open run of ``session`` (after the import, whether it worked or not)."""
    session.info.pop(_RUN_KEY, None)
    session.info.pop(_PENDING_KEY, None)


def finish_run(session: Session) -> ImportRun | None:
    """Write the run's entries, each with the record as the import left it; counts and
    summary of the run. One insert for all entries (an import may write thousands).
    A run that wrote nothing is dropped."""
    run = _open_run(session)
    pending = session.info.get(_PENDING_KEY) or []
    close_run(session)
    if run is None or not pending:  # nothing written: nothing to undo, no line in the list
        return None
    session.add(run)
    session.flush()
    run_id = run.id
    by_table: dict[str, list[dict[str, object]]] = {}
    for entry in pending:
        by_table.setdefault(str(entry["table_name"]), []).append(entry)
    for table_name, entries in by_table.items():
        found = fingerprints(session, table_name, (int(str(e["row_id"])) for e in entries))
        for entry in entries:
            version, state = found.get(int(str(entry["row_id"])), (None, None))
            entry.update(run_id=run_id, after_version=version, after_state=state)
    # Core, not ORM bulk insert: the entries are plain rows, nothing to track per object.
    session.execute(insert(cast(Table, ImportChange.__table__)), pending)
    run.created_count = sum(entry["action"] == CREATED for entry in pending)
    run.updated_count = sum(entry["action"] == UPDATED for entry in pending)
    run.summary = describe_counts(
        [(str(entry["table_name"]), str(entry["action"])) for entry in pending]
    )[:300]
    session.flush()
    return run


# As json.dumps(state, ensure_ascii=False, sort_keys=True), with one encoder for all
# (json.dumps builds a new one per call when given options: an import fingerprints
# thousands of records).
_STATE_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def fingerprint(state: Mapping[str, object] | None) -> tuple[int | None, str | None]:
    """(version, None) for a record with a version number that has no lists beside it,
    else (version or None, the state as JSON)."""
    if state is None:
        return None, None
    version = state.get("version")
    if isinstance(version, int) and not any(isinstance(v, list) for v in state.values()):
        return version, None
    return (version if isinstance(version, int) else None), _STATE_JSON.encode(state)


def fingerprints(
    session: Session, table_name: str, ids: Iterable[int]
) -> dict[int, tuple[int | None, str | None]]:
    """:func:`fingerprint` of each record with these ids that exists.

    A table with a version number (never empty) and no lists beside it needs only that
    number, so only (id, version) is read: an import of 10,000 persons need not read them
    back whole.
    """
    target = table(table_name)
    if "version" not in target.c or table_name in COLLECTIONS:
        return {
            row_id: fingerprint(state)
            for row_id, state in read_states(session, table_name, ids).items()
        }
    wanted = sorted(set(ids))
    found: dict[int, tuple[int | None, str | None]] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = select(target.c.id, target.c.version).where(
            target.c.id.in_(wanted[start : start + _CHUNK])
        )
        found.update((row_id, (version, None)) for row_id, version in session.execute(query))
    return found


def describe_counts(changes: Sequence[tuple[str, str]]) -> str:
    """German summary of (table, action) pairs, e.g. "4 Anmeldungen neu, 1 Person geändert"."""
    created: dict[str, int] = {}
    updated: dict[str, int] = {}
    for table_name, action in changes:
        target = created if action == CREATED else updated
        target[table_name] = target.get(table_name, 0) + 1
    parts = [f"{counted(name, count)} neu" for name, count in _ordered(created)]
    parts += [f"{counted(name, count)} geändert" for name, count in _ordered(updated)]
    return ", ".join(parts) or "keine Änderungen"


def _ordered(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    order = list(NOUNS)
    return sorted(counts.items(), key=lambda item: order.index(item[0]))


def read_states(session: Session, table_name: str, ids: Iterable[int]) -> Snapshot:
    """Column values (JSON-ready) and lists of the records with these ids."""
    target = table(table_name)
    wanted = sorted(set(ids))
    states: Snapshot = {}
    columns = [column for column in target.c if column.name != "id"]
    names = [column.name for column in columns]
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = select(target.c.id, *columns).where(target.c.id.in_(chunk))
        for row_id, *values in session.execute(query):
            states[row_id] = {
                name: encode(value) for name, value in zip(names, values, strict=True)
            }
        for key, (link, own, other) in COLLECTIONS.get(table_name, {}).items():
            for state in (states[i] for i in chunk if i in states):
                state[key] = []
            query = select(link.c[own], link.c[other]).where(link.c[own].in_(chunk))
            for owner, value in session.execute(query.order_by(link.c[own], link.c[other])):
                states[owner][key].append(value)  # type: ignore[attr-defined]
    return states


def encode(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def decode(column: Column[object], value: object) -> object:
    """A value from the journal's JSON back into the column's Python type."""
    if value is None or not isinstance(value, str):
        return value
    kind = column.type.python_type
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    return value


def forget_records(session: Session, table_name: str, ids: Iterable[int]) -> None:
    """Drop what the journal keeps about these records (erasure of a person)."""
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), _CHUNK):
        session.execute(
            delete(ImportChange).where(
                ImportChange.table_name == table_name,
                ImportChange.row_id.in_(wanted[start : start + _CHUNK]),
            )
        )


def forget_old_runs(db: Database, today: dt.date | None = None) -> int:
    """Delete journal runs older than :data:`KEEP_DAYS` (before-images hold personal data).

    Runs when the program starts, beside the other retention rules. Returns how many.
    """
    if db.read_only:
        return 0
    today = today or dt.date.today()
    limit = dt.datetime.combine(today - dt.timedelta(days=KEEP_DAYS), dt.time())
    with db.reading() as session:
        old = session.scalars(select(ImportRun.id).where(ImportRun.at < limit)).all()
    if not old:
        return 0
    with db.unit_of_work() as session:
        session.execute(delete(ImportChange).where(ImportChange.run_id.in_(old)))
        session.execute(delete(ImportRun).where(ImportRun.id.in_(old)))
    return len(old)
