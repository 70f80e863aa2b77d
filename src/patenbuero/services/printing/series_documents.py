"""Teilnahmebescheinigungen for everyone due one in a series, and the blank sign-up sheet."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from patenbuero import pdf
from patenbuero.db.models import Person
from patenbuero.errors import ValidationError
from patenbuero.pdf.inputs import (
    CertificateInput,
    CertificateRecipient,
    InterestListInput,
    SeriesModule,
)
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.printing.common import (
    event_or_fail,
    file_name,
    office_from_texts,
    participant,
)
from patenbuero.services.printing.request import PrintRequest, PrintResult
from patenbuero.services.registrations import series_matrix


def certificates(db: Database, request: PrintRequest) -> PrintResult:
    if request.series_id is None:
        raise ValidationError("Bitte wählen Sie eine Fortbildungsreihe.", field="series")
    matrix = series_matrix(db, request.series_id)
    due = matrix.due
    if not due:
        raise ValidationError(
            f"In „{matrix.title}“ hat noch niemand die nötigen {matrix.required_modules} "
            "Module besucht – es ist keine Bescheinigung fällig."
        )
    modules = tuple(SeriesModule(date=m.starts_at.date(), title=m.title) for m in matrix.modules)
    with db.reading() as session:
        people = {
            p.id: p
            for p in session.scalars(
                select(Person).where(Person.id.in_([r.person_id for r in due]))
            )
        }
        recipients = tuple(
            CertificateRecipient(
                person=participant(people[row.person_id]),
                modules=tuple(
                    module
                    for module, attended in zip(modules, row.attendance, strict=True)
                    if attended
                ),
            )
            for row in due
        )
    texts = load_texts(db)
    last_module = max((m.date for m in modules), default=dt.date.today())
    data = CertificateInput(
        office=office_from_texts(texts),
        series_title=matrix.title,
        modules=modules,
        recipients=recipients,
        place="Halle (Saale)",
        issue_date=dt.date.today(),
        signatory_name=texts.office_name or "Koordinierungsstelle",
        signatory_role="Koordination Patenschaftsnetzwerk",
    )
    return PrintResult(
        pdf.build_certificates(data),
        file_name("Teilnahmebescheinigungen", matrix.title, last_module),
    )


def interest_list(db: Database, request: PrintRequest) -> PrintResult:
    """The blank sign-up sheet; with an event its title and date stand in the heading."""
    texts = load_texts(db)
    occasion, day = None, None
    if request.event_id is not None:
        with db.reading() as session:
            event = event_or_fail(session, request.event_id)
            occasion, day = event.title, event.starts_at.date()
    data = InterestListInput(office=office_from_texts(texts), occasion=occasion, date=day)
    return PrintResult(
        pdf.build_interest_list(data, landscape=request.landscape or True),
        file_name("Interessiertenliste", occasion or "", day),
    )
