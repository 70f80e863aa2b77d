"""Demonstration data: a lively small network for first steps, a large one for benchmarks.

``fill_demo_data(db)`` fills an empty database in one transaction: either
everything is written or nothing. The data is the same for the same ``seed``
and ``today``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from patenbuero.db import models
from patenbuero.errors import Progress, UserError
from patenbuero.services.core import labels
from patenbuero.services.core.database import Database
from patenbuero.services.core.info import is_empty
from patenbuero.services.core.network_texts import NetworkTexts
from patenbuero.services.demo import large, reference
from patenbuero.services.demo.rows import RowSet, clear_tables
from patenbuero.services.demo.small import build_small

__all__ = ["SCALES", "DemoSummary", "fill_demo_data"]

Builder = Callable[[RowSet, random.Random, dt.date], None]
SCALES: dict[str, Builder] = {"small": build_small, "large": large.build_large}
NOT_EMPTY = (
    "Die Datenbank enthält schon Daten. Beispieldaten werden nur in eine leere Datenbank "
    "geschrieben; mit --force werden alle vorhandenen Daten vorher gelöscht."
)


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo data created."""

    scale: str
    organisations: int
    projects: int
    contacts: int
    target_groups: int
    districts: int
    series: int
    events: int
    agenda_items: int
    tasks: int
    persons: int
    registrations: int
    history_entries: int
    inquiries: int
    forwardings: int


def fill_demo_data(
    db: Database,
    scale: str = "small",
    *,
    force: bool = False,
    today: dt.date | None = None,
    seed: int = 2026,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill the database with demo data of the given scale ("small" or "large").

    Refuses a database that already holds data unless ``force`` is set; then
    everything in it is deleted first, in the same transaction. ``progress`` hears of
    the rows written and may stop it: then nothing is written (Cancelled).
    """
    build = SCALES.get(scale)
    if build is None:
        known = ", ".join(SCALES)
        raise UserError(f"Unbekannter Umfang „{scale}“ für Beispieldaten; möglich sind: {known}.")
    if not force and not is_empty(db):
        raise UserError(NOT_EMPTY)
    rows = RowSet()
    texts = NetworkTexts(**reference.NETWORK_TEXTS)
    for key, value in asdict(texts).items():
        rows.add(models.Setting, key=key, value=value)
    _add_builtin_kinds(rows)
    build(rows, random.Random(seed), today or dt.date.today())
    with db.unit_of_work() as session:
        if force:
            clear_tables(session)
        else:
            _replace_leftovers(session, list(asdict(texts)))
        rows.write(session, progress)
    return _summary(scale, rows)


def _replace_leftovers(session: Session, text_keys: list[str]) -> None:
    """In a database without projects, events, persons or inquiries, the demo replaces
    the lists (target groups, districts, Träger …) and the network texts; other
    settings stay."""
    for model in (models.MemberProject, models.Event, models.Person, models.Inquiry):
        if session.scalar(select(func.count()).select_from(model)):
            raise UserError(NOT_EMPTY)
    clear_tables(session, keep=(models.Setting.__tablename__,))
    session.execute(delete(models.Setting).where(models.Setting.key.in_(text_keys)))


def _add_builtin_kinds(rows: RowSet) -> None:
    """The lists of kinds are emptied with the rest; the demo starts with the built-in ones."""
    for model, names in (
        (models.EventKindEntry, labels.EVENT_KIND),
        (models.OrganisationKindEntry, labels.ORGANISATION_KIND),
    ):
        for order, (key, name) in enumerate(names.items(), start=1):
            rows.add(
                model, key=key.value, name=name, sort_order=10 * order, builtin=True, retired=False
            )


def _summary(scale: str, rows: RowSet) -> DemoSummary:
    m = models
    return DemoSummary(
        scale=scale,
        organisations=rows.count(m.Organisation),
        projects=rows.count(m.MemberProject),
        contacts=rows.count(m.Contact),
        target_groups=rows.count(m.TargetGroup),
        districts=rows.count(m.District),
        series=rows.count(m.Series),
        events=rows.count(m.Event),
        agenda_items=rows.count(m.AgendaItem),
        tasks=rows.count(m.Task),
        persons=rows.count(m.Person),
        registrations=rows.count(m.Registration),
        history_entries=rows.count(m.RegistrationHistory),
        inquiries=rows.count(m.Inquiry),
        forwardings=rows.count(m.Forwarding),
    )
