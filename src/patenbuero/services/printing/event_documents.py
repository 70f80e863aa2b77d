"""Documents for one event: badges, invitation with agenda (attendance list: attendance)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from patenbuero import pdf
from patenbuero.errors import ValidationError
from patenbuero.pdf.collation import participant_sort_key
from patenbuero.pdf.inputs import (
    AgendaItem,
    Badge,
    BadgesInput,
    InvitationInput,
)
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.printing.attendance import event_id_of, place_text
from patenbuero.services.printing.common import (
    confirmed_people,
    event_or_fail,
    file_name,
    office_from_texts,
    participant,
)
from patenbuero.services.printing.request import PrintRequest, PrintResult
from patenbuero.services.printing.settings import load_print_settings
from patenbuero.services.privacy import persons_without_photos


def _offset(db: Database, request: PrintRequest) -> tuple[float, float]:
    if request.offset_mm is not None:
        return request.offset_mm
    settings = load_print_settings(db)
    return settings.badge_offset_x_mm, settings.badge_offset_y_mm


def badges(db: Database, request: PrintRequest) -> PrintResult:
    event_id = event_id_of(request)
    texts = load_texts(db)
    offset_x, offset_y = _offset(db, request)
    with db.reading() as session:
        event = event_or_fail(session, event_id)
        people = confirmed_people(session, event_id)
        no_photos = persons_without_photos(session, [p.id for p in people])
        infos = sorted(
            (replace(participant(person), no_photos=person.id in no_photos) for person in people),
            key=participant_sort_key,
        )
        entries = [
            Badge(
                name=info.full_name,
                organisation=info.organisation,
                latin_name=info.latin_full_name,
                no_photos=info.no_photos,
            )
            for info in infos
        ]
        title, day = event.title, event.starts_at.date()
    if not entries:
        raise ValidationError(
            "Für diese Veranstaltung gibt es keine bestätigten Anmeldungen – "
            "es gibt keine Namensschilder zu drucken."
        )
    document = pdf.build_badges(
        BadgesInput(
            office=office_from_texts(texts),
            badges=tuple(entries),
            event_title=title,
            show_event=request.show_event,
        ),
        sheet=request.sheet,
        start_at=request.start_at,
        offset_x_mm=offset_x,
        offset_y_mm=offset_y,
    )
    return PrintResult(document, file_name("Namensschilder", title, day))


def calibration(db: Database, request: PrintRequest) -> PrintResult:
    offset_x, offset_y = _offset(db, request)
    document = pdf.build_calibration_page(
        request.sheet,
        office_name=load_texts(db).office_name or "Freiwilligen-Agentur Halle",
        offset_x_mm=offset_x,
        offset_y_mm=offset_y,
    )
    return PrintResult(document, file_name("Probedruck-Etiketten", request.sheet))


def invitation(db: Database, request: PrintRequest) -> PrintResult:
    event_id = event_id_of(request)
    texts = load_texts(db)
    with db.reading() as session:
        event = event_or_fail(session, event_id)
        agenda = []
        clock = event.starts_at
        for item in event.agenda_items:
            end = clock + dt.timedelta(minutes=item.duration_minutes)
            agenda.append(
                AgendaItem(
                    title=item.title,
                    start=clock.time(),
                    end=end.time(),
                    speaker=item.speaker or None,
                    note=item.notes or None,
                )
            )
            clock = end
        deadline = event.registration_deadline
        today = dt.date.today()
        data = InvitationInput(
            office=office_from_texts(texts),
            letter_date=today,
            title=f"Einladung: {event.title}",
            event_date=event.starts_at.date(),
            greeting="Liebe Mitglieder des Patenschaftsnetzwerks,",
            body=(
                f"herzlich laden wir Sie zu „{event.title}“ ein."
                + (
                    " Die Tagesordnung finden Sie unten; Ergänzungen nehmen wir gern vorab auf."
                    if agenda
                    else ""
                ),
                # the description is for the invitees; the internal note is never printed
                *(p for p in event.description.split("\n\n") if p.strip()),
            ),
            agenda=tuple(agenda),
            signatory_name=texts.office_name or "Koordinierungsstelle",
            start_time=None if event.all_day else event.starts_at.time(),
            end_time=None if event.all_day else event.ends_at.time(),
            place=place_text(event.location, event.address) or None,
            online_link=event.online_url or None,
            registration_note=(
                f"Bitte melden Sie sich bis zum {deadline:%d.%m.%Y} an."
                if deadline and deadline >= today
                else None
            ),
        )
        title, day = event.title, event.starts_at.date()
    warnings: tuple[str, ...] = ()
    if deadline and deadline < today:
        warnings = (
            f"Die Anmeldefrist ({deadline:%d.%m.%Y}) ist schon vorbei; die Einladung "
            "nennt deshalb keine Frist. Bitte verlängern Sie die Frist bei der Veranstaltung, "
            "wenn sich noch jemand anmelden soll.",
        )
    return PrintResult(
        pdf.build_invitation(data), file_name("Einladung", title, day), warnings=warnings
    )
