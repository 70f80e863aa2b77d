"""The command line: German messages, exit codes, and the same data as the GUI."""

import csv
import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from patenbuero.db import migrate
from patenbuero.launcher import main
from tests.helpers.databases import target_of


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "patenbuero", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("Patenbüro 0.")


def test_info_on_new_database_creates_it(tmp_path: Path, capsys) -> None:
    path = tmp_path / "neu.sqlite3"
    assert main(["--db", str(path), "info"]) == 0
    out = capsys.readouterr().out
    assert str(path) in out
    assert f"Schema-Version: {migrate.HEAD_REVISION}" in out
    assert "Mitgliedsprojekte" in out
    assert path.exists()


def test_usage_error_exits_2_in_german(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path / "x.sqlite3"), "plan", "list", "--year", "zwanzig")
    assert result.returncode == 2
    assert "ist kein Jahr" in result.stderr
    assert "Traceback" not in result.stderr
    unknown = run_cli("gibtsnicht")
    assert unknown.returncode == 2
    assert "ungültige Auswahl" in unknown.stderr


@pytest.mark.parametrize(
    ("make_target", "message"),
    [
        (lambda tmp: tmp, "ist ein Ordner"),
        (lambda tmp: _text_file(tmp), "keine Patenbüro-Datenbank"),
        (lambda tmp: tmp / "fehlt" / "db.sqlite3", "existiert nicht"),
    ],
)
def test_bad_db_target_fails_with_one_line(tmp_path: Path, make_target, message) -> None:
    result = run_cli("--db", str(make_target(tmp_path)), "info")
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_newer_schema_is_refused_on_command_line(tmp_path: Path) -> None:
    path = tmp_path / "neuer.sqlite3"
    assert main(["--db", str(path), "info"]) == 0
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = run_cli("--db", str(path), "info")
    assert result.returncode == 1
    assert "neueren Patenbüro-Version" in result.stderr


def test_env_variable_selects_database(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("PATENBUERO_DB", str(path))
    assert main(["info"]) == 0
    assert str(path) in capsys.readouterr().out


def test_plan_list_text_and_csv(demo_db, capsys) -> None:
    target = target_of(demo_db)
    assert main(["--db", target, "plan", "list", "--year", "2026"]) == 0
    text = capsys.readouterr().out
    header = text.splitlines()[0]
    for column in ("ID", "Datum", "Beginn", "Ende", "Art", "Titel", "Ort", "Status"):
        assert column in header
    assert "Kapazität" in header and "Warteliste" in header
    assert "Vernetzungstreffen" in text

    assert main(["--db", target, "plan", "list", "--year", "2026", "--format", "csv"]) == 0
    raw = capsys.readouterr().out
    assert raw.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["ID", "Datum", "Beginn"]
    assert len(rows) > 10
    assert all(row[1].endswith(".2026") for row in rows[1:])


def test_plan_list_for_an_empty_year_says_so(db, capsys) -> None:
    assert main(["--db", target_of(db), "plan", "list", "--year", "1999"]) == 0
    assert "keine Veranstaltungen" in capsys.readouterr().out


def test_demo_refuses_non_empty_database(demo_db) -> None:
    result = run_cli("--db", target_of(demo_db), "demo")
    assert result.returncode == 1
    assert "--force" in result.stderr
    assert "Traceback" not in result.stderr


def _text_file(folder: Path) -> Path:
    path = folder / "liste.txt"
    path.write_text("keine Datenbank", encoding="utf-8")
    return path


def test_pdf_command_writes_an_attendance_list(demo_db, tmp_path, capsys) -> None:
    from tests.pdf.pdf_readback import page_count

    target = tmp_path / "liste.pdf"
    db_path = target_of(demo_db)
    assert main(["--db", db_path, "pdf", "teilnehmerliste", "--event", "1", "-o", str(target)]) == 0
    assert page_count(target.read_bytes()) >= 1
    assert main(["--db", db_path, "pdf", "teilnehmerliste", "-o", str(target)]) == 1
    assert "--event" in capsys.readouterr().err


def test_pdf_command_target_group_and_badge_options(demo_db, tmp_path, capsys) -> None:
    from tests.pdf.pdf_readback import pdftotext_pages

    db_path = target_of(demo_db)
    target = tmp_path / "kinder.pdf"
    args = ["--db", db_path, "pdf", "handzettel", "--target-group", "Kinder", "-o", str(target)]
    assert main(args) == 0
    assert "Patenschaften für Kinder" in " ".join(pdftotext_pages(target.read_bytes()))
    bad = ["--db", db_path, "pdf", "handzettel", "--target-group", "Mars", "-o", str(target)]
    assert main(bad) == 1
    assert "Zielgruppe „Mars“ gibt es nicht" in capsys.readouterr().err
    badges = tmp_path / "schilder.pdf"
    plain = ["--db", db_path, "pdf", "namensschilder", "--event", "1", "-o", str(badges)]
    if main(plain) == 0:  # event 1 of the demo has confirmed registrations
        with_line = " ".join(pdftotext_pages(badges.read_bytes()))
        assert main([*plain, "--no-event-line"]) == 0
        without = " ".join(pdftotext_pages(badges.read_bytes()))
        assert len(without) < len(with_line)


def test_output_dash_writes_to_standard_output(
    demo_db, tmp_path, monkeypatch, capsysbinary
) -> None:
    """`-o -` pipes the document (or list) instead of creating a file called "-"."""
    from tests.pdf.pdf_readback import page_count

    monkeypatch.chdir(tmp_path)
    db_path = target_of(demo_db)
    assert main(["--db", db_path, "pdf", "teilnehmerliste", "--event", "1", "-o", "-"]) == 0
    pdf = capsysbinary.readouterr().out
    assert pdf.startswith(b"%PDF") and page_count(pdf) >= 1
    assert main(["--db", db_path, "registrations", "list", "--event", "1", "-o", "-"]) == 0
    assert "Nachname" in capsysbinary.readouterr().out.decode("utf-8")
    assert not (tmp_path / "-").exists()
