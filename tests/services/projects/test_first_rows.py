"""The start's plain-sqlite3 reading of the projects list equals the ORM's, field by field
and in order, so the two readers cannot drift apart."""

from __future__ import annotations

import datetime as dt

import pytest

from patenbuero.db import models
from patenbuero.db.location import DatabaseLocation
from patenbuero.services.core.database import Database
from patenbuero.services.projects import use_cases
from patenbuero.services.projects.contacts import ContactInput, save_contact
from patenbuero.services.projects.editing import ProjectInput, save_project
from patenbuero.services.projects.first_rows import read_first_rows
from tests.pdf.stress_data import PEOPLE_ROWS

pytestmark = pytest.mark.sqlite_only("the plain reading is for SQLite files")


def assert_same_as_orm(db: Database) -> None:
    first = read_first_rows(db)
    assert first is not None
    orm_rows = use_cases.list_projects(db)
    assert len(first.projects) == len(orm_rows) > 0
    for plain, orm in zip(first.projects, orm_rows, strict=True):
        assert plain == orm  # every field, and the order (the ORM's ORDER BY name)
        assert [type(getattr(plain, f)) for f in plain.__dataclass_fields__] == [
            type(getattr(orm, f)) for f in orm.__dataclass_fields__
        ]
    assert first.target_groups == use_cases.list_target_groups(db)
    assert first.districts == use_cases.list_districts(db)


def test_the_demo_database_reads_the_same(sqlite_demo_db) -> None:
    assert_same_as_orm(sqlite_demo_db)


def test_stress_names_and_ties_read_the_same(new_db) -> None:
    with new_db.unit_of_work() as session:  # groups of equal rank: SQLite orders the tie
        for name in ("Zugewanderte", "Ältere", "alleinerziehende Eltern"):
            session.add(models.TargetGroup(name=name, sort_order=0))
        session.add(models.District(name="Ärztehaus-Viertel", retired=True))
    groups = [c.id for c in use_cases.list_target_groups(new_db)]
    districts = [c.id for c in use_cases.list_districts(new_db)]
    names = [row[5] for row in PEOPLE_ROWS if row[5]] + [
        "Äpfel für alle",
        "apfel-Paten",
        "Zebra",
        "Öffentliche Lesepaten",
        "ölmühle",
        "Straßenkinder",
        "Strasse frei",
    ]
    for number, name in enumerate(dict.fromkeys(names)):
        project_id = save_project(
            new_db,
            None,
            ProjectInput(
                name=name,
                organisation_name=f"Träger {number % 3}" if number % 4 else "",
                target_group_ids=tuple(groups[number % len(groups) :][:3]),
                district_ids=tuple(districts[: number % 4]),
                serves_whole_city=number % 5 == 0,
                status=("active", "paused", "left")[number % 3],
                member_since=dt.date(2015 + number % 10, 1 + number % 12, 1)
                if number % 2
                else None,
                seeks_volunteers=number % 2 == 0,
                email=f"projekt{number}@example.org" if number % 3 else "",
                phone="0345 1234567" if number % 4 == 1 else "",
            ),
        )
        first, last = PEOPLE_ROWS[number % len(PEOPLE_ROWS)][:2]
        for suffix in ("", " Zwei"):  # two contacts of the same last name: a tie
            save_contact(
                new_db,
                None,
                ContactInput(last_name=last, first_name=first + suffix, project_id=project_id),
            )
    assert_same_as_orm(new_db)


def test_a_server_or_an_unreadable_file_takes_the_usual_way(sqlite_demo_db) -> None:
    from sqlalchemy.engine import make_url

    address = make_url("postgresql+psycopg://office@server/buero")
    server = DatabaseLocation(server=address, path=None)
    assert read_first_rows(Database(server, sqlite_demo_db.revision)) is None
    sqlite_demo_db.dispose()
    path = sqlite_demo_db.location.path
    path.write_bytes(b"kein SQLite" * 100)
    assert read_first_rows(sqlite_demo_db) is None
