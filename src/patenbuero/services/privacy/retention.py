"""What retention says is due, and doing it in one confirmed run with progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from patenbuero.db.enums import ConsentPurpose, InquiryStatus, ProjectStatus, SubjectKind
from patenbuero.db.models import Contact, Event, Inquiry, Person, Registration
from patenbuero.services.core.database import Database
from patenbuero.services.core.plural import plural
from patenbuero.services.privacy.consents import current_consents
from patenbuero.services.privacy.deletion_log import current_user
from patenbuero.services.privacy.erasure import erase_in_session, proof_until_by_person
from patenbuero.services.privacy.purposes import KIND_LABELS
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.services.privacy.retention_settings import RetentionSettings, load_retention
from patenbuero.services.privacy.secure_wipe import wipe_freed_space

Progress = Callable[[int, int], bool]  # (done, total) -> go on?


@dataclass(frozen=True)
class DueItem:
    ref: SubjectRef
    kind_label: str
    reason: str
    due_since: dt.date


def due_items(db: Database, today: dt.date | None = None) -> list[DueItem]:
    """Everything whose retention period has ended, oldest first. No names: refs only."""
    today = today or dt.date.today()
    with db.reading() as session:
        settings = load_retention(session)
        items = _due_persons(session, settings, today)
        items += _due_inquiries(session, settings, today)
        items += _due_contacts(session, today)
    return sorted(items, key=lambda item: (item.due_since, item.ref))


def purge(
    db: Database,
    items: list[DueItem] | None = None,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    user: str | None = None,
) -> int:
    """Erase what is due, each in its own unit of work; returns how many were erased.

    ``progress`` is called after each item and may stop the run by returning False;
    what was done stays done.
    """
    today = today or dt.date.today()
    items = due_items(db, today) if items is None else items
    user = current_user() if user is None else user
    now = dt.datetime.combine(today, dt.datetime.now().time())
    done = 0
    for item in items:
        with db.unit_of_work() as session:
            erase_in_session(session, item.ref, f"Aufbewahrungsfrist: {item.reason}", now, user)
        done += 1
        if progress is not None and not progress(done, len(items)):
            break
    if done:
        wipe_freed_space(db)
    return done


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _due_persons(session: Session, settings: RetentionSettings, today: dt.date) -> list[DueItem]:
    last_event = dict(
        session.execute(
            select(Registration.person_id, func.max(Event.starts_at))
            .join(Event, Event.id == Registration.event_id)
            .group_by(Registration.person_id)
        ).all()
    )
    proofs = proof_until_by_person(session, settings)
    label = KIND_LABELS[SubjectKind.PERSON.value]
    items: list[DueItem] = []
    persons = session.execute(
        select(Person.id, Person.restricted_until, Person.created_at).where(
            Person.erased_at.is_(None)
        )
    )
    for person_id, restricted_until, created_at in persons:
        ref = SubjectRef(SubjectKind.PERSON.value, person_id)
        if restricted_until is not None:
            if restricted_until < today:
                due = restricted_until + dt.timedelta(days=1)
                items.append(DueItem(ref, label, "Nachweisfrist des Fördermittelgebers", due))
            continue
        last = last_event.get(person_id)
        start = last.date() if last is not None else created_at.date()
        due = _years_after(start, settings.participants_years)
        if due > today:
            continue
        proof = proofs.get(person_id)
        if proof is not None and proof >= today:
            continue
        years = settings.participants_years
        reason = f"{years} Jahre nach der letzten Veranstaltung"
        if proof is not None and proof >= due:
            due, reason = proof + dt.timedelta(days=1), "Nachweisfrist des Fördermittelgebers"
        items.append(DueItem(ref, label, reason, due))
    return items


def _due_inquiries(session: Session, settings: RetentionSettings, today: dt.date) -> list[DueItem]:
    items = []
    closed = session.scalars(select(Inquiry).where(Inquiry.status == InquiryStatus.CLOSED.value))
    for inquiry in closed:
        due = _years_after(inquiry.closed_on or inquiry.received_on, settings.inquiries_years)
        if due <= today:
            items.append(
                DueItem(
                    SubjectRef(SubjectKind.INQUIRY.value, inquiry.id),
                    KIND_LABELS[SubjectKind.INQUIRY.value],
                    f"{plural(settings.inquiries_years, 'Jahr', 'Jahre')} nach dem Abschluss",
                    due,
                )
            )
    return items


def _due_contacts(session: Session, today: dt.date) -> list[DueItem]:
    """Contacts of projects that left the network, and partners who withdrew consent."""
    contacts = session.scalars(select(Contact).options(selectinload(Contact.project))).all()
    refs = [SubjectRef(SubjectKind.CONTACT.value, c.id) for c in contacts]
    consents = current_consents(session, refs)
    items = []
    for contact, ref in zip(contacts, refs, strict=True):
        mailing = consents[ref].get(ConsentPurpose.MAILING_LIST.value)
        label = KIND_LABELS[SubjectKind.CONTACT.value]
        if contact.project is not None and contact.project.status == ProjectStatus.LEFT.value:
            since = contact.project.left_on or today
            items.append(DueItem(ref, label, "Projekt aus dem Netzwerk ausgeschieden", since))
        elif (
            contact.project_id is None
            and contact.organisation_id is None
            and mailing is not None
            and mailing.withdrawn_on is not None
        ):
            items.append(DueItem(ref, label, "Einwilligung widerrufen", mailing.withdrawn_on))
    return items


def erase_expired_restrictions(db: Database, today: dt.date | None = None) -> int:
    """Erase restricted persons whose proof period has ended.

    Their erasure was asked for and confirmed already; only the funder's proof
    period held it back (Art. 17(3)(b)). Runs when the program starts.
    """
    today = today or dt.date.today()
    with db.reading() as session:
        expired = session.scalars(
            select(Person.id).where(
                Person.erased_at.is_(None),
                Person.restricted_until.is_not(None),
                Person.restricted_until < today,
            )
        ).all()
    items = [
        DueItem(
            SubjectRef(SubjectKind.PERSON.value, pid),
            KIND_LABELS[SubjectKind.PERSON.value],
            "Nachweisfrist des Fördermittelgebers abgelaufen",
            today,
        )
        for pid in expired
    ]
    return purge(db, items, today=today, user="") if items else 0
