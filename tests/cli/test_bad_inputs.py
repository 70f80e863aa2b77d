"""A corpus of bad inputs from the command line: files, arguments, --db targets.

Each one ends in German lines on stderr (no traceback, no English fragment, no raw
control character), the documented exit status (2 wrong call, 1 refused), and a
database exactly as it was.
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
    return {
        "text": text,
        "empty": empty,
        "foreign": foreign,
        "newer": newer,
        "damaged": damaged,
        "binary": binary,
        "escape_csv": escape_csv,
        "dir_csv": folder / "ordner.csv",
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
