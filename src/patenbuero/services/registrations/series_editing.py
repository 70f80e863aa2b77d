"""Create and change a Fortbildungsreihe: its title, its modules (events) and the rule
"Bescheinigung ab n von m Modulen"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from patenbuero.db.enums import EventStatus
from patenbuero.db.models import Event, Series
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database


@dataclass(frozen=True)
class SeriesInput:
    title: str
    required_modules: int
    module_ids: tuple[int, ...]
    description: str = ""


@dataclass(frozen=True)
class ModuleChoice:
    """An event that is or can become a module."""

    event_id: int
    title: str
    starts_at: dt.datetime
    series_id: int | None
    series_title: str


@dataclass(frozen=True)
class SeriesForm:
    id: int
    title: str
    description: str
    required_modules: int
    module_ids: tuple[int, ...]


def load_series(db: Database, series_id: int) -> SeriesForm:
    with db.reading() as session:
        series = session.get(Series, series_id)
        if series is None:
            raise NotFoundError(f"Es gibt keine Fortbildungsreihe mit der ID {series_id}.")
        return SeriesForm(
            series.id,
            series.title,
            series.description,
            series.required_modules,
            tuple(module.id for module in sorted(series.modules, key=lambda m: m.starts_at)),
        )


def module_choices(db: Database, around: dt.date) -> list[ModuleChoice]:
    """Events from a year before to two years after ``around`` (not cancelled), by date."""
    start = dt.datetime(around.year - 1, 1, 1)
    end = dt.datetime(around.year + 2, 1, 1)
    with db.reading() as session:
        events = session.scalars(
            select(Event)
            .where(
                Event.starts_at >= start,
                Event.starts_at < end,
                Event.status != EventStatus.CANCELLED.value,
            )
            .order_by(Event.starts_at, Event.id)
        ).all()
        return [
            ModuleChoice(
                e.id, e.title, e.starts_at, e.series_id, e.series.title if e.series else ""
            )
            for e in events
        ]


def save_series(db: Database, series_id: int | None, values: SeriesInput) -> int:
    """Create (``series_id`` None) or change a series; its modules are numbered by date.

    Raises ValidationError naming the field (title, modules, required_modules) and
    changes nothing then. Events taken out of the series become single events.
    """
    title = field_checks.limited(values.title, "title", "Der Titel", field_checks.NAME_LIMIT)
    if not title:
        raise ValidationError("Bitte geben Sie der Reihe einen Titel.", field="title")
    description = field_checks.limited(
        values.description,
        "description",
        "Die Beschreibung",
        field_checks.LONG_TEXT_LIMIT,
        multiline=True,
    )
    ids = list(dict.fromkeys(values.module_ids))
    if not ids:
        raise ValidationError("Bitte wählen Sie mindestens ein Modul.", field="modules")
    if not 1 <= values.required_modules <= len(ids):
        raise ValidationError(
            f"Die Bescheinigung kann ab 1 bis {len(ids)} von {len(ids)} Modulen gelten, "
            f"nicht ab {values.required_modules}.",
            field="required_modules",
        )
    with db.unit_of_work() as session:
        series = Series() if series_id is None else session.get(Series, series_id)
        if series is None:
            raise NotFoundError(f"Es gibt keine Fortbildungsreihe mit der ID {series_id}.")
        modules = session.scalars(select(Event).where(Event.id.in_(ids))).all()
        if len(modules) != len(ids):
            raise ValidationError("Ein gewähltes Modul gibt es nicht mehr.", field="modules")
        for module in modules:
            if module.series_id is not None and module.series_id != series_id:
                raise ValidationError(
                    f"„{module.title}“ gehört schon zu einer anderen Fortbildungsreihe.",
                    field="modules",
                )
        series.title = title
        series.description = description
        series.module_count = len(ids)
        series.required_modules = values.required_modules
        if series_id is None:
            session.add(series)
        session.flush()
        for old in list(series.modules):
            if old.id not in ids:
                old.series_id = None
                old.module_number = None
        session.flush()
        ordered = sorted(modules, key=lambda m: (m.starts_at, m.id))
        for module in ordered:  # free the numbers first (module numbers are unique)
            module.module_number = None
        session.flush()
        for number, module in enumerate(ordered, start=1):
            module.series_id = series.id
            module.module_number = number
        session.flush()
        return series.id


def module_summary(choices: Sequence[ModuleChoice], ids: Sequence[int]) -> str:
    """ "4 Module: 09.09.2026 – 13.01.2027" for the dialog."""
    chosen = sorted((c for c in choices if c.event_id in ids), key=lambda c: c.starts_at)
    if not chosen:
        return "noch keine Module"
    first, last = chosen[0].starts_at, chosen[-1].starts_at
    return f"{len(chosen)} Module: {first:%d.%m.%Y} – {last:%d.%m.%Y}"
