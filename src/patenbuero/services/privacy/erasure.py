"""Löschen (Art. 17) and Einschränken (Art. 18) of one person.

Registrations of past events stay as anonymous rows, so that counts and funder
statistics stay right; future registrations are cancelled (the waitlist moves up)
and removed. Where a funded event's attendance list must be kept as proof, the
person is restricted until that period ends and erased by the retention purge then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from patenbuero.db.enums import RegistrationStatus, SubjectKind
from patenbuero.db.models import ConsentRecord, Contact, Event, Inquiry, Person, Registration
from patenbuero.errors import NotFoundError
from patenbuero.services.core import import_journal
from patenbuero.services.core.database import Database
from patenbuero.services.privacy.consents import delete_consents
from patenbuero.services.privacy.deletion_log import current_user, write_entry
from patenbuero.services.privacy.funding import funded_event_query, proof_end
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.services.privacy.retention_settings import RetentionSettings, load_retention
from patenbuero.services.privacy.secure_wipe import wipe_freed_space
from patenbuero.services.registrations import MovedUp, cancel


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure would do, for the confirmation."""

    ref: SubjectRef
    goes: tuple[str, ...]
    stays: tuple[str, ...]
    restricted_until: dt.date | None  # set: restriction instead of erasure


@dataclass(frozen=True)
class ErasureResult:
    ref: SubjectRef
    action: str  # erased | restricted
    restricted_until: dt.date | None
    moved_up: tuple[MovedUp, ...]

    def message(self) -> str:
        if self.action == "restricted" and self.restricted_until is not None:
            return (
                f"{self.ref} ist eingeschränkt: aus Listen, Suche und Exporten ausgeblendet und "
                f"nur als Nachweis für den Fördermittelgeber aufbewahrt; gelöscht wird "
                f"am {self.restricted_until + dt.timedelta(days=1):%d.%m.%Y}."
            )
        return f"Die Daten von {self.ref} sind gelöscht."


def proof_until(session: Session, person_id: int, settings: RetentionSettings) -> dt.date | None:
    """Last day the person's attendance at a funded event must be kept, if any."""
    return proof_until_by_person(session, settings, person_id).get(person_id)


def proof_until_by_person(
    session: Session, settings: RetentionSettings, person_id: int | None = None
) -> dict[int, dt.date]:
    """The same for every person with a funded attendance (one query), or for one."""
    query = (
        funded_event_query(Registration.person_id, Event.starts_at)
        .join(Registration, Registration.event_id == Event.id)
        .where(Registration.status != RegistrationStatus.CANCELLED.value)
    )
    if person_id is not None:
        query = query.where(Registration.person_id == person_id)
    ends: dict[int, dt.date] = {}
    for person, starts, years in session.execute(query):
        end = proof_end(starts, years, settings)
        ends[person] = max(end, ends.get(person, end))
    return ends


def plan_erasure(db: Database, ref: SubjectRef, today: dt.date | None = None) -> ErasurePlan:
    today = today or dt.date.today()
    with db.reading() as session:
        settings = load_retention(session)
        if ref.kind == SubjectKind.PERSON.value:
            person = _person(session, ref)
            registrations = _registrations(session, person.id)
            now = dt.datetime.combine(today, dt.time())
            future = [r for r in registrations if r.event.starts_at >= now]
            past = [r for r in registrations if r.event.starts_at < now]
            until = proof_until(session, person.id, settings)
            until = until if until is not None and until >= today else None
            goes = ["E-Mail, Telefon, Bemerkungen und alle Einwilligungen"]
            if until is None:
                goes.insert(0, "Name und Organisation")
            goes += [f"Anmeldung für „{r.event.title}“ (wird storniert)" for r in future]
            stays = (
                [f"{len(past)} Anmeldung(en) vergangener Veranstaltungen als anonyme Zeile"]
                if past and until is None
                else []
            )
            if until is not None:
                stays.append(
                    "Name und Organisation auf den Teilnehmerlisten geförderter "
                    f"Veranstaltungen bis {until:%d.%m.%Y} (Nachweispflicht)"
                )
            return ErasurePlan(ref, tuple(goes), tuple(stays), until)
        if ref.kind == SubjectKind.INQUIRY.value:
            inquiry = session.get(Inquiry, ref.id)
            if inquiry is None:
                raise NotFoundError(f"Es gibt keine Anfrage {ref}.")
            return ErasurePlan(
                ref, ("die Anfrage mit Name, Kontakt, Nachricht und Weiterleitungen",), (), None
            )
        if session.get(Contact, ref.id) is None:
            raise NotFoundError(f"Es gibt keine Ansprechperson {ref}.")
        return ErasurePlan(ref, ("die Ansprechperson mit Kontakt und Verteiler-Eintrag",), (), None)


def erase_subject(
    db: Database,
    ref: SubjectRef,
    reason: str,
    *,
    now: dt.datetime | None = None,
    user: str | None = None,
    wipe: bool = True,
) -> ErasureResult:
    """Erase (or restrict) one person as one unit of work, then wipe the freed bytes."""
    now = now or dt.datetime.now()
    user = current_user() if user is None else user
    with db.unit_of_work() as session:
        result = erase_in_session(session, ref, reason, now, user)
    if wipe:
        wipe_freed_space(db)
    return result


def erase_in_session(
    session: Session, ref: SubjectRef, reason: str, now: dt.datetime, user: str
) -> ErasureResult:
    if ref.kind == SubjectKind.PERSON.value:
        return _erase_person(session, ref, reason, now, user)
    record = session.get(Inquiry if ref.kind == SubjectKind.INQUIRY.value else Contact, ref.id)
    if record is None:
        raise NotFoundError(f"Es gibt keinen Eintrag {ref}.")
    _forget_in_import_journal(session, ref)
    delete_consents(session, ref)
    session.delete(record)
    write_entry(session, ref, "erased", reason, now, user)
    session.flush()
    return ErasureResult(ref, "erased", None, ())


def _erase_person(
    session: Session, ref: SubjectRef, reason: str, now: dt.datetime, user: str
) -> ErasureResult:
    person = _person(session, ref)
    settings = load_retention(session)
    _forget_in_import_journal(session, ref)
    moved: list[MovedUp] = []
    for registration in _registrations(session, person.id):
        if registration.event.starts_at >= now:
            moved += cancel(session, registration, now)
            session.delete(registration)
        else:
            registration.remarks = ""
            for entry in registration.history:
                entry.note = ""
    session.flush()
    delete_consents(session, ref)
    person.email, person.email_key, person.phone = "", None, ""
    person.remarks, person.latin_name = "", ""
    until = proof_until(session, person.id, settings)
    if until is not None and until >= now.date():
        person.restricted_until = until
        write_entry(session, ref, "restricted", reason, now, user)
        return ErasureResult(ref, "restricted", until, tuple(moved))
    remaining = session.scalars(
        select(Registration.id).where(Registration.person_id == person.id)
    ).first()
    if remaining is None:
        session.delete(person)
    else:
        person.first_name, person.last_name, person.name_key = "", "", ""
        person.organisation, person.restricted_until, person.erased_at = "", None, now
    write_entry(session, ref, "erased" if remaining is None else "anonymised", reason, now, user)
    session.flush()
    return ErasureResult(ref, "erased", None, tuple(moved))


def _forget_in_import_journal(session: Session, ref: SubjectRef) -> None:
    """The import journal's old values of the subject go too (an undo cannot bring
    erased data back)."""
    if ref.kind == SubjectKind.PERSON.value:
        import_journal.forget_records(session, "person", [ref.id])
        registrations = select(Registration.id).where(Registration.person_id == ref.id)
        import_journal.forget_records(session, "registration", session.scalars(registrations))
    elif ref.kind == SubjectKind.CONTACT.value:
        import_journal.forget_records(session, "contact", [ref.id])
    consents = select(ConsentRecord.id).where(
        ConsentRecord.subject_kind == ref.kind, ConsentRecord.subject_id == ref.id
    )
    import_journal.forget_records(session, "consent_record", session.scalars(consents))


def _person(session: Session, ref: SubjectRef) -> Person:
    person = session.get(Person, ref.id)
    if person is None or person.erased_at is not None:
        raise NotFoundError(f"Es gibt keine Person {ref}.")
    return person


def _registrations(session: Session, person_id: int) -> list[Registration]:
    return list(
        session.scalars(
            select(Registration)
            .where(Registration.person_id == person_id)
            .options(selectinload(Registration.event), selectinload(Registration.history))
        )
    )
