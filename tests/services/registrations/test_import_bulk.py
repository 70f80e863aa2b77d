"""The registration import written in bulk: first come first served, a few statements
for any number of rows, the ids of what it created, on SQLite and PostgreSQL."""

import datetime as dt
from functools import partial
from pathlib import Path

from sqlalchemy import event, select

from patenbuero.db.models import ConsentRecord, Person, Registration, RegistrationHistory
from patenbuero.services.core.database import open_database
from patenbuero.services.core.importing import apply_import, preview_import, read_import_file
from patenbuero.services.registrations.importing import RegistrationImporter
from patenbuero.services.registrations.use_cases import (
    cancel_registration,
    list_registrations,
    register_person,
)
from tests.helpers.persons import add_event, person

NOW = dt.datetime(2026, 8, 10, 12, 0)
HEADER = "Vorname;Nachname;E-Mail;Telefon;Fotos\n"


def import_file(db, event_id: int, path: Path, **options) -> RegistrationImporter:
    importer = RegistrationImporter(event_id, NOW, **options)
    table = read_import_file(path, importer.fields)
    shown = preview_import(db, importer, table)
    assert shown.errors == []
    apply_import(db, importer, table, shown.mapping)
    return importer


def rows_file(tmp_path: Path, count: int, prefix: str = "person") -> Path:
    """``count`` persons, every third with a phone number, every fourth with a photo
    consent, some without an e-mail address."""
    lines = [HEADER]
    for n in range(count):
        email = "" if n % 7 == 3 else f"{prefix}{n}@example.org"
        phone = f"0345 {1000000 + n % 5}" if n % 3 == 0 else ""
        photos = ("ja", "nein")[n % 2] if n % 4 == 0 else ""
        lines.append(f"Vorname{n};Nachname{n};{email};{phone};{photos}\n")
    path = tmp_path / f"{prefix}-{count}.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_an_import_that_overfills_the_event_fills_the_waitlist_in_file_order(db, tmp_path):
    event_id = add_event(db, capacity=3)
    register_person(db, event_id, person("Anna", "Alt", "anna@example.org"))
    path = tmp_path / "liste.csv"
    path.write_text(
        "Vorname;Nachname;E-Mail\n"
        "Berta;Brandt;berta@example.org\n"
        "Clara;Çelik;clara@example.org\n"
        "Dora;Dietz;\n"
        "Emil;Ernst;emil@example.org\n"
        "Dora;Dietz;\n"  # a second person of the same name, no address: registered too
        "Fritz;Fuchs;fritz@example.org\n",
        encoding="utf-8",
    )
    importer = import_file(db, event_id, path)
    rows = list_registrations(db, event_id)
    confirmed = [r.first_name for r in rows if r.status == "confirmed"]
    waiting = sorted((r for r in rows if r.status == "waitlisted"), key=lambda r: r.registered_at)
    assert sorted(confirmed) == ["Anna", "Berta", "Clara"]
    assert [(r.first_name, r.waitlist_position) for r in waiting] == [
        ("Dora", 1),
        ("Emil", 2),
        ("Dora", 3),
        ("Fritz", 4),
    ]
    assert len({r.person_id for r in rows}) == 7
    written = importer.written
    assert written is not None
    assert len(written.person_ids) == len(written.registration_ids) == 6
    imported = {r.id for r in rows if r.first_name != "Anna"}
    assert set(written.registration_ids) == imported
    with db.reading() as session:
        changes = session.execute(
            select(RegistrationHistory.registration_id, RegistrationHistory.change).where(
                RegistrationHistory.registration_id.in_(written.registration_ids)
            )
        ).all()
    by_id = dict(changes)
    assert [by_id[i] for i in written.registration_ids] == ["registered"] * 2 + ["waitlisted"] * 4


def test_known_persons_are_reused_and_cancelled_ones_rebooked(db, tmp_path):
    event_id = add_event(db, capacity=10)
    other = add_event(db, title="Vernetzungstreffen")
    register_person(db, other, person("Heike", "Kühn", "heike@example.org"))
    cancelled = register_person(db, event_id, person("Eva", "Schulze", "eva@example.org"))
    cancel_registration(db, cancelled.registration_id)
    path = tmp_path / "liste.csv"
    path.write_text(
        "Vorname;Nachname;E-Mail;Telefon\n"
        "Heike;Kühn;HEIKE@example.org;0345 1234567\n"
        "Eva;Schulze;eva@example.org;\n"
        "Max;Neu;max@example.org;\n",
        encoding="utf-8",
    )
    importer = import_file(db, event_id, path, rebook_cancelled=True)
    rows = {r.last_name: r for r in list_registrations(db, event_id)}
    assert {name: r.status for name, r in rows.items()} == {
        "Kühn": "confirmed",
        "Schulze": "confirmed",
        "Neu": "confirmed",
    }
    assert rows["Schulze"].id == cancelled.registration_id
    assert importer.written is not None
    assert importer.written.reactivated_ids == (cancelled.registration_id,)
    assert len(importer.written.person_ids) == 1  # only Max is new
    with db.reading() as session:
        heike = session.scalars(select(Person).where(Person.email_key == "heike@example.org"))
        assert heike.one().phone == "0345 1234567"  # a gap filled, the person kept
        assert session.query(Person).count() == 3


def count_statements(db, action) -> int:
    statements: list[str] = []

    def remember(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    return len(statements)


def test_statements_of_an_import_do_not_grow_with_its_rows(db, tmp_path):
    """30 or 300 rows (new and known persons, one already registered, phones, consents,
    a waitlist): the same number of SQL statements, because the rows are analysed once
    and written together."""
    counts = []
    for size in (30, 300):
        prefix = f"p{size}-"
        event_id = add_event(db, capacity=size - 5, title=f"Fachtag {size}")
        other = add_event(db, title=f"Vernetzungstreffen {size}")
        register_person(db, event_id, person("Vorname1", "Nachname1", f"{prefix}1@example.org"))
        register_person(db, other, person("Vorname2", "Nachname2", f"{prefix}2@example.org"))
        importer = RegistrationImporter(event_id, NOW)
        table = read_import_file(rows_file(tmp_path, size, prefix), importer.fields)
        mapping = preview_import(db, importer, table).mapping
        counts.append(count_statements(db, partial(apply_import, db, importer, table, mapping)))
        assert len(list_registrations(db, event_id)) == size
        assert importer.written is not None
        assert len(importer.written.person_ids) == size - 2  # Vorname1 and 2 are known
    assert counts[0] == counts[1]
    assert counts[0] < 40  # PostgreSQL adds a few for the lock savepoints
    with db.reading() as session:
        assert session.query(ConsentRecord).count() == 8 + 75


def test_bulk_import_on_postgresql(pg_url, tmp_path):
    db = open_database(pg_url)
    try:
        event_id = add_event(db, capacity=40)
        register_person(db, event_id, person("Vorname2", "Nachname2", "person2@example.org"))
        importer = import_file(db, event_id, rows_file(tmp_path, 50))
        rows = list_registrations(db, event_id)
        assert len(rows) == 50
        assert sum(r.status == "confirmed" for r in rows) == 40
        waiting = sorted(r.waitlist_position or 0 for r in rows if r.status == "waitlisted")
        assert waiting == list(range(1, 11))
        assert importer.written is not None
        with db.reading() as session:
            stored = dict(
                session.execute(
                    select(Registration.id, Registration.person_id).where(
                        Registration.id.in_(importer.written.registration_ids)
                    )
                ).all()
            )
            names = dict(session.execute(select(Person.id, Person.first_name)).all())
        # ids come back in the order of the rows: row n's registration is Vorname{n}'s
        order = [names[stored[i]] for i in importer.written.registration_ids]
        assert order == [f"Vorname{n}" for n in range(50) if n != 2]
    finally:
        db.dispose()
