"""`patenbuero import undo --list` and `patenbuero import undo NR [--yes]`."""

import contextlib

from patenbuero.launcher import main
from patenbuero.services.registrations.use_cases import list_registrations
from tests.helpers.databases import target_of
from tests.helpers.import_journal import clean_sample
from tests.helpers.persons import add_event


def test_list_undo_with_question_and_twice_refused(db, tmp_path, capsys, monkeypatch) -> None:
    base = ["--db", target_of(db)]
    event_id = add_event(db, capacity=5)
    path = clean_sample(tmp_path)
    imported = main([*base, "registrations", "import", "--event", str(event_id), str(path)])
    assert imported == 0
    capsys.readouterr()
    assert main([*base, "import", "undo", "--list"]) == 0
    listed = capsys.readouterr().out
    assert listed.startswith("1\t")
    assert "\tAnmeldungen\tFachtag Patenschaften (17.09.2026)\tanmeldungen.csv\t" in listed
    assert "9 Anmeldungen neu, 9 Personen neu\tkann rückgängig gemacht werden" in listed

    monkeypatch.setattr("builtins.input", lambda _question: "n")
    assert main([*base, "import", "undo", "1"]) == 1
    assert "Nichts geändert." in capsys.readouterr().err
    assert len(list_registrations(db, event_id)) == 9

    monkeypatch.setattr("builtins.input", lambda _question: "j")
    assert main([*base, "import", "undo", "1"]) == 0
    assert "Der Import ist rückgängig gemacht: entfernt 9 Anmeldungen" in capsys.readouterr().out
    assert list_registrations(db, event_id) == []

    assert main([*base, "import", "undo", "1", "--yes"]) == 1
    assert "wurde schon am" in capsys.readouterr().err
    assert main([*base, "import", "undo", "7", "--yes"]) == 1
    assert "keinen Import mit der Nummer 7" in capsys.readouterr().err
    assert main([*base, "import", "undo"]) == 1
    assert "--list" in capsys.readouterr().err


def test_help_is_german(capsys) -> None:
    with contextlib.suppress(SystemExit):
        main(["import", "undo", "--help"])
    out = capsys.readouterr().out
    assert "früheren Importe auflisten" in out and "ohne Rückfrage" in out
