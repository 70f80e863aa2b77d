"""The attendance list's input read through the ORM (PostgreSQL, or a file to migrate)."""

from __future__ import annotations

from dataclasses import replace

from patenbuero.pdf.inputs import AttendanceListInput
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import funding_for_print
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.printing.attendance import (
    EventFields,
    attendance_input,
    print_funder,
    stored_funder,
)
from patenbuero.services.printing.common import confirmed_people, event_or_fail, participant
from patenbuero.services.printing.request import PrintRequest
from patenbuero.services.privacy import persons_without_photos


def read_attendance_orm(db: Database, event_id: int, request: PrintRequest) -> AttendanceListInput:
    texts = load_texts(db)
    with db.reading() as session:
        event = event_or_fail(session, event_id)
        people = confirmed_people(session, event_id)
        no_photos = persons_without_photos(session, [p.id for p in people])
        participants = [
            replace(participant(p, with_contact=request.show_contact), no_photos=p.id in no_photos)
            for p in people
        ]
        stored = funding_for_print(event)
        funder = None
        if stored is not None:
            funder = stored_funder(
                stored.name, stored.measure, stored.code, stored.teaching_units, stored.logo_png
            )
        fields = EventFields(
            title=event.title,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            all_day=event.all_day,
            location=event.location,
            address=event.address,
            online_url=event.online_url,
            speaker=event.speaker,
        )
        return attendance_input(texts, fields, participants, print_funder(request, funder))
