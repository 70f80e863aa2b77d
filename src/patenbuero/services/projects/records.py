"""What the projects' lists and form show and send: plain values, no database.

Importable without SQLAlchemy: the window shows its first project rows (read with plain
sqlite3, see :mod:`patenbuero.services.projects.first_rows`) before the ORM has loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from patenbuero.db.enums import OrganisationKind, ProjectStatus

WHOLE_CITY = "ganz Halle"
# The flyer layout has room for this many characters of a project's short text.
FLYER_TEXT_LIMIT = 160
# Logos are stored as PNG no larger than this many pixels on their longer side.
LOGO_MAX_PIXELS = 600
# The kind of a new Träger.
DEFAULT_KIND = OrganisationKind.ASSOCIATION.value
PARTNER_STATUS = "partner"  # stands for "no project" in status filters
# Who gets network mail by default: contacts of active member projects and partners
# without a project; those of paused projects or projects that left only when asked.
CURRENT_STATUSES = ("active", PARTNER_STATUS)


@dataclass(frozen=True)
class ProjectRow:
    id: int
    name: str
    organisation: str
    target_groups: str
    districts: str
    status: str
    status_label: str
    seeks_volunteers: bool
    member_since: dt.date | None
    contact: str
    email: str
    phone: str
    target_group_ids: tuple[int, ...] = ()
    district_ids: tuple[int, ...] = ()
    serves_whole_city: bool = False


@dataclass(frozen=True)
class Choice:
    """One entry of a list to choose from (target group, district, Träger)."""

    id: int
    name: str
    retired: bool = False  # no longer offered for new choices; kept where it is used


@dataclass(frozen=True)
class ProjectDetail:
    """Every field of one project, as the form shows it."""

    id: int
    name: str
    organisation_name: str
    target_group_ids: tuple[int, ...]
    district_ids: tuple[int, ...]
    serves_whole_city: bool
    status: str
    member_since: dt.date | None
    left_on: dt.date | None
    leitbild_signed_on: dt.date | None
    flyer_text: str
    portrait_text: str
    time_commitment: str
    languages: str
    website: str
    email: str
    phone: str
    address: str
    notes: str
    seeks_volunteers: bool
    logo_png: bytes | None
    version: int = 1


@dataclass(frozen=True)
class ProjectInput:
    """What the form (or an import) sends to save a project."""

    name: str
    organisation_name: str = ""
    target_group_ids: tuple[int, ...] = ()
    district_ids: tuple[int, ...] = ()
    serves_whole_city: bool = False
    status: str = ProjectStatus.ACTIVE.value
    member_since: dt.date | None = None
    left_on: dt.date | None = None
    leitbild_signed_on: dt.date | None = None
    flyer_text: str = ""
    portrait_text: str = ""
    time_commitment: str = ""
    languages: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    notes: str = ""
    seeks_volunteers: bool = False
    logo_png: bytes | None = None
    replace_logo: bool = False
    # The version the user started from; a save against another version is a conflict.
    expected_version: int | None = None
