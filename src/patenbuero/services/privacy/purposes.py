"""The purposes the office processes personal data for, with basis and wording.

One table feeds the consent forms, the Auskunft and the Art. 30 record, so that
what the office tells a person and its data protection officer is the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

from patenbuero.db.enums import ConsentPurpose, LegalBasis, SubjectKind


@dataclass(frozen=True)
class Purpose:
    key: str
    label: str
    description: str
    needs_consent: bool  # True: only consent (or legitimate interest where allowed)
    default_basis: str
    categories: str  # categories of data
    recipients: str


PURPOSES: tuple[Purpose, ...] = (
    Purpose(
        ConsentPurpose.EVENTS.value,
        "Teilnahme an Veranstaltungen",
        "Anmeldung, Warteliste, Teilnehmerliste, Namensschild und Bescheinigung.",
        False,
        LegalBasis.CONTRACT.value,
        "Name, E-Mail, Telefon, Organisation, Anmeldungen, Anwesenheit",
        "Fördermittelgeber (nur Teilnehmerlisten geförderter Veranstaltungen)",
    ),
    Purpose(
        ConsentPurpose.MAILING_LIST.value,
        "Verteiler und Netzwerk-Mails",
        "Einladungen und Informationen des Netzwerks per E-Mail.",
        True,
        LegalBasis.CONSENT.value,
        "Name, E-Mail, Funktion, Projekt",
        "keine (Versand durch die Koordinierungsstelle)",
    ),
    Purpose(
        ConsentPurpose.PHOTOS.value,
        "Fotos bei Veranstaltungen",
        "Fotos für Bericht, Website und Presse.",
        True,
        LegalBasis.CONSENT.value,
        "Bild",
        "Öffentlichkeit (Website, Presse) nur mit Einwilligung",
    ),
    Purpose(
        ConsentPurpose.PASS_ON.value,
        "Weitergabe an ein Projekt",
        "Anfragen werden an passende Mitgliedsprojekte weitergeleitet.",
        True,
        LegalBasis.CONSENT.value,
        "Name, E-Mail, Telefon, Anliegen, Stadtteil",
        "Mitgliedsprojekte des Netzwerks",
    ),
    Purpose(
        ConsentPurpose.FOLLOW_UP.value,
        "Kontakt nach einer Veranstaltung",
        "Nachfragen, Unterlagen und Hinweise auf weitere Angebote.",
        True,
        LegalBasis.CONSENT.value,
        "Name, E-Mail",
        "keine",
    ),
)

BASIS_LABELS = {
    LegalBasis.CONTRACT.value: "Vertrag/Teilnahme (Art. 6 Abs. 1 b)",
    LegalBasis.CONSENT.value: "Einwilligung (Art. 6 Abs. 1 a)",
    LegalBasis.LEGITIMATE_INTEREST.value: "berechtigtes Interesse (Art. 6 Abs. 1 f)",
    LegalBasis.REFUSED.value: "abgelehnt/kein Einverständnis",
}
SOURCES = ("Webformular", "Papier", "E-Mail", "mündlich")
KIND_LABELS = {
    SubjectKind.PERSON.value: "Teilnehmer:in",
    SubjectKind.INQUIRY.value: "Anfrage",
    SubjectKind.CONTACT.value: "Ansprechpartner:in",
}


def purpose(key: str) -> Purpose:
    for entry in PURPOSES:
        if entry.key == key:
            return entry
    raise KeyError(key)


def purpose_label(key: str) -> str:
    return purpose(key).label
