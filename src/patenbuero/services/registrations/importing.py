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
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from patenbuero.db.enums import PersonRole, RegistrationStatus, SubjectKind
from patenbuero.db.models import Person, Registration
from patenbuero.errors import UserError, ValidationError
from patenbuero.io.mapping import REGISTRATION_FIELDS, split_full_name
from patenbuero.io.validate import parse_bool_de
from patenbuero.services.core.importing import Action, Analysis, Progress, Record, RowOutcome
from patenbuero.services.privacy import ConsentInput, SubjectRef, add_consent
from patenbuero.services.registrations import booking
from patenbuero.services.registrations.import_journal import ImportJournal
from patenbuero.services.registrations.import_rows import (
    CheckedRow,
    check_row,
    moments,
    queue_order,
)
from patenbuero.services.registrations.persons import (
    PersonInput,
    duplicate_key,
    email_key,
    find_or_create_person,
    validated,
)

SOURCE = "Import"
ROLE_WORDS = {
    PersonRole.VOLUNTEER.value: ("pat", "mentor"),
    PersonRole.COORDINATOR.value: ("koordin", "coordinat", "leitung"),
    PersonRole.SPEAKER.value: ("referent", "speaker", "dozent"),
}


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

    def journal_description(self, session: Session) -> str:
        """The event the registrations went into, for the list of past imports."""
        event = booking.event_or_fail(session, self.event_id)
        return f"{event.title} ({event.starts_at:%d.%m.%Y})"

    def analyse(self, session: Session, records: Sequence[Record], progress: Progress) -> Analysis:
        event = booking.event_or_fail(session, self.event_id)
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
        checked = [check_row(record) for record in records]
        known = _known_names(session, [row.record for row in checked if not row.errors])
        for number, row in enumerate(queue_order(checked), start=1):
            record = row.record
            progress(number, len(records))
            if row.errors:
                outcomes.append(_error(record, *row.errors))
                continue
            try:
                data = validated(person_from_record(record))
            except ValidationError as error:
                outcomes.append(_error(record, str(error)))
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
            notes = _likely_duplicates(session, data, key, seen_names, record.line, known)
            if key and key in cancelled:
                notes.insert(0, "war storniert, wird wieder angemeldet")
            notes += _wish_notes(record, wishes)
            if free is None or free > 0:
                status = "bestätigt"
                free = None if free is None else free - 1
            else:
                status = "Warteliste"
            if row.registered_at is not None:
                notes.insert(0, f"eingegangen {row.registered_at:%d.%m.%Y %H:%M}")
            outcomes.append(
                RowOutcome(record.line, label, Action.CREATE, detail="; ".join([status, *notes]))
            )
        outcomes.sort(key=lambda outcome: outcome.line)
        return Analysis(tuple(outcomes), notes=_order_notes(checked))

    def apply(self, session: Session, records: Sequence[Record], progress: Progress) -> None:
        event = booking.lock_event(session, self.event_id)
        cancelled = _email_keys(session, event.id, cancelled=True)
        confirmed = booking.confirmed_count(session, event.id)  # counted once, kept below
        ordered = queue_order([check_row(record) for record in records])
        journal = ImportJournal.before(
            session, event.id, [row.record for row in ordered], _email_key_of
        )
        for number, (row, moment) in enumerate(
            zip(ordered, moments(ordered, self.now), strict=True), start=1
        ):
            progress(number, len(records))
            data = person_from_record(row.record)
            key = email_key(data.email)
            if key and key in cancelled and not self.rebook_cancelled:
                continue
            person, created = find_or_create_person(session, data, moment)
            registration, booked = booking.book(
                session,
                event,
                person,
                moment,
                row.record.get("remarks"),
                SOURCE,
                confirmed=confirmed,
            )
            if booked and registration.status == RegistrationStatus.CONFIRMED.value:
                confirmed += 1
            journal.wrote(person.id if created else None, registration.id if booked else None)
            ref = SubjectRef(SubjectKind.PERSON.value, person.id)
            for purpose, allowed in consent_wishes(row.record).items():
                consent = ConsentInput(
                    purpose,
                    "consent" if allowed else "refused",
                    moment.date() if allowed else None,
                    "Webformular/Import",
                )
                journal.consents.append(add_consent(session, ref, consent, moment))
        journal.record(session)


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
        note += f" {len(rows) - dated} Zeile(n) ohne Eingangsdatum folgen danach."
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
    session: Session,
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
    if name in known:
        similar = [full for email, full in known[name] if not key or email != key][:3]
        notes += [f"ähnlich wie {full} (bereits erfasst) – mögliche Dublette" for full in similar]
        return notes
    query = select(Person).where(Person.name_key == name)
    if key:
        query = query.where(func.coalesce(Person.email_key, "") != key)
    for person in session.scalars(query.limit(3)):
        notes.append(f"ähnlich wie {person.full_name} (bereits erfasst) – mögliche Dublette")
    return notes


_NAMES_PER_QUERY = 500


def _known_names(session: Session, records: Sequence[Record]) -> dict[str, list[tuple[str, str]]]:
    """Stored persons (e-mail key, full name) under the name keys of the file, in the
    order of their ids: one query per 500 names instead of one per row."""
    names = set()
    for record in records:
        try:
            data = person_from_record(record)
        except (ValueError, UserError):
            continue  # the row is reported as an error in the analysis
        names.add(duplicate_key(data.first_name, data.last_name))
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


def _email_key_of(record: Record) -> str | None:
    return email_key(person_from_record(record).email)
