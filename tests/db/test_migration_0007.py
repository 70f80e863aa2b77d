"""Revision 0007: event_funding and the per-funder years move into the funders model."""

import json
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, text

from patenbuero.db import migrate

EVENT = (
    "INSERT INTO event (id, title, kind, status, starts_at, ends_at, all_day, location, "
    "address, online_url, description, speaker, ics_sequence, funding_measure, funding_code, "
    "internal_note, funder_id) VALUES (:id, :title, 'specialist_day', 'planned', "
    "'2024-03-12 17:00:00', '2024-03-12 19:00:00', 0, '', '', '', '', '', 0, '', '', '', :funder)"
)


def test_upgrade_moves_event_funding_into_funders_and_downgrade_restores_it(
    tmp_path: Path,
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'alt.sqlite3'}")
    migrate._upgrade(engine, "0006")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO funders (id, name) VALUES (1, 'Stadt Halle (Saale)')"))
        connection.execute(text("INSERT INTO funders (id, name) VALUES (2, 'Aktion Mensch')"))
        for event_id, title, funder in (
            (1, "Fachtag", None),  # marked funded by privacy only: gets the existing funder
            (2, "Stammtisch", 2),  # own funder wins over the privacy mark
            (3, "Workshop", None),  # a funder only the privacy side knew: created
            (4, "Ungefördert", None),
        ):
            connection.execute(text(EVENT), {"id": event_id, "title": title, "funder": funder})
        for event_id, name in ((1, "stadt  halle (Saale)"), (2, "ESF Plus"), (3, "Bürgerstiftung")):
            connection.execute(
                text("INSERT INTO event_funding (event_id, funder) VALUES (:e, :f)"),
                {"e": event_id, "f": name},
            )
        retention = {"participants_years": 3, "funded_years": 6, "funder_years": {"ESF Plus": 10}}
        connection.execute(
            text("INSERT INTO setting (key, value) VALUES ('privacy_retention', :v)"),
            {"v": json.dumps(retention)},
        )

    migrate._upgrade(engine, "0007")
    with engine.connect() as connection:
        events = connection.execute(
            text(
                "SELECT event.id, funders.name FROM event "
                "LEFT JOIN funders ON funders.id = event.funder_id ORDER BY event.id"
            )
        ).all()
        funders = dict(connection.execute(text("SELECT name, proof_years FROM funders")).all())
        setting = json.loads(
            connection.execute(
                text("SELECT value FROM setting WHERE key='privacy_retention'")
            ).scalar_one()
        )
    assert events == [
        (1, "Stadt Halle (Saale)"),
        (2, "Aktion Mensch"),
        (3, "Bürgerstiftung"),
        (4, None),
    ]
    assert funders == {
        "Stadt Halle (Saale)": None,
        "Aktion Mensch": None,
        "ESF Plus": 10,
        "Bürgerstiftung": None,
    }
    assert setting == {"participants_years": 3, "funded_years": 6}
    assert "event_funding" not in inspect(engine).get_table_names()

    with engine.connect() as connection:
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            command.downgrade(migrate.alembic_config(connection), "0006")
    with engine.connect() as connection:
        marks = connection.execute(
            text("SELECT event_id, funder FROM event_funding ORDER BY event_id")
        ).all()
        setting = json.loads(
            connection.execute(
                text("SELECT value FROM setting WHERE key='privacy_retention'")
            ).scalar_one()
        )
    assert marks == [(1, "Stadt Halle (Saale)"), (2, "Aktion Mensch"), (3, "Bürgerstiftung")]
    assert setting["funder_years"] == {"ESF Plus": 10}
    assert "proof_years" not in {c["name"] for c in inspect(engine).get_columns("funders")}
    engine.dispose()
