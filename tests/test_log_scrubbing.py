"""The log holds no personal data, and files with personal data are the user's only."""

import logging
import os
import stat

import pytest

from patenbuero import app_logging
from patenbuero.services.core.database import open_database
from patenbuero.services.registrations import use_cases
from patenbuero.services.registrations.persons import PersonInput
from tests.helpers.persons import add_event


def test_unexpected_error_during_registration_leaves_no_name_in_the_log(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(app_logging, "log_dir", lambda: tmp_path / "log")
    root = logging.getLogger()
    handlers = list(root.handlers)
    for handler in handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
    path = app_logging.setup_logging()
    assert path is not None
    db = open_database(str(tmp_path / "db.sqlite3"))
    event_id = add_event(db)

    def broken_book(session, event, person, now, remarks, source):
        raise RuntimeError(f"kaputt bei {person.first_name} {person.last_name} <{person.email}>")

    monkeypatch.setattr(use_cases.booking, "book", broken_book)
    try:
        with pytest.raises(RuntimeError):
            use_cases.register_person(
                db,
                event_id,
                PersonInput("Dörte", "Schwanitz-Ölmez", "doerte@example.org", "0345 1234567"),
            )
        try:
            use_cases.register_person(
                db, event_id, PersonInput("Dörte", "Schwanitz-Ölmez", "doerte@example.org")
            )
        except RuntimeError:
            logging.getLogger("patenbuero.crash").error("Unerwarteter Fehler", exc_info=True)
        try:  # an SQL error carries no values either
            with db.unit_of_work() as session:
                session.execute(
                    __import__("sqlalchemy").text("INSERT INTO person (last_name) VALUES (:n)"),
                    {"n": "Schwanitz-Ölmez doerte@example.org"},
                )
        except Exception:
            logging.getLogger("patenbuero.crash").error("Unerwarteter Fehler", exc_info=True)
        logging.getLogger("x").warning("Adresse doerte@example.org, Telefon 0345 1234567")
    finally:
        for handler in list(root.handlers):
            if isinstance(handler, logging.handlers.RotatingFileHandler):
                handler.close()
                root.removeHandler(handler)
        for handler in handlers:
            if handler not in root.handlers:
                root.addHandler(handler)
        db.dispose()
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "IntegrityError" in text
    for secret in ("Dörte", "Schwanitz", "doerte@example.org", "1234567"):
        assert secret not in text
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.sqlite_only("file modes of the SQLite file and its backups")
@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_database_and_backups_are_the_users_only(tmp_path) -> None:
    from patenbuero.services.core.backup import backup_database

    db = open_database(str(tmp_path / "neu.sqlite3"))
    add_event(db)
    target = backup_database(db, tmp_path).path
    for path in (db.location.path, target, tmp_path / "neu.sqlite3-wal"):
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    db.dispose()
