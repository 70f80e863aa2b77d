"""A Fortbildungsreihe made from events of the plan, with its rule "n von m"."""

import datetime as dt

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.registrations.series import series_matrix
from patenbuero.services.registrations.series_editing import (
    SeriesInput,
    load_series,
    save_series,
)
from tests.helpers.persons import add_event


def modules(db, count=4) -> list[int]:
    starts = [dt.datetime(2026, 9, 9, 17) + dt.timedelta(weeks=5 * n) for n in range(count)]
    return [
        add_event(
            db,
            title=f"Modul {n}",
            kind="series_module",
            starts_at=s,
            ends_at=s + dt.timedelta(hours=3),
        )
        for n, s in enumerate(starts, start=1)
    ]


def test_create_numbers_modules_by_date_and_keeps_the_rule(db) -> None:
    ids = modules(db)
    series_id = save_series(db, None, SeriesInput("Reihe Herbst", 3, tuple(reversed(ids))))
    matrix = series_matrix(db, series_id)
    assert [m.event_id for m in matrix.modules] == ids
    assert [m.number for m in matrix.modules] == [1, 2, 3, 4]
    assert matrix.required_modules == 3
    form = load_series(db, series_id)
    assert (form.title, form.required_modules, form.module_ids) == ("Reihe Herbst", 3, tuple(ids))


def test_edit_removes_a_module_and_renumbers(db) -> None:
    ids = modules(db)
    series_id = save_series(db, None, SeriesInput("Reihe", 4, tuple(ids)))
    save_series(db, series_id, SeriesInput("Reihe", 3, (ids[0], ids[2], ids[3])))
    matrix = series_matrix(db, series_id)
    assert [(m.event_id, m.number) for m in matrix.modules] == [
        (ids[0], 1),
        (ids[2], 2),
        (ids[3], 3),
    ]


@pytest.mark.parametrize(
    ("title", "required", "count", "field"),
    [
        ("", 1, 2, "title"),
        ("Reihe", 3, 2, "required_modules"),
        ("Reihe", 0, 2, "required_modules"),
        ("Reihe", 1, 0, "modules"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(db, title, required, count, field) -> None:
    ids = modules(db, 2)[:count]
    with pytest.raises(ValidationError) as error:
        save_series(db, None, SeriesInput(title, required, tuple(ids)))
    assert error.value.field == field


def test_a_module_of_another_series_is_refused(db) -> None:
    ids = modules(db, 2)
    save_series(db, None, SeriesInput("Erste", 1, (ids[0],)))
    with pytest.raises(ValidationError, match="anderen Fortbildungsreihe"):
        save_series(db, None, SeriesInput("Zweite", 1, tuple(ids)))
