"""Undo one import as a whole, in one transaction, from its journal.

What the import created goes (registrations, consents, persons, contacts, projects,
new list values); what it changed gets its old values back. Removing a confirmed
registration frees a place, and the waitlist moves up exactly as after a
cancellation; the result names who moved up, so the office can tell them.

If anyone changed one of the import's records since (its version number or, for
registrations, its state differs), nothing is undone: the office is told how many
records were changed. Undoing only the untouched part would leave a mix of imported
and not imported data that nobody could explain later, and the import itself is all
or nothing too. A record the import created that is in use elsewhere since (a person
registered for another event, a Träger chosen for another project) stays.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.orm.attributes import flag_modified

from patenbuero.db.base import Base
from patenbuero.db.enums import RegistrationChange, RegistrationStatus, SubjectKind
from patenbuero.db.models import (
    ConsentRecord,
    Event,
    ImportChange,
    ImportRun,
    Person,
    Registration,
    RegistrationHistory,
)
from patenbuero.errors import NotFoundError, UserError
from patenbuero.services.core import import_journal as journal
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.registrations import MovedUp, fill_free_places, lock_event

CONFIRMED = RegistrationStatus.CONFIRMED.value
CANCELLED = RegistrationStatus.CANCELLED.value
UNDO_NOTE = "Import rückgängig gemacht"

# Created records go in this order (what refers to others first).
DELETE_ORDER = (
    "registration",
    "consent_record",
    "person",
    "contact",
    "member_project",
    "organisation",
    "target_group",
    "district",
)


class UndoRefused(UserError):
    """The import was not undone (already undone, or records changed since)."""


@dataclass(frozen=True)
class UndoResult:
    run_id: int
    summary: str
    kept: str
    moved_up: tuple[MovedUp, ...]

    def message(self) -> str:
        """One or two German sentences for the office (names of who moved up: in the GUI)."""
        text = f"Der Import ist rückgängig gemacht: {self.summary}."
        if self.kept:
            text += f" Weiter verwendet und deshalb behalten: {self.kept}."
        if self.moved_up:
            count = len(self.moved_up)
            text += (
                " 1 Person ist von der Warteliste nachgerückt."
                if count == 1
                else f" {count} Personen sind von der Warteliste nachgerückt."
            )
        return text


@logged_action("import.undo")
def undo_import(db: Database, run_id: int, now: dt.datetime | None = None) -> UndoResult:
    """Undo the import ``run_id`` as a whole, or refuse with one German sentence."""
    now = now or dt.datetime.now()
    with db.unit_of_work() as session:
        run = session.get(ImportRun, run_id)
        if run is None:
            raise NotFoundError(f"Es gibt keinen Import mit der Nummer {run_id}.")
        if run.undone_at is not None:
            raise UndoRefused(
                f"Dieser Import wurde schon am {run.undone_at:%d.%m.%Y um %H:%M} Uhr "
                "rückgängig gemacht."
            )
        changes = list(session.scalars(select(ImportChange).where(ImportChange.run_id == run_id)))
        events = _lock_events(session, changes)
        _refuse_if_changed(session, changes)
        undo = _Undo(session, now, events)
        # Old values first: a restored project lets go of a Träger the import created.
        for change in changes:
            if change.action == journal.UPDATED:
                undo.restore(change)
        for name in DELETE_ORDER:
            undo.remove(name, [c.row_id for c in changes if _is(c, name, journal.CREATED)])
        session.expire_all()  # rows went in SQL: nothing stale stays in the session
        moved = undo.move_up()
        run.undone_at = now
        run.undo_summary = undo.summary()[:300]
        # The before-images are no longer needed once they are back in place.
        session.execute(delete(ImportChange).where(ImportChange.run_id == run_id))
        return UndoResult(run_id, undo.summary(), undo.kept_text(), tuple(moved))


def _is(change: ImportChange, table_name: str, action: str) -> bool:
    return change.table_name == table_name and change.action == action


def _lock_events(session: Session, changes: Sequence[ImportChange]) -> dict[int, Event]:
    """Lock the events whose registrations the undo touches (capacity rules)."""
    ids = [c.row_id for c in changes if c.table_name == "registration"]
    event_ids: set[int] = set()
    for start in range(0, len(ids), 500):
        event_ids.update(
            session.scalars(
                select(Registration.event_id).where(Registration.id.in_(ids[start : start + 500]))
            )
        )
    return {event_id: lock_event(session, event_id) for event_id in sorted(event_ids)}


def _refuse_if_changed(session: Session, changes: Sequence[ImportChange]) -> None:
    by_table: dict[str, list[ImportChange]] = {}
    for change in changes:
        by_table.setdefault(change.table_name, []).append(change)
    changed: dict[str, int] = {}
    for table_name, entries in by_table.items():
        found = journal.fingerprints(session, table_name, (e.row_id for e in entries))
        for entry in entries:
            if found.get(entry.row_id, (None, None)) != (entry.after_version, entry.after_state):
                changed[table_name] = changed.get(table_name, 0) + 1
    if not changed:
        return
    total = sum(changed.values())
    kinds = ", ".join(
        journal.counted(name, count) for name, count in changed.items() if name in journal.NOUNS
    )
    raise UndoRefused(
        (
            "Der Import kann nicht rückgängig gemacht werden: 1 Datensatz wurde seitdem "
            if total == 1
            else f"Der Import kann nicht rückgängig gemacht werden: {total} Datensätze wurden "
            "seitdem "
        )
        + f"geändert oder gelöscht ({kinds}). Es wurde nichts geändert."
    )


class _Undo:
    """The writing half of an undo, with the counts for the summary."""

    def __init__(self, session: Session, now: dt.datetime, events: dict[int, Event]) -> None:
        self.session = session
        self.now = now
        self.events = events
        self.freed: set[int] = set()
        self.removed: dict[str, int] = {}
        self.restored: dict[str, int] = {}
        self.kept: dict[str, int] = {}

    def remove(self, table_name: str, ids: list[int]) -> None:
        if not ids:
            return
        if table_name == "registration":
            self._remove_registrations(ids)
        elif table_name == "consent_record":
            self._delete_rows(ConsentRecord, ids)
            self._count(self.removed, table_name, len(ids))
        elif table_name == "person":
            self._remove_persons(ids)
        else:
            for row_id in ids:
                self._remove_if_unused(table_name, row_id)

    def _remove_registrations(self, ids: list[int]) -> None:
        """Remove them (their history goes with them); a confirmed one frees a place."""
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            self.freed.update(
                self.session.scalars(
                    select(Registration.event_id).where(
                        Registration.id.in_(chunk), Registration.status == CONFIRMED
                    )
                )
            )
            self.session.execute(
                delete(RegistrationHistory).where(RegistrationHistory.registration_id.in_(chunk)),
                execution_options={"synchronize_session": False},
            )
        self._delete_rows(Registration, ids)
        self._count(self.removed, "registration", len(ids))

    def _remove_persons(self, ids: list[int]) -> None:
        """Persons the import created go, unless registered or asked for consent since."""
        used: set[int] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            used.update(
                self.session.scalars(
                    select(Registration.person_id).where(Registration.person_id.in_(chunk))
                )
            )
            used.update(
                self.session.scalars(
                    select(ConsentRecord.subject_id).where(
                        ConsentRecord.subject_kind == SubjectKind.PERSON.value,
                        ConsentRecord.subject_id.in_(chunk),
                    )
                )
            )
        gone = [person_id for person_id in ids if person_id not in used]
        self._delete_rows(Person, gone)
        self._count(self.removed, "person", len(gone))
        self._count(self.kept, "person", len(ids) - len(gone))

    def _delete_rows(self, model: type[Base], ids: list[int]) -> None:
        column = model.__table__.c.id  # type: ignore[attr-defined]
        for start in range(0, len(ids), 500):
            self.session.execute(
                delete(model).where(column.in_(ids[start : start + 500])),
                execution_options={"synchronize_session": False},
            )

    def _remove_if_unused(self, table_name: str, row_id: int) -> None:
        """Delete in the database itself, not through the ORM: the ORM would unlink what
        refers to the record instead of failing on it."""
        table = journal.table(table_name)
        try:
            with self.session.begin_nested():
                done = self.session.execute(delete(table).where(table.c.id == row_id))
        except IntegrityError:  # something else refers to it now: it stays
            self._count(self.kept, table_name, 1)
            return
        self._count(self.removed, table_name, getattr(done, "rowcount", 1) or 0)

    def restore(self, change: ImportChange) -> None:
        """Put the old values of an updated record back (the version moves on)."""
        mapper = _mapper(change.table_name)
        record = self.session.get(mapper.class_, change.row_id)
        if record is None or change.before is None:
            return
        before = json.loads(change.before)
        old_version = before.pop("version", None)
        table = journal.table(change.table_name)
        was_confirmed = getattr(record, "status", None) == CONFIRMED
        for key, value in before.items():
            if key in mapper.relationships:
                related = mapper.relationships[key].mapper.class_
                setattr(record, key, [self.session.get(related, i) for i in value])
                # Lists sit in their own table: touch the record so its version moves on.
                flag_modified(record, _first_column(mapper))
            elif key in table.c:
                setattr(record, key, journal.decode(table.c[key], value))
        if isinstance(record, Registration):
            self._restored_registration(record, was_confirmed)
        self.session.flush()
        if isinstance(old_version, int):
            self._hand_back(change, old_version)
        self._count(self.restored, change.table_name, 1)

    def _hand_back(self, change: ImportChange, old_version: int) -> None:
        """The record is as an earlier import left it, with a new version number: that
        import's journal learns the new number, so it can still be undone."""
        state = journal.read_states(self.session, change.table_name, [change.row_id])
        version, after_state = journal.fingerprint(state.get(change.row_id))
        earlier = self.session.scalars(
            select(ImportChange)
            .join(ImportRun)
            .where(
                ImportChange.table_name == change.table_name,
                ImportChange.row_id == change.row_id,
                ImportChange.after_version == old_version,
                ImportChange.run_id != change.run_id,
                ImportRun.undone_at.is_(None),
            )
        )
        for entry in earlier:
            entry.after_version, entry.after_state = version, after_state

    def _restored_registration(self, registration: Registration, was_confirmed: bool) -> None:
        if was_confirmed and registration.status != CONFIRMED:
            self.freed.add(registration.event_id)
        if registration.status == CANCELLED:
            self.session.add(
                RegistrationHistory(
                    registration_id=registration.id,
                    change=RegistrationChange.CANCELLED.value,
                    at=self.now,
                    note=UNDO_NOTE,
                )
            )

    def move_up(self) -> list[MovedUp]:
        moved: list[MovedUp] = []
        for event_id in sorted(self.freed):
            moved += fill_free_places(self.session, self.events[event_id], self.now)
        return moved

    def summary(self) -> str:
        parts = []
        if self.removed:
            parts.append("entfernt " + _listed(self.removed))
        if self.restored:
            parts.append("wiederhergestellt " + _listed(self.restored))
        return "; ".join(parts) or "es gab nichts mehr zu ändern"

    def kept_text(self) -> str:
        return _listed(self.kept)

    @staticmethod
    def _count(counts: dict[str, int], table_name: str, count: int) -> None:
        if count:
            counts[table_name] = counts.get(table_name, 0) + count


def _listed(counts: dict[str, int]) -> str:
    order = list(journal.NOUNS)
    items = sorted(counts.items(), key=lambda item: order.index(item[0]))
    return ", ".join(journal.counted(name, count) for name, count in items)


def _first_column(mapper: Mapper[object]) -> str:
    return next(a.key for a in mapper.column_attrs if a.key not in ("id", "version"))


def _mapper(table_name: str) -> Mapper[object]:
    table = journal.table(table_name)
    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            return mapper
    raise KeyError(table_name)
