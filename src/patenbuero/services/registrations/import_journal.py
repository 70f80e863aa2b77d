"""What a registration import wrote, for the import journal (undo of a whole import).

The importer calls :meth:`ImportJournal.before` once before it writes, :meth:`wrote`
per booked row and :meth:`record` once at the end: the journal gets lists of ids, so a
bulk writer can hand over the same lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.enums import RegistrationStatus
from patenbuero.db.models import Person, Registration
from patenbuero.services.core import import_journal


@dataclass
class ImportJournal:
    """What the import wrote, handed to the import journal once, after all inserts.

    ``known``: the stored persons the file names by e-mail (the import may fill their
    empty fields) and ``rebookable``: the event's cancelled registrations (the import may
    register them again), both as they were before.
    """

    known: import_journal.Snapshot
    rebookable: import_journal.Snapshot
    persons: list[int]
    registrations: list[int]
    consents: list[int]

    @classmethod
    def before(
        cls,
        session: Session,
        event_id: int,
        email_keys: Iterable[str | None],
    ) -> ImportJournal:
        """``email_keys``: those of the rows the import writes (the persons it may fill)."""
        keys = sorted({key for key in email_keys if key})
        known: list[int] = []
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            known += session.scalars(select(Person.id).where(Person.email_key.in_(chunk)))
        cancelled = session.scalars(
            select(Registration.id).where(
                Registration.event_id == event_id,
                Registration.status == RegistrationStatus.CANCELLED.value,
            )
        ).all()
        return cls(
            import_journal.snapshot(session, "person", known),
            import_journal.snapshot(session, "registration", cancelled),
            [],
            [],
            [],
        )

    def wrote(self, person_id: int | None, registration_id: int | None) -> None:
        if person_id is not None:
            self.persons.append(person_id)
        if registration_id is not None and registration_id not in self.rebookable:
            self.registrations.append(registration_id)

    def record(self, session: Session) -> None:
        import_journal.record_created(session, "registration", self.registrations)
        import_journal.record_created(session, "person", self.persons)
        import_journal.record_created(session, "consent_record", self.consents)
        import_journal.record_updated(session, "person", self.known)
        import_journal.record_updated(session, "registration", self.rebookable)
