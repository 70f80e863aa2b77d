"""One Patenbüro per SQLite file on this PC: a lock file beside the database.

The file names the process (PID and host). A second start finds it, sees the process
is alive and stops; a lock left by a crash (its process is gone) is taken over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from patenbuero.errors import UserError
from patenbuero.failure_text import reason

LOCK_SUFFIX = ".lock"


class AlreadyRunning(UserError):
    """Another Patenbüro has this database open on this PC."""

    def __init__(self, message: str, pid: int) -> None:
        super().__init__(message)
        self.pid = pid


@dataclass
class InstanceLock:
    path: Path
    database: Path

    def release(self) -> None:
        with contextlib.suppress(OSError):
            if _read(self.path).get("pid") == os.getpid():
                self.path.unlink()


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


def acquire(database: Path) -> InstanceLock:
    """Take the lock for ``database``; AlreadyRunning when a live process holds it."""
    path = lock_path(database)
    for _attempt in range(3):
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            holder = _read(path)
            if _is_alive(holder):
                raise AlreadyRunning(
                    f"Das Patenbüro läuft auf diesem PC schon mit dieser Datenbank "
                    f"(Prozess {holder.get('pid')}, seit {holder.get('started', '?')}).",
                    int(str(holder.get("pid", 0))),
                ) from None
            # Left behind by a crash: take it over.
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            continue
        except OSError as error:
            raise UserError(
                f"Die Sperrdatei {path} lässt sich nicht anlegen: {reason(error)}"
            ) from error
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "started": f"{dt.datetime.now():%d.%m.%Y %H:%M}",
                },
                handle,
            )
        return InstanceLock(path, database)
    raise UserError(f"Die Sperrdatei {path} lässt sich nicht übernehmen.")


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _is_alive(holder: dict[str, object]) -> bool:
    pid = holder.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    if holder.get("host") != socket.gethostname():
        # Another PC: its process cannot be checked from here, so it counts as running.
        return True
    if pid == os.getpid():
        return False
    return _process_exists(pid)


def _process_exists(pid: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
