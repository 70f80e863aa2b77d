"""Where the database lives: a file path, a SQLAlchemy URL, or the default file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from patenbuero.errors import DatabaseOpenError
from patenbuero.private_files import make_private_folder

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

ENV_VARIABLE = "PATENBUERO_DB"
APP_NAME = "Patenbuero"
APP_AUTHOR = "Freiwilligen-Agentur Halle"
DEFAULT_FILE_NAME = "patenbuero.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class DatabaseLocation:
    server: URL | None  # the address given, for a database server (or SQLite in memory)
    path: Path | None  # the file, for SQLite databases on disk
    read_only: bool = False  # a SQLite file this user may read but not change

    @property
    def url(self) -> URL:
        """The SQLAlchemy URL; for a file built when first needed, so a start that only
        checks the file's schema version does not import SQLAlchemy before the window."""
        if self.server is not None or self.path is None:
            assert self.server is not None, "a location is a server address or a file"
            return self.server
        from sqlalchemy.engine import URL

        if self.read_only:
            # Opened through SQLite's read-only mode: nothing, not even a journal, is written.
            return URL.create(
                "sqlite", database=f"{self.path.as_uri()}?mode=ro", query={"uri": "true"}
            )
        return URL.create("sqlite", database=str(self.path))

    @property
    def display(self) -> str:
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None or self.url.get_backend_name() == "sqlite"


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=True))


def resolve(target: str | None = None) -> DatabaseLocation:
    """Turn ``--db``, ``PATENBUERO_DB`` or the default into a checked location.

    Raises DatabaseOpenError with a German message when the target cannot be a
    database; nothing on disk is changed except creating the default data folder.
    """
    target = target or os.environ.get(ENV_VARIABLE) or None
    if target is None:
        folder = default_data_dir()
        try:
            make_private_folder(folder)
        except OSError as error:
            raise DatabaseOpenError(
                f"Der Datenordner {folder} kann nicht angelegt werden ({error.strerror})."
            ) from error
        return _checked_file(folder / DEFAULT_FILE_NAME)
    if "://" in target:
        from sqlalchemy.engine import make_url

        try:
            url = make_url(target)
        except Exception as error:
            raise DatabaseOpenError(f"Die Datenbank-Adresse „{target}“ ist ungültig.") from error
        try:
            url.get_dialect()
        except Exception as error:
            raise DatabaseOpenError(
                f"Die Datenbank-Adresse „{url.render_as_string(hide_password=True)}“ nennt eine "
                f"unbekannte Datenbankart ({url.drivername}); möglich sind sqlite:///DATEI und "
                'postgresql+psycopg://… (dafür: pip install "patenbuero[postgres]").'
            ) from error
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return _checked_file(Path(url.database or ""))
        return DatabaseLocation(server=url, path=None)
    return _checked_file(Path(target).expanduser())


def _checked_file(path: Path) -> DatabaseLocation:
    path = path.resolve()
    if path.is_dir():
        raise DatabaseOpenError(f"{path} ist ein Ordner, keine Datenbankdatei.")
    if not path.parent.is_dir():
        raise DatabaseOpenError(f"Der Ordner {path.parent} existiert nicht.")
    read_only = False
    if path.exists():
        if not os.access(path, os.R_OK):
            raise DatabaseOpenError(f"Die Datenbankdatei {path} darf nicht gelesen werden.")
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:
            raise DatabaseOpenError(f"{path} ist keine Patenbüro-Datenbank (keine SQLite-Datei).")
        read_only = not os.access(path, os.W_OK)
    elif not os.access(path.parent, os.W_OK):
        raise DatabaseOpenError(f"Im Ordner {path.parent} darf keine Datei angelegt werden.")
    return DatabaseLocation(server=None, path=path, read_only=read_only)
