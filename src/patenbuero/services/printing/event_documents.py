"""Documents for one event: attendance list, badges, invitation with agenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from patenbuero import pdf
from patenbuero.db.models import Event
from patenbuero.errors import ValidationError
from patenbuero.pdf.attendance_list import participant_sort_key
from patenbuero.pdf.inputs import (
    DEFAULT_PRIVACY_NOTE,
    NO_PHOTOS_LEGEND,
    AgendaItem,
    AttendanceListInput,
    Badge,
    BadgesInput,
    Funder,
    InvitationInput,
)
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import funding_for_print
from patenbuero.services.core.network_texts import load_texts
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


def _place(event_location: str, address: str) -> str:
    return ", ".join(part for part in (event_location, address.replace("\n", ", ")) if part)


def _privacy_note(note: str, any_no_photos: bool) -> dict[str, str]:
    """The office's note, and the meaning of the mark when someone wishes no photos."""
    if not any_no_photos:
        return {"privacy_note": note} if note else {}
    return {"privacy_note": f"{note or DEFAULT_PRIVACY_NOTE} {NO_PHOTOS_LEGEND}"}


def attendance_list(db: Database, request: PrintRequest) -> PrintResult:
    event_id = _event_id(request)
    texts = load_texts(db)
    with db.reading() as session:
        event = event_or_fail(session, event_id)
        people = confirmed_people(session, event_id)
        no_photos = persons_without_photos(session, [p.id for p in people])
        data = AttendanceListInput(
            office=office_from_texts(texts),
            event_title=event.title,
            date=event.starts_at.date(),
            place=_place(event.location, event.address) or event.online_url or "–",
            participants=tuple(
                replace(
                    participant(p, with_contact=request.show_contact), no_photos=p.id in no_photos
                )
                for p in people
            ),
            start_time=None if event.all_day else event.starts_at.time(),
            end_time=None if event.all_day else event.ends_at.time(),
            speaker=event.speaker or None,
            funder=_funder(request, event),
            **_privacy_note(texts.privacy_note, bool(no_photos)),
        )
        title, day = event.title, event.starts_at.date()
    document = pdf.build_attendance_list(
        data,
        landscape=request.landscape,
        show_contact=request.show_contact,
        blank_rows=max(request.blank_rows, 0),
    )
    return PrintResult(document, file_name("Teilnehmerliste", title, day))


def _offset(db: Database, request: PrintRequest) -> tuple[float, float]:
    if request.offset_mm is not None:
        return request.offset_mm
    settings = load_print_settings(db)
    return settings.badge_offset_x_mm, settings.badge_offset_y_mm


def badges(db: Database, request: PrintRequest) -> PrintResult:
    event_id = _event_id(request)
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
    event_id = _event_id(request)
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
            place=_place(event.location, event.address) or None,
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


def _funder(request: PrintRequest, event: Event) -> Funder | None:
    """The funder named for this print (command line), else the one stored for the event
    or its series."""
    chosen = request.funder
    if chosen and chosen.name:
        return Funder(
            name=chosen.name,
            measure=chosen.measure or None,
            funding_code=chosen.funding_code or None,
            teaching_units=chosen.teaching_units,
        )
    stored = funding_for_print(event)
    if stored is None:
        return None
    return Funder(
        name=stored.name,
        measure=stored.measure or None,
        funding_code=stored.code or None,
        teaching_units=stored.teaching_units,
        logo=stored.logo_png,
    )


def _event_id(request: PrintRequest) -> int:
    if request.event_id is None:
        raise ValidationError("Bitte wählen Sie eine Veranstaltung.", field="event")
    return request.event_id
