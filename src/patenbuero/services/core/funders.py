"""Fördermittelgeber (name, logo, proof period) and the funding of events and series.

Shared by the plan (event dialog), printing (attendance lists), the statistics and
data protection (an event with a funder is a funded event: its attendance list is
kept as proof), so it lives in the core of the services.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from patenbuero.db.models import Event, Funder, Series
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core.database import Database

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_TEACHING_UNITS = 200
MAX_PROOF_YEARS = 30


@dataclass(frozen=True)
class FunderRow:
    id: int
    name: str
    has_logo: bool
    proof_years: int | None = None  # None: the default of the retention settings


@dataclass(frozen=True)
class Funding:
    """What an event or a series records about its funding (all optional)."""

    funder_id: int | None = None
    funding_measure: str = ""
    funding_code: str = ""
    teaching_units: float | None = None


@dataclass(frozen=True)
class FundingForPrint:
    """The funder block of an attendance list, with its logo."""

    name: str
    measure: str
    code: str
    teaching_units: float | None
    logo_png: bytes | None


def list_funders(db: Database) -> list[FunderRow]:
    with db.reading() as session:
        rows = session.execute(
            select(
                Funder.id, Funder.name, Funder.logo_png.is_not(None), Funder.proof_years
            ).order_by(Funder.name)
        ).all()
    return [FunderRow(fid, name, bool(logo), years) for fid, name, logo, years in rows]


def save_funder(
    db: Database,
    funder_id: int | None,
    name: str,
    logo_png: bytes | None = None,
    *,
    keep_logo: bool = True,
    proof_years: int | None = None,
) -> int:
    """Create (``funder_id`` None) or change a funder; returns its id.

    ``logo_png`` replaces the logo; with ``keep_logo`` False and no new logo it is removed.
    ``proof_years``: how long its attendance lists are kept after the end of the event
    year; None means the default of the retention settings.
    """
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Bitte geben Sie den Namen des Fördermittelgebers ein.", field="name")
    if len(name) > 200:
        raise ValidationError("Der Name des Fördermittelgebers ist zu lang.", field="name")
    if proof_years is not None and not 1 <= proof_years <= MAX_PROOF_YEARS:
        raise ValidationError(
            f"Die Nachweise müssen 1 bis {MAX_PROOF_YEARS} Jahre aufbewahrt werden.",
            field="proof_years",
        )
    if logo_png is not None:
        check_logo(logo_png)
    with db.unit_of_work() as session:
        clash = session.scalar(
            select(Funder.id).where(func.lower(Funder.name) == name.lower(), Funder.id != funder_id)
        )
        if clash is not None:
            raise ValidationError(
                f"„{name}“ ist schon als Fördermittelgeber eingetragen.", field="name"
            )
        funder = Funder() if funder_id is None else session.get(Funder, funder_id)
        if funder is None:
            raise NotFoundError("Diesen Fördermittelgeber gibt es nicht mehr.")
        funder.name = name
        funder.proof_years = proof_years
        if logo_png is not None or not keep_logo:
            funder.logo_png = logo_png
        session.add(funder)
        session.flush()
        return funder.id


def delete_funder(db: Database, funder_id: int) -> None:
    """Remove a funder; events and series that named it keep their other funding data."""
    with db.unit_of_work() as session:
        funder = session.get(Funder, funder_id)
        if funder is None:
            raise NotFoundError("Diesen Fördermittelgeber gibt es nicht mehr.")
        for model in (Event, Series):
            session.execute(
                update(model).where(model.funder_id == funder_id).values(funder_id=None)
            )
        session.delete(funder)


def funder_logo(db: Database, funder_id: int) -> bytes | None:
    with db.reading() as session:
        return session.scalar(select(Funder.logo_png).where(Funder.id == funder_id))


def check_logo(data: bytes) -> None:
    if not data.startswith(PNG_SIGNATURE):
        raise ValidationError("Das Logo muss eine PNG-Datei sein.", field="logo")
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            "Das Logo ist größer als 2 MB. Bitte verkleinern Sie es.", field="logo"
        )


def check_funding(session: Session, funding: Funding) -> Funding:
    """Trimmed values; raises a ValidationError naming the field that breaks a rule."""
    units = funding.teaching_units
    if units is not None and (not math.isfinite(units) or not 0 <= units <= MAX_TEACHING_UNITS):
        raise ValidationError(
            f"Die Unterrichtseinheiten müssen zwischen 0 und {MAX_TEACHING_UNITS} liegen.",
            field="teaching_units",
        )
    if funding.funder_id is not None and session.get(Funder, funding.funder_id) is None:
        raise ValidationError("Den gewählten Fördermittelgeber gibt es nicht mehr.", field="funder")
    return Funding(
        funding.funder_id,
        " ".join(funding.funding_measure.split()),
        funding.funding_code.strip(),
        units,
    )


def get_series_funding(db: Database, series_id: int) -> Funding:
    with db.reading() as session:
        series = _series(session, series_id)
        return _funding_of(series)


def set_series_funding(db: Database, series_id: int, funding: Funding) -> None:
    """Store the funding of a Fortbildungsreihe (its modules inherit it for printing)."""
    with db.unit_of_work() as session:
        _apply(_series(session, series_id), check_funding(session, funding))


def get_event_funding(db: Database, event_id: int) -> Funding:
    with db.reading() as session:
        return _funding_of(_event(session, event_id))


def set_event_funding(db: Database, event_id: int, funding: Funding) -> None:
    """Store the funding of one event (the Druck tab's „Förderung …“ button)."""
    with db.unit_of_work() as session:
        _apply(_event(session, event_id), check_funding(session, funding))


def funding_summary(db: Database, event_id: int | None, series_id: int | None) -> str:
    """One German line on what an attendance list will print as its funder."""
    with db.reading() as session:
        if event_id is not None:
            stored = funding_for_print(_event(session, event_id))
        elif series_id is not None:
            series = _series(session, series_id)
            stored = None if series.funder is None else _print_of(series)
        else:
            return ""
    if stored is None:
        return "Keine Förderung eingetragen."
    parts = [f"Gefördert durch {stored.name}", stored.measure, stored.code]
    if stored.teaching_units is not None:
        parts.append(f"{stored.teaching_units:g} UE".replace(".", ","))
    return " · ".join(p for p in parts if p)


def funded_events_select(*columns: object) -> Select:  # type: ignore[type-arg]
    """``select(*columns, Funder.proof_years)`` over the events that have a funder.

    The same rule as :func:`funding_for_print`: the event's own funder, else its series'.
    """
    return (
        select(*columns, Funder.proof_years)  # type: ignore[call-overload]
        .select_from(Event)
        .outerjoin(Series, Series.id == Event.series_id)
        .join(Funder, Funder.id == func.coalesce(Event.funder_id, Series.funder_id))
    )


def funded_event_ids(db: Database, funder_id: int) -> set[int]:
    """The events this funder pays for: its own events and the modules of its series."""
    with db.reading() as session:
        return set(session.scalars(funded_events_select(Event.id).where(Funder.id == funder_id)))


def find_funder(db: Database, name: str) -> FunderRow:
    """The funder of this name (any case); a German error names the known ones."""
    wanted = " ".join(name.split()).casefold()
    funders = list_funders(db)
    for row in funders:
        if " ".join(row.name.split()).casefold() == wanted:
            return row
    known = ", ".join(f"„{row.name}“" for row in funders) or "noch keiner"
    raise NotFoundError(f"Einen Fördermittelgeber „{name}“ gibt es nicht (bekannt: {known}).")


def funding_for_print(event: Event) -> FundingForPrint | None:
    """The funder block for an event: its own funder, else the one of its series."""
    for source in (event, event.series):
        if source is not None and source.funder is not None:
            return _print_of(source)
    return None


def _print_of(source: Event | Series) -> FundingForPrint:
    assert source.funder is not None
    return FundingForPrint(
        source.funder.name,
        source.funding_measure,
        source.funding_code,
        source.teaching_units,
        source.funder.logo_png,
    )


def _apply(target: Event | Series, funding: Funding) -> None:
    target.funder_id = funding.funder_id
    target.funding_measure = funding.funding_measure
    target.funding_code = funding.funding_code
    target.teaching_units = funding.teaching_units


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
    return event


def _funding_of(source: Event | Series) -> Funding:
    return Funding(
        source.funder_id, source.funding_measure, source.funding_code, source.teaching_units
    )


def _series(session: Session, series_id: int) -> Series:
    series = session.get(Series, series_id)
    if series is None:
        raise NotFoundError(f"Es gibt keine Fortbildungsreihe mit der ID {series_id}.")
    return series
