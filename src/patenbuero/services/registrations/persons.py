"""Teilnehmer:innen: entered once, found as you type, duplicates shown and merged on request.

The same e-mail address (any case) is the same person. The same name written
differently is only a *likely* duplicate: two people can share a name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from patenbuero.db.enums import PersonRole
from patenbuero.db.models import MemberProject, Person
from patenbuero.errors import ValidationError
from patenbuero.services.core import field_checks, labels, locks
from patenbuero.services.core.database import Database
from patenbuero.services.registrations.matching import (
    duplicate_key,
    haystack,
    match_rank,
    matches,
    person_keys,
    query_words,
)


@dataclass(frozen=True)
class PersonInput:
    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    organisation: str = ""
    project_id: int | None = None
    role: str = PersonRole.INTERESTED.value
    remarks: str = ""
    latin_name: str = ""


@dataclass(frozen=True)
class PersonRow:
    id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    organisation: str
    role_label: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


_ROLES = frozenset(role.value for role in PersonRole)


def validated(data: PersonInput) -> PersonInput:
    """Trimmed and checked input; raises ValidationError naming the field."""
    first, last = field_checks.person_name(data.first_name, data.last_name)
    email = field_checks.email(data.email)
    phone = field_checks.phone(data.phone)
    if data.role not in _ROLES:
        raise ValidationError(f"Unbekannte Rolle „{data.role}“.", field="role")
    return replace(
        data,
        first_name=first,
        last_name=last,
        email=email,
        phone=phone,
        organisation=field_checks.limited(
            data.organisation, "organisation", "Die Organisation", field_checks.NAME_LIMIT
        ),
        remarks=field_checks.limited(
            data.remarks, "remarks", "Die Bemerkungen", field_checks.LONG_TEXT_LIMIT, multiline=True
        ),
        latin_name=field_checks.limited(
            data.latin_name, "latin_name", "Die lateinische Schreibweise", field_checks.NAME_LIMIT
        ),
    )


def email_key(email: str) -> str | None:
    return email.strip().casefold() or None


def person_by_email(session: Session, email: str) -> Person | None:
    key = email_key(email)
    if key is None:
        return None
    return session.scalars(select(Person).where(Person.email_key == key)).first()


def find_or_create_person(
    session: Session, data: PersonInput, now: dt.datetime
) -> tuple[Person, bool]:
    """The person with this e-mail address, or a new one. Returns (person, created)."""
    data = validated(data)
    locks.creation_lock(session, locks.PERSONS)  # two workplaces, one new person
    existing = person_by_email(session, data.email)
    if existing is not None:
        fill_gaps(existing, data)
        return existing, False
    person = Person(**new_person_values(data, now))
    session.add(person)
    session.flush()
    return person, True


def new_person_values(data: PersonInput, now: dt.datetime) -> dict[str, object]:
    """The columns of a new person from validated input (one row or a bulk insert)."""
    return {
        "first_name": data.first_name,
        "last_name": data.last_name,
        "latin_name": data.latin_name,
        "email": data.email,
        "email_key": email_key(data.email),
        "name_key": duplicate_key(data.first_name, data.last_name),
        "phone": data.phone,
        "organisation": data.organisation,
        "project_id": data.project_id,
        "role": data.role,
        "remarks": data.remarks,
        "created_at": now,
    }


def fill_gaps(person: Person, data: PersonInput) -> None:
    """Known persons keep their data; only empty fields are filled from new input."""
    for field in ("phone", "organisation", "latin_name"):
        if not getattr(person, field) and getattr(data, field):
            setattr(person, field, getattr(data, field))
    if person.project_id is None and data.project_id is not None:
        person.project_id = data.project_id


def search_persons(db: Database, text: str, limit: int = 25) -> list[PersonRow]:
    """Persons found by every typed word (name, Latin spelling, e-mail, organisation),
    after the program's one search rule (:mod:`.matching`); best matches first."""
    words = query_words(text)
    if not words:
        return []
    with db.reading() as session:
        candidates = session.execute(
            select(
                Person.id,
                Person.first_name,
                Person.last_name,
                Person.latin_name,
                Person.email,
                Person.organisation,
                MemberProject.name,
            )
            .outerjoin(MemberProject, Person.project_id == MemberProject.id)
            .where(Person.erased_at.is_(None), Person.restricted_until.is_(None))  # Art. 17/18
        ).all()
        ranked: list[tuple[int, str, str, int]] = []
        for person_id, first, last, latin, email, organisation, project in candidates:
            text_ = haystack(first, last, latin, email.split("@")[0], organisation, project or "")
            if matches(words, text_):
                ranked.append(
                    (match_rank(words, text_), last.casefold(), first.casefold(), person_id)
                )
        ids = [entry[3] for entry in sorted(ranked)[:limit]]
        people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}
        return [person_row(people[person_id]) for person_id in ids]


def likely_duplicates(
    db: Database,
    first_name: str,
    last_name: str,
    email: str = "",
    exclude_id: int | None = None,
    latin_name: str = "",
) -> list[PersonRow]:
    """Persons with the same name written differently (also via the Latin spelling)
    and another or no e-mail address."""
    keys = person_keys(first_name, last_name, latin_name)
    if not keys:
        return []
    own_email = email_key(email)
    with db.reading() as session:
        # The database narrows by the stored key of the name (or any Latin spelling, few
        # persons have one), not 30,000 persons read into Python; the rule below decides.
        active = select(Person).where(
            Person.erased_at.is_(None),
            Person.restricted_until.is_(None),  # Art. 17/18
            or_(Person.name_key.in_(sorted(keys)), Person.latin_name != ""),
        )
        people = [
            person
            for person in session.scalars(active.order_by(Person.id))
            if person.id != exclude_id
            and keys & person_keys(person.first_name, person.last_name, person.latin_name)
        ]
        return [person_row(p) for p in people if own_email is None or p.email_key != own_email]


def duplicate_groups(db: Database) -> list[list[PersonRow]]:
    """All groups of two or more persons whose names look alike, for the office to review.

    Two persons are alike when a key of one (name or Latin spelling) equals a key of the
    other; groups are joined transitively.
    """
    with db.reading() as session:
        people = session.scalars(
            select(Person)
            .where(Person.erased_at.is_(None), Person.restricted_until.is_(None))
            .order_by(Person.id)
        ).all()
        group_of_key: dict[str, int] = {}
        parent = list(range(len(people)))

        def root(index: int) -> int:
            while parent[index] != index:
                parent[index] = parent[parent[index]]
                index = parent[index]
            return index

        for index, person in enumerate(people):
            for key in person_keys(person.first_name, person.last_name, person.latin_name):
                if key in group_of_key:
                    parent[root(index)] = root(group_of_key[key])
                else:
                    group_of_key[key] = index
        groups: dict[int, list[PersonRow]] = {}
        for index, person in enumerate(people):
            groups.setdefault(root(index), []).append(person_row(person))
        return [group for group in groups.values() if len(group) > 1]


def person_row(person: Person) -> PersonRow:
    organisation = person.organisation
    if not organisation and person.project is not None:
        organisation = person.project.name
    return PersonRow(
        id=person.id,
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
        phone=person.phone,
        organisation=organisation,
        role_label=labels.label(labels.PERSON_ROLE, person.role),
    )
