"""One app per SQLite file; a crash's lock is taken over; network shares are refused."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from patenbuero.errors import DatabaseOpenError
from patenbuero.services.core.instance_lock import AlreadyRunning, acquire, lock_path
from patenbuero.services.core.network_share import network_kind, refuse_network_share

pytestmark = pytest.mark.sqlite_only("the lock file and network-share check of a SQLite file")

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw,relatime 0 0
//nas/buero /mnt/buero cifs rw,relatime 0 0
//nas/buero /mnt/buero/lokal ext4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


def test_second_start_is_refused_while_the_first_runs(tmp_path: Path) -> None:
    database = tmp_path / "buero.sqlite3"
    first = acquire(database)
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock_path(database).write_text(
            json.dumps({"pid": holder.pid, "host": socket.gethostname(), "started": "heute"})
        )
        with pytest.raises(AlreadyRunning, match="läuft auf diesem PC schon") as raised:
            acquire(database)
        assert raised.value.pid == holder.pid
    finally:
        holder.kill()
        holder.wait()
    # the holder is gone now: its lock is stale and taken over
    second = acquire(database)
    assert json.loads(lock_path(database).read_text())["pid"] == os.getpid()
    second.release()
    first.release()
    assert not lock_path(database).exists()


def test_a_lock_from_another_pc_counts_as_running(tmp_path: Path) -> None:
    database = tmp_path / "buero.sqlite3"
    lock_path(database).write_text(json.dumps({"pid": 4242, "host": "anderer-pc"}))
    with pytest.raises(AlreadyRunning):
        acquire(database)


def test_a_garbled_lock_file_is_taken_over(tmp_path: Path) -> None:
    database = tmp_path / "buero.sqlite3"
    lock_path(database).write_text("kaputt")
    acquire(database).release()


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/nfs/patenbuero.sqlite3", "nfs4"),
        ("/mnt/buero/daten/patenbuero.sqlite3", "cifs"),
        ("/mnt/buero/lokal/patenbuero.sqlite3", None),
        ("/home/buero/patenbuero.sqlite3", None),
        ("/tmp/x.sqlite3", None),
        ("\\\\nas\\buero\\patenbuero.sqlite3", "UNC-Pfad"),
    ],
)
def test_network_shares_are_recognised(path: str, kind: str | None) -> None:
    assert network_kind(Path(path), MOUNTS) == kind


def test_live_database_on_a_share_is_refused_with_a_pointer_to_postgresql() -> None:
    with pytest.raises(DatabaseOpenError, match="PostgreSQL") as raised:
        refuse_network_share(Path("/mnt/nfs/patenbuero.sqlite3"), MOUNTS)
    assert "Netzlaufwerk" in str(raised.value)
