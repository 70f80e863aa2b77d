"""`patenbuero import projects` and `patenbuero export verteiler` on the command line."""

from pathlib import Path

from patenbuero.launcher import main
from patenbuero.services.core.database import open_database
from patenbuero.services.projects.use_cases import list_projects
from tests.helpers.databases import target_of

SAMPLE = Path("/work/shared/data/mitgliedsprojekte.csv")


def test_refused_import_lists_bad_rows_and_exits_1(tmp_path, capsys) -> None:
    db = str(tmp_path / "x.sqlite3")
    assert main(["--db", db, "import", "projects", str(SAMPLE)]) == 1
    err = capsys.readouterr().err
    assert "es wurde nichts geändert" in err
    assert "Zeile 5: E-Mail-Adresse ungültig" in err
    assert "Zeile 7: Projektname fehlt." in err
    database = open_database(db)
    assert list_projects(database) == []
    database.dispose()


def test_dry_run_reports_and_writes_nothing(tmp_path, capsys) -> None:
    db = str(tmp_path / "x.sqlite3")
    good = tmp_path / "gut.csv"
    good.write_text(
        "Projektname;Stadtteile;Zielgruppen\nLernengel;Glaucha;Kinder\n", encoding="utf-8"
    )
    assert main(["--db", db, "import", "projects", str(good), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Probelauf" in out and "1 neu" in out
    # A new database knows Halle's Stadtteile and the usual target groups already.
    assert "neu in der Liste „Stadtteil“: Glaucha" in out
    assert "Kinder" not in out
    assert main(["--db", db, "import", "projects", str(good)]) == 0
    assert "Import abgeschlossen: 1 neu" in capsys.readouterr().out
    assert main(["--db", db, "import", "projects", str(good)]) == 0
    assert "1 unverändert" in capsys.readouterr().out


def test_export_verteiler_formats(demo_db, tmp_path, capsys) -> None:
    db = target_of(demo_db)
    demo_db.dispose()
    assert main(["--db", db, "export", "verteiler", "--format", "bcc"]) == 0
    bcc = capsys.readouterr().out.strip()
    assert "@" in bcc and "; " in bcc
    target = tmp_path / "verteiler.csv"
    assert main(["--db", db, "export", "verteiler", "--format", "csv", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfVorname;Nachname;E-Mail")
    assert main(["--db", db, "export", "verteiler", "--format", "vcf"]) == 0
    assert capsys.readouterr().out.count("BEGIN:VCARD") == bcc.count("@")


def test_missing_file_is_one_german_line(tmp_path, capsys) -> None:
    db = str(tmp_path / "x.sqlite3")
    assert main(["--db", db, "import", "projects", str(tmp_path / "fehlt.csv")]) == 1
    assert "wurde nicht gefunden" in capsys.readouterr().err


def test_export_verteiler_leaves_out_departed_projects_unless_asked(demo_db, capsys) -> None:
    db = target_of(demo_db)
    demo_db.dispose()
    assert main(["--db", db, "export", "verteiler", "--format", "bcc"]) == 0
    current = capsys.readouterr().out.strip().count("@")
    assert main(["--db", db, "export", "verteiler", "--format", "bcc", "--alle"]) == 0
    everyone = capsys.readouterr().out.strip().count("@")
    assert 0 < current < everyone
