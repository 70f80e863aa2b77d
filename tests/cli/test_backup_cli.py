"""`patenbuero backup`, `backup list` and `restore` from the command line."""

import io
import sqlite3

import pytest

from patenbuero.launcher import main

pytestmark = pytest.mark.sqlite_only("backup and restore of a SQLite file")


def _run(db, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db.location.path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_backup_command(demo_db, tmp_path, capsys) -> None:
    target = tmp_path / "sicherung.sqlite3"
    code, out, _ = _run(demo_db, capsys, "backup", "-o", str(target))
    assert code == 0 and "Gesichert und geprüft" in out and target.stat().st_size > 10000
    code, _, err = _run(demo_db, capsys, "backup", "-o", str(tmp_path / "x" / "y"))
    assert code == 1 and err.startswith("patenbuero: Der Ordner") and err.count("\n") == 1


def test_backup_into_a_missing_folder_fails_and_writes_nothing(demo_db, tmp_path, capsys) -> None:
    code, out, err = _run(demo_db, capsys, "backup", "-o", f"{tmp_path}/fehlt/")
    assert code == 1 and out == "" and "existiert nicht" in err
    assert not (tmp_path / "fehlt").exists()


def test_backup_refuses_to_overwrite_another_database(demo_db, db, capsys) -> None:
    before = db.location.path.read_bytes()
    code, _, err = _run(demo_db, capsys, "backup", "-o", str(db.location.path))
    assert code == 1 and "nicht überschrieben" in err
    assert db.location.path.read_bytes() == before


def test_backup_default_folder_and_list(demo_db, capsys) -> None:
    assert _run(demo_db, capsys, "backup")[0] == 0
    assert _run(demo_db, capsys, "backup")[0] == 0
    code, out, _ = _run(demo_db, capsys, "backup", "list")
    assert code == 0
    assert "Sicherungsordner:" in out and "Veranstaltungen" in out
    assert out.count("Patenbuero-Sicherung_") == 2


def test_restore_with_yes_and_refusals(demo_db, tmp_path, capsys, monkeypatch) -> None:
    backup = tmp_path / "b.sqlite3"
    _run(demo_db, capsys, "backup", "-o", str(backup))
    with sqlite3.connect(demo_db.location.path) as connection:
        connection.execute("DELETE FROM forwarding")
        connection.execute("DELETE FROM inquiry")
    connection.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = _run(demo_db, capsys, "restore", str(backup))
    assert code == 1 and "keine Antwort" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert _run(demo_db, capsys, "restore", str(backup))[0] == 1
    junk = tmp_path / "kaputt.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    code, _, err = _run(demo_db, capsys, "restore", str(junk), "--yes")
    assert code == 1 and "nicht verändert" in err and err.count("\n") == 1
    code, out, _ = _run(demo_db, capsys, "restore", str(backup), "--yes")
    assert code == 0 and "Wiederhergestellt" in out and "bisherige Stand" in out
    with sqlite3.connect(demo_db.location.path) as connection:
        assert connection.execute("SELECT count(*) FROM inquiry").fetchone()[0] > 0
    connection.close()


def test_restore_replaces_a_damaged_database(demo_db, tmp_path, capsys) -> None:
    backup = tmp_path / "b.sqlite3"
    _run(demo_db, capsys, "backup", "-o", str(backup))
    demo_db.dispose()
    path = demo_db.location.path
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 6] = b"\x00\x13" * (4096 * 5 // 2)
    path.write_bytes(bytes(data))
    code, _, err = _run(demo_db, capsys, "info")
    assert code == 1 and "beschädigt" in err
    code, out, _ = _run(demo_db, capsys, "restore", str(backup), "--yes")
    assert code == 0 and "beschädigte Datenbank liegt jetzt unter" in out
    assert list(path.parent.glob("demo_beschaedigt_*.sqlite3"))
    assert _run(demo_db, capsys, "info")[0] == 0
