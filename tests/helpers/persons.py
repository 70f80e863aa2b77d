"""Small builders for service tests."""

import datetime as dt

from patenbuero.db.models import Event, Series
from patenbuero.services.registrations.persons import PersonInput

START = dt.datetime(2026, 9, 17, 9, 0)


def add_event(db, *, capacity=None, title="Fachtag Patenschaften", deadline=None, **values) -> int:
    with db.unit_of_work() as session:
        event = Event(
            title=title,
            kind=values.pop("kind", "specialist_day"),
            starts_at=values.pop("starts_at", START),
            ends_at=values.pop("ends_at", START + dt.timedelta(hours=7)),
            capacity=capacity,
            registration_deadline=deadline,
            **values,
        )
        session.add(event)
        session.flush()
        return event.id


def add_series(db, *, modules=4, required=4, capacity=None) -> tuple[int, list[int]]:
    with db.unit_of_work() as session:
        series = Series(
            title="Fortbildungsreihe für Pat:innen", module_count=modules, required_modules=required
        )
        session.add(series)
        session.flush()
        series_id = series.id
    event_ids = [
        add_event(
            db,
            title=f"Modul {n}",
            kind="series_module",
            series_id=series_id,
            module_number=n,
            capacity=capacity,
            starts_at=dt.datetime(2026, 2 + n, 10, 17, 0),
            ends_at=dt.datetime(2026, 2 + n, 10, 20, 0),
        )
        for n in range(1, modules + 1)
    ]
    return series_id, event_ids


def person(first: str, last: str, email: str = "") -> PersonInput:
    return PersonInput(first_name=first, last_name=last, email=email)


def at(minute: int) -> dt.datetime:
    return dt.datetime(2026, 8, 3, 9, 0) + dt.timedelta(minutes=minute)


def fund(db, event_id: int, funder: str, *, proof_years: int | None = None) -> int:
    """Give the event a funder (created if new, with its proof period); returns its id."""
    from patenbuero.services.core.funders import (
        Funding,
        list_funders,
        save_funder,
        set_event_funding,
    )

    known = {row.name: row.id for row in list_funders(db)}
    funder_id = known.get(funder) or save_funder(db, None, funder, proof_years=proof_years)
    set_event_funding(db, event_id, Funding(funder_id=funder_id))
    return funder_id
