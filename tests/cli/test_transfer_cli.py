"""`patenbuero transfer --to URL`."""

from __future__ import annotations

import pytest

from patenbuero.launcher import main


def test_transfer_command_moves_the_demo_data_and_says_so(sqlite_demo_db, pg_url, capsys) -> None:
    source = str(sqlite_demo_db.location.path)
    assert main(["--db", source, "transfer", "--to", pg_url]) == 0
    out = capsys.readouterr().out
    assert "registration:" in out
    assert "Anzahl und Prüfsumme stimmen in jeder Tabelle überein." in out

    assert main(["--db", pg_url, "info"]) == 0
    info = capsys.readouterr().out
    assert "postgresql" in info
    assert main(["--db", source, "info"]) == 0
    assert capsys.readouterr().out.splitlines()[2:] == info.splitlines()[2:]

    # A second run finds data in the target and refuses with one German line.
    assert main(["--db", source, "transfer", "--to", pg_url]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "nicht leer" in err[0] and "nur in eine leere Datenbank" in err[0]


@pytest.mark.sqlite_only("transfer from a SQLite file, no server involved")
def test_transfer_needs_a_postgresql_address(db, capsys) -> None:
    code = main(["--db", str(db.location.path), "transfer", "--to", "kopie.sqlite3"])
    assert code == 1
    assert "Adresse einer PostgreSQL-Datenbank" in capsys.readouterr().err
