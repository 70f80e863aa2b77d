"""Merging two entries of the same person, only when the office asks for it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.enums import RegistrationChange, RegistrationStatus, SubjectKind
from patenbuero.db.models import ConsentRecord, Person, Registration, RegistrationHistory
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core.database import Database
from patenbuero.services.registrations import booking

STATUS_RANK = {
    RegistrationStatus.CONFIRMED.value: 0,
    RegistrationStatus.WAITLISTED.value: 1,
    RegistrationStatus.CANCELLED.value: 2,
}


def merge_persons(db: Database, keep_id: int, merge_id: int, now: dt.datetime | None = None) -> int:
    """Move everything of ``merge_id`` to ``keep_id`` and delete the duplicate entry.

    Registrations and their history are kept. Where both were registered for the same
    event, the better registration (confirmed before waitlist before cancelled) stays
    and the other one's history is added to it. Returns the number of registrations moved.
    """
    if keep_id == merge_id:
        raise ValidationError("Eine Person kann nicht mit sich selbst zusammengeführt werden.")
    now = now or dt.datetime.now()
    with db.unit_of_work() as session:
        keep, merge = session.get(Person, keep_id), session.get(Person, merge_id)
        if keep is None or merge is None:
            raise NotFoundError("Eine der beiden Personen gibt es nicht mehr.")
        kept = {
            r.event_id: r
            for r in session.scalars(select(Registration).where(Registration.person_id == keep_id))
        }
        moved = 0
        freed_events: set[int] = set()
        for registration in session.scalars(
            select(Registration).where(Registration.person_id == merge_id)
        ).all():
            other = kept.get(registration.event_id)
            if other is None:
                registration.person_id = keep_id
                booking.record(
                    session, registration, RegistrationChange.MERGED, now, merge.full_name
                )
                moved += 1
                continue
            winner, loser = _better(other, registration)
            winner.attended = _attendance(winner.attended, loser.attended)
            if not winner.remarks:
                winner.remarks = loser.remarks
            if loser.status == booking.CONFIRMED:  # its place is free now
                freed_events.add(loser.event_id)
            for entry in session.scalars(
                select(RegistrationHistory).where(RegistrationHistory.registration_id == loser.id)
            ).all():
                entry.registration_id = winner.id
            if winner is registration:
                other.person_id = merge_id  # keep the unique pair free while swapping
                session.flush()
                registration.person_id = keep_id
            booking.record(session, winner, RegistrationChange.MERGED, now, merge.full_name)
            session.flush()
            session.delete(loser)
            session.flush()
            moved += 1
        _take_missing_fields(keep, merge)
        _move_consents(session, merge_id, keep_id)
        for event_id in sorted(freed_events):
            booking.fill_free_places(session, booking.lock_event(session, event_id), now)
        merge_email_key = merge.email_key
        session.delete(merge)
        session.flush()
        if keep.email_key is None and merge_email_key:
            keep.email = merge.email
            keep.email_key = merge_email_key
        return moved


def _attendance(a: bool | None, b: bool | None) -> bool | None:
    """Present in either entry is present; recorded absence beats no record."""
    if a or b:
        return True
    return a if a is not None else b


def _move_consents(session: Session, merge_id: int, keep_id: int) -> None:
    """Consents and their history follow the person (privacy keeps them by subject)."""
    entries = session.scalars(
        select(ConsentRecord).where(
            ConsentRecord.subject_kind == SubjectKind.PERSON.value,
            ConsentRecord.subject_id == merge_id,
        )
    )
    for entry in entries:
        entry.subject_id = keep_id


def _better(a: Registration, b: Registration) -> tuple[Registration, Registration]:
    rank_a, rank_b = STATUS_RANK.get(a.status, 3), STATUS_RANK.get(b.status, 3)
    if (rank_a, a.registered_at) <= (rank_b, b.registered_at):
        return a, b
    return b, a


def _take_missing_fields(keep: Person, merge: Person) -> None:
    for field in ("first_name", "phone", "organisation", "latin_name", "remarks"):
        if not getattr(keep, field) and getattr(merge, field):
            setattr(keep, field, getattr(merge, field))
    if keep.project_id is None:
        keep.project_id = merge.project_id
    keep.created_at = min(keep.created_at, merge.created_at)  # "new this year" stays right
    if merge.restricted_until is not None:
        keep.restricted_until = max(
            keep.restricted_until or merge.restricted_until, merge.restricted_until
        )
