"""Registrations for one event from a web-form export, Excel or another office's list.

Rules in the order of the Eingangsdatum (else file order): capacity and waitlist
apply; the same e-mail address (any case) is the same person, registered once;
names that only look alike are registered and listed as likely duplicates;
re-importing the same file registers nobody twice, and a person whose registration
was cancelled stays cancelled unless the office chooses otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.enums import PersonRole, RegistrationStatus
from patenbuero.db.models import Person, Registration
from patenbuero.errors import ValidationError
from patenbuero.io.mapping import REGISTRATION_FIELDS, split_full_name
from patenbuero.io.validate import parse_bool_de
from patenbuero.services.core.database import is_reading
from patenbuero.services.core.importing import Action, Analysis, Progress, Record, RowOutcome
from patenbuero.services.core.plural import plural
from patenbuero.services.registrations import booking
from patenbuero.services.registrations.import_journal import ImportJournal
from patenbuero.services.registrations.import_rows import (
    CheckedRow,
    check_row,
    moments,
    queue_order,
)
from patenbuero.services.registrations.import_writer import (
    PlannedRegistration,
    WrittenImport,
    write_registrations,
)
from patenbuero.services.registrations.persons import (
    PersonInput,
    duplicate_key,
    email_key,
    validated,
)

SOURCE = "Import"
ROLE_WORDS = {
    PersonRole.VOLUNTEER.value: ("pat", "mentor"),
    PersonRole.COORDINATOR.value: ("koordin", "coordinat", "leitung"),
    PersonRole.SPEAKER.value: ("referent", "speaker", "dozent"),
}


@lru_cache(maxsize=1024)  # a column of a few distinct words, asked once per row
def role_from_text(text: str) -> str:
    lowered = text.casefold()
    for role, words in ROLE_WORDS.items():
        if any(word in lowered for word in words):
            return role
    return PersonRole.INTERESTED.value


def person_from_record(record: Record) -> PersonInput:
    first, last = record.get("first_name"), record.get("last_name")
    if not last and record.get("full_name"):
        first, last = split_full_name(record.get("full_name"))
    return PersonInput(
        first_name=first,
        last_name=last,
        email=record.get("email"),
        phone=record.get("phone"),
        organisation=record.get("organisation"),
        role=role_from_text(record.get("role")),
    )


@dataclass
class RegistrationImporter:
    """The import of registrations for ``event_id``; see services.importing.

    ``rebook_cancelled``: a row for a person whose registration for this event was
    cancelled registers them again; by default it stays cancelled.
    """

    event_id: int
    now: dt.datetime
    title: str = "Anmeldungen importieren"
    fields: Sequence = REGISTRATION_FIELDS  # type: ignore[type-arg]
    rebook_cancelled: bool = False
    choices: tuple[tuple[str, str], ...] = (
        ("rebook_cancelled", "Stornierte Personen aus der Datei wieder anmelden"),
    )
    journal_kind: str = "registrations"
    written: WrittenImport | None = field(default=None, init=False, compare=False)
    """What the last :meth:`apply` created: ids of new persons and registrations."""

    def journal_description(self, session: Session) -> str:
        """The event the registrations went into, for the list of past imports."""
        event = booking.event_or_fail(session, self.event_id)
        return f"{event.title} ({event.starts_at:%d.%m.%Y})"

    def analyse(self, session: Session, records: Sequence[Record], progress: Progress) -> Analysis:
        """What every row does, in queue order; the plan of what to book goes with it.

        In a write transaction (``apply_import``) the event is locked first, so the free
        places counted here are still free when the plan is written.
        """
        if is_reading(session):
            event = booking.event_or_fail(session, self.event_id)
        else:
            event = booking.lock_event(session, self.event_id)
        free = (
            None
            if event.capacity is None
            else event.capacity - booking.confirmed_count(session, event.id)
        )
        registered = _email_keys(session, event.id, cancelled=False)
        cancelled = _email_keys(session, event.id, cancelled=True)
        seen_emails: dict[str, int] = {}
        seen_names: dict[str, tuple[int, str]] = {}
        outcomes = []
        plan: list[PlannedRegistration] = []
        checked = [check_row(record) for record in records]
        people = {row.record.line: _person(row) for row in checked if not row.errors}
        known = _known_names(session, [p for p in people.values() if isinstance(p, PersonInput)])
        ordered = queue_order(checked)
        for number, (row, moment) in enumerate(
            zip(ordered, moments(ordered, self.now), strict=True), start=1
        ):
            record = row.record
            progress(number, len(records))
            if row.errors:
                outcomes.append(_error(record, *row.errors))
                continue
            data = people[record.line]
            if isinstance(data, ValidationError):
                outcomes.append(_error(record, str(data)))
                continue
            label = f"{data.first_name} {data.last_name}".strip()
            key = email_key(data.email)
            if key and key in seen_emails:
                outcomes.append(
                    RowOutcome(
                        record.line,
                        label,
                        Action.UNCHANGED,
                        detail=f"dieselbe Person wie Zeile {seen_emails[key]} (gleiche "
                        "E-Mail-Adresse): wird nur einmal angemeldet",
                    )
                )
                continue
            if key:
                seen_emails[key] = record.line
            if key and key in registered:
                outcomes.append(
                    RowOutcome(record.line, label, Action.UNCHANGED, detail="schon angemeldet")
                )
                continue
            if key and key in cancelled and not self.rebook_cancelled:
                outcomes.append(
                    RowOutcome(
                        record.line, label, Action.UNCHANGED, detail="storniert – bleibt storniert"
                    )
                )
                continue
            try:
                wishes = consent_wishes(record)
            except ValueError as error:
                outcomes.append(_error(record, str(error)))
                continue
            notes = _likely_duplicates(data, key, seen_names, record.line, known)
            if key and key in cancelled:
                notes.insert(0, "war storniert, wird wieder angemeldet")
            notes += _wish_notes(record, wishes)
            confirmed = free is None or free > 0
            if free is not None and free > 0:
                free -= 1
            if row.registered_at is not None:
                notes.insert(0, f"eingegangen {row.registered_at:%d.%m.%Y %H:%M}")
            status = "bestätigt" if confirmed else "Warteliste"
            outcomes.append(
                RowOutcome(record.line, label, Action.CREATE, detail="; ".join([status, *notes]))
            )
            plan.append(
                PlannedRegistration(
                    record.line, data, key, moment, record.get("remarks"), confirmed, wishes
                )
            )
        outcomes.sort(key=lambda outcome: outcome.line)
        return Analysis(tuple(outcomes), notes=_order_notes(checked), plan=tuple(plan))

    def apply(
        self,
        session: Session,
        records: Sequence[Record],
        progress: Progress,
        plan: object = None,
    ) -> None:
        """Book the rows as analysed (queue order, capacity counted once) in bulk."""
        if plan is None:
            plan = self.analyse(session, records, progress).plan
        assert isinstance(plan, tuple)
        journal = ImportJournal.before(session, self.event_id, (row.email_key for row in plan))
        self.written = write_registrations(session, self.event_id, plan, SOURCE)
        journal.persons += self.written.person_ids
        journal.registrations += self.written.registration_ids
        journal.consents += self.written.consent_ids
        journal.record(session)
        progress(len(records), len(records))


def _person(row: CheckedRow) -> PersonInput | ValidationError:
    """The row's validated person, or why it cannot be one."""
    try:
        return validated(person_from_record(row.record))
    except ValidationError as error:
        return error


CONSENT_COLUMNS = {"photos": "Fotos", "follow_up": "Kontakt danach"}


def consent_wishes(record: Record) -> dict[str, bool]:
    """ja/nein of the consent columns that are mapped and filled; ValueError names the column."""
    wishes = {}
    for key, label in CONSENT_COLUMNS.items():
        if record.has(key) and record.get(key).strip():
            try:
                value = parse_bool_de(record.get(key))
            except ValueError as error:
                raise ValueError(f"{label}: {error}") from error
            if value is not None:
                wishes[key] = value
    return wishes


def _wish_notes(record: Record, wishes: dict[str, bool]) -> list[str]:
    """What the preview says about consents: given, refused or missing."""
    notes = []
    for key, label in CONSENT_COLUMNS.items():
        if key in wishes:
            notes.append(f"{label}: {'ja' if wishes[key] else 'nein'}")
        elif record.has(key):
            notes.append(f"{label}: keine Angabe (gilt als nicht erteilt)")
    return notes


def _order_notes(rows: Sequence[CheckedRow]) -> tuple[str, ...]:
    dated = sum(row.registered_at is not None for row in rows)
    if not dated:
        return ()
    note = (
        "Reihenfolge der Warteliste und Anmeldezeit nach der Spalte „Eingangsdatum“ "
        "(früheste Anmeldung zuerst), nicht nach der Reihenfolge in der Datei."
    )
    if dated < len(rows):
        undated = len(rows) - dated
        note += (
            f" {plural(undated, 'Zeile', 'Zeilen')} ohne Eingangsdatum "
            f"{'folgt' if undated == 1 else 'folgen'} danach."
        )
    return (note,)


def _error(record: Record, *reasons: str) -> RowOutcome:
    name = " ".join(p for p in (record.get("first_name"), record.get("last_name")) if p)
    return RowOutcome(record.line, name[:60] or record.get("full_name")[:60], Action.ERROR, reasons)


def _email_keys(session: Session, event_id: int, *, cancelled: bool) -> set[str]:
    """E-mail keys of persons registered for the event (active, or else cancelled)."""
    status = Registration.status == RegistrationStatus.CANCELLED.value
    rows = session.scalars(
        select(Person.email_key)
        .join(Registration, Registration.person_id == Person.id)
        .where(
            Registration.event_id == event_id,
            status if cancelled else ~status,
            Person.email_key.is_not(None),
        )
    )
    return {key for key in rows if key}


def _likely_duplicates(
    data: PersonInput,
    key: str | None,
    seen_names: dict[str, tuple[int, str]],
    line: int,
    known: dict[str, list[tuple[str, str]]],
) -> list[str]:
    name = duplicate_key(data.first_name, data.last_name)
    notes = []
    earlier = seen_names.get(name)
    if earlier is not None and earlier[1] != (key or ""):
        notes.append(f"ähnlicher Name wie Zeile {earlier[0]} – mögliche Dublette")
    seen_names.setdefault(name, (line, key or ""))
    similar = [full for email, full in known.get(name, ()) if not key or email != key][:3]
    notes += [f"ähnlich wie {full} (bereits erfasst) – mögliche Dublette" for full in similar]
    return notes


_NAMES_PER_QUERY = 500


def _known_names(
    session: Session, people: Sequence[PersonInput]
) -> dict[str, list[tuple[str, str]]]:
    """Stored persons (e-mail key, full name) under the name keys of the file, in the
    order of their ids: one query per 500 names instead of one per row."""
    names = {duplicate_key(data.first_name, data.last_name) for data in people}
    known: dict[str, list[tuple[str, str]]] = {name: [] for name in names}
    ordered = sorted(names)
    for start in range(0, len(ordered), _NAMES_PER_QUERY):
        query = (
            select(Person.name_key, Person.email_key, Person.first_name, Person.last_name)
            .where(Person.name_key.in_(ordered[start : start + _NAMES_PER_QUERY]))
            .order_by(Person.id)
        )
        for name, email, first, last in session.execute(query):
            known[name].append((email or "", f"{first} {last}".strip()))
    return known
