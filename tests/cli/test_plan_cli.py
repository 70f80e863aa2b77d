"""`patenbuero plan list | copy | export-ics` and `export calendar`."""

import argparse
import csv
import io

import icalendar

from patenbuero.cli.commands import export_calendar
from patenbuero.cli.german_argparse import GermanArgumentParser
from patenbuero.launcher import main
from patenbuero.services.plan.use_cases import list_events
from tests.helpers.databases import target_of


def _db_path(db) -> str:
    return target_of(db)


def test_plan_list_keeps_columns_and_adds_new_ones(demo_db, capsys) -> None:
    path = _db_path(demo_db)
    assert main(["--db", path, "plan", "list", "--year", "2026", "--format", "csv"]) == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")), delimiter=";"))
    assert table[0][:11] == [
        "ID", "Datum", "Beginn", "Ende", "Art", "Titel", "Ort", "Status", "Kapazität",
        "bestätigt", "Warteliste",
    ]  # fmt: skip
    assert table[0][11:14] == ["verantwortlich", "Ansprechperson", "Referent:in"]
    fachtag = next(r for r in table[1:] if r[4] == "Fachtag")
    assert "Prof. Dr. Miriam Ebert" in fachtag[13]


def test_plan_copy_dry_run_then_copy(demo_db, capsys) -> None:
    path = _db_path(demo_db)
    before = len(list_events(demo_db, 2027))
    assert main(["--db", path, "plan", "copy", "--from", "2026", "--to", "2027", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Probelauf, nichts geändert" in out and "würde übernehmen" in out
    assert len(list_events(demo_db, 2027)) == before
    assert main(["--db", path, "plan", "copy", "--from", "2026", "--to", "2027"]) == 0
    assert "(Status: Idee)" in capsys.readouterr().out
    assert len(list_events(demo_db, 2027)) > before


def test_plan_export_ics_and_export_calendar(demo_db, tmp_path, capsys) -> None:
    target = tmp_path / "plan.ics"
    path = _db_path(demo_db)
    assert main(["--db", path, "plan", "export-ics", "--year", "2026", "-o", str(target)]) == 0
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert len(calendar.walk("VEVENT")) == len(list_events(demo_db, 2026))
    assert "in " in capsys.readouterr().err

    parser = GermanArgumentParser(prog="patenbuero")
    commands = parser.add_subparsers(dest="command")
    export = commands.add_parser("export")
    export_calendar.add_calendar_export(export.add_subparsers(dest="action"))
    args = parser.parse_args(["export", "calendar", "--year", "2026"])
    assert isinstance(args, argparse.Namespace)
    assert args.handler is export_calendar.run_calendar_export and args.year == 2026


def test_copy_to_same_year_fails_in_german(demo_db, capsys) -> None:
    path = _db_path(demo_db)
    assert main(["--db", path, "plan", "copy", "--from", "2026", "--to", "2026"]) == 1
    assert "verschieden" in capsys.readouterr().err
