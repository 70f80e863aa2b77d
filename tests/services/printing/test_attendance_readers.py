"""The attendance list's two readers (plain sqlite3 and ORM) give the same input.

The command line reads a SQLite file with sqlite3 alone; PostgreSQL goes through the
ORM. The PDF builder must get the same AttendanceListInput from both, field by field,
with the participants in the same (German) order.
"""

import contextlib
import dataclasses
import datetime as dt
import sqlite3

import pytest

from patenbuero.pdf.collation import participant_sort_key
from patenbuero.pdf.inputs import AttendanceListInput
from patenbuero.services.core.funders import Funding, save_funder, set_series_funding
from patenbuero.services.core.network_texts import load_texts, save_texts
from patenbuero.services.printing.attendance import read_attendance
from patenbuero.services.printing.attendance_orm import read_attendance_orm
from patenbuero.services.printing.attendance_sqlite import read_attendance_sqlite
from patenbuero.services.printing.request import FunderOptions, PrintRequest
from patenbuero.services.privacy.consents import ConsentInput, record_consent, withdraw_consent
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.services.registrations.persons import PersonInput
from patenbuero.services.registrations.use_cases import register_person
from tests.helpers.persons import add_series, fund
from tests.pdf.stress_data import PEOPLE_ROWS

REQUESTS = (
    PrintRequest("teilnehmerliste"),
    PrintRequest("teilnehmerliste", show_contact=True),
    PrintRequest("teilnehmerliste", funder=FunderOptions("Aktion Mensch", "Inklusion", "AM-7", 3)),
)


def assert_same_input(plain: AttendanceListInput, orm: AttendanceListInput) -> None:
    for field in dataclasses.fields(AttendanceListInput):
        if field.name != "participants":
            assert getattr(plain, field.name) == getattr(orm, field.name), field.name
    assert len(plain.participants) == len(orm.participants)
    pairs = zip(plain.participants, orm.participants, strict=True)
    for number, (mine, theirs) in enumerate(pairs, 1):
        assert mine == theirs, f"row {number}: {mine} != {theirs}"
    keys = [participant_sort_key(p) for p in plain.participants]
    assert keys == sorted(keys)  # German order, ties kept in booking order
    assert plain == orm


def both(db, event_id: int, request: PrintRequest) -> tuple[AttendanceListInput, ...]:
    request = dataclasses.replace(request, event_id=event_id)
    assert db.location.path is not None
    return (
        read_attendance_sqlite(db.location.path, event_id, request),
        read_attendance_orm(db, event_id, request),
    )


def test_both_readers_agree_on_every_event_of_the_demo(sqlite_demo_db) -> None:
    path = sqlite_demo_db.location.path
    with contextlib.closing(sqlite3.connect(path)) as connection:
        event_ids = [
            row[0]
            for row in connection.execute(
                "SELECT DISTINCT event_id FROM registration WHERE status = 'confirmed'"
                " ORDER BY event_id"
            )
        ]
    assert len(event_ids) > 10
    people = 0
    for event_id in event_ids:
        for request in REQUESTS:
            plain, orm = both(sqlite_demo_db, event_id, request)
            assert_same_input(plain, orm)
        people += len(plain.participants)
    assert people > 100


def test_both_readers_agree_on_the_stress_names(sqlite_db) -> None:
    db = sqlite_db
    save_texts(
        db,
        dataclasses.replace(
            load_texts(db), network_name="Netzwerk Ünterwegs", privacy_note="Eigene Notiz."
        ),
    )
    series_id, (event_id, _second) = add_series(db, modules=2, required=1, capacity=60)
    funder_id = save_funder(db, None, "Stadt Halle (Saale)", b"\x89PNG\r\n\x1a\n" + b"0" * 40)
    set_series_funding(db, series_id, Funding(funder_id, "Qualifizierung", "FB-1", 2.5))
    ids = []
    # every stress row twice (a namesake: the order of ties must match), Latin spellings
    for round_ in range(2):
        for first, last, latin_first, latin_last, email, organisation in PEOPLE_ROWS:
            latin = " ".join(p for p in (latin_first, latin_last) if p)
            outcome = register_person(
                db,
                event_id,
                PersonInput(
                    first,
                    last,
                    email=f"{round_}{email}" if email else "",
                    phone="0345 760 70 77" if round_ else "",
                    organisation=(organisation or "") if round_ else "",
                    latin_name=latin,
                ),
            )
            ids.append(outcome.person_id)
    photos = "photos"
    given = ConsentInput(photos, "consent", dt.date.today(), "Papier")
    record_consent(db, SubjectRef("person", ids[0]), ConsentInput(photos, "refused"))
    record_consent(db, SubjectRef("person", ids[1]), given)
    record_consent(db, SubjectRef("person", ids[2]), given)
    withdraw_consent(db, SubjectRef("person", ids[2]), photos, dt.date.today())
    record_consent(db, SubjectRef("person", ids[3]), ConsentInput(photos, "refused"))
    record_consent(db, SubjectRef("person", ids[3]), given)
    for request in REQUESTS:
        plain, orm = both(db, event_id, request)
        assert_same_input(plain, orm)
    plain, _orm = both(db, event_id, REQUESTS[0])
    assert len(plain.participants) == 2 * len(PEOPLE_ROWS)
    marked = {p.last_name for p in plain.participants if p.no_photos}
    assert marked == {PEOPLE_ROWS[0][1], PEOPLE_ROWS[2][1]}
    assert plain.funder is not None and plain.funder.funding_code == "FB-1"
    assert plain.office.network_name == "Netzwerk Ünterwegs"
    assert plain.privacy_note.startswith("Eigene Notiz.")
    # the event's own funder wins over the series'
    fund(db, event_id, "Aktion Mensch")
    plain, orm = both(db, event_id, REQUESTS[0])
    assert_same_input(plain, orm)
    assert plain.funder is not None and plain.funder.name == "Aktion Mensch"


def test_a_sqlite_file_is_read_without_the_orm(sqlite_demo_db, monkeypatch) -> None:
    def refuse(*_args):
        raise AssertionError("the ORM reader was used for a SQLite file")

    monkeypatch.setattr("patenbuero.services.printing.attendance_orm.read_attendance_orm", refuse)
    data = read_attendance(sqlite_demo_db, PrintRequest("teilnehmerliste", event_id=1))
    assert data.event_title


def test_unknown_event_is_one_german_line_in_both_readers(sqlite_demo_db) -> None:
    from patenbuero.errors import NotFoundError

    for reader in (read_attendance_sqlite, None):
        with pytest.raises(NotFoundError, match="keine Veranstaltung mit der ID 99999"):
            if reader is None:
                read_attendance_orm(sqlite_demo_db, 99999, PrintRequest("teilnehmerliste"))
            else:
                reader(sqlite_demo_db.location.path, 99999, PrintRequest("teilnehmerliste"))
