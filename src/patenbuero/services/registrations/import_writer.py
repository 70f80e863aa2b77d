"""Writing the rows of a registration import in bulk: a few statements for any number.

The analysis (:mod:`.importing`) decides per row, in queue order, who is booked and
whether confirmed or on the waitlist; :func:`write_registrations` only writes that
plan: new persons and new registrations with one multi-row INSERT … RETURNING each
(in batches, ids in the order of the rows, on SQLite and PostgreSQL alike), their
history entries and consents with one executemany each. Known persons (same e-mail
address) keep their data, only empty fields are filled; a cancelled registration
that the office chose to rebook is reactivated at the end of the queue.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from patenbuero.db.enums import RegistrationChange, RegistrationStatus, SubjectKind
from patenbuero.db.models import Person, Registration, RegistrationHistory
from patenbuero.services.core import locks
from patenbuero.services.privacy import ConsentInput, SubjectRef, add_consents
from patenbuero.services.registrations.persons import PersonInput, fill_gaps, new_person_values

_KEYS_PER_QUERY = 500  # bound parameters per IN (…) stay far below every driver's limit
# What tells the new persons of one import apart (see _insert_returning).
_PERSON_MATCH = (
    "email_key",
    "first_name",
    "last_name",
    "latin_name",
    "phone",
    "organisation",
    "role",
    "remarks",
    "created_at",
)


@dataclass(frozen=True)
class PlannedRegistration:
    """One row the analysis books: validated person, time of arrival and status."""

    line: int
    person: PersonInput
    email_key: str | None
    registered_at: dt.datetime
    remarks: str
    confirmed: bool
    consents: Mapping[str, bool] = field(default_factory=dict)
    """Purpose → given (True) or refused (False), from the consent columns."""


@dataclass(frozen=True)
class WrittenImport:
    """What :func:`write_registrations` created, for the report and an undo journal."""

    person_ids: tuple[int, ...]
    """Persons created by the import (known persons are reused, not listed)."""
    registration_ids: tuple[int, ...]
    """Registrations created by the import, in queue order."""
    reactivated_ids: tuple[int, ...] = ()
    """Cancelled registrations the import booked again."""
    consent_ids: tuple[int, ...] = ()
    """Consent entries the import recorded."""


def write_registrations(
    session: Session, event_id: int, rows: Sequence[PlannedRegistration], source: str
) -> WrittenImport:
    """Write the planned rows (queue order) for ``event_id`` on the locked event."""
    locks.creation_lock(session, locks.PERSONS)  # two workplaces, one new person
    known = _persons_by_key(session, [row.email_key for row in rows if row.email_key])
    new_rows = [row for row in rows if row.email_key not in known]
    new_ids = _insert_returning(
        session,
        Person,
        [{**new_person_values(row.person, row.registered_at), "version": 1} for row in new_rows],
        match=_PERSON_MATCH,
    )
    person_of: dict[int, int] = {}  # row line → person id
    for row, person_id in zip(new_rows, new_ids, strict=True):
        person_of[row.line] = person_id
    for row in rows:
        if row.email_key in known:
            person = known[row.email_key]
            fill_gaps(person, row.person)
            person_of[row.line] = person.id
    cancelled = _cancelled(session, event_id, [person.id for person in known.values()])
    booked = [row for row in rows if person_of[row.line] not in cancelled]
    registration_ids = _insert_returning(
        session,
        Registration,
        [
            {
                "person_id": person_of[row.line],
                "event_id": event_id,
                "registered_at": row.registered_at,
                "status": _status(row),
                "status_changed_at": row.registered_at,
                "attended": None,
                "remarks": row.remarks,
                "source": source,
            }
            for row in booked
        ],
        match=("person_id",),  # one registration per person and event
    )
    registration_of = dict(zip((row.line for row in booked), registration_ids, strict=True))
    reactivated: list[int] = []
    for row in rows:
        registration = cancelled.get(person_of[row.line])
        if registration is None:
            continue
        registration.status = _status(row)
        registration.registered_at = row.registered_at
        registration.status_changed_at = row.registered_at
        registration.attended = None
        if row.remarks:
            registration.remarks = row.remarks
        registration_of[row.line] = registration.id
        reactivated.append(registration.id)
    session.flush()  # filled gaps of known persons, reactivated registrations
    _insert_many(
        session,
        RegistrationHistory,
        [
            {
                "registration_id": registration_of[row.line],
                "change": _change(row),
                "at": row.registered_at,
                "note": "",
            }
            for row in rows
        ],
    )
    consent_ids = add_consents(session, _consents(rows, person_of))
    return WrittenImport(
        tuple(new_ids), tuple(registration_ids), tuple(reactivated), tuple(consent_ids)
    )


def _status(row: PlannedRegistration) -> str:
    return (RegistrationStatus.CONFIRMED if row.confirmed else RegistrationStatus.WAITLISTED).value


def _change(row: PlannedRegistration) -> str:
    return (RegistrationChange.REGISTERED if row.confirmed else RegistrationChange.WAITLISTED).value


def _consents(
    rows: Sequence[PlannedRegistration], person_of: Mapping[int, int]
) -> list[tuple[SubjectRef, ConsentInput, dt.datetime]]:
    entries = []
    for row in rows:
        ref = SubjectRef(SubjectKind.PERSON.value, person_of[row.line])
        for purpose, allowed in row.consents.items():
            consent = ConsentInput(
                purpose,
                "consent" if allowed else "refused",
                row.registered_at.date() if allowed else None,
                "Webformular/Import",
            )
            entries.append((ref, consent, row.registered_at))
    return entries


def _persons_by_key(session: Session, keys: Sequence[str]) -> dict[str, Person]:
    """Stored persons under these e-mail keys, a query per 500 keys."""
    found: dict[str, Person] = {}
    for start in range(0, len(keys), _KEYS_PER_QUERY):
        chunk = keys[start : start + _KEYS_PER_QUERY]
        for person in session.scalars(select(Person).where(Person.email_key.in_(chunk))):
            found[person.email_key or ""] = person
    return found


def _cancelled(
    session: Session, event_id: int, person_ids: Sequence[int]
) -> dict[int, Registration]:
    """Cancelled registrations of these persons for the event, by person id."""
    found: dict[int, Registration] = {}
    for start in range(0, len(person_ids), _KEYS_PER_QUERY):
        query = select(Registration).where(
            Registration.event_id == event_id,
            Registration.person_id.in_(person_ids[start : start + _KEYS_PER_QUERY]),
            Registration.status == RegistrationStatus.CANCELLED.value,
        )
        found.update((r.person_id, r) for r in session.scalars(query))
    return found


def _insert_returning(
    session: Session,
    model: type[Person] | type[Registration],
    rows: list[dict[str, object]],
    match: Sequence[str],
) -> list[int]:
    """Insert ``rows`` with multi-row INSERTs and return their new ids in row order.

    RETURNING hands the rows back in no promised order (SQLite calls it arbitrary, and
    SQLAlchemy's ordered variant falls back to one INSERT per row there), so each
    returned row is matched to its input by the ``match`` columns; rows equal in all
    of them are interchangeable, whichever id each gets.
    """
    if not rows:
        return []
    table = cast(Table, model.__table__)
    statement = insert(table).returning(table.c.id, *(table.c[name] for name in match))
    waiting: dict[tuple[object, ...], deque[int]] = defaultdict(deque)
    for new_id, *values in session.execute(statement, rows):
        waiting[tuple(values)].append(new_id)
    return [waiting[tuple(row[name] for name in match)].popleft() for row in rows]


def _insert_many(
    session: Session, model: type[RegistrationHistory], rows: list[dict[str, object]]
) -> None:
    if rows:
        session.execute(insert(cast(Table, model.__table__)), rows)
