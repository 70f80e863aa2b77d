"""Everyone the office holds data about in one list: participants, inquirers, contacts.

The search is the same umlaut-tolerant matching the registrations use
(``duplicate_key``: Müller finds Mueller, ß finds ss, any order of the words).
Restricted persons (Art. 18) and erased ones are left out unless asked for.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from patenbuero.db.enums import SubjectKind
from patenbuero.db.models import Contact, Inquiry, MemberProject, Person
from patenbuero.services.core.database import Database
from patenbuero.services.privacy.purposes import KIND_LABELS
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.services.registrations import duplicate_key


@dataclass(frozen=True, slots=True)  # 33,000 of them on the large demo
class PersonEntry:
    ref: SubjectRef
    kind_label: str
    first_name: str
    last_name: str
    email: str
    phone: str
    organisation: str
    restricted: bool = False

    @property
    def ref_text(self) -> str:
        return str(self.ref)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def list_people(
    db: Database, search: str = "", include_restricted: bool = False
) -> list[PersonEntry]:
    """All persons, sorted by name, filtered by every typed word."""
    with db.reading() as session:
        entries = all_entries(session, include_restricted)
    words = search.split()
    if words:
        entries = [e for e in entries if _matches(e, words)]
    return sorted(entries, key=lambda e: (e.last_name.casefold(), e.first_name.casefold(), e.ref))


def all_entries(
    session: Session,
    include_restricted: bool = False,
    only: Mapping[str, Collection[int]] | None = None,
) -> list[PersonEntry]:
    """Every entry, or with ``only`` just those of the given ids per kind."""
    return list(_entries(session, include_restricted, only))


def _entries(
    session: Session,
    include_restricted: bool = False,
    only: Mapping[str, Collection[int]] | None = None,
) -> Iterator[PersonEntry]:
    # Persons and inquirers as plain columns, no ORM objects: the large demo's 33,000
    # load in a fraction of the time and memory (the same entries as person_entry and
    # inquiry_entry make).
    person_kind, person_label = SubjectKind.PERSON.value, KIND_LABELS[SubjectKind.PERSON.value]
    inquiry_kind = SubjectKind.INQUIRY.value
    inquiry_label = KIND_LABELS[inquiry_kind]
    contact_kind = SubjectKind.CONTACT.value
    query = (
        select(
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.email,
            Person.phone,
            Person.organisation,
            MemberProject.name,
            Person.restricted_until,
        )
        .outerjoin(MemberProject, Person.project_id == MemberProject.id)
        .where(Person.erased_at.is_(None))
    )
    if not include_restricted:
        query = query.where(Person.restricted_until.is_(None))
    inquiries = select(Inquiry.id, Inquiry.name, Inquiry.email, Inquiry.phone)
    contacts = select(Contact).options(
        selectinload(Contact.project), selectinload(Contact.organisation)
    )
    if only is not None:
        query = query.where(Person.id.in_(list(only.get(person_kind, ()))))
        inquiries = inquiries.where(Inquiry.id.in_(list(only.get(inquiry_kind, ()))))
        contacts = contacts.where(Contact.id.in_(list(only.get(contact_kind, ()))))
    for id_, first, last, email, phone, organisation, project, restricted in session.execute(query):
        yield PersonEntry(
            SubjectRef(person_kind, id_),
            person_label,
            first,
            last,
            email,
            phone,
            organisation or (project or ""),
            restricted=restricted is not None,
        )
    for id_, name, email, phone in session.execute(inquiries):
        first, _, last = name.rpartition(" ")
        yield PersonEntry(
            SubjectRef(inquiry_kind, id_), inquiry_label, first, last, email, phone, ""
        )
    for contact in session.scalars(contacts):
        yield contact_entry(contact)


def people_refs(db: Database, search: str = "") -> list[SubjectRef]:
    """The references of :func:`list_people`, in its order: what the Personen list holds;
    it reads the rows it shows with :func:`entries_for` (30,000 persons stay in the
    database, not in memory)."""
    words = search.split()
    with db.reading() as session:
        # The same filter and order as list_people, keeping only each entry's sort key.
        keyed = [
            (entry.last_name.casefold(), entry.first_name.casefold(), entry.ref)
            for entry in _entries(session)
            if not words or _matches(entry, words)
        ]
    keyed.sort()
    return [ref for _last, _first, ref in keyed]


def entries_for(db: Database, refs: Iterable[SubjectRef]) -> dict[SubjectRef, PersonEntry]:
    """The entries of ``refs`` (one page of the list); one that is gone is left out."""
    only: dict[str, list[int]] = {}
    for ref in refs:
        only.setdefault(ref.kind, []).append(ref.id)
    with db.reading() as session:
        return {entry.ref: entry for entry in all_entries(session, True, only)}


def person_entry(person: Person) -> PersonEntry:
    organisation = person.organisation or (person.project.name if person.project else "")
    return PersonEntry(
        SubjectRef(SubjectKind.PERSON.value, person.id),
        KIND_LABELS[SubjectKind.PERSON.value],
        person.first_name,
        person.last_name,
        person.email,
        person.phone,
        organisation,
        restricted=person.restricted_until is not None,
    )


def inquiry_entry(inquiry: Inquiry) -> PersonEntry:
    first, _, last = inquiry.name.rpartition(" ")
    return PersonEntry(
        SubjectRef(SubjectKind.INQUIRY.value, inquiry.id),
        KIND_LABELS[SubjectKind.INQUIRY.value],
        first,
        last,
        inquiry.email,
        inquiry.phone,
        "",
    )


def contact_entry(contact: Contact) -> PersonEntry:
    belongs = (
        contact.project.name
        if contact.project
        else contact.organisation.name
        if contact.organisation
        else contact.partner_name
    )
    return PersonEntry(
        SubjectRef(SubjectKind.CONTACT.value, contact.id),
        KIND_LABELS[SubjectKind.CONTACT.value],
        contact.first_name,
        contact.last_name,
        contact.email,
        contact.phone,
        belongs,
    )


def _matches(entry: PersonEntry, words: Iterable[str]) -> bool:
    name = duplicate_key(entry.first_name, entry.last_name)
    plain = f"{entry.email} {entry.organisation} {entry.ref_text}".casefold()
    for word in words:
        key = duplicate_key(word, "")
        if not ((key and key in name) or word.casefold() in plain):
            return False
    return True
