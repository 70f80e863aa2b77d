"""The e-mail invitation to a meeting, addressed in BCC to the Verteiler."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.models import Contact, Event
from patenbuero.errors import NotFoundError
from patenbuero.io.mail import bcc_list, mailto_links, unique_addresses
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.plan.agenda import AgendaInput, timed

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


@dataclass(frozen=True)
class InvitationMail:
    subject: str
    body: str
    addresses: tuple[str, ...]  # the Verteiler, each address once
    bcc: str  # ready to paste into the BCC field
    mailto_links: tuple[str, ...]  # one or more links, each short enough for Windows
    warning: str = ""  # e.g. the registration deadline has passed

    @property
    def recipient_count(self) -> int:
        return len(self.addresses)


def mailing_list_addresses(session: Session) -> list[str]:
    """E-mail addresses of everyone on the Verteiler."""
    emails = session.scalars(
        select(Contact.email)
        .where(Contact.on_mailing_list.is_(True), Contact.email != "")
        .order_by(Contact.last_name, Contact.first_name, Contact.id)
    ).all()
    return unique_addresses(emails)


def invitation_mail(db: Database, event_id: int) -> InvitationMail:
    texts = load_texts(db)
    with db.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
        addresses = mailing_list_addresses(session)
        subject = f"Einladung: {event.title} am {event.starts_at:%d.%m.%Y}"
        body = _body(event, texts.office_name or "Ihre Koordinierungsstelle")
        deadline = event.registration_deadline
    warning = ""
    if deadline is not None and deadline < dt.date.today():
        warning = (
            f"Die Anmeldefrist ({deadline:%d.%m.%Y}) ist schon vorbei; die Einladung nennt "
            "deshalb keine Frist. Verlängern Sie die Frist bei der Veranstaltung, wenn sich "
            "noch jemand anmelden soll."
        )
    return InvitationMail(
        subject=subject,
        body=body,
        addresses=tuple(addresses),
        bcc=bcc_list(addresses),
        mailto_links=tuple(mailto_links(addresses, subject=subject)),
        warning=warning,
    )


def when_text(event: Event) -> str:
    day = f"{WEEKDAYS[event.starts_at.weekday()]}, {event.starts_at:%d.%m.%Y}"
    if event.all_day:
        if event.ends_at.date() != event.starts_at.date():
            return f"{day} bis {event.ends_at:%d.%m.%Y} (ganztägig)"
        return f"{day} (ganztägig)"
    return f"{day}, {event.starts_at:%H:%M}–{event.ends_at:%H:%M} Uhr"


def _body(event: Event, office: str) -> str:
    lines = [
        "Liebe Mitglieder des Patenschaftsnetzwerks,",
        "",
        f"herzlich laden wir Sie zu „{event.title}“ ein.",
        "",
        f"Wann: {when_text(event)}",
    ]
    place = ", ".join(p for p in (event.location, event.address.replace("\n", ", ")) if p)
    if place:
        lines.append(f"Wo: {place}")
    if event.online_url:
        lines.append(f"Online: {event.online_url}")
    if event.speaker:
        lines.append(f"Referent:in: {event.speaker}")
    if event.description:
        lines += ["", event.description]
    if event.agenda_items:
        lines += ["", "Tagesordnung:"]
        items = [
            AgendaInput(i.title, i.duration_minutes, i.speaker, i.notes) for i in event.agenda_items
        ]
        for row in timed(event.starts_at, items):
            speaker = f" ({row.speaker})" if row.speaker else ""
            when = "" if event.all_day else f"{row.starts_at:%H:%M} Uhr  "
            lines.append(f"{row.position}. {when}{row.title}{speaker}")
        lines += ["", "Ergänzungen zur Tagesordnung nehmen wir gern vorab auf."]
    deadline: dt.date | None = event.registration_deadline
    if deadline and deadline >= dt.date.today():  # a passed deadline is not announced
        lines += ["", f"Bitte melden Sie sich bis zum {deadline:%d.%m.%Y} an."]
    lines += ["", "Wir freuen uns auf Sie!", "", "Herzliche Grüße", office]
    return "\n".join(lines)
