"""The journal's fingerprints of records: read in one pass, the same as from whole states."""

from sqlalchemy import select

from patenbuero.db.models import MemberProject, Person, Registration
from patenbuero.services.core import import_journal


def _whole(session, table_name: str, ids: list[int]) -> dict[int, tuple[int | None, str | None]]:
    states = import_journal.read_states(session, table_name, ids)
    return {row_id: import_journal.fingerprint(state) for row_id, state in states.items()}


def test_fingerprints_equal_those_of_the_whole_records(demo_db) -> None:
    """Persons (a version number: only that is read), registrations (no version: the
    whole record) and projects (lists beside them): each as from read_states, and a
    missing id is left out."""
    with demo_db.reading() as session:
        for model, name in (
            (Person, "person"),
            (Registration, "registration"),
            (MemberProject, "member_project"),
        ):
            ids = list(session.scalars(select(model.id).order_by(model.id).limit(600)))
            assert len(ids) > 1, name
            found = import_journal.fingerprints(session, name, [*ids, 10**9])
            assert found == _whole(session, name, ids), name
            assert 10**9 not in found
        person_ids = list(session.scalars(select(Person.id).limit(3)))
        assert all(
            state is None
            for _version, state in import_journal.fingerprints(
                session, "person", person_ids
            ).values()
        )
