"""Revision 0010: Träger and event kinds become lists, entries can be retired, a new
database starts with Halle's Stadtteile and the network's target groups."""

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from patenbuero.db import migrate

EVENT = (
    "INSERT INTO event (id, title, kind, status, starts_at, ends_at, all_day, location, "
    "address, online_url, description, speaker, ics_sequence, funding_measure, funding_code, "
    "internal_note) VALUES (:id, :title, :kind, 'planned', '2026-03-12 17:00:00', "
    "'2026-03-12 19:00:00', 0, '', '', '', '', '', 0, '', '', '')"
)
ORGANISATION = (
    "INSERT INTO organisation (id, name, kind, address, website) VALUES (:id, :name, :kind, '', '')"
)


def _downgrade(engine, target: str) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            command.downgrade(migrate.alembic_config(connection), target)


def test_kinds_move_into_lists_and_back(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'alt.sqlite3'}")
    migrate._upgrade(engine, "0011")
    with engine.begin() as connection:
        connection.execute(text(EVENT), {"id": 1, "title": "Infostand Markt", "kind": "info_stand"})
        connection.execute(text(EVENT), {"id": 2, "title": "Fachtag", "kind": "specialist_day"})
        connection.execute(
            text(ORGANISATION), {"id": 1, "name": "Lesewelt e. V.", "kind": "verein"}
        )
        connection.execute(text("INSERT INTO district (id, name) VALUES (1, 'Glaucha')"))

    migrate._upgrade(engine, "0010")
    with engine.begin() as connection:
        kinds = dict(connection.execute(text("SELECT key, name FROM event_kind")).all())
        assert kinds["info_stand"] == "Infostand" and len(kinds) == 7
        assert connection.execute(text("SELECT kind FROM event WHERE id = 1")).scalar() == (
            "info_stand"
        )
        builtin = connection.execute(text("SELECT count(*) FROM organisation_kind WHERE builtin"))
        assert builtin.scalar() == 7
        # A database that already had districts keeps its own list; the empty
        # target-group list gets the network's target groups.
        districts = connection.execute(text("SELECT name, retired FROM district")).all()
        assert districts == [("Glaucha", 0)]
        groups = connection.execute(text("SELECT name FROM target_group ORDER BY sort_order"))
        assert [g for (g,) in groups][:2] == ["Kinder", "Jugendliche"]
        # The office's own kind, used by an event and a Träger.
        connection.execute(
            text(
                "INSERT INTO event_kind (key, name, sort_order, builtin, retired) "
                "VALUES ('eigene-1', 'Lesung', 80, 0, 0)"
            )
        )
        connection.execute(text(EVENT), {"id": 3, "title": "Lesung", "kind": "eigene-1"})
        connection.execute(
            text(
                "INSERT INTO organisation_kind (key, name, sort_order, builtin, retired) "
                "VALUES ('eigene-2', 'Genossenschaft', 80, 0, 0)"
            )
        )
        connection.execute(text(ORGANISATION), {"id": 2, "name": "WG eG", "kind": "eigene-2"})
    with engine.connect() as connection:
        connection.execute(text("PRAGMA foreign_keys=ON"))
        with pytest.raises(IntegrityError, match="FOREIGN KEY"):  # only kinds of the list
            connection.execute(text(EVENT), {"id": 4, "title": "X", "kind": "unbekannt"})

    _downgrade(engine, "0011")
    with engine.connect() as connection:
        kinds_back = connection.execute(text("SELECT id, kind FROM event ORDER BY id")).all()
        organisations = connection.execute(text("SELECT kind FROM organisation ORDER BY id"))
        assert kinds_back == [(1, "info_stand"), (2, "specialist_day"), (3, "other")]
        assert [k for (k,) in organisations] == ["verein", "sonstige"]
        with pytest.raises(IntegrityError, match="CHECK"):  # the fixed list is back
            connection.execute(text(EVENT), {"id": 5, "title": "X", "kind": "eigene-1"})
    tables = inspect(engine).get_table_names()
    assert "event_kind" not in tables and "organisation_kind" not in tables
    assert "retired" not in {c["name"] for c in inspect(engine).get_columns("district")}
    engine.dispose()


def test_new_database_starts_with_the_stadtteile_of_halle(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'neu.sqlite3'}")
    migrate._upgrade(engine)
    with engine.connect() as connection:
        districts = [d for (d,) in connection.execute(text("SELECT name FROM district"))]
        groups = [g for (g,) in connection.execute(text("SELECT name FROM target_group"))]
    engine.dispose()
    assert len(districts) == 42 and len(set(districts)) == 42
    for name in ("Altstadt", "Paulusviertel", "Silberhöhe", "Heide-Nord/Blumenau", "Dölau"):
        assert name in districts
    assert "Senior:innen" in groups and "Familien mit schwer erkrankten Kindern" in groups
