"""`patenbuero inquiries list` on the demo data."""

import pytest

from patenbuero.launcher import main
from tests.helpers.databases import target_of


def test_list_filters_by_status_in_text_and_csv(demo_db, capsys) -> None:
    db = target_of(demo_db)
    demo_db.dispose()
    assert main(["--db", db, "inquiries", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("  ")[0:2] == ["ID", "Eingang"]
    assert "weitergeleitet an" in lines[0] and set(lines[1]) <= {"-", " "}
    thiele = next(line for line in lines if "Friederike Thiele" in line)
    assert "möchte Pat:in werden" in thiele and "Lesewelt Halle" in thiele
    assert lines[0].index("Name") == thiele.index("Friederike Thiele")

    assert main(["--db", db, "inquiries", "list", "--status", "closed"]) == 0
    closed = capsys.readouterr().out.splitlines()[2:]
    assert closed and all("erledigt" in line for line in closed)

    assert main(["--db", db, "inquiries", "list", "--status", "open", "--format", "csv"]) == 0
    csv = capsys.readouterr().out
    assert csv.startswith("\ufeffID;Eingang;Anliegen;Name;Zielgruppe;Stadtteil;Status;")
    assert "Оксана Бондаренко" in csv and "Lea Fröhlich" not in csv


def test_wrong_status_is_refused_in_german(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_code:
        main(["--db", str(tmp_path / "x.sqlite3"), "inquiries", "list", "--status", "x"])
    assert exit_code.value.code == 2
    assert "ungültige Auswahl" in capsys.readouterr().err
