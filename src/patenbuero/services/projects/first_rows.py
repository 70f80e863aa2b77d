"""The projects tab's first list, read from a SQLite file with plain sqlite3.

At the program start the window shows its first project rows before SQLAlchemy has
loaded (its import alone takes 0.2-0.4 s, the models 0.1 s more). This module reads
exactly what :func:`patenbuero.services.projects.use_cases.list_projects`,
``list_target_groups`` and ``list_districts`` return, with the same statements the ORM
sends (so SQLite orders ties the same way); a test compares both field by field. Anything
unusual (a server, a file that cannot be read) returns None: the caller takes the usual
way through the ORM.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from patenbuero.services.core import labels
from patenbuero.services.core.database import Database
from patenbuero.services.projects.records import WHOLE_CITY, Choice, ProjectRow

log = logging.getLogger(__name__)

# selectinload sends the ids of the loaded projects in chunks of this many.
IN_CHUNK = 500

_PROJECTS = (
    "SELECT member_project.id, member_project.name, member_project.status, "
    "member_project.member_since, member_project.serves_whole_city, "
    "member_project.seeks_volunteers, member_project.email, member_project.phone, "
    "organisation_1.name AS name_1 "
    "FROM member_project LEFT OUTER JOIN organisation AS organisation_1 "
    "ON organisation_1.id = member_project.organisation_id ORDER BY member_project.name"
)
_TARGET_GROUPS = (
    "SELECT project_target_group.project_id, target_group.id, target_group.name "
    "FROM project_target_group JOIN target_group "
    "ON target_group.id = project_target_group.target_group_id "
    "WHERE project_target_group.project_id IN ({ids}) ORDER BY target_group.sort_order"
)
_DISTRICTS = (
    "SELECT project_district.project_id, district.id, district.name "
    "FROM project_district JOIN district ON district.id = project_district.district_id "
    "WHERE project_district.project_id IN ({ids}) ORDER BY district.name"
)
_CONTACTS = (
    "SELECT contact.project_id, contact.first_name, contact.last_name "
    "FROM contact WHERE contact.project_id IN ({ids}) ORDER BY contact.last_name"
)
_GROUP_CHOICES = (
    "SELECT target_group.id, target_group.name, target_group.retired "
    "FROM target_group ORDER BY target_group.sort_order, target_group.name"
)
_DISTRICT_CHOICES = (
    "SELECT district.id, district.name, district.retired FROM district ORDER BY district.name"
)


@dataclass(frozen=True)
class FirstRows:
    """What the projects tab shows first: its rows and the choices of its filters."""

    projects: list[ProjectRow]
    target_groups: list[Choice]
    districts: list[Choice]


def read_first_rows(db: Database) -> FirstRows | None:
    """The projects list and the filter choices of a SQLite file; None for anything else."""
    path = db.location.path
    if path is None:
        return None
    try:
        with _reading(path) as connection:
            return FirstRows(
                projects=_projects(connection),
                target_groups=_choices(connection, _GROUP_CHOICES),
                districts=_choices(connection, _DISTRICT_CHOICES),
            )
    except (sqlite3.Error, OSError, ValueError) as error:
        log.info("Erste Projektzeilen über den üblichen Weg: %s", type(error).__name__)
        return None


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection in one read transaction (one consistent snapshot)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
    try:
        connection.execute("BEGIN")
        yield connection
    finally:
        connection.close()


def _projects(connection: sqlite3.Connection) -> list[ProjectRow]:
    projects = connection.execute(_PROJECTS).fetchall()
    ids = [row[0] for row in projects]
    groups = _related(connection, _TARGET_GROUPS, ids)
    districts = _related(connection, _DISTRICTS, ids)
    contacts = _related(connection, _CONTACTS, ids)
    rows = []
    for project_id, name, status, member_since, whole_city, seeks, email, phone, org in projects:
        district_names = [d[1] for d in districts[project_id]]
        if whole_city:
            district_names.insert(0, WHOLE_CITY)
        first_contact = contacts[project_id][0] if contacts[project_id] else None
        rows.append(
            ProjectRow(
                id=project_id,
                name=name,
                organisation=org or "",
                target_groups=", ".join(g[1] for g in groups[project_id]),
                districts=", ".join(district_names),
                status=status,
                status_label=labels.label(labels.PROJECT_STATUS, status),
                seeks_volunteers=bool(seeks),
                member_since=_date(member_since),
                contact=f"{first_contact[0]} {first_contact[1]}".strip() if first_contact else "",
                email=email,
                phone=phone,
                target_group_ids=tuple(g[0] for g in groups[project_id]),
                district_ids=tuple(d[0] for d in districts[project_id]),
                serves_whole_city=bool(whole_city),
            )
        )
    return rows


def _related(
    connection: sqlite3.Connection, statement: str, ids: Sequence[int]
) -> defaultdict[int, list[tuple[Any, Any]]]:
    """Rows of a related table by project, in the order of the ORM's selectinload."""
    found: defaultdict[int, list[tuple[Any, Any]]] = defaultdict(list)
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        query = statement.format(ids=", ".join("?" * len(chunk)))
        for project_id, first, second in connection.execute(query, chunk):
            found[project_id].append((first, second))
    return found


def _choices(connection: sqlite3.Connection, statement: str) -> list[Choice]:
    return [
        Choice(choice_id, name, bool(retired))
        for choice_id, name, retired in connection.execute(statement)
    ]


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)
