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
    # One module chosen is the whole series chosen: all four modules, none of "other".
    assert [(c.module_number, c.series_title) for c in copies] == [
        (n, "Fortbildungsreihe für Pat:innen 2027") for n in (1, 2, 3, 4)
    ]


def test_series_across_the_year_boundary_is_copied_whole(db) -> None:
    """Autumn series 2026 with module 4 in January 2027, rule 3 of 4; copied into 2027."""
    import datetime as dt

    from patenbuero.db.models import Series
    from patenbuero.services.registrations.series import list_series
    from tests.helpers.persons import add_event

    with db.unit_of_work() as session:
        autumn = Series(title="Fortbildungsreihe (Herbst)", module_count=4, required_modules=3)
        session.add(autumn)
        session.flush()
        autumn_id = autumn.id
    starts = [
        dt.datetime(2026, 9, 9, 17),
        dt.datetime(2026, 10, 14, 17),
        dt.datetime(2026, 11, 11, 17),
        dt.datetime(2027, 1, 13, 17),
    ]
    for number, start in enumerate(starts, start=1):
        add_event(
            db,
            title=f"Modul {number} (Herbst)",
            kind="series_module",
            series_id=autumn_id,
            module_number=number,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=3),
            location="Raum 1",
        )
    # Already in 2027: a course in Raum 1 at the time the copy of module 1 will take.
    add_event(
        db,
        title="Kinderschutz kompakt",
        kind="coordinator_training",
        starts_at=dt.datetime(2027, 9, 8, 18),
        ends_at=dt.datetime(2027, 9, 8, 20),
        location="Raum 1",
    )
    plans = {p.title: p for p in year_copy.plan_copy(db, 2026, 2027)}
    assert set(plans) == {f"Modul {n} (Herbst)" for n in (1, 2, 3, 4)}  # module 4 too
    assert plans["Modul 4 (Herbst)"].new_start == dt.datetime(2028, 1, 12, 17)
    clash = plans["Modul 1 (Herbst)"].conflicts
    assert any("Kinderschutz kompakt" in c and "selben Raum" in c for c in clash)
    # Copying 2027 → 2028 later must not take module 4 (January 2027) alone.
    assert all("Herbst" not in p.title for p in year_copy.plan_copy(db, 2027, 2028))

    year_copy.copy_year(db, 2026, 2027, now=NOW)
    new_title = "Fortbildungsreihe 2027 (Herbst)"  # not "… (Herbst) (2027)"
    everything = list_events(db, 2027) + list_events(db, 2028)
    copies = [e for e in everything if e.series_title == new_title]
    assert [(c.module_number, c.starts_at.date()) for c in copies] == [
        (1, dt.date(2027, 9, 8)),
        (2, dt.date(2027, 10, 13)),
        (3, dt.date(2027, 11, 10)),
        (4, dt.date(2028, 1, 12)),
    ]
    new = next(s for s in list_series(db) if s.title == new_title)
    assert new.module_count == 4
    with db.reading() as session:
        assert session.get(Series, new.id).required_modules == 3  # "3 von 4" stays valid
