"""German names of the domain's vocabularies, shared by the GUI, the command line and PDFs."""

from __future__ import annotations

from patenbuero.db.enums import (
    EventKind,
    EventStatus,
    ForwardingOutcome,
    InquiryChannel,
    InquiryKind,
    InquiryStatus,
    OrganisationKind,
    PersonRole,
    ProjectStatus,
    RegistrationChange,
    RegistrationStatus,
)

PROJECT_STATUS = {
    ProjectStatus.ACTIVE: "aktiv",
    ProjectStatus.PAUSED: "pausiert",
    ProjectStatus.LEFT: "ausgeschieden",
}

ORGANISATION_KIND = {
    OrganisationKind.ASSOCIATION: "Verein",
    OrganisationKind.FOUNDATION: "Stiftung",
    OrganisationKind.MUNICIPALITY: "Kommune",
    OrganisationKind.CHURCH: "Kirche",
    OrganisationKind.MIGRANT_ORGANISATION: "Migrantenorganisation",
    OrganisationKind.VOLUNTEER_AGENCY: "Freiwilligen-Agentur",
    OrganisationKind.OTHER: "Sonstige",
}

EVENT_KIND = {
    EventKind.NETWORK_MEETING: "Vernetzungstreffen",
    EventKind.SPECIALIST_DAY: "Fachtag",
    EventKind.COORDINATOR_TRAINING: "Fortbildung für Koordinator:innen",
    EventKind.SERIES_MODULE: "Modul der Fortbildungsreihe",
    EventKind.INFO_STAND: "Infostand",
    EventKind.ONLINE: "Online-Veranstaltung",
    EventKind.OTHER: "Sonstiges",
}

EVENT_STATUS = {
    EventStatus.IDEA: "Idee",
    EventStatus.PLANNED: "geplant",
    EventStatus.CONFIRMED: "bestätigt",
    EventStatus.DONE: "durchgeführt",
    EventStatus.CANCELLED: "abgesagt",
}

REGISTRATION_STATUS = {
    RegistrationStatus.CONFIRMED: "bestätigt",
    RegistrationStatus.WAITLISTED: "Warteliste",
    RegistrationStatus.CANCELLED: "storniert",
}

REGISTRATION_CHANGE = {
    RegistrationChange.REGISTERED: "angemeldet",
    RegistrationChange.WAITLISTED: "auf die Warteliste gesetzt",
    RegistrationChange.MOVED_UP: "von der Warteliste nachgerückt",
    RegistrationChange.CANCELLED: "storniert",
    RegistrationChange.ATTENDED: "anwesend",
    RegistrationChange.ABSENT: "nicht erschienen",
    RegistrationChange.MERGED: "zusammengeführt",
}

PERSON_ROLE = {
    PersonRole.VOLUNTEER: "Pat:in",
    PersonRole.COORDINATOR: "Koordinator:in",
    PersonRole.INTERESTED: "Interessierte:r",
    PersonRole.SPEAKER: "Referent:in",
}

INQUIRY_KIND = {
    InquiryKind.BECOME_VOLUNTEER: "möchte Pat:in werden",
    InquiryKind.SEEK_MENTORSHIP: "sucht eine Patenschaft",
    InquiryKind.JOIN_NETWORK: "möchte dem Netzwerk beitreten",
    InquiryKind.OTHER: "Sonstiges",
}

INQUIRY_CHANNEL = {
    InquiryChannel.PHONE: "Telefon",
    InquiryChannel.EMAIL: "E-Mail",
    InquiryChannel.WEB_FORM: "Webformular",
    InquiryChannel.IN_PERSON: "persönlich im Büro",
    InquiryChannel.INFO_STAND: "Infostand",
    InquiryChannel.OTHER: "anderer Weg",
    InquiryChannel.UNKNOWN: "nicht erfasst",
}

FORWARDING_OUTCOME = {
    ForwardingOutcome.UNKNOWN: "noch offen",
    ForwardingOutcome.CONTACTED: "Kontakt aufgenommen",
    ForwardingOutcome.STARTED: "Patenschaft begonnen",
    ForwardingOutcome.NOT_STARTED: "passt nicht",
    ForwardingOutcome.NO_REPLY: "keine Rückmeldung",
}

INQUIRY_STATUS = {
    InquiryStatus.OPEN: "offen",
    InquiryStatus.FORWARDED: "weitergeleitet",
    InquiryStatus.CLOSED: "erledigt",
}


def label(table: dict, value: str) -> str:  # type: ignore[type-arg]
    """The German label of a stored value; the value itself if it is unknown."""
    return str(table.get(value, value))
