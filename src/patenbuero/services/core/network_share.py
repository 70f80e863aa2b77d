"""A live SQLite file must not lie on a network share: SQLite's locks do not hold there.

Windows: UNC paths (\\\\server\\share) and mapped network drives; Linux: NFS, SMB/CIFS and
similar mounts, found in /proc/mounts. Backups may go to a network drive; only the live
database may not.
"""

from __future__ import annotations

import os
from pathlib import Path, PureWindowsPath

from patenbuero.errors import DatabaseOpenError

NETWORK_FILE_SYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "9p",
    "fuse.sshfs",
    "fuse.rclone",
    "davfs",
    "fuse.davfs2",
    "glusterfs",
    "ceph",
}
MOUNTS_FILE = Path("/proc/mounts")


def network_kind(path: Path, mounts: str | None = None) -> str | None:
    """The kind of network share ``path`` lies on, or None for a local disk."""
    text = str(path)
    if text.startswith("\\\\") or PureWindowsPath(text).drive.startswith("\\\\"):
        return "UNC-Pfad"
    if os.name == "nt":  # pragma: no cover - Windows
        return _windows_drive_kind(path)
    if mounts is None:
        try:
            mounts = MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best, kind = "", None
    resolved = str(path.absolute())
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, kind = mount_point, parts[2]
    return kind if kind in NETWORK_FILE_SYSTEMS else None


def _windows_drive_kind(path: Path) -> str | None:  # pragma: no cover - Windows
    import ctypes

    drive = PureWindowsPath(str(path.resolve())).drive
    if not drive:
        return None
    remote = 4  # DRIVE_REMOTE
    if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == remote:  # type: ignore[attr-defined]
        return "Netzlaufwerk"
    return None


def refuse_network_share(path: Path, mounts: str | None = None) -> None:
    kind = network_kind(path, mounts)
    if kind is not None:
        raise DatabaseOpenError(
            f"Die Datenbank {path} liegt auf einem Netzlaufwerk ({kind}). Eine SQLite-Datei "
            "darf dort nicht von mehreren PCs benutzt werden – Daten könnten verloren gehen. "
            "Für mehrere Arbeitsplätze richten Sie bitte PostgreSQL ein (siehe Anleitung, "
            "Abschnitt „Mehrere Arbeitsplätze“); Sicherungen dürfen auf dem Netzlaufwerk liegen."
        )
