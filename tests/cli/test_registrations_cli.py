"""`patenbuero registrations …` on the demo data and on the sample web-form export."""

import csv
import io
from pathlib import Path

from patenbuero.launcher import main
from patenbuero.services.plan.use_cases import list_events
from tests.helpers.databases import target_of

SAMPLE = Path(__file__).parents[1] / "io" / "data" / "anmeldungen_webformular.csv"


def waitlisted_event(db):
    events = list_events(db, 2026) + list_events(db, 2027)
    return next(e for e in events if e.waitlisted)


def test_list_shows_every_column(demo_db, capsys) -> None:
    event = waitlisted_event(demo_db)
    db = target_of(demo_db)
    assert main(["--db", db, "registrations", "list", "--event", str(event.id)]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    for column in ("ID", "Nachname", "Vorname", "E-Mail", "Organisation", "Status"):
        assert column in header
    assert "Wartelistenplatz" in header and "anwesend" in header
    assert (
        main(["--db", db, "registrations", "list", "--event", str(event.id), "--format", "csv"])
        == 0
    )
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")), delimiter=";"))
    statuses = [row[5] for row in rows[1:]]
    assert statuses.count("Warteliste") == event.waitlisted
    assert next(row[6] for row in rows[1:] if row[5] == "Warteliste") == "1"


def test_cancel_prints_who_moved_up(demo_db, capsys) -> None:
    from patenbuero.services.registrations.use_cases import list_registrations

    event = waitlisted_event(demo_db)
    rows = list_registrations(demo_db, event.id)
    confirmed = next(r for r in rows if r.status == "confirmed" and r.email)
    first_waiting = next(r for r in rows if r.waitlist_position == 1)
    db = target_of(demo_db)
    args = ["--db", db, "registrations", "cancel", "--event", str(event.id)]
    assert main([*args, "--email", confirmed.email.upper()]) == 0
    out = capsys.readouterr().out
    assert f"Storniert: {confirmed.first_name} {confirmed.last_name}" in out
    assert f"nachgerückt: {first_waiting.first_name} {first_waiting.last_name}" in out
    assert main([*args, "--email", "niemand@example.org"]) == 1


def test_refused_import_lists_bad_rows_and_exits_1(demo_db, capsys) -> None:
    event = waitlisted_event(demo_db)
    db = target_of(demo_db)
    code = main(["--db", db, "registrations", "import", "--event", str(event.id), str(SAMPLE)])
    assert code == 1
    err = capsys.readouterr().err
    assert "Zeile 9: E-Mail-Adresse ungültig" in err
    assert "nichts gespeichert" in err


def test_dry_run_changes_nothing(db, tmp_path, capsys) -> None:
    from tests.helpers.persons import add_event

    event_id = add_event(db, capacity=3)
    path = tmp_path / "a.csv"
    path.write_text("Vorname;Nachname;E-Mail\nÖzlem;Yılmaz;oy@example.org\n", encoding="utf-8")
    args = ["--db", target_of(db), "registrations", "import", "--event", str(event_id)]
    assert main([*args, str(path), "--dry-run"]) == 0
    assert "Probelauf" in capsys.readouterr().out
    assert main(["--db", target_of(db), "registrations", "list", "--event", str(event_id)]) == 0
    assert "keine Anmeldungen" in capsys.readouterr().out


def test_year_statistics(demo_db, capsys, tmp_path) -> None:
    assert main(["--db", target_of(demo_db), "registrations", "stats", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "Nichterscheinen in %" in out and "Fachtag" in out
    assert "verschiedene Personen" in out and "Anfragen eingegangen" in out
    assert "Gezählt sind nur durchgeführte Veranstaltungen" in out
    db = target_of(demo_db)
    for file_format in ("csv", "xlsx", "pdf"):
        target = tmp_path / f"sb.{file_format}"
        args = ["--year", "2026", "--format", file_format, "-o", str(target)]
        assert main(["--db", db, "registrations", "stats", *args]) == 0
        assert target.stat().st_size > 500
    assert target.read_bytes().startswith(b"%PDF")


def test_import_finds_the_header_below_a_title_and_keeps_cancelled(db, tmp_path, capsys) -> None:
    from patenbuero.services.registrations.use_cases import (
        cancel_registration,
        list_registrations,
        register_person,
    )
    from tests.helpers.persons import add_event, person

    event_id = add_event(db, capacity=3)
    gone = register_person(db, event_id, person("Heike", "Kühn", "hk@example.org"))
    cancel_registration(db, gone.registration_id)
    path = tmp_path / "a.csv"
    path.write_text(
        "Anmeldungen Fachtag;;;\nEingangsdatum;Vorname;Nachname;E-Mail\n"
        "05.08.2026 10:00;Heike;Kühn;hk@example.org\n"
        "04.08.2026 09:00;Özlem;Yılmaz;oy@example.org\n",
        encoding="utf-8",
    )
    args = ["--db", target_of(db), "registrations", "import", "--event", str(event_id)]
    assert main([*args, str(path)]) == 0
    out = capsys.readouterr().out
    assert "Kopfzeile in Zeile 2 erkannt." in out and "Eingangsdatum" in out
    status = {r.last_name: r.status for r in list_registrations(db, event_id)}
    assert status == {"Kühn": "cancelled", "Yılmaz": "confirmed"}
    assert main([*args, str(path), "--rebook-cancelled"]) == 0
    status = {r.last_name: r.status for r in list_registrations(db, event_id)}
    assert status == {"Kühn": "confirmed", "Yılmaz": "confirmed"}
    assert main([*args, str(path), "--header-line", "1"]) == 1
    assert "Kopfzeile" in capsys.readouterr().err


def test_stats_for_one_funder_and_an_unknown_one(tmp_path, capsys) -> None:
    from patenbuero.launcher import main
    from patenbuero.services.core.database import open_database
    from patenbuero.services.core.funders import save_funder

    path = tmp_path / "f.sqlite3"
    save_funder(open_database(str(path)), None, "Stadt Halle")
    assert (
        main(
            [
                "--db",
                str(path),
                "registrations",
                "stats",
                "--year",
                "2026",
                "--funder",
                "stadt halle",
            ]
        )
        == 0
    )
    assert "Nur Veranstaltungen, die „Stadt Halle“ fördert" in capsys.readouterr().out
    assert (
        main(["--db", str(path), "registrations", "stats", "--year", "2026", "--funder", "Land"])
        == 1
    )
    error = capsys.readouterr().err
    assert "Einen Fördermittelgeber „Land“ gibt es nicht" in error and len(error.splitlines()) == 1
