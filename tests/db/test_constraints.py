"""The schema itself guards the simple rules, whatever code writes to it."""

import datetime as dt

import pytest
from sqlalchemy import exc

from patenbuero.db.models import Event, MemberProject, Person, Registration

START = dt.datetime(2026, 3, 11, 16, 0)


def _event(**values) -> Event:
    base = {
        "title": "Vernetzungstreffen",
        "kind": "network_meeting",
        "starts_at": START,
        "ends_at": START + dt.timedelta(hours=2),
    }
    base.update(values)
    return Event(**base)


def _person(name: str = "Großmann") -> Person:
    return Person(first_name="Jürgen", last_name=name, created_at=START)


def test_person_registers_only_once_per_event(db) -> None:
    with pytest.raises(exc.IntegrityError), db.unit_of_work() as session:
        event, person = _event(), _person()
        session.add_all([event, person])
        session.flush()
        for _ in range(2):
            session.add(
                Registration(
                    person_id=person.id,
                    event_id=event.id,
                    status="confirmed",
                    registered_at=START,
                    status_changed_at=START,
                )
            )
        session.flush()


@pytest.mark.parametrize(
    "values",
    [
        {"ends_at": START - dt.timedelta(hours=1)},
        {"capacity": -1},
        {"kind": "party"},
        {"status": "maybe"},
        {"module_number": 0},
    ],
)
def test_event_check_constraints(db, values) -> None:
    with pytest.raises(exc.IntegrityError), db.unit_of_work() as session:
        session.add(_event(**values))


def test_foreign_keys_are_enforced(db) -> None:
    with pytest.raises(exc.IntegrityError), db.unit_of_work() as session:
        session.add(_event(responsible_project_id=4711))


def test_project_with_registration_history_cannot_vanish(db) -> None:
    with db.unit_of_work() as session:
        project = MemberProject(name="Lesewelt Halle")
        session.add(project)
        session.flush()
        session.add(_event(responsible_project_id=project.id))
    with pytest.raises(exc.IntegrityError), db.unit_of_work() as session:
        session.delete(session.query(MemberProject).one())
