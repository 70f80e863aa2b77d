"""What a project import would change in a stored project or contact, field by field.

Each change is a :class:`~patenbuero.services.core.importing.FieldChange` (old → new)
that the office takes or leaves in the preview. Lists are two changes: the values the
file adds (taken by default) and the values it no longer names (kept by default: a
row listing fewer target groups must not silently drop one). An empty cell over a
stored value is a removal too. Phone numbers, e-mail and web addresses are compared
normalised, so "0345 328 86 89" and "0345 3288689" are no change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from patenbuero.db.models import Contact, MemberProject
from patenbuero.services.core.importing import FieldChange
from patenbuero.services.projects.rows import IMPORT_FIELDS, same_checked

LABELS = {spec.key: spec.label_de for spec in IMPORT_FIELDS}
LABELS["serves_whole_city"] = "Stadtteile: ganz Halle"
LISTS = ("target_groups", "districts")
REMOVE = ":entfernen"
_CHECKED = ("email", "phone", "website")
CONTACT_LABELS = {
    "first_name": "Vorname",
    "last_name": "Nachname",
    "role": "Funktion",
    "email": "E-Mail",
    "phone": "Telefon",
    "on_mailing_list": "Verteiler",
    "consent_on": "Einwilligung am",
    "consent_source": "Einwilligung durch",
}


def project_field_changes(
    project: MemberProject, wanted: Mapping[str, object], key: str, line: int
) -> list[FieldChange]:
    """Every field of ``project`` the row would change; ``key`` is the project's key."""
    changes: list[FieldChange] = []
    for field, value in wanted.items():
        stored = _stored(project, field)
        if field in LISTS:
            changes += _list_changes(project.name, stored, value, f"{key}|{field}", field, line)
            continue
        if _same(field, stored, value):
            continue
        old, new = as_text(stored), as_text(value)
        removes = _is_empty(value) and not _is_empty(stored)
        changes.append(
            FieldChange(
                f"{key}|{field}", line, project.name, LABELS[field], old, new, removes=removes
            )
        )
    return changes


def contact_field_changes(
    contact: Contact, wanted: Mapping[str, object], key: str, line: int, subject: str
) -> list[FieldChange]:
    """Every field of a stored contact the row would change."""
    changes = []
    for field, value in wanted.items():
        stored = getattr(contact, field)
        if field in ("email", "phone"):
            same = same_checked(stored, str(value), field)
        else:
            same = stored == value
        if not same:
            removes = _is_empty(value) and not _is_empty(stored)
            changes.append(
                FieldChange(
                    f"{key}|{field}",
                    line,
                    subject,
                    CONTACT_LABELS[field],
                    as_text(stored),
                    as_text(value),
                    removes=removes,
                )
            )
    return changes


def taken(change: FieldChange, decisions: Mapping[str, bool]) -> bool:
    """Whether the import writes this change: the office's choice, else the default."""
    return decisions.get(change.key, change.taken_by_default)


def field_of(change: FieldChange) -> str:
    """The field a change writes ("target_groups:entfernen" for a list's removals)."""
    return change.key.rsplit("|", 1)[1]


def _list_changes(
    subject: str, stored: object, value: object, key: str, field: str, line: int
) -> list[FieldChange]:
    have = _names(stored)
    want = _names(value)
    added = [name for name in want if name not in have]
    dropped = [name for name in have if name not in want]
    label = LABELS[field]
    changes = []
    if added:
        changes.append(FieldChange(key, line, subject, label, _joined(have), _joined(have + added)))
    if dropped:
        changes.append(
            FieldChange(
                key + REMOVE,
                line,
                subject,
                f"{label} (nicht mehr in der Datei)",
                _joined(have),
                _joined([name for name in have if name not in dropped]),
                removes=True,
            )
        )
    return changes


def _stored(project: MemberProject, field: str) -> object:
    if field == "organisation":
        return project.organisation.name if project.organisation else ""
    if field == "target_groups":
        return [group.name for group in project.target_groups]
    if field == "districts":
        return [district.name for district in project.districts]
    return getattr(project, field)


def _same(field: str, stored: object, value: object) -> bool:
    if field == "organisation":
        return str(stored).casefold() == str(value).casefold()
    if field in _CHECKED:
        return same_checked(str(stored or ""), str(value), field)
    return stored == value


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == () or value == []


def _names(value: object) -> list[str]:
    return [str(name) for name in value] if isinstance(value, tuple | list) else []


def _joined(names: list[str]) -> str:
    return ", ".join(names)


def as_text(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, tuple | list):
        return _joined(_names(value))
    return str(value or "")
