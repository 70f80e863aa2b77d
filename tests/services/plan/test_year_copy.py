"""Planning the next year from this one: weekday pattern kept, as ideas, with tasks."""

import datetime as dt

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.plan import events, recurrence, tasks, year_copy
from patenbuero.services.plan.use_cases import list_events
from patenbuero.services.registrations.use_cases import register_person
from tests.helpers.persons import person
from tests.helpers.plan_builders import NOW, meeting, quarterly


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 3, 11), dt.date(2027, 3, 10)),  # second Wednesday stays second Wednesday
        (dt.date(2026, 12, 9), dt.date(2027, 12, 8)),
        (dt.date(2026, 5, 30), dt.date(2027, 5, 29)),  # fifth Saturday → last Saturday
        (dt.date(2026, 2, 28), dt.date(2027, 2, 27)),  # fourth Saturday stays fourth
    ],
)
def test_same_place_in_the_month(day, expected) -> None:
    moved = year_copy.same_pattern(day, 2027)
    assert moved == expected and moved.weekday() == day.weekday()


def test_copy_keeps_pattern_status_idea_tasks_no_registrations(db) -> None:
    ids = recurrence.create_recurring(db, meeting(capacity=40), quarterly(), now=NOW)
    events.cancel_event(db, ids[3])
    tasks.add_task(
        db, tasks.TaskInput(ids[0], "Protokoll schreiben", due_on=dt.date(2026, 3, 18), done=True)
    )
    register_person(db, ids[0], person("Zofia", "Kowalska", "zofia@example.org"), now=NOW)
    plans = year_copy.plan_copy(db, 2026, 2027)
    assert [p.suggested for p in plans] == [True, True, True, False]  # the cancelled one not
    new_ids = year_copy.copy_year(db, 2026, 2027, now=NOW)
    copies = list_events(db, 2027)
    assert [c.id for c in copies] == new_ids
    assert [c.starts_at for c in copies] == [
        dt.datetime(2027, 3, 10, 16),
        dt.datetime(2027, 6, 9, 16),
        dt.datetime(2027, 9, 8, 16),
    ]
    assert {c.status_label for c in copies} == {"Idee"}
    assert copies[0].title == "Vernetzungstreffen März 2027"
    assert (copies[0].confirmed, copies[0].capacity) == (0, 40)
    assert len({c.recurrence_id for c in copies}) == 1
    assert copies[0].recurrence_id != list_events(db, 2026)[0].recurrence_id
    (task,) = tasks.list_tasks(db, year=2027)
    assert (task.title, task.due_on, task.done) == (
        "Protokoll schreiben",
        dt.date(2027, 3, 17),
        False,
    )


def test_copy_twice_does_not_double_the_plan(db) -> None:
    recurrence.create_recurring(db, meeting(), quarterly(), now=NOW)
    year_copy.copy_year(db, 2026, 2027, now=NOW)
    assert all(p.already_there for p in year_copy.plan_copy(db, 2026, 2027))
    with pytest.raises(ValidationError, match="schon eingetragen"):
        year_copy.copy_year(db, 2026, 2027, now=NOW)
    assert len(list_events(db, 2027)) == 4


def test_chosen_events_only_and_series_modules_get_a_new_series(db) -> None:
    from tests.helpers.persons import add_series

    _series, modules = add_series(db)
    other = events.create_event(db, meeting(), now=NOW)
    year_copy.copy_year(db, 2026, 2027, [*modules, other][:2], now=NOW)
    copies = list_events(db, 2027)
    assert [(c.module_number, c.series_title) for c in copies] == [
        (1, "Fortbildungsreihe für Pat:innen (2027)"),
        (2, "Fortbildungsreihe für Pat:innen (2027)"),
    ]
