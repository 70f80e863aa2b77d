"""The Jahresplan: the year on one landscape page, then the list of its events."""

from __future__ import annotations

import datetime as dt

from patenbuero import pdf
from patenbuero.db.enums import EventStatus
from patenbuero.pdf.inputs import YearPlanEvent, YearPlanInput
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.plan import holidays_in, list_events
from patenbuero.services.printing.common import file_name, office_from_texts
from patenbuero.services.printing.request import PrintRequest, PrintResult


def year_plan(db: Database, request: PrintRequest) -> PrintResult:
    year = request.year or dt.date.today().year
    texts = load_texts(db)
    events = tuple(
        YearPlanEvent(
            date=row.starts_at.date(),
            title=row.title,
            kind=row.kind_label,
            start=None if row.all_day else row.starts_at.time(),
            end=None if row.all_day else row.ends_at.time(),
            all_day=row.all_day,
            end_date=row.ends_at.date() if row.ends_at.date() != row.starts_at.date() else None,
            place=row.location or None,
            status=row.status_label,
            cancelled=row.status == EventStatus.CANCELLED.value,
        )
        for row in list_events(db, year)
    )
    document = pdf.build_year_plan(
        YearPlanInput(
            office=office_from_texts(texts),
            year=year,
            events=events,
            holidays=holidays_in(year),
        )
    )
    return PrintResult(document, file_name("Jahresplan", str(year), dt.date.today()), False)
