"""Registrations out of the app: the list of an event, and a year's figures for funders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select

from patenbuero.db.enums import EventStatus, RegistrationStatus
from patenbuero.db.models import Event, Person, Registration
from patenbuero.io.export import to_csv_excel, to_xlsx
from patenbuero.services.core import labels
from patenbuero.services.core.database import Database
from patenbuero.services.registrations.use_cases import RegistrationRow, list_registrations

REGISTRATION_HEADERS = (
    "ID",
    "Nachname",
    "Vorname",
    "E-Mail",
    "Organisation",
    "Status",
    "Wartelistenplatz",
    "angemeldet am",
    "anwesend",
)

STATISTICS_HEADERS = (
    "Art",
    "Veranstaltungen",
    "Anmeldungen",
    "bestätigt",
    "Warteliste",
    "storniert",
    "anwesend",
    "nicht erschienen",
    "Nichterscheinen in %",
)


def registration_cells(row: RegistrationRow) -> list[object]:
    attended = {True: "ja", False: "nein", None: ""}[row.attended]
    return [
        row.id,
        row.last_name,
        row.first_name,
        row.email,
        row.organisation,
        row.status_label,
        row.waitlist_position,
        row.registered_at.strftime("%d.%m.%Y %H:%M"),
        attended,
    ]


def export_registrations(db: Database, event_id: int, file_format: str) -> bytes:
    """The event's registrations as a file; restricted persons (Art. 18) stay out."""
    with db.reading() as session:
        hidden = set(session.scalars(select(Person.id).where(Person.restricted_until.is_not(None))))
    rows = [
        registration_cells(row)
        for row in list_registrations(db, event_id)
        if row.person_id not in hidden
    ]
    if file_format == "xlsx":
        return to_xlsx(REGISTRATION_HEADERS, rows, "Anmeldungen")
    return to_csv_excel(REGISTRATION_HEADERS, rows)


@dataclass(frozen=True)
class KindStatistics:
    kind_label: str
    events: int
    registrations: int
    confirmed: int
    waitlisted: int
    cancelled: int
    attended: int
    no_shows: int

    @property
    def no_show_rate(self) -> float | None:
        """Share of recorded confirmed places that stayed empty, in percent."""
        recorded = self.attended + self.no_shows
        return None if recorded == 0 else 100.0 * self.no_shows / recorded

    def cells(self) -> list[object]:
        rate = self.no_show_rate
        return [
            self.kind_label,
            self.events,
            self.registrations,
            self.confirmed,
            self.waitlisted,
            self.cancelled,
            self.attended,
            self.no_shows,
            "" if rate is None else f"{rate:.1f}".replace(".", ","),
        ]


def year_statistics(db: Database, year: int) -> list[KindStatistics]:
    """Per event kind: events held, registrations, attendance and the no-show rate."""
    status, attended = Registration.status, Registration.attended
    confirmed = RegistrationStatus.CONFIRMED.value

    def count_if(condition):  # type: ignore[no-untyped-def]
        return func.sum(case((condition, 1), else_=0))

    query = (
        select(
            Event.kind,
            func.count(func.distinct(Event.id)),
            func.count(Registration.id),
            count_if(status == confirmed),
            count_if(status == RegistrationStatus.WAITLISTED.value),
            count_if(status == RegistrationStatus.CANCELLED.value),
            count_if((status == confirmed) & attended.is_(True)),
            count_if((status == confirmed) & attended.is_(False)),
        )
        .outerjoin(Registration, Registration.event_id == Event.id)
        .where(
            Event.starts_at >= dt.datetime(year, 1, 1),
            Event.starts_at < dt.datetime(year + 1, 1, 1),
            Event.status != EventStatus.CANCELLED.value,
        )
        .group_by(Event.kind)
    )
    with db.reading() as session:
        result = session.execute(query).all()
    by_kind = {row[0]: row for row in result}
    return [
        KindStatistics(label, *(int(value or 0) for value in by_kind[kind][1:]))
        for kind, label in labels.EVENT_KIND.items()
        if kind in by_kind
    ]


def export_statistics(db: Database, year: int, file_format: str) -> bytes:
    rows = [stats.cells() for stats in year_statistics(db, year)]
    if file_format == "xlsx":
        return to_xlsx(STATISTICS_HEADERS, rows, f"Statistik {year}")
    return to_csv_excel(STATISTICS_HEADERS, rows)
