"""Kill a backup or a restore midway, again and again: never an invalid file under a final name.

And a full disk (a 2 MB tmpfs) ends in one German line with no file under the final name.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from patenbuero.db import migrate
from patenbuero.db.backup import check_database_file
from patenbuero.errors import UserError
from patenbuero.services.core.backup import NAME_PATTERN, backup_database
from tests.helpers.databases import target_of

ROUNDS = 25

BACKUP_LOOP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from patenbuero.services.core.database import open_database
    from patenbuero.services.core.backup import backup_database
    db = open_database(sys.argv[1])
    print("bereit", flush=True)
    while True:
        backup_database(db, Path(sys.argv[2]))
    """
)

RESTORE_LOOP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from patenbuero.services.core.database import open_database
    from patenbuero.services.core.restore import restore_backup
    db = open_database(sys.argv[1])
    print("bereit", flush=True)
    n = 0
    while True:
        restore_backup(db, Path(sys.argv[2 + n % 2]))
        n += 1
    """
)


def _kill_after(script: str, args: list[str], delay: float) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert process.stdout is not None
    process.stdout.readline()
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.mark.sqlite_only("backup and restore of a SQLite file")
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL gibt es nur auf POSIX")
def test_killed_backups_never_leave_an_invalid_file_under_a_final_name(demo_db, tmp_path) -> None:
    folder = tmp_path / "ziel"
    folder.mkdir()
    rng = random.Random(12)
    for _ in range(ROUNDS):
        _kill_after(BACKUP_LOOP, [str(demo_db.location.path), str(folder)], rng.uniform(0, 0.15))
    finals = [path for path in folder.iterdir() if NAME_PATTERN.match(path.name)]
    leftovers = [path for path in folder.iterdir() if path.name.endswith(".unfertig")]
    assert finals, "no backup finished at all: the test would prove nothing"
    assert leftovers, "no kill landed midway: the test would prove nothing"
    for path in finals:
        facts = check_database_file(path, migrate.KNOWN_REVISIONS)
        assert facts.counts["member_project"] >= 30


@pytest.mark.sqlite_only("backup and restore of a SQLite file")
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL gibt es nur auf POSIX")
def test_killed_restores_leave_the_old_or_the_new_database(demo_db, tmp_path) -> None:
    full = backup_database(demo_db, tmp_path / "voll.sqlite3").path
    with demo_db.unit_of_work() as session:
        session.connection().exec_driver_sql("DELETE FROM forwarding")
        session.connection().exec_driver_sql("DELETE FROM inquiry")
    empty_inquiries = backup_database(demo_db, tmp_path / "ohne-anfragen.sqlite3").path
    demo_db.dispose()
    live = demo_db.location.path
    rng = random.Random(7)
    inquiries = set()
    for _ in range(ROUNDS // 2):
        _kill_after(RESTORE_LOOP, [str(live), str(full), str(empty_inquiries)], rng.uniform(0, 0.3))
        with sqlite3.connect(live) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            inquiries.add(connection.execute("SELECT count(*) FROM inquiry").fetchone()[0])
        connection.close()
    assert inquiries <= {0, check_database_file(full, migrate.KNOWN_REVISIONS).counts["inquiry"]}


@pytest.fixture
def small_disk(tmp_path: Path):
    mount_point = tmp_path / "klein"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("Ein kleines tmpfs einzuhängen braucht Root-Rechte")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("tmpfs lässt sich hier nicht einhängen (Container ohne CAP_SYS_ADMIN)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.mark.sqlite_only("backup and restore of a SQLite file")
def test_full_disk_gives_one_german_line_and_no_file(demo_db, small_disk) -> None:
    (small_disk / "ballast").write_bytes(b"\0" * (2 * 1024 * 1024 - 300 * 1024))
    with pytest.raises(UserError) as raised:
        backup_database(demo_db, small_disk)
    message = str(raised.value)
    assert "kein Platz" in message and "\n" not in message, message
    assert sorted(path.name for path in small_disk.iterdir()) == ["ballast"]


def test_export_to_a_full_disk_leaves_no_truncated_file(demo_db, small_disk, capsys) -> None:
    from patenbuero.launcher import main

    (small_disk / "ballast").write_bytes(b"\0" * (2 * 1024 * 1024 - 8 * 1024))
    code = main(
        [
            "--db",
            target_of(demo_db),
            "export",
            "projects",
            "--format",
            "xlsx",
            "-o",
            str(small_disk / "liste.xlsx"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and "kein Platz" in err and err.count("\n") == 1, err
    assert sorted(path.name for path in small_disk.iterdir()) == ["ballast"]
