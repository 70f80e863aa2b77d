"""What a project import wrote, for the import journal (undo of a whole import).

Before writing, the stored projects and contacts are noted as they are; afterwards the
journal gets the new projects, contacts, Träger and list values (target groups,
districts) and the old values of every project or contact the import changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.models import District, MemberProject, Organisation, TargetGroup
from patenbuero.services.core import import_journal

_LISTS = (("organisation", Organisation), ("target_group", TargetGroup), ("district", District))


@dataclass
class ProjectJournal:
    projects: import_journal.Snapshot
    contacts: import_journal.Snapshot
    project_ids: set[int]
    contact_ids: set[int]
    list_ids: dict[str, set[int]]

    @classmethod
    def before(cls, session: Session, projects: Iterable[MemberProject]) -> ProjectJournal:
        stored = list(projects)
        project_ids = {project.id for project in stored}
        contact_ids = {contact.id for project in stored for contact in project.contacts}
        return cls(
            import_journal.snapshot(session, "member_project", project_ids),
            import_journal.snapshot(session, "contact", contact_ids),
            project_ids,
            contact_ids,
            {name: set(session.scalars(select(model.id))) for name, model in _LISTS},
        )

    def record(self, session: Session, projects: Iterable[MemberProject]) -> None:
        session.flush()
        written = list(projects)
        import_journal.record_created(
            session, "member_project", (p.id for p in written if p.id not in self.project_ids)
        )
        import_journal.record_created(
            session,
            "contact",
            (c.id for p in written for c in p.contacts if c.id not in self.contact_ids),
        )
        for name, model in _LISTS:
            now = set(session.scalars(select(model.id)))
            import_journal.record_created(session, name, now - self.list_ids[name])
        import_journal.record_updated(session, "member_project", self.projects)
        import_journal.record_updated(session, "contact", self.contacts)
