"""Teilnehmer:innen: names, e-mail addresses, name keys and roles."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from typing import Any

from patenbuero.db.enums import PersonRole
from patenbuero.db.models import Person, Registration
from patenbuero.services.demo import names
from patenbuero.services.demo.projects import Network
from patenbuero.services.demo.rows import RowSet
from patenbuero.services.registrations import email_key

R = PersonRole
SPEAKER_ORGANISATIONS = (
    "Hochschule Merseburg",
    "Landesnetzwerk Bürgerengagement",
    "Kinderschutzbund Halle",
    "Martin-Luther-Universität Halle-Wittenberg",
)
REMARKS = (
    "braucht einen barrierefreien Zugang",
    "isst vegetarisch",
    "bringt ihr Baby mit",
    "Übersetzung ins Arabische erwünscht",
    "kommt etwas später",
)
FEATURED_ROLES = {
    "Anna-Lena": R.COORDINATOR,
    "Hans-Joachim": R.COORDINATOR,
    "Juergen": R.INTERESTED,
}


def add_persons(
    rows: RowSet,
    rng: random.Random,
    now: dt.datetime,
    network: Network,
    shares: dict[PersonRole, int],
    *,
    featured: bool = True,
) -> dict[PersonRole, list[int]]:
    """Add ``sum(shares)`` persons; returns their ids by role."""
    roles = [role for role, count in shares.items() for _ in range(count)]
    rng.shuffle(roles)
    chosen = list(names.FEATURED) if featured else []
    seen = {(n.first, n.last) for n in chosen}
    while len(chosen) < len(roles):
        name = names.random_name(rng)
        if (name.first, name.last) not in seen or len(chosen) > 300:
            seen.add((name.first, name.last))
            chosen.append(name)
    by_role: dict[PersonRole, list[int]] = defaultdict(list)
    emails = names.EmailBook()
    keys: dict[tuple[str, str], str] = {}
    table = rows.rows(Person)
    for name, drawn_role in zip(chosen, roles, strict=True):
        role = FEATURED_ROLES.get(name.first, drawn_role) if featured else drawn_role
        person_id = rows.next_id(Person)
        by_role[role].append(person_id)
        pair = (name.first, name.last)
        if pair not in keys:
            keys[pair] = names.key_of(name)
        table.append(
            _person(rng, person_id, name, role, keys[pair], emails, network)
            | {"created_at": now - dt.timedelta(days=rng.randrange(30, 700))}
        )
    return by_role


def _person(
    rng: random.Random,
    person_id: int,
    name: names.Name,
    role: PersonRole,
    key: str,
    emails: names.EmailBook,
    network: Network,
) -> dict[str, Any]:
    email = ""
    if rng.random() < 0.88:
        local = names.email_local(name)
        if rng.random() < 0.12:
            local = local.title()
        email = emails.address(local)
    project_id = None
    if role == R.COORDINATOR or (role == R.VOLUNTEER and rng.random() < 0.6):
        project_id = rng.choice(network.active)
    return {
        "id": person_id,
        "first_name": name.first,
        "last_name": name.last,
        "latin_name": name.latin,
        "email": email,
        "email_key": email_key(email),
        "name_key": key,
        "phone": names.phone(rng, mobile=rng.random() < 0.5) if rng.random() < 0.6 else "",
        "organisation": rng.choice(SPEAKER_ORGANISATIONS) if role == R.SPEAKER else "",
        "project_id": project_id,
        "role": role.value,
        "remarks": rng.choice(REMARKS) if rng.random() < 0.05 else "",
    }


def settle_created_at(rows: RowSet) -> None:
    """A person is created when they first register; others keep their drawn date."""
    first: dict[int, dt.datetime] = {}
    for registration in rows.rows(Registration):
        person_id, at = registration["person_id"], registration["registered_at"]
        if person_id not in first or at < first[person_id]:
            first[person_id] = at
    for person in rows.rows(Person):
        at = first.get(person["id"])
        if at is not None:
            person["created_at"] = at
