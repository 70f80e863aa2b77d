"""The command line checks ranges with one German line and speaks German in its help."""

from pathlib import Path

import pytest

from patenbuero.launcher import main

ENGLISH = ("show program", "usage:", "positional arguments", "options:", "and exit")


@pytest.mark.parametrize("start_at", ["0", "11", "-3"])
def test_start_at_outside_the_sheet_is_refused_in_german(
    tmp_path: Path, capsys, start_at: str
) -> None:
    db = tmp_path / "neu.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    target = tmp_path / "schilder.pdf"
    command = ["pdf", "namensschilder", "--event", "1", "--start-at", start_at]
    code = main(["--db", str(db), *command, "-o", str(target)])
    error = capsys.readouterr().err
    assert code == 1
    assert "--start-at muss zwischen 1 und 10 liegen" in error
    assert "unerwartet" not in error
    assert not target.exists()


def test_start_at_on_the_last_label_works(tmp_path: Path, capsys) -> None:
    db = tmp_path / "neu.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    target = tmp_path / "schilder.pdf"
    command = ["pdf", "namensschilder", "--event", "1", "--start-at", "10"]
    assert main(["--db", str(db), *command, "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "command", [[], ["plan"], ["plan", "list"], ["pdf"], ["import"], ["export"], ["inquiries"]]
)
def test_every_help_text_is_german(capsys, command: list[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([*command, "--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    assert "Aufruf:" in text
    assert not [word for word in ENGLISH if word in text], text
    if not command:
        assert "--version           Programmversion zeigen und beenden" in text
