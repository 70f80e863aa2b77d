"""The Sachbericht of a year as a file: CSV or XLSX for further work, a one-page PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from patenbuero.errors import ValidationError
from patenbuero.io.export import to_csv_excel, to_xlsx
from patenbuero.pdf.sachbericht import SachberichtInput, build_sachbericht
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import funded_event_ids
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.registrations.sachbericht import Figure, Sachbericht, figures, sachbericht

HEADERS = ("Bereich", "Kennzahl", "Wert")
FORMATS = ("csv", "xlsx", "pdf")


def format_value(figure: Figure) -> str:
    """A value as the report prints it: "23,5 %" for shares, "–" for none."""
    if figure.value is None:
        return "–"
    if isinstance(figure.value, float):
        return f"{figure.value:.1f}".replace(".", ",") + " %"
    return f"{figure.value:,}".replace(",", ".")


def note(report: Sachbericht) -> str:
    text = (
        f"Stand: {report.as_of:%d.%m.%Y}. Gezählt sind nur durchgeführte Veranstaltungen "
        "(nicht abgesagt, vorbei); Nichterscheinen bezogen auf Anmeldungen mit erfasster "
        "Anwesenheit."
    )
    if report.events_upcoming:
        text += f" {report.events_upcoming} Veranstaltung(en) des Jahres stehen noch bevor."
    if report.scope:
        text = f"{report.scope} {text}"
    return text


def funder_scope(db: Database, funder_id: int, name: str) -> tuple[set[int], str]:
    """The events one funder pays for, and the sentence that says so in the report."""
    scope = f"Nur Veranstaltungen, die „{name}“ fördert (auch über ihre Fortbildungsreihe)."
    return funded_event_ids(db, funder_id), scope


def export_sachbericht(
    db: Database,
    year: int,
    file_format: str,
    *,
    as_of: dt.datetime | None = None,
    event_ids: Collection[int] | None = None,
    scope: str = "",
) -> bytes:
    """The year's figures as ``csv``, ``xlsx`` or ``pdf``."""
    if file_format not in FORMATS:
        raise ValidationError(
            f"Unbekanntes Format „{file_format}“; möglich sind {', '.join(FORMATS)}.",
            field="format",
        )
    report = sachbericht(db, year, as_of=as_of, event_ids=event_ids, scope=scope)
    lines = figures(report)
    if file_format == "pdf":
        return build_sachbericht(_pdf_input(db, report, lines))
    rows = [[f.section, f.label, f.value] for f in lines]
    if file_format == "xlsx":
        return to_xlsx(HEADERS, rows, f"Sachbericht {year}")
    return to_csv_excel(HEADERS, rows)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _pdf_input(db: Database, report: Sachbericht, lines: list[Figure]) -> SachberichtInput:
    texts = load_texts(db)
    inquiries = report.inquiries
    return SachberichtInput(
        year=report.year,
        network_name=texts.network_name or "Patenschaftsnetzwerk Halle",
        office_name=texts.office_name or "Freiwilligen-Agentur Halle",
        events=tuple((f.label, format_value(f)) for f in lines if f.section == "Veranstaltungen"),
        kinds=tuple(
            (k.kind_label, *map(_number, (k.events, k.registrations, k.attendances, k.persons)))
            for k in report.by_kind
        ),
        inquiries=tuple((f.label, format_value(f)) for f in lines if f.section == "Anfragen"),
        inquiry_counts=tuple(
            (c.kind_label, c.channel_label, _number(c.received), _number(c.forwarded))
            for c in inquiries.counts
        ),
        note=note(report),
        footer_text=texts.office_name,
    )
