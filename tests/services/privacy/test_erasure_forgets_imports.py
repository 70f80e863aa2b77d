"""Erasing a person also drops what the import journal kept of them (old values, states)."""

from sqlalchemy import func, select

from patenbuero.db.models import ImportChange, Person
from patenbuero.services.imports import list_runs, undo_import
from patenbuero.services.privacy.erasure import erase_subject
from patenbuero.services.privacy.refs import SubjectRef
from tests.helpers.import_journal import clean_sample, import_registrations
from tests.helpers.persons import add_event


def _journalled(db, table: str, row_id: int) -> int:
    with db.reading() as session:
        return session.scalar(
            select(func.count()).where(
                ImportChange.table_name == table, ImportChange.row_id == row_id
            )
        )


def test_erasure_removes_the_persons_journal_entries(db, tmp_path) -> None:
    event_id = add_event(db, capacity=None)
    import_registrations(db, event_id, clean_sample(tmp_path))
    with db.reading() as session:
        person_id = session.scalar(select(Person.id).where(Person.last_name == "Yılmaz"))
    assert _journalled(db, "person", person_id) == 1
    erase_subject(db, SubjectRef("person", person_id), "Antrag", wipe=False)
    assert _journalled(db, "person", person_id) == 0
    # The rest of the import can still be undone; the erased person is simply gone.
    result = undo_import(db, list_runs(db)[0].id)
    assert "entfernt 8 Anmeldungen, 8 Personen" in result.summary
