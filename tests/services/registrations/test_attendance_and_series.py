"""Check-in, walk-ins, absent in bulk; the series: all modules, matrix, certificates due."""

import pytest

from patenbuero.errors import UserError
from patenbuero.services.registrations.attendance import (
    add_walk_in,
    event_counts,
    mark_remaining_absent,
    set_attendance,
)
from patenbuero.services.registrations.series import register_for_series, series_matrix
from patenbuero.services.registrations.use_cases import list_registrations, register_person
from tests.helpers.persons import add_event, add_series, person


def test_check_in_undo_and_bulk_absent(db) -> None:
    event_id = add_event(db, capacity=3)
    ids = [
        register_person(
            db, event_id, person("Anna", f"Muster{n}", f"a{n}@example.org")
        ).registration_id
        for n in range(4)
    ]
    set_attendance(db, ids[0], True)
    set_attendance(db, ids[1], True)
    set_attendance(db, ids[1], None)
    with pytest.raises(UserError, match="Warteliste"):
        set_attendance(db, ids[3], True)
    assert mark_remaining_absent(db, event_id) == 2
    counts = event_counts(db, event_id)
    assert (counts.registered, counts.confirmed, counts.waitlisted) == (4, 3, 1)
    assert (counts.attended, counts.no_shows, counts.open) == (1, 2, 0)


def test_walk_in_is_present_even_when_full(db) -> None:
    event_id = add_event(db, capacity=1)
    register_person(db, event_id, person("Eva", "Schulze", "eva@example.org"))
    add_walk_in(db, event_id, person("Nguyễn Thị", "Hương"))
    rows = {r.last_name: r for r in list_registrations(db, event_id)}
    assert rows["Hương"].status == "confirmed" and rows["Hương"].attended is True


def test_series_registration_covers_every_module_with_own_capacity(db) -> None:
    series_id, modules = add_series(db, capacity=1)
    register_person(db, modules[2], person("Schon", "Da", "da@example.org"))
    outcomes = register_for_series(db, series_id, person("Olena", "Kovalenko", "ok@example.org"))
    assert [o.module_number for o in outcomes] == [1, 2, 3, 4]
    assert [o.status for o in outcomes] == ["confirmed", "confirmed", "waitlisted", "confirmed"]


def test_certificates_due_follow_the_series_minimum(db) -> None:
    series_id, modules = add_series(db, required=3)
    people = {
        "alle": person("Alle", "Vier", "alle@example.org"),
        "drei": person("Drei", "Module", "drei@example.org"),
        "zwei": person("Zwei", "Module", "zwei@example.org"),
    }
    attended = {"alle": 4, "drei": 3, "zwei": 2}
    for data in people.values():
        register_for_series(db, series_id, data)
    for module_index, event_id in enumerate(modules):
        for row in list_registrations(db, event_id):
            key = {"Vier": "alle", "Module": row.first_name.lower()}[row.last_name]
            set_attendance(db, row.id, module_index < attended[key])
    matrix = series_matrix(db, series_id)
    assert len(matrix.modules) == 4
    by_name = {row.first_name: row for row in matrix.rows}
    assert by_name["Zwei"].attendance == (True, True, False, False)
    assert {row.first_name for row in matrix.due} == {"Alle", "Drei"}
