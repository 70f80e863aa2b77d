"""Settings of this PC (not of the database): where the backups go.

They live in a small JSON file in the user's configuration folder, so the command line
and the window read the same value, and it is there even when the database is damaged
and a backup has to be found.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from patenbuero.db.location import APP_AUTHOR, APP_NAME, DatabaseLocation
from patenbuero.errors import UserError
from patenbuero.failure_text import reason

CONFIG_ENV_VARIABLE = "PATENBUERO_CONFIG_DIR"
FILE_NAME = "arbeitsplatz.json"
BACKUP_FOLDER_KEY = "backup_folder"
DEFAULT_BACKUP_SUBFOLDER = "Sicherungen"


def config_dir() -> Path:
    configured = os.environ.get(CONFIG_ENV_VARIABLE)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR, roaming=True))


def _load() -> dict[str, str]:
    try:
        data = json.loads((config_dir() / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(key): str(value) for key, value in data.items()} if isinstance(data, dict) else {}


def configured_backup_folder() -> Path | None:
    value = _load().get(BACKUP_FOLDER_KEY, "").strip()
    return Path(value) if value else None


def default_backup_folder(location: DatabaseLocation) -> Path:
    """Beside the database file, in the folder "Sicherungen"."""
    if location.path is None:
        return config_dir() / DEFAULT_BACKUP_SUBFOLDER
    return location.path.parent / DEFAULT_BACKUP_SUBFOLDER


def backup_folder(location: DatabaseLocation) -> Path:
    return configured_backup_folder() or default_backup_folder(location)


def set_backup_folder(folder: Path | None) -> None:
    """Remember the backup folder of this PC; None goes back to the default."""
    if folder is not None and not folder.is_dir():
        raise UserError(f"Der Sicherungsordner {folder} existiert nicht.", field="backup_folder")
    data = _load()
    if folder is None:
        data.pop(BACKUP_FOLDER_KEY, None)
    else:
        data[BACKUP_FOLDER_KEY] = str(folder.resolve())
    target = config_dir() / FILE_NAME
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".neu")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as error:
        raise UserError(
            f"Die Einstellung kann nicht gespeichert werden: {reason(error)}"
        ) from error
