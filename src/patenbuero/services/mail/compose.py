"""Who gets which mail, with the office's text filled in for each recipient.

The legal basis decides: mails about a registration go to the registered person
(the registration is the contract) unless processing is restricted or the person
erased; the invitation goes to the Verteiler only with consent or legitimate
interest; an inquiry's personal data go to a project only with consent to pass
them on. Persons without an e-mail address land on the phone list instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from patenbuero.db.enums import (
    ConsentPurpose,
    RegistrationChange,
    RegistrationStatus,
    SubjectKind,
)
from patenbuero.db.models import Contact, Event, Forwarding, Person, Registration
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core import labels
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import NetworkTexts, load_texts
from patenbuero.services.inquiries import due_follow_ups
from patenbuero.services.mail.kinds import Audience, MailKind, kind_info
from patenbuero.services.mail.templates import fill, load_template
from patenbuero.services.plan import AgendaInput, timed, when_text
from patenbuero.services.privacy import SubjectRef, contacts_with_mailing_basis, has_basis

EVENT_KINDS = frozenset(
    {
        MailKind.CONFIRMATION,
        MailKind.WAITLIST,
        MailKind.REMINDER,
        MailKind.MOVED_UP,
        MailKind.CHANGED,
        MailKind.CANCELLED,
        MailKind.INVITATION,
        MailKind.TASK_REMINDER,
    }
)


@dataclass(frozen=True)
class OutMail:
    recipient: str
    address: str
    subject: str
    body: str


@dataclass(frozen=True)
class NoMail:
    """Someone who gets no e-mail, and why (phone list or left out)."""

    name: str
    phone: str
    reason: str


@dataclass(frozen=True)
class MailBatch:
    kind: str
    kind_label: str
    event_id: int | None
    title: str  # the event, or what the mails are about
    mails: tuple[OutMail, ...]
    phone_list: tuple[NoMail, ...]  # no e-mail address: call them
    left_out: tuple[NoMail, ...]  # no legal basis for this mail
    group: bool  # one text for all (BCC batches), else personal mails


@dataclass(frozen=True)
class _Recipient:
    name: str
    email: str
    phone: str
    values: dict[str, str]


def compose(
    db: Database,
    kind: str,
    event_id: int | None = None,
    *,
    forwarding_ids: Sequence[int] = (),
    today: dt.date | None = None,
) -> MailBatch:
    """The mails of one kind: for an event, or for forwardings (default: the due ones)."""
    today = today or dt.date.today()
    template = load_template(db, kind)
    info = kind_info(kind)
    texts = load_texts(db)
    common = {
        "Absender": texts.office_name or texts.network_name,
        "Datenschutz": texts.privacy_url or texts.website,
    }
    with db.reading() as session:
        if info.kind in EVENT_KINDS:
            if event_id is None:
                raise ValidationError(
                    "Für diese Mail-Art wählen Sie bitte eine Veranstaltung.", field="event"
                )
            event = _event(session, event_id)
            common |= _event_values(event)
            title = event.title
            recipients, left_out = _event_recipients(session, info.audience, event, today)
        else:
            if not forwarding_ids and info.kind == MailKind.FOLLOW_UP:
                forwarding_ids = [row.forwarding_id for row in due_follow_ups(db, today=today)]
            if not forwarding_ids:
                raise ValidationError(
                    "Bitte wählen Sie die Weiterleitungen, um die es geht.", field="forwardings"
                )
            title = info.label
            recipients, left_out = _project_recipients(session, forwarding_ids, texts)
    mails, phone_list = [], []
    for person in recipients:
        values = common | person.values
        if person.email:
            mails.append(
                OutMail(
                    person.name,
                    person.email,
                    " ".join(fill(template.subject, values).split()),
                    fill(template.body, values),
                )
            )
        else:
            phone_list.append(NoMail(person.name, person.phone, "keine E-Mail-Adresse"))
    return MailBatch(
        kind=info.kind.value,
        kind_label=info.label,
        event_id=event_id if info.kind in EVENT_KINDS else None,
        title=title,
        mails=tuple(mails),
        phone_list=tuple(phone_list),
        left_out=tuple(left_out),
        group=info.audience == Audience.MAILING_LIST,
    )


def _event(session: Session, event_id: int) -> Event:
    event = session.scalars(
        select(Event).where(Event.id == event_id).options(selectinload(Event.agenda_items))
    ).first()
    if event is None:
        raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
    return event


def _event_values(event: Event) -> dict[str, str]:
    place = ", ".join(p for p in (event.location, event.address.replace("\n", ", ")) if p)
    if event.online_url:
        place = f"{place} – online: {event.online_url}" if place else event.online_url
    items = [
        AgendaInput(i.title, i.duration_minutes, i.speaker, i.notes) for i in event.agenda_items
    ]
    agenda = []
    for row in timed(event.starts_at, items):
        speaker = f" ({row.speaker})" if row.speaker else ""
        when = "" if event.all_day else f"{row.starts_at:%H:%M} Uhr  "
        agenda.append(f"{row.position}. {when}{row.title}{speaker}")
    return {
        "Veranstaltung": event.title,
        "Datum": when_text(event),
        "Ort": place or "wird noch bekannt gegeben",
        "Tagesordnung": "\n".join(agenda) or "folgt",
    }


def _person_values(first: str, last: str) -> dict[str, str]:
    name = " ".join(part for part in (first, last) if part)
    return {"Name": name, "Anrede": f"Guten Tag {name}"}


def _event_recipients(
    session: Session, audience: Audience, event: Event, today: dt.date
) -> tuple[list[_Recipient], list[NoMail]]:
    if audience == Audience.MAILING_LIST:
        return _mailing_list(session)
    if audience == Audience.TASK_TAKERS:
        return _task_takers(session, event)
    statuses = {
        Audience.CONFIRMED: [RegistrationStatus.CONFIRMED.value],
        Audience.MOVED_UP: [RegistrationStatus.CONFIRMED.value],
        Audience.WAITLISTED: [RegistrationStatus.WAITLISTED.value],
        Audience.REGISTERED: [
            RegistrationStatus.CONFIRMED.value,
            RegistrationStatus.WAITLISTED.value,
        ],
    }[audience]
    registrations = session.scalars(
        select(Registration)
        .where(Registration.event_id == event.id, Registration.status.in_(statuses))
        .options(selectinload(Registration.person), selectinload(Registration.history))
        .order_by(Registration.registered_at, Registration.id)
    ).all()
    recipients, left_out = [], []
    position = 0
    if audience == Audience.MOVED_UP:
        registrations = [
            r
            for r in registrations
            if any(h.change == RegistrationChange.MOVED_UP for h in r.history)
        ]
    for registration in registrations:
        person: Person = registration.person
        if registration.status == RegistrationStatus.WAITLISTED:
            position += 1
        name = " ".join(p for p in (person.first_name, person.last_name) if p)
        reason = _no_basis(session, person, today)
        if reason:
            left_out.append(NoMail(name, "", reason))
            continue
        values = _person_values(person.first_name, person.last_name)
        values["Wartelistenplatz"] = str(position) if registration.status == "waitlisted" else ""
        recipients.append(_Recipient(name, person.email, person.phone, values))
    return recipients, left_out


def _no_basis(session: Session, person: Person, today: dt.date) -> str:
    if person.erased_at is not None:
        return "gelöscht"
    if person.restricted_until is not None and person.restricted_until >= today:
        return "Verarbeitung eingeschränkt"
    return ""


def _mailing_list(session: Session) -> tuple[list[_Recipient], list[NoMail]]:
    contacts = session.scalars(
        select(Contact)
        .where(Contact.on_mailing_list.is_(True))
        .order_by(Contact.last_name, Contact.first_name, Contact.id)
    ).all()
    allowed = contacts_with_mailing_basis(session, contacts)
    recipients, left_out = [], []
    for contact in contacts:
        name = " ".join(p for p in (contact.first_name, contact.last_name) if p)
        if contact.id not in allowed:
            left_out.append(NoMail(name, "", "keine Einwilligung für den Verteiler"))
            continue
        values = _person_values(contact.first_name, contact.last_name)
        recipients.append(_Recipient(name, contact.email, contact.phone, values))
    return recipients, left_out


def _task_takers(session: Session, event: Event) -> tuple[list[_Recipient], list[NoMail]]:
    recipients, left_out = [], []
    for task in sorted(event.tasks, key=lambda t: (t.due_on or dt.date.max, t.id)):
        if task.done:
            continue
        contact = task.contact
        if contact is None:
            who = task.project.name if task.project else task.title
            left_out.append(NoMail(who, "", "Aufgabe ohne Ansprechperson"))
            continue
        name = " ".join(p for p in (contact.first_name, contact.last_name) if p)
        values = _person_values(contact.first_name, contact.last_name)
        due = f" (bis {task.due_on:%d.%m.%Y})" if task.due_on else ""
        values["Aufgabe"] = f"{task.title}{due}"
        recipients.append(_Recipient(name, contact.email, contact.phone, values))
    return recipients, left_out


def _project_recipients(
    session: Session, forwarding_ids: Sequence[int], texts: NetworkTexts
) -> tuple[list[_Recipient], list[NoMail]]:
    forwardings = session.scalars(
        select(Forwarding).where(Forwarding.id.in_(list(forwarding_ids))).order_by(Forwarding.id)
    ).all()
    if len(forwardings) != len(set(forwarding_ids)):
        raise NotFoundError("Eine gewählte Weiterleitung gibt es nicht mehr.")
    recipients = []
    for forwarding in forwardings:
        project = forwarding.project
        contact_emails = [c.email for c in project.contacts if c.email]
        email = project.email or (contact_emails[0] if contact_emails else "")
        values = {
            "Projekt": project.name,
            "Name": project.name,
            "Anrede": f"Liebe Kolleg:innen von {project.name}",
            "Weitergeleitet": f"{forwarding.forwarded_on:%d.%m.%Y}",
            "Anfrage": _inquiry_text(session, forwarding),
        }
        recipients.append(_Recipient(project.name, email, project.phone, values))
    return recipients, []


def _inquiry_text(session: Session, forwarding: Forwarding) -> str:
    inquiry = forwarding.inquiry
    ref = SubjectRef(SubjectKind.INQUIRY.value, inquiry.id)
    lines = [
        f"Anliegen: {labels.label(labels.INQUIRY_KIND, inquiry.kind)}",
        f"Eingegangen am: {inquiry.received_on:%d.%m.%Y}",
    ]
    if has_basis(session, ref, ConsentPurpose.PASS_ON):
        details = (
            ("Name", inquiry.name),
            ("E-Mail", inquiry.email),
            ("Telefon", inquiry.phone),
        )
        lines += [f"{label}: {value}" for label, value in details if value]
    else:
        lines.append("(ohne Personendaten: die Person hat der Weitergabe nicht zugestimmt)")
    for label, value in (
        ("Zielgruppe", inquiry.target_group.name if inquiry.target_group else ""),
        ("Stadtteil", inquiry.district.name if inquiry.district else ""),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)
