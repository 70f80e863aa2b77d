"""Revision 0006: funders, funding of events and series, the internal note on events."""

from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from patenbuero.db import migrate


def test_upgrade_from_0001_keeps_events_and_adds_funding(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'alt.sqlite3'}")
    migrate._upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO series (id, title, description, module_count, required_modules) "
                "VALUES (1, 'Reihe', '', 4, 3)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO event (id, title, kind, status, starts_at, ends_at, all_day, "
                "location, address, online_url, description, speaker, ics_sequence, "
                "series_id, module_number) VALUES (1, 'Modul 1', 'series_module', 'planned', "
                "'2026-03-12 17:00:00', '2026-03-12 19:00:00', 0, '', '', '', 'Text', '', 0, "
                "1, 1)"
            )
        )
    migrate._upgrade(engine, "0006")
    with engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT title, description, internal_note, funder_id, funding_measure, "
                "funding_code, teaching_units FROM event"
            )
        ).one()
        series = connection.execute(text("SELECT funding_code FROM series")).one()
    assert tuple(row) == ("Modul 1", "Text", "", None, "", "", None)
    assert series == ("",)
    assert "funders" in inspect(engine).get_table_names()
    from alembic import command

    with engine.connect() as connection:
        # as the app's upgrade does: no cascading deletes while SQLite rebuilds tables
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            command.downgrade(migrate.alembic_config(connection), "0001")
    columns = {c["name"] for c in inspect(engine).get_columns("event")}
    assert "internal_note" not in columns and "funders" not in inspect(engine).get_table_names()
    engine.dispose()
