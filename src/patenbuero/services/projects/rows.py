"""One row of a project list, checked and turned into clean values (no database writes).

Used by the project import; the export writes the same columns, so a file
exported from the app imports again without changes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from patenbuero.db.enums import ProjectStatus
from patenbuero.io.mapping import PROJECT_FIELDS, FieldSpec, split_full_name
from patenbuero.io.names import fold_german
from patenbuero.io.validate import (
    SLASH_TERMS,
    check_email,
    check_phone,
    check_url,
    parse_bool_de,
    parse_date_de,
    split_list_cell,
)
from patenbuero.services.core import field_checks, labels
from patenbuero.services.core.importing import Record
from patenbuero.services.projects.use_cases import FLYER_TEXT_LIMIT

EXTRA_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("contact_email", "E-Mail Ansprechpartner:in", ("E-Mail Ansprechpartner:in",)),
    FieldSpec("contact_phone", "Telefon Ansprechpartner:in", ("Telefon Ansprechpartner:in",)),
    FieldSpec(
        "on_mailing_list",
        "Verteiler",
        ("Verteiler", "im Verteiler", "Mailingliste", "Mailing list", "Newsletter"),
    ),
    FieldSpec(
        "consent_on",
        "Einwilligung am",
        ("Einwilligung am", "Einwilligung", "Einwilligung Verteiler", "Einverständnis am"),
    ),
    FieldSpec("consent_source", "Einwilligung durch", ("Einwilligung durch", "Quelle")),
    FieldSpec("status", "Status", ("Status", "Mitgliedsstatus")),
    FieldSpec("member_since", "Mitglied seit", ("Mitglied seit", "Beitritt", "Member since")),
    FieldSpec(
        "leitbild_signed_on", "Leitbild angenommen am", ("Leitbild angenommen am", "Leitbild")
    ),
    FieldSpec("portrait_text", "Porträt", ("Porträt", "Portrait", "Langtext")),
)
IMPORT_FIELDS: tuple[FieldSpec, ...] = PROJECT_FIELDS + EXTRA_FIELDS

# Longest value per column: the limits of the project and contact forms (field_checks).
IMPORT_LIMITS = {
    "name": field_checks.NAME_LIMIT,
    "organisation": field_checks.NAME_LIMIT,
    "contact_name": 2 * field_checks.PERSON_NAME_LIMIT,
    "contact_role": field_checks.ROLE_LIMIT,
    "email": field_checks.EMAIL_LIMIT,
    "contact_email": field_checks.EMAIL_LIMIT,
    "phone": field_checks.PHONE_LIMIT,
    "contact_phone": field_checks.PHONE_LIMIT,
    "website": field_checks.WEBSITE_LIMIT,
    "time_commitment": field_checks.NAME_LIMIT,
    "languages": field_checks.NAME_LIMIT,
    "address": field_checks.ADDRESS_LIMIT,
    "notes": field_checks.LONG_TEXT_LIMIT,
    "portrait_text": field_checks.LONG_TEXT_LIMIT,
    "consent_source": 200,
}
WHOLE_CITY_WORDS = ("ganz Halle", "stadtweit", "ganze Stadt", "gesamte Stadt", "alle Stadtteile")
_GENDER_SUFFIX = re.compile(r"([:*_/]?innen|[:*_/]in)$")


def list_key(text: str) -> str:
    """Comparison form of a list value: case, spacing, umlauts and gender forms ignored.

    "Senior:innen", "Seniorinnen" and "senioren" share a key, as do
    "Heide-Nord" and "heide nord".
    """
    folded = fold_german(text).strip()
    folded = _GENDER_SUFFIX.sub("", folded)
    folded = re.sub(r"[\W_]+", "", folded)
    return re.sub(r"(en|n|e)$", "", folded)


class ListMatcher:
    """Finds known names for typed values, e.g. "familie" → "Familien"."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(names)
        self._keys: dict[str, str] = {}
        for name in self.names:
            self._keys.setdefault(list_key(name), name)
        for name in self.names:  # "Geflüchtete" alone means "Geflüchtete/Zugewanderte"
            for part in name.split("/"):
                self._keys.setdefault(list_key(part), name)

    def match(self, value: str) -> str | None:
        return self._keys.get(list_key(value))

    def add(self, name: str) -> None:
        self.names.append(name)
        self._keys.setdefault(list_key(name), name)


@dataclass
class ProjectValues:
    """The clean values of one row: project fields (only the mapped ones) and a contact."""

    line: int
    name: str
    project: dict[str, object] = field(default_factory=dict)
    contact: dict[str, object] = field(default_factory=dict)
    new_groups: list[str] = field(default_factory=list)
    new_districts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return fold_german(" ".join(self.name.split()))


def status_value(text: str) -> str:
    """A status from its German label or stored value; ValueError otherwise."""
    wanted = text.strip().casefold()
    for status in ProjectStatus:
        if wanted in (status.value, labels.PROJECT_STATUS[status].casefold()):
            return status.value
    raise ValueError(f"Status „{text}“ unbekannt – erlaubt sind aktiv, pausiert, ausgeschieden.")


def same_checked(stored: str, new: str, check: str) -> bool:
    """Whether two e-mails/phones/URLs are the same once both are normalised."""
    return _normal(stored, check) == _normal(new, check)


def _normal(value: str, check: str) -> str:
    value = value.strip()
    if not value:
        return ""
    checker = {"email": check_email, "phone": check_phone, "website": check_url}[check]
    try:
        return checker(value).casefold() if check == "email" else checker(value)
    except ValueError:
        return value


def read_row(record: Record, groups: ListMatcher, districts: ListMatcher) -> ProjectValues:
    """Check one record; errors are collected, not raised."""
    values = ProjectValues(record.line, " ".join(record.get("name").split()))
    if not values.name:
        values.errors.append("Projektname fehlt.")
    values.errors.extend(record.control_character_errors(PROJECT_FIELDS))
    values.errors.extend(record.length_errors(IMPORT_LIMITS, IMPORT_FIELDS))
    project, errors = values.project, values.errors
    for key in ("organisation", "time_commitment", "languages"):
        if record.has(key):
            project[key] = " ".join(record.get(key).split())
    for key in ("address", "notes", "portrait_text"):
        if record.has(key):
            project[key] = record.get(key).strip()
    if record.has("flyer_text"):
        flyer = record.get("flyer_text").strip()
        if len(flyer) > FLYER_TEXT_LIMIT:
            errors.append(
                f"Flyertext zu lang ({len(flyer)} Zeichen, höchstens {FLYER_TEXT_LIMIT})."
            )
        project["flyer_text"] = flyer
    _checked(record, project, errors, "email", check_email)
    _checked(record, project, errors, "phone", check_phone)
    _checked(record, project, errors, "website", _website)
    _parsed(record, project, errors, "seeks_volunteers", _bool, empty=False)
    _parsed(record, project, errors, "status", status_value, empty=ProjectStatus.ACTIVE.value)
    for key in ("member_since", "leitbild_signed_on"):
        _parsed(record, project, errors, key, _date)
    if record.has("target_groups"):
        project["target_groups"] = _match_list(
            record.get("target_groups"), groups, values.new_groups, groups.names
        )
    if record.has("districts"):
        items = split_list_cell(record.get("districts"), keep=())
        whole = [i for i in items if list_key(i) in {list_key(w) for w in WHOLE_CITY_WORDS}]
        project["serves_whole_city"] = bool(whole)
        rest = ", ".join(i for i in items if i not in whole)
        project["districts"] = _match_list(rest, districts, values.new_districts, ())
    _read_contact(record, values)
    return values


def _read_contact(record: Record, values: ProjectValues) -> None:
    contact, errors = values.contact, values.errors
    name = " ".join(record.get("contact_name").split())
    email_key = "contact_email" if record.has("contact_email") else "email"
    phone_key = "contact_phone" if record.has("contact_phone") else "phone"
    if not name:
        if record.get("contact_email") or record.get("contact_phone"):
            errors.append("Name der Ansprechperson fehlt.")
        return
    contact["first_name"], contact["last_name"] = split_full_name(name)
    found: dict[str, object] = dict(values.project)
    if email_key == "contact_email":
        _checked(record, found, errors, email_key, check_email)
    if phone_key == "contact_phone":
        _checked(record, found, errors, phone_key, check_phone)
    contact["email"] = found.get(email_key, "")
    contact["phone"] = found.get(phone_key, "")
    if record.has("contact_role"):
        contact["role"] = " ".join(record.get("contact_role").split())
    _parsed(record, contact, errors, "on_mailing_list", _bool, empty=False)
    _parsed(record, contact, errors, "consent_on", _date)
    if record.has("consent_source"):
        contact["consent_source"] = " ".join(record.get("consent_source").split())
    if contact.get("on_mailing_list") and not contact["email"]:
        errors.append("Für den Verteiler fehlt die E-Mail-Adresse der Ansprechperson.")


def _match_list(
    cell: str, matcher: ListMatcher, new: list[str], keep: Iterable[str]
) -> tuple[str, ...]:
    names: list[str] = []
    for item in split_list_cell(cell, keep=[*keep, *SLASH_TERMS]):
        known = matcher.match(item)
        if known is None:
            matcher.add(item)
            new.append(item)
            known = item
        if known not in names:
            names.append(known)
    return tuple(names)


def _checked(record: Record, target: dict, errors: list[str], key: str, check) -> None:  # type: ignore[no-untyped-def,type-arg]
    if not record.has(key):
        return
    raw = record.get(key).strip()
    if not raw:
        target[key] = ""
        return
    try:
        checked = check(raw)
        # Phone numbers and web addresses stay as the office wrote them ("0345 328 86 89");
        # they are normalised only to compare them with what is stored.
        if key in ("website", "phone", "contact_phone") and checked:
            target[key] = " ".join(raw.split())
        else:
            target[key] = checked
    except ValueError as error:
        errors.append(str(error))


def _parsed(record: Record, target: dict, errors: list[str], key: str, parse, empty=None) -> None:  # type: ignore[no-untyped-def,type-arg]
    if not record.has(key):
        return
    raw = record.get(key).strip()
    if not raw:
        target[key] = empty
        return
    try:
        target[key] = parse(raw)
    except ValueError as error:
        errors.append(str(error))


def _website(text: str) -> str:
    return check_url(text)


def _bool(text: str) -> bool:
    return bool(parse_bool_de(text))


def _date(text: str) -> dt.date | None:
    value = parse_date_de(text)
    return value.date() if isinstance(value, dt.datetime) else value
