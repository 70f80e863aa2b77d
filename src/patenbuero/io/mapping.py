"""Import fields and the guess which file column holds which field.

Offices name their columns in many ways ("E-Mail-Adresse", "Mail",
"Email"); :func:`guess_mapping` proposes a column → field assignment that
the office confirms or corrects before importing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from patenbuero.io.names import fold_german


@dataclass(frozen=True)
class FieldSpec:
    """A field an import can fill: key in the code, German label, header aliases."""

    key: str
    label_de: str
    aliases: tuple[str, ...]
    required: bool = False


_EMAIL = ("E-Mail", "E-Mail-Adresse", "Mail", "Mailadresse", "Email", "Email address")
_PHONE = ("Telefon", "Tel.", "Telefonnummer", "Phone", "Handy", "Mobil", "Mobilnummer", "Mobile")
_NOTES = ("Bemerkung", "Bemerkungen", "Anmerkung", "Anmerkungen", "Hinweis", "Hinweise")
_NOTES_MORE = ("Kommentar", "Kommentare", "Notiz", "Notizen", "Notes", "Remarks", "Comments")

PROJECT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "name",
        "Projektname",
        ("Projektname", "Projekt", "Name", "Patenprojekt", "Mitgliedsprojekt", "Project"),
        required=True,
    ),
    FieldSpec(
        "organisation",
        "Träger",
        ("Träger", "Trägerorganisation", "Organisation", "Einrichtung", "Verein", "Organization"),
    ),
    FieldSpec("target_groups", "Zielgruppen", ("Zielgruppen", "Zielgruppe", "Target groups")),
    FieldSpec("districts", "Stadtteile", ("Stadtteile", "Stadtteil", "Einsatzort", "Districts")),
    FieldSpec(
        "contact_name",
        "Ansprechpartner:in",
        ("Ansprechpartner:in", "Ansprechpartner", "Ansprechperson", "Kontaktperson", "Contact"),
    ),
    FieldSpec("email", "E-Mail", _EMAIL),
    FieldSpec("phone", "Telefon", _PHONE),
    FieldSpec("website", "Website", ("Website", "Webseite", "Homepage", "Internet", "URL")),
    FieldSpec(
        "seeks_volunteers",
        "sucht Pat:innen",
        (
            "sucht Pat:innen",
            "sucht Paten",
            "Pat:innen gesucht",
            "Paten gesucht",
            "Seeks volunteers",
        ),
    ),
    FieldSpec(
        "time_commitment",
        "Zeitaufwand",
        ("Zeitaufwand", "Zeitumfang", "Zeitlicher Aufwand", "Aufwand", "Time commitment"),
    ),
    FieldSpec(
        "flyer_text",
        "Flyertext",
        ("Flyertext", "Beschreibung", "Kurzbeschreibung", "Projektbeschreibung", "Description"),
    ),
    FieldSpec("languages", "Sprachen", ("Sprachen", "Sprache", "Languages")),
    FieldSpec("address", "Adresse", ("Adresse", "Anschrift", "Postanschrift", "Address")),
    FieldSpec("notes", "Bemerkungen", _NOTES + _NOTES_MORE),
    FieldSpec("contact_role", "Funktion", ("Funktion", "Rolle", "Position", "Role")),
)

REGISTRATION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "last_name",
        "Nachname",
        ("Nachname", "Familienname", "Surname", "Last name", "Family name"),
        required=True,
    ),
    FieldSpec("first_name", "Vorname", ("Vorname", "Rufname", "First name", "Given name")),
    FieldSpec(
        "full_name",
        "Name (Vor- und Nachname)",
        ("Vor- und Nachname", "Vollständiger Name", "Name, Vorname", "Full name", "Teilnehmer:in"),
    ),
    FieldSpec("email", "E-Mail", _EMAIL),
    FieldSpec("phone", "Telefon", _PHONE),
    FieldSpec(
        "organisation",
        "Organisation / Projekt",
        (
            "Organisation",
            "Einrichtung",
            "Projekt",
            "Organisation / Projekt",
            "Träger",
            "Verein",
            "Institution",
            "Patenprojekt",
            "Organization",
            "Company",
        ),
    ),
    FieldSpec("role", "Rolle", ("Rolle", "Funktion", "Role", "Position", "Ich bin")),
    FieldSpec("remarks", "Bemerkungen", _NOTES + _NOTES_MORE + ("Nachricht", "Sonstiges")),
    FieldSpec(
        "registered_at",
        "Eingangsdatum",
        (
            "Eingangsdatum",
            "Anmeldedatum",
            "Zeitstempel",
            "Timestamp",
            "Datum",
            "Eingang",
            "Anmeldung am",
            "Registered at",
            "Submitted at",
            "Erstellt am",
        ),
    ),
    FieldSpec(
        "photos",
        "Fotos erlaubt",
        ("Fotos", "Fotos erlaubt", "Fotoerlaubnis", "Einwilligung Fotos", "Foto-Einwilligung"),
    ),
    FieldSpec(
        "follow_up",
        "Kontakt danach erlaubt",
        ("Kontakt nach der Veranstaltung", "Kontakt danach", "Infos per E-Mail", "Newsletter"),
    ),
)

# Fields whose header words say what kind of data a column holds: they win
# when a long header mentions several fields ("Telefon Ansprechpartner").
_TYPED_KEYS = ("email", "phone", "website", "registered_at")
_NAME_HEADER = "name"


def normalize_header(text: str) -> str:
    """Header comparison form: case, umlaut spelling, spaces and punctuation ignored."""
    return re.sub(r"[\W_]+", "", fold_german(text))


def guess_mapping(headers: Sequence[str], fields: Sequence[FieldSpec]) -> dict[int, str]:
    """Propose ``{column index: field key}`` for the given headers.

    First exact matches of a normalised alias – a field's earlier, more
    specific aliases win ("Projektname" before "Name"), then the leftmost
    column –, then headers that contain an alias ("Ihre E-Mail-Adresse").
    Each field is used at most once. A column called just "Name" is the surname when a
    first-name column exists, otherwise it holds the full name (``full_name``)
    – provided the field set has those fields.
    """
    normalized = [normalize_header(h) for h in headers]
    keys = {f.key for f in fields}
    mapping: dict[int, str] = {}
    name_columns = [i for i, n in enumerate(normalized) if n == _NAME_HEADER]
    exact = sorted(
        (position, index, key)
        for index, norm in enumerate(normalized)
        if not (index in name_columns and "last_name" in keys)
        for position, key in _exact_fields(norm, fields)
    )
    for _, index, key in exact:
        if index not in mapping and key not in mapping.values():
            mapping[index] = key
    for index, norm in enumerate(normalized):
        if index in mapping or index in name_columns or not norm:
            continue
        field = _contained_field(norm, fields, set(mapping.values()))
        if field:
            mapping[index] = field
    if name_columns and "last_name" in keys:
        has_first = "first_name" in mapping.values()
        wanted = "last_name" if has_first or "full_name" not in keys else "full_name"
        if wanted not in mapping.values():
            mapping[name_columns[0]] = wanted
    return dict(sorted(mapping.items()))


def _exact_fields(norm: str, fields: Sequence[FieldSpec]) -> list[tuple[int, str]]:
    """``(alias position, field key)`` of every field with an alias equal to ``norm``."""
    found: list[tuple[int, str]] = []
    for field in fields:
        positions = [p for p, a in enumerate(field.aliases) if normalize_header(a) == norm]
        if positions:
            found.append((positions[0], field.key))
    return found


def _contained_field(norm: str, fields: Sequence[FieldSpec], used: set[str]) -> str | None:
    best: tuple[bool, int] | None = None
    best_key: str | None = None
    for field in fields:
        if field.key in used:
            continue
        for alias in map(normalize_header, field.aliases):
            if len(alias) < 4 or alias == _NAME_HEADER or alias not in norm:
                continue
            score = (field.key in _TYPED_KEYS, len(alias))
            if best is None or score > best:
                best, best_key = score, field.key
    return best_key


def missing_required(mapping: dict[int, str], fields: Sequence[FieldSpec]) -> list[FieldSpec]:
    """Required fields no column is mapped to; ``full_name`` stands in for ``last_name``."""
    mapped = set(mapping.values())
    if "full_name" in mapped:
        mapped.add("last_name")
    return [f for f in fields if f.required and f.key not in mapped]


_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "vom", "zum", "zur", "di", "da"})


def split_full_name(text: str) -> tuple[str, str]:
    """Split a full name into ``(first name, surname)``.

    "Nachname, Vorname" is recognised by its comma. Otherwise the last word
    is the surname, together with name particles before it ("von der Leyen").
    A single word is taken as the surname.
    """
    text = " ".join(text.split())
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    words = text.split(" ")
    if len(words) < 2:
        return "", text
    start = len(words) - 1
    while start > 1 and words[start - 1] in _PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])
