"""`patenbuero persons …` and `patenbuero privacy …` on the demo data."""

import json
import os
import stat

import pytest

from patenbuero.launcher import main
from tests.helpers.databases import target_of


def test_persons_list_show_report_erase_and_log(demo_db, tmp_path, capsys, monkeypatch) -> None:
    db = target_of(demo_db)
    demo_db.dispose()
    assert main(["--db", db, "persons", "list", "--search", "thiele", "--format", "csv"]) == 0
    csv = capsys.readouterr().out
    assert csv.startswith("\ufeffID;Vorname;Nachname;E-Mail;")
    row = next(line for line in csv.splitlines() if "Thiele" in line)
    ref = row.split(";")[0].lstrip("\ufeff")
    assert main(["--db", db, "persons", "show", ref]) == 0
    assert "Thiele" in capsys.readouterr().out

    target = tmp_path / "auskunft.json"
    assert main(["--db", db, "privacy", "report", "--person", ref, "-o", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["person"]["nachname"].endswith("Thiele") or "Thiele" in data["person"]["vorname"]
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    pdf = tmp_path / "auskunft.pdf"
    assert main(["--db", db, "privacy", "report", "--person", ref, "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")

    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    assert main(["--db", db, "privacy", "erase", "--person", ref]) == 1
    capsys.readouterr()
    assert main(["--db", db, "privacy", "erase", "--person", ref, "--yes"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "persons", "list", "--search", "thiele"]) == 0
    assert ref not in capsys.readouterr().out.split()
    assert main(["--db", db, "privacy", "log"]) == 0
    log = capsys.readouterr().out
    assert ref in log and "Thiele" not in log
    assert main(["--db", db, "privacy", "purge", "--dry-run"]) == 0
    assert "fällig" in capsys.readouterr().out


def test_bad_person_id_is_one_german_line(demo_db, capsys) -> None:
    db = target_of(demo_db)
    demo_db.dispose()
    assert main(["--db", db, "persons", "show", "Müller"]) == 1
    assert "keine Personennummer" in capsys.readouterr().err
    assert main(["--db", db, "persons", "show", "P999999"]) == 1
    with pytest.raises(SystemExit) as exit_code:
        main(["--db", db, "privacy", "erase"])
    assert exit_code.value.code == 2
