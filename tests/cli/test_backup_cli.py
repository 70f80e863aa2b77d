"""The backup command."""

from patenbuero.launcher import main


def test_backup_command(demo_db, tmp_path, capsys) -> None:
    target = tmp_path / "sicherung.sqlite3"
    assert main(["--db", str(demo_db.location.path), "backup", "-o", str(target)]) == 0
    assert "Gesichert" in capsys.readouterr().out and target.stat().st_size > 10000
    code = main(["--db", str(demo_db.location.path), "backup", "-o", str(tmp_path / "x" / "y")])
    assert code == 1
