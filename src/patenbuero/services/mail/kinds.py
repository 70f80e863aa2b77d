"""The kinds of mail the office sends, who gets them and their German default texts.

Texts are ``string.Template`` strings with German placeholders (``${Name}``);
nothing in them is evaluated, unknown placeholders are refused when saving.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MailKind(StrEnum):
    CONFIRMATION = "confirmation"
    WAITLIST = "waitlist"
    REMINDER = "reminder"
    MOVED_UP = "moved_up"
    CHANGED = "changed"
    CANCELLED = "cancelled"
    INVITATION = "invitation"
    TASK_REMINDER = "task_reminder"
    FORWARDING = "forwarding"
    FOLLOW_UP = "follow_up"


class Audience(StrEnum):
    CONFIRMED = "confirmed"  # registered with a place
    WAITLISTED = "waitlisted"
    MOVED_UP = "moved_up"  # confirmed after waiting
    REGISTERED = "registered"  # with a place or waiting
    MAILING_LIST = "mailing_list"  # the Verteiler
    TASK_TAKERS = "task_takers"  # contacts who took on an open task of the event
    PROJECTS = "projects"  # member projects an inquiry was forwarded to


@dataclass(frozen=True)
class KindInfo:
    kind: MailKind
    label: str
    audience: Audience
    subject: str
    body: str


PLACEHOLDERS: dict[str, str] = {
    "Anrede": "Anrede mit Namen, z. B. „Guten Tag Friederike Thiele“",
    "Name": "Vor- und Nachname",
    "Veranstaltung": "Titel der Veranstaltung",
    "Datum": "Wochentag, Datum und Uhrzeit",
    "Ort": "Ort und Anschrift (oder Online-Link)",
    "Tagesordnung": "die Tagesordnung mit Uhrzeiten",
    "Wartelistenplatz": "Platz auf der Warteliste",
    "Datenschutz": "Link zur Datenschutzerklärung",
    "Aufgabe": "die übernommene Aufgabe mit Fälligkeit",
    "Projekt": "Name des Mitgliedsprojekts",
    "Anfrage": "die weitergeleitete Anfrage",
    "Weitergeleitet": "Datum der Weiterleitung",
    "Absender": "Name der Koordinierungsstelle",
}

_CLOSING = "\n\nMit freundlichen Grüßen\n${Absender}\n\nDatenschutz: ${Datenschutz}"

KINDS: tuple[KindInfo, ...] = (
    KindInfo(
        MailKind.CONFIRMATION,
        "Anmeldebestätigung",
        Audience.CONFIRMED,
        "Anmeldebestätigung: ${Veranstaltung}",
        "${Anrede},\n\nvielen Dank für Ihre Anmeldung. Ihr Platz bei „${Veranstaltung}“ "
        "ist bestätigt.\n\nWann: ${Datum}\nWo: ${Ort}\n\nWenn Sie doch nicht kommen können, "
        "sagen Sie bitte kurz ab, damit jemand von der Warteliste nachrücken kann." + _CLOSING,
    ),
    KindInfo(
        MailKind.WAITLIST,
        "Warteliste",
        Audience.WAITLISTED,
        "Warteliste: ${Veranstaltung}",
        "${Anrede},\n\nvielen Dank für Ihre Anmeldung zu „${Veranstaltung}“ am ${Datum}. "
        "Leider sind alle Plätze vergeben; Sie stehen auf Platz ${Wartelistenplatz} der "
        "Warteliste. Sobald ein Platz frei wird, geben wir Ihnen Bescheid." + _CLOSING,
    ),
    KindInfo(
        MailKind.REMINDER,
        "Erinnerung vor der Veranstaltung",
        Audience.CONFIRMED,
        "Erinnerung: ${Veranstaltung} am ${Datum}",
        "${Anrede},\n\nwir freuen uns, Sie bald bei „${Veranstaltung}“ zu sehen.\n\n"
        "Wann: ${Datum}\nWo: ${Ort}\n\nFalls Sie verhindert sind, sagen Sie bitte ab." + _CLOSING,
    ),
    KindInfo(
        MailKind.MOVED_UP,
        "Nachgerückt",
        Audience.MOVED_UP,
        "Sie sind nachgerückt: ${Veranstaltung}",
        "${Anrede},\n\ngute Nachricht: Für „${Veranstaltung}“ ist ein Platz frei geworden, "
        "Ihre Anmeldung ist jetzt bestätigt.\n\nWann: ${Datum}\nWo: ${Ort}" + _CLOSING,
    ),
    KindInfo(
        MailKind.CHANGED,
        "Änderung von Zeit oder Ort",
        Audience.REGISTERED,
        "Geändert: ${Veranstaltung}",
        "${Anrede},\n\nbei „${Veranstaltung}“ hat sich etwas geändert. Es gilt jetzt:\n\n"
        "Wann: ${Datum}\nWo: ${Ort}\n\nIhre Anmeldung bleibt bestehen." + _CLOSING,
    ),
    KindInfo(
        MailKind.CANCELLED,
        "Absage der Veranstaltung",
        Audience.REGISTERED,
        "Abgesagt: ${Veranstaltung} am ${Datum}",
        "${Anrede},\n\nleider müssen wir „${Veranstaltung}“ am ${Datum} absagen. "
        "Wir bitten um Entschuldigung und informieren Sie gern über einen neuen Termin." + _CLOSING,
    ),
    KindInfo(
        MailKind.INVITATION,
        "Einladung an den Verteiler",
        Audience.MAILING_LIST,
        "Einladung: ${Veranstaltung} am ${Datum}",
        "Liebe Mitglieder des Patenschaftsnetzwerks,\n\nherzlich laden wir Sie zu "
        "„${Veranstaltung}“ ein.\n\nWann: ${Datum}\nWo: ${Ort}\n\nTagesordnung:\n"
        "${Tagesordnung}\n\nWir freuen uns auf Sie!" + _CLOSING,
    ),
    KindInfo(
        MailKind.TASK_REMINDER,
        "Erinnerung an eine Aufgabe",
        Audience.TASK_TAKERS,
        "Erinnerung: ${Aufgabe}",
        "${Anrede},\n\nfür „${Veranstaltung}“ am ${Datum} haben Sie diese Aufgabe "
        "übernommen: ${Aufgabe}.\n\nVielen Dank für Ihre Unterstützung!" + _CLOSING,
    ),
    KindInfo(
        MailKind.FORWARDING,
        "Weiterleitung einer Anfrage",
        Audience.PROJECTS,
        "Anfrage für ${Projekt}",
        "Liebe Kolleg:innen von ${Projekt},\n\nbei uns ist eine Anfrage eingegangen, die gut "
        "zu Ihrem Projekt passen könnte:\n\n${Anfrage}\n\nGeben Sie uns gern kurz Bescheid, "
        "ob eine Patenschaft zustande kommt." + _CLOSING,
    ),
    KindInfo(
        MailKind.FOLLOW_UP,
        "Nachfrage nach einer Weiterleitung",
        Audience.PROJECTS,
        "Nachfrage: Anfrage vom ${Weitergeleitet}",
        "Liebe Kolleg:innen von ${Projekt},\n\nam ${Weitergeleitet} haben wir Ihnen eine "
        "Anfrage weitergeleitet:\n\n${Anfrage}\n\nWas ist daraus geworden? Haben Sie Kontakt "
        "aufgenommen, hat eine Patenschaft begonnen, oder passte es nicht? Eine kurze "
        "Antwort genügt; sie fließt anonym in unseren Sachbericht ein." + _CLOSING,
    ),
)


def kind_info(kind: str) -> KindInfo:
    for info in KINDS:
        if info.kind == kind:
            return info
    raise KeyError(kind)
