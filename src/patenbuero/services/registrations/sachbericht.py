"""The figures of a year for the Sachbericht (the funder's report).

Only events that took place count: not cancelled, not a mere idea, and over by the
reference time; upcoming ones are listed apart. Every figure can be restricted to a set
of events (``event_ids``), e.g. those of one funder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select

from patenbuero.db.enums import EventStatus, RegistrationChange, RegistrationStatus
from patenbuero.db.models import Event, EventKindEntry, Registration, RegistrationHistory
from patenbuero.services.core.database import Database
from patenbuero.services.inquiries import InquiryFigures, inquiry_figures

NOT_HELD = (EventStatus.CANCELLED.value, EventStatus.IDEA.value)
CONFIRMED = RegistrationStatus.CONFIRMED.value
CANCELLED = RegistrationStatus.CANCELLED.value


@dataclass(frozen=True)
class KindFigures:
    kind_label: str
    events: int
    registrations: int
    attendances: int
    persons: int


@dataclass(frozen=True)
class Sachbericht:
    year: int
    as_of: dt.datetime
    events_held: int
    events_upcoming: int
    registrations: int
    cancellations: int
    attendances: int
    unique_persons: int
    no_shows: int
    not_recorded: int
    waitlist_moves: int
    by_kind: tuple[KindFigures, ...]
    inquiries: InquiryFigures
    scope: str = ""  # which events were counted, when not all (e.g. one funder's)

    @property
    def no_show_rate(self) -> float | None:
        """Share of confirmed places with recorded attendance that stayed empty, in %."""
        recorded = self.attendances + self.no_shows
        return None if recorded == 0 else round(100.0 * self.no_shows / recorded, 1)


@dataclass(frozen=True)
class Figure:
    """One line of the report: section, label, value (a number, or None = none)."""

    section: str
    label: str
    value: int | float | None


def sachbericht(
    db: Database,
    year: int,
    *,
    as_of: dt.datetime | None = None,
    event_ids: Collection[int] | None = None,
    scope: str = "",
) -> Sachbericht:
    """The year's figures; ``as_of`` (default now) decides which events are over.

    ``event_ids`` limits the events counted (``scope`` says which, for the reader).
    """
    as_of = as_of or dt.datetime.now()
    query = select(Event).where(
        Event.starts_at >= dt.datetime(year, 1, 1),
        Event.starts_at < dt.datetime(year + 1, 1, 1),
        Event.status.not_in(NOT_HELD),
    )
    if event_ids is not None:
        query = query.where(Event.id.in_(list(event_ids)))
    with db.reading() as session:
        events = session.scalars(query).all()
        held = {event.id: event.kind for event in events if event.ends_at <= as_of}
        kinds = session.execute(
            select(EventKindEntry.key, EventKindEntry.name).order_by(
                EventKindEntry.sort_order, EventKindEntry.name
            )
        ).all()
        upcoming = len(events) - len(held)
        registrations = session.execute(
            select(
                Registration.id,
                Registration.event_id,
                Registration.person_id,
                Registration.status,
                Registration.attended,
            ).where(Registration.event_id.in_(list(held)))
        ).all()
        moves = session.scalars(
            select(RegistrationHistory.id)
            .join(Registration, Registration.id == RegistrationHistory.registration_id)
            .where(
                Registration.event_id.in_(list(held)),
                RegistrationHistory.change == RegistrationChange.MOVED_UP.value,
            )
        ).all()
    active = [r for r in registrations if r.status != CANCELLED]
    present = [r for r in active if r.status == CONFIRMED and r.attended is True]
    return Sachbericht(
        year=year,
        as_of=as_of,
        events_held=len(held),
        events_upcoming=upcoming,
        registrations=len(active),
        cancellations=len(registrations) - len(active),
        attendances=len(present),
        unique_persons=len({r.person_id for r in present}),
        no_shows=sum(r.status == CONFIRMED and r.attended is False for r in active),
        not_recorded=sum(r.status == CONFIRMED and r.attended is None for r in active),
        waitlist_moves=len(moves),
        by_kind=_by_kind(held, active, [(k, n) for k, n in kinds]),
        inquiries=inquiry_figures(db, year),
        scope=scope,
    )


def _by_kind(
    held: dict[int, str],
    active: list,  # type: ignore[type-arg]
    kinds: list[tuple[str, str]],
) -> tuple[KindFigures, ...]:
    figures = []
    for kind, label in kinds:
        ids = {event_id for event_id, event_kind in held.items() if event_kind == kind}
        if not ids:
            continue
        mine = [r for r in active if r.event_id in ids]
        present = [r for r in mine if r.status == CONFIRMED and r.attended is True]
        figures.append(
            KindFigures(
                label, len(ids), len(mine), len(present), len({r.person_id for r in present})
            )
        )
    return tuple(figures)


def figures(report: Sachbericht) -> list[Figure]:
    """The report as lines, in the order of the table, the XLSX file and the PDF."""
    events, inquiries = "Veranstaltungen", "Anfragen"
    lines = [
        Figure(events, "Veranstaltungen durchgeführt", report.events_held),
        Figure(events, "Anmeldungen (ohne Stornierungen)", report.registrations),
        Figure(events, "Stornierungen", report.cancellations),
        Figure(events, "Teilnahmen (anwesend)", report.attendances),
        Figure(events, "verschiedene Personen", report.unique_persons),
        Figure(events, "nicht erschienen", report.no_shows),
        Figure(events, "Nichterscheinen in %", report.no_show_rate),
        Figure(events, "Anwesenheit nicht erfasst", report.not_recorded),
        Figure(events, "von der Warteliste nachgerückt", report.waitlist_moves),
    ]
    for kind in report.by_kind:
        section = f"je Art: {kind.kind_label}"
        lines += [
            Figure(section, "Veranstaltungen", kind.events),
            Figure(section, "Anmeldungen", kind.registrations),
            Figure(section, "Teilnahmen", kind.attendances),
            Figure(section, "verschiedene Personen", kind.persons),
        ]
    figures_ = report.inquiries
    lines += [
        Figure(inquiries, "Anfragen eingegangen", figures_.received),
        Figure(inquiries, "Anfragen weitergeleitet", figures_.forwarded),
        Figure(inquiries, "Weiterleitungen an Projekte", figures_.forwardings),
        Figure(inquiries, "Weiterleitungen mit erfasstem Ergebnis", figures_.outcomes_recorded),
        Figure(inquiries, "neue Pat:innen durch Weiterleitung", figures_.new_volunteers),
    ]
    for count in figures_.counts:
        section = f"Anfragen: {count.kind_label}, {count.channel_label}"
        lines += [
            Figure(section, "eingegangen", count.received),
            Figure(section, "weitergeleitet", count.forwarded),
        ]
    return lines
