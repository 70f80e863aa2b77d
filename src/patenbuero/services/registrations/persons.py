"""Teilnehmer:innen: entered once, found as you type, duplicates shown and merged on request.

The same e-mail address (any case) is the same person. The same name written
differently is only a *likely* duplicate: two people can share a name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from patenbuero.db.enums import PersonRole
from patenbuero.db.models import MemberProject, Person
from patenbuero.errors import ValidationError
from patenbuero.io.names import person_key
from patenbuero.io.validate import check_email, check_phone
from patenbuero.services.core import labels
from patenbuero.services.core.database import Database


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


def validated(data: PersonInput) -> PersonInput:
    """Trimmed and checked input; raises ValidationError naming the field."""
    first, last = " ".join(data.first_name.split()), " ".join(data.last_name.split())
    if not last and first:
        first, last = "", first
    if not last:
        raise ValidationError("Bitte geben Sie einen Namen an.", field="last_name")
    email = data.email.strip()
    if email:
        try:
            email = check_email(email)
        except ValueError as error:
            raise ValidationError(str(error), field="email") from error
    phone = data.phone.strip()
    if phone:
        try:
            phone = check_phone(phone)
        except ValueError as error:
            raise ValidationError(str(error), field="phone") from error
    if data.role not in {role.value for role in PersonRole}:
        raise ValidationError(f"Unbekannte Rolle „{data.role}“.", field="role")
    return replace(
        data,
        first_name=first,
        last_name=last,
        email=email,
        phone=phone,
        organisation=data.organisation.strip(),
        remarks=data.remarks.strip(),
        latin_name=data.latin_name.strip(),
    )


_UMLAUT_SPELLINGS = re.compile("ae|oe|ue")


def duplicate_key(first_name: str, last_name: str) -> str:
    """Equal for names that are likely the same person: Müller, Mueller, Muller, MÜLLER,
    ß/ss, accents, spacing, and first and last name swapped."""
    key = person_key(first_name, last_name)
    return _UMLAUT_SPELLINGS.sub(lambda match: match.group(0)[0], key)


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
    existing = person_by_email(session, data.email)
    if existing is not None:
        _fill_gaps(existing, data)
        return existing, False
    person = Person(
        first_name=data.first_name,
        last_name=data.last_name,
        latin_name=data.latin_name,
        email=data.email,
        email_key=email_key(data.email),
        name_key=duplicate_key(data.first_name, data.last_name),
        phone=data.phone,
        organisation=data.organisation,
        project_id=data.project_id,
        role=data.role,
        remarks=data.remarks,
        created_at=now,
    )
    session.add(person)
    session.flush()
    return person, True


def _fill_gaps(person: Person, data: PersonInput) -> None:
    """Known persons keep their data; only empty fields are filled from new input."""
    for field in ("phone", "organisation", "latin_name"):
        if not getattr(person, field) and getattr(data, field):
            setattr(person, field, getattr(data, field))
    if person.project_id is None and data.project_id is not None:
        person.project_id = data.project_id


def search_persons(db: Database, text: str, limit: int = 25) -> list[PersonRow]:
    """Persons whose name, e-mail or organisation contains every typed word."""
    words = text.split()
    if not words:
        return []
    with db.reading() as session:
        query = (
            select(Person)
            .outerjoin(MemberProject, Person.project_id == MemberProject.id)
            .where(Person.erased_at.is_(None), Person.restricted_until.is_(None))  # Art. 17/18
        )
        for word in words:
            pattern = f"%{word.lower()}%"
            query = query.where(
                or_(
                    func.lower(Person.first_name).like(pattern),
                    func.lower(Person.last_name).like(pattern),
                    func.lower(Person.email).like(pattern),
                    func.lower(Person.organisation).like(pattern),
                    func.lower(MemberProject.name).like(pattern),
                    Person.name_key.like(f"%{duplicate_key(word, '')}%"),
                )
            )
        people = session.scalars(query.order_by(Person.last_name, Person.first_name).limit(limit))
        return [person_row(p) for p in people]


def likely_duplicates(
    db: Database, first_name: str, last_name: str, email: str = "", exclude_id: int | None = None
) -> list[PersonRow]:
    """Persons with the same name written differently and another or no e-mail address."""
    key = duplicate_key(first_name, last_name)
    if not key:
        return []
    own_email = email_key(email)
    with db.reading() as session:
        query = select(Person).where(
            Person.name_key == key, Person.erased_at.is_(None), Person.restricted_until.is_(None)
        )
        if exclude_id is not None:
            query = query.where(Person.id != exclude_id)
        people = session.scalars(query.order_by(Person.id)).all()
        return [person_row(p) for p in people if own_email is None or p.email_key != own_email]


def duplicate_groups(db: Database) -> list[list[PersonRow]]:
    """All groups of two or more persons whose names look alike, for the office to review."""
    with db.reading() as session:
        keys = select(Person.name_key).group_by(Person.name_key).having(func.count() > 1)
        people = session.scalars(
            select(Person).where(Person.name_key.in_(keys)).order_by(Person.name_key, Person.id)
        ).all()
        groups: dict[str, list[PersonRow]] = {}
        for person in people:
            if person.name_key:
                groups.setdefault(person.name_key, []).append(person_row(person))
        return list(groups.values())


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
