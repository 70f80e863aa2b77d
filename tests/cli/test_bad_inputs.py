"""A corpus of bad inputs: files, arguments, --db targets and field values.

Each one ends in German lines on stderr (no traceback, no English fragment, no raw
control character), the documented exit status (2 wrong call, 1 refused), and a
database exactly as it was. A bad field value, the same through every form, ends in
one German line naming the field (and its limit), and nothing stored.
"""

import sqlite3
from pathlib import Path

import pytest

from patenbuero.db.migrate import HEAD_REVISION
from patenbuero.launcher import main
from tests.helpers.databases import content_digest, target_of

ENGLISH = (
    "Traceback",
    "Error",
    "error:",
    "No such file",
    "invalid",
    "usage:",
    "unexpected",
    "Permission denied",
    "malformed",
    "unerwarteter Fehler",
)
HUGE = str(2**70)


def _files(folder: Path) -> dict[str, Path]:
    """Bad files of every kind, made fresh for each test."""
    text = folder / "notizen.txt"
    text.write_text("Einkaufsliste\n", encoding="utf-8")
    empty = folder / "leer.sqlite3"
    empty.write_bytes(b"")
    foreign = folder / "fremd.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE kunden (name)")
    connection.close()
    newer = folder / "neuer.sqlite3"
    with sqlite3.connect(newer) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999')")
    connection.close()
    damaged = folder / "kaputt.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x05" * 8000)
    binary = folder / "bild.csv"
    binary.write_bytes(bytes(range(256)) * 40)
    escape_csv = folder / "escape.csv"
    escape_csv.write_text("Name;Träger\n\x1b[31mRot\x1b[0m;\u202eTräger\n", encoding="utf-8")
    (folder / "ordner.csv").mkdir()
    long_csv = folder / "projekte-lang.csv"
    long_csv.write_text(f"Projektname;Träger\n{'P' * 201};{'V' * 300}\n", encoding="utf-8")
    registrations = "Vorname;Nachname;E-Mail\n"
    escape_reg = folder / "anmeldungen-escape.csv"
    escape_reg.write_text(
        registrations + "\x1b[31mRot;Müller;rot@example.org\nAnna;\u202eLivE;a@example.org\n",
        encoding="utf-8",
    )
    nul_reg = folder / "anmeldungen-nul.csv"
    nul_reg.write_text(registrations + "Ben;Kr\x00use;ben@example.org\n", encoding="utf-8")
    long_reg = folder / "anmeldungen-lang.csv"
    long_reg.write_text(registrations + f"Ute;{'x' * 101};ute@example.org\n", encoding="utf-8")
    return {
        "text": text,
        "empty": empty,
        "foreign": foreign,
        "newer": newer,
        "damaged": damaged,
        "binary": binary,
        "escape_csv": escape_csv,
        "dir_csv": folder / "ordner.csv",
        "long_csv": long_csv,
        "escape_reg": escape_reg,
        "nul_reg": nul_reg,
        "long_reg": long_reg,
        "missing": folder / "fehlt.sqlite3",
        "missing_dir": folder / "fehlt" / "x.sqlite3",
        "folder": folder,
    }


# (arguments with {placeholders}, exit status, a German word the message must contain)
CASES = [
    # wrong calls: exit status 2
    ("pdf teilnehmerliste --event 0 -o {out}", 2, "keine gültige ID"),
    ("pdf teilnehmerliste --event -5 -o {out}", 2, "Fehler"),
    (f"pdf teilnehmerliste --event {HUGE} -o {{out}}", 2, "keine gültige ID"),
    ("pdf teilnehmerliste --event abc -o {out}", 2, "keine gültige ID"),
    ("pdf teilnehmerliste --event 1 --blank-rows -5 -o {out}", 2, "von 0 bis 200"),
    ("pdf teilnehmerliste --event 1 --blank-rows 10000000 -o {out}", 2, "von 0 bis 200"),
    ("pdf teilnehmerliste --event 1 --blank-rows 1e3 -o {out}", 2, "von 0 bis 200"),
    ("pdf teilnehmerliste --event 1 --blank-rows 201 -o {out}", 2, "von 0 bis 200"),
    ("pdf namensschilder --event 1 --start-at 0 -o {out}", 1, "zwischen 1 und 10"),
    ("pdf namensschilder --event 1 --start-at 99999 -o {out}", 1, "zwischen 1 und 10"),
    ("pdf jahresplan --year 26 -o {out}", 2, "kein Jahr"),
    ("pdf jahresplan --year abcd -o {out}", 2, "kein Jahr"),
    ("pdf gibtsnicht -o {out}", 2, "ungültige Auswahl"),
    ("pdf teilnehmerliste --event 1", 2, "fehlen"),
    ("frobnicate", 2, "ungültige Auswahl"),
    ("backup --unbekannt", 2, "unbekannte Angaben"),
    ("backup liste", 2, "ungültige Auswahl"),
    ("restore", 2, "fehlen"),
    ("inquiries list --status bogus", 2, "ungültige Auswahl"),
    ("inquiries list --format pdf", 2, "ungültige Auswahl"),
    ("demo --scale riesig", 2, "ungültige Auswahl"),
    ("plan list --year 20261", 2, "kein Jahr"),
    ("pdf teilnehmerliste --event \x1b[31m1 -o {out}", 2, "\\x1b"),
    # refused: exit status 1
    ("backup -o {folder}/fehlt/", 1, "existiert nicht"),
    ("backup -o {missing_dir}", 1, "existiert nicht"),
    ("backup -o {db}", 1, "nicht die Datenbank selbst"),
    ("backup -o {foreign}", 1, "nicht überschrieben"),
    ("backup -o {text}", 1, "nicht überschrieben"),
    ("restore {missing} --yes", 1, "gibt es nicht"),
    ("restore {text} --yes", 1, "keine SQLite"),
    ("restore {empty} --yes", 1, "keine SQLite"),
    ("restore {foreign} --yes", 1, "keine Patenbüro-Datenbank"),
    ("restore {newer} --yes", 1, "neueren oder fremden"),
    ("restore {damaged} --yes", 1, "beschädigt"),
    ("restore {folder} --yes", 1, "gibt es nicht"),
    ("restore {db} --yes", 1, "aus sich selbst"),
    ("pdf teilnehmerliste --event 99999 -o {out}", 1, "keine Veranstaltung"),
    ("pdf teilnehmerliste --event 2147483647 -o {out}", 1, "keine Veranstaltung"),
    ("registrations list --event 99999", 1, "keine Veranstaltung"),
    ("import projects {missing}", 1, "keine Tabelle"),
    ("import projects {folder}/fehlt.csv", 1, ""),
    ("import projects {binary} --dry-run", 1, ""),
    ("import projects {dir_csv} --dry-run", 1, ""),
    ("import projects {text} --dry-run", 1, ""),
    ("import projects {escape_csv}", 1, "Steuerzeichen"),
    ("import projects {long_csv}", 1, "höchstens 200 möglich"),
    ("registrations import --event 1 {escape_reg}", 1, "Zeile 2"),
    ("registrations import --event 1 {escape_reg} --dry-run", 1, "Steuerzeichen"),
    ("registrations import --event 1 {nul_reg}", 1, "U+0000"),
    ("registrations import --event 1 {long_reg}", 1, "höchstens 100"),
]

DB_TARGETS = [
    ("{missing_dir}", "existiert nicht"),
    ("{folder}", "ist ein Ordner"),
    ("{text}", "keine Patenbüro-Datenbank"),
    ("{foreign}", "gehört nicht zum Patenbüro"),
    ("{newer}", "neueren Patenbüro-Version"),
    ("{damaged}", "beschädigt"),
    ("frobnitz://server/db", "unbekannte Datenbankart"),
    ("mysql+nichtda://u@localhost/db", "unbekannte Datenbankart"),
    ("sqlite:///{folder}/fehlt/x.sqlite3", "existiert nicht"),
    ("{empty}/x.sqlite3", "existiert nicht"),
]


@pytest.fixture
def bad(demo_db, tmp_path):
    folder = tmp_path / "eingaben"
    folder.mkdir()
    files = {name: str(path) for name, path in _files(folder).items()}
    files.update(db=target_of(demo_db), out=str(tmp_path / "aus.pdf"))
    demo_db.dispose()
    return files


def _run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as leaving:  # argparse ends a wrong call this way
        return int(leaving.code or 0)


def _check(capsys, code: int, expected: int, word: str) -> str:
    err = capsys.readouterr().err
    assert code == expected, err
    lines = [line for line in err.splitlines() if line.strip()]
    # One line; a wrong call adds where help is, a refused import lists what is wrong.
    assert lines and (len(lines) == 1 or "Hilfe:" in lines[1] or "Import" in lines[0]), err
    assert lines[0].startswith("patenbuero"), err
    assert word in err, err
    for fragment in ENGLISH:
        assert fragment not in err, err
    assert "\x1b" not in err and "\u202e" not in err
    return err


def _case(arguments: str, expected: int, word: str):
    """Backup and restore of files refused with exit 1 are about SQLite files."""
    about_files = expected == 1 and arguments.startswith(("backup ", "restore "))
    marks = [pytest.mark.sqlite_only("backup and restore of a SQLite file")] if about_files else []
    return pytest.param(arguments, expected, word, id=arguments[:40], marks=marks)


@pytest.mark.parametrize(("arguments", "expected", "word"), [_case(*case) for case in CASES])
def test_bad_command_line_input(bad, demo_db, capsys, arguments, expected, word) -> None:
    before = content_digest(demo_db)
    argv = [part.format(**bad) for part in arguments.split(" ")]
    code = _run(["--db", bad["db"], *argv])
    _check(capsys, code, expected, word)
    assert content_digest(demo_db) == before
    assert not Path(bad["out"]).exists()


@pytest.mark.parametrize(("target", "word"), DB_TARGETS, ids=[t[0] for t in DB_TARGETS])
def test_bad_database_target(bad, capsys, target, word) -> None:
    path = target.format(**bad)
    before = {name: Path(p).read_bytes() for name, p in bad.items() if Path(p).is_file()}
    code = _run(["--db", path, "info"])
    _check(capsys, code, 1, word)
    after = {name: Path(p).read_bytes() for name, p in bad.items() if Path(p).is_file()}
    assert after == before
    assert HEAD_REVISION  # the revision every good database is brought to


# --- field values: the same checks behind every form, import and command ---------------

ESC, NUL, RLO, LRI = "\x1b[31m", "\x00", "\u202e", "\u2066"


def _ids(db) -> dict[str, int]:
    from sqlalchemy import select

    from patenbuero.db.models import Contact, Event, Inquiry, Organisation, Person

    with db.reading() as session:
        return {
            name: session.scalars(select(model.id).order_by(model.id)).first()
            for name, model in (
                ("event", Event),
                ("contact", Contact),
                ("inquiry", Inquiry),
                ("organisation", Organisation),
                ("person", Person),
            )
        }


def _person(db, ids, **changed):
    from patenbuero.services.registrations.persons import PersonInput
    from patenbuero.services.registrations.use_cases import register_person

    values = {"first_name": "Anna", "last_name": "Schmidt", "email": "anna.neu@example.org"}
    register_person(db, ids["event"], PersonInput(**{**values, **changed}), allow_late=True)


def _subject(db, ids, **changed):
    from patenbuero.services.privacy.editing import PersonFields, update_subject
    from patenbuero.services.privacy.refs import SubjectRef

    fields = PersonFields(**{"first_name": "Anna", "last_name": "Schmidt", **changed})
    update_subject(db, SubjectRef("person", ids["person"]), fields)


def _event(db, ids, agenda=None, **changed):
    from dataclasses import replace

    from patenbuero.services.plan.agenda import AgendaInput
    from patenbuero.services.plan.events import get_event_for_editing, update_event

    stored = get_event_for_editing(db, ids["event"])
    items = [AgendaInput(**item) for item in agenda] if agenda else list(stored.agenda)
    update_event(db, ids["event"], replace(stored.data, **changed), agenda_items=items)


def _task(db, ids, title):
    from patenbuero.services.plan.tasks import TaskInput, add_task

    add_task(db, TaskInput(ids["event"], title))


def _inquiry(db, ids, **changed):
    import datetime as dt

    from patenbuero.services.inquiries.use_cases import InquiryInput, save_inquiry

    values = {"name": "Anna Schmidt", "received_on": dt.date(2026, 11, 2)}
    save_inquiry(db, None, InquiryInput(**{**values, **changed}))


def _contact(db, ids, **changed):
    from patenbuero.services.projects.contacts import ContactInput, save_contact

    save_contact(
        db, None, ContactInput(**{"last_name": "Schmidt", "partner_name": "Stadt Halle", **changed})
    )


def _organisation(db, ids, **changed):
    from patenbuero.services.projects.organisations import OrganisationInput, save_organisation

    save_organisation(db, None, OrganisationInput(**{"name": "Neuer Träger e. V.", **changed}))


def _texts(db, ids, **changed):
    from dataclasses import replace

    from patenbuero.services.core.network_texts import load_texts, save_texts

    save_texts(db, replace(load_texts(db), **changed))


# (id, call, words the one German line must contain)
FIELD_CASES = [
    ("person first name NUL", lambda db, i: _person(db, i, first_name=f"An{NUL}na"), "Vorname"),
    ("person last name ESC", lambda db, i: _person(db, i, last_name=f"{ESC}Rot"), "Nachname"),
    ("person last name RLO", lambda db, i: _person(db, i, last_name=f"{RLO}tdimhcS"), "U+202E"),
    ("person name 101", lambda db, i: _person(db, i, last_name="x" * 101), "höchstens 100"),
    ("person name 100k", lambda db, i: _person(db, i, last_name="x" * 100_000), "Nachname"),
    ("person organisation 201", lambda db, i: _person(db, i, organisation="o" * 201), "200"),
    ("person remarks LRI", lambda db, i: _person(db, i, remarks=f"a{LRI}b"), "Bemerkungen"),
    ("person e-mail ESC", lambda db, i: _person(db, i, email=f"{ESC}a@example.org"), "E-Mail"),
    ("person phone 51", lambda db, i: _person(db, i, phone="0" * 51), "Telefonnummer"),
    ("subject first name NUL", lambda db, i: _subject(db, i, first_name=f"A{NUL}"), "Vorname"),
    ("subject remarks 10001", lambda db, i: _subject(db, i, remarks="r" * 10_001), "10000"),
    ("event title ESC", lambda db, i: _event(db, i, title=f"{ESC}Fachtag"), "Titel"),
    ("event title 201", lambda db, i: _event(db, i, title="T" * 201), "höchstens 200"),
    ("event place NUL", lambda db, i: _event(db, i, location=f"Markt{NUL}platz"), "Ort"),
    ("event place RLO", lambda db, i: _event(db, i, location=f"{RLO}tkraM"), "Ort"),
    ("event speaker 201", lambda db, i: _event(db, i, speaker="s" * 201), "Referent:in"),
    ("event description NUL", lambda db, i: _event(db, i, description=f"a{NUL}"), "Beschreibung"),
    ("event link 501", lambda db, i: _event(db, i, online_url="https://" + "x" * 500), "500"),
    (
        "agenda title ESC",
        lambda db, i: _event(db, i, [{"title": f"{ESC}Begrüßung", "duration_minutes": 10}]),
        "Tagesordnungspunkt 1",
    ),
    (
        "agenda title 301",
        lambda db, i: _event(db, i, [{"title": "B" * 301, "duration_minutes": 10}]),
        "höchstens 300",
    ),
    (
        "agenda speaker RLO",
        lambda db, i: _event(
            db, i, [{"title": "Begrüßung", "duration_minutes": 5, "speaker": f"{RLO}x"}]
        ),
        "Referent:in",
    ),
    ("task title NUL", lambda db, i: _task(db, i, f"Flyer{NUL}"), "Aufgabe"),
    ("inquiry name ESC", lambda db, i: _inquiry(db, i, name=f"{ESC}Anna"), "Name"),
    ("inquiry name 201", lambda db, i: _inquiry(db, i, name="n" * 201), "höchstens 200"),
    ("inquiry message NUL", lambda db, i: _inquiry(db, i, message=f"Hallo{NUL}"), "Nachricht"),
    ("inquiry notes 10001", lambda db, i: _inquiry(db, i, notes="n" * 10_001), "Notizen"),
    ("contact last name RLO", lambda db, i: _contact(db, i, last_name=f"{RLO}x"), "Nachname"),
    ("contact role 101", lambda db, i: _contact(db, i, role="r" * 101), "Funktion"),
    ("contact partner ESC", lambda db, i: _contact(db, i, partner_name=f"{ESC}Stadt"), "Partner"),
    ("contact notes NUL", lambda db, i: _contact(db, i, notes=f"a{NUL}"), "Notizen"),
    ("Träger name NUL", lambda db, i: _organisation(db, i, name=f"Verein{NUL}"), "Name"),
    ("Träger name 201", lambda db, i: _organisation(db, i, name="V" * 201), "höchstens 200"),
    ("Träger address RLO", lambda db, i: _organisation(db, i, address=f"{RLO}x"), "Adresse"),
    ("Träger website 301", lambda db, i: _organisation(db, i, website="w" * 301), "Website"),
    ("network name ESC", lambda db, i: _texts(db, i, network_name=f"{ESC}Netz"), "Netzwerks"),
    ("opening hours NUL", lambda db, i: _texts(db, i, opening_hours=f"Mo{NUL}"), "Sprechzeiten"),
]


@pytest.mark.parametrize(
    ("call", "word"), [c[1:] for c in FIELD_CASES], ids=[c[0] for c in FIELD_CASES]
)
def test_bad_field_value(demo_db, call, word) -> None:
    from patenbuero.errors import UserError

    ids = _ids(demo_db)
    before = content_digest(demo_db)
    with pytest.raises(UserError) as refused:
        call(demo_db, ids)
    message = str(refused.value)
    assert "\n" not in message and word in message, message
    for fragment in ENGLISH:
        assert fragment not in message, message
    for raw in ("\x00", "\x1b", "\u202e", "\u2066"):
        assert raw not in message
    assert content_digest(demo_db) == before


def test_command_line_never_prints_raw_control_characters(demo_db, capsys) -> None:
    """Old data with escape codes (stored before the checks) is shown escaped."""
    from sqlalchemy import select, update

    from patenbuero.db.models import Person

    with demo_db.unit_of_work() as session:
        person_id = session.scalars(select(Person.id).order_by(Person.id)).first()
        session.execute(
            update(Person)
            .where(Person.id == person_id)
            .values(last_name=f"{ESC}Rot{RLO}", organisation=f"Verein{LRI}")
        )
    path = target_of(demo_db)
    demo_db.dispose()
    for argv in (["persons", "show", f"P{person_id}"], ["persons", "list", "--search", "Rot"]):
        assert _run(["--db", path, *argv]) == 0
        out = capsys.readouterr()
        assert "\\x1b[31mRot" in out.out, out.out
        for raw in ("\x1b", "\u202e", "\u2066"):
            assert raw not in out.out + out.err
