"""Where file dialogs start: the folder last used for that kind of file, else Documents.

Never the program's working directory (that may be a source or program folder).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

# Kinds of files, each with its own remembered folder.
BACKUP, PDF, EXPORT, IMPORT, CALENDAR, MAIL = (
    "backup",
    "pdf",
    "export",
    "import",
    "calendar",
    "mail",
)


def default_folder() -> Path:
    """The user's documents folder if it exists, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def start_folder(kind: str, fallback: Path | None = None) -> Path:
    saved = QSettings().value(f"folders/{kind}")
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    if fallback is not None and fallback.is_dir():
        return fallback
    return default_folder()


def start_path(kind: str, suggested: str = "", fallback: Path | None = None) -> str:
    """A full path for a file dialog: ``suggested`` (a file name) in the kind's folder."""
    if suggested and Path(suggested).is_absolute():
        return suggested
    folder = start_folder(kind, fallback)
    return str(folder / suggested) if suggested else str(folder)


def remember(kind: str, chosen: str) -> None:
    """Remember the folder of the file the user chose (nothing when cancelled)."""
    if chosen:
        QSettings().setValue(f"folders/{kind}", str(Path(chosen).parent))
