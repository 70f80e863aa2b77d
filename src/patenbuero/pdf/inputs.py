"""Plain input data for the PDF documents.

The services layer fills these frozen dataclasses from the database and hands them to
the ``build_*`` functions of :mod:`patenbuero.pdf`; the PDF module never reads the
database itself. Identifiers are English, every text that reaches the page is German
and is printed exactly as given (names in any script: Latin, Cyrillic, Arabic …).
Optional fields are ``None`` (or empty) when unknown; the document then leaves them out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from patenbuero.pdf.plain_text import clean, with_latin

NO_PHOTOS_MARK = "•"  # beside the number on the attendance list: please no photos
NO_PHOTOS_LEGEND = "• = möchte nicht fotografiert werden."
DEFAULT_PRIVACY_NOTE = (
    "Hinweis zum Datenschutz: Die Angaben auf dieser Liste dienen ausschließlich dem "
    "Nachweis der Teilnahme gegenüber den Fördermittelgebern und werden nach Ablauf der "
    "gesetzlichen Aufbewahrungsfristen vernichtet (Art. 6 Abs. 1 lit. c DSGVO). "
    "Mit Ihrer Unterschrift bestätigen Sie Ihre Teilnahme."
)

DEFAULT_CONSENT_TEXT = (
    "Einwilligung: Ich bin damit einverstanden, dass das Patenschaftsnetzwerk Halle "
    "meinen Namen und meine Kontaktdaten speichert, um mich zu meinem Interesse zu "
    "informieren und an ein passendes Patenprojekt weiterzuleiten. Die Daten werden nicht "
    "an Dritte außerhalb des Netzwerks weitergegeben. Ich kann die Einwilligung jederzeit "
    "ohne Angabe von Gründen widerrufen (Art. 6 Abs. 1 lit. a, Art. 7 Abs. 3 DSGVO)."
)


@dataclass(frozen=True)
class Office:
    """The coordinating office and the network, as printed in headers and letters.

    All texts are the office's own words from the app's settings.
    """

    network_name: str = "Patenschaftsnetzwerk Halle"
    office_name: str = "Freiwilligen-Agentur Halle"
    address_lines: tuple[str, ...] = ()  # e.g. ("Leipziger Straße 82", "06108 Halle (Saale)")
    phone: str | None = None
    email: str | None = None
    website: str | None = None  # e.g. "www.patenschaften-halle.de"
    funder_line: str | None = None  # e.g. "Gefördert durch die Stadt Halle (Saale)"

    @property
    def contact_line(self) -> str:
        """One line for footers: address, phone, e-mail and website joined by " · "."""
        parts = [*self.address_lines, self.phone, self.email, self.website]
        return " · ".join(clean(p) for p in parts if p and clean(p))


@dataclass(frozen=True)
class Participant:
    """A person on a list, a badge or a certificate.

    ``latin_first_name``/``latin_last_name`` are optional Latin spellings of names in
    another script; they are printed in brackets after the name and used for sorting.
    """

    first_name: str
    last_name: str
    organisation: str | None = None  # Organisation or Patenprojekt
    latin_first_name: str | None = None
    latin_last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    no_photos: bool = False  # printed as a discreet mark (NO_PHOTOS_MARK)

    @property
    def full_name(self) -> str:
        """First and last name in the original script, e.g. "محمد الحسن"."""
        return clean(f"{self.first_name} {self.last_name}")

    @property
    def latin_full_name(self) -> str | None:
        """The Latin spelling of the full name, if one was given."""
        if not (self.latin_first_name or self.latin_last_name):
            return None
        first = self.latin_first_name or self.first_name
        last = self.latin_last_name or self.last_name
        return clean(f"{first} {last}")

    @property
    def display_name(self) -> str:
        """Full name with the Latin spelling: "محمد الحسن (Mohammed Al-Hassan)"."""
        return with_latin(self.full_name, self.latin_full_name)

    @property
    def contact(self) -> str:
        """E-mail and phone on one line (for lists that ask for contact data)."""
        return " · ".join(clean(p) for p in (self.email, self.phone) if p and clean(p))


@dataclass(frozen=True)
class Funder:
    """Funding details many funders want on the attendance list."""

    name: str  # Fördermittelgeber, e.g. "Stadt Halle (Saale)"
    measure: str | None = None  # Maßnahme / Projekt
    funding_code: str | None = None  # Förderkennzeichen
    teaching_units: float | None = None  # Unterrichtseinheiten (UE), e.g. 4 or 2.5
    logo: bytes | None = None  # PNG, printed on every page

    @property
    def lines(self) -> tuple[str, ...]:
        """The funder as printed on every page: name, then measure, code and units."""
        details = []
        if self.measure:
            details.append(f"Maßnahme: {clean(self.measure)}")
        if self.funding_code:
            details.append(f"Förderkennzeichen: {clean(self.funding_code)}")
        if self.teaching_units is not None:
            units = f"{self.teaching_units:g}".replace(".", ",")
            details.append(f"Unterrichtseinheiten: {units}")
        head = f"Gefördert durch: {clean(self.name)}"
        return (head, " · ".join(details)) if details else (head,)


@dataclass(frozen=True)
class AttendanceListInput:
    """Teilnehmerliste / Unterschriftenliste of one event.

    ``participants`` must hold only the confirmed registrations (no waitlist, no
    cancellations); the list prints them sorted by last name in German order.
    """

    office: Office
    event_title: str
    date: dt.date
    place: str
    participants: tuple[Participant, ...]
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    speaker: str | None = None  # Referent:in
    funder: Funder | None = None
    privacy_note: str = DEFAULT_PRIVACY_NOTE


@dataclass(frozen=True)
class Badge:
    """One name badge."""

    name: str  # as it should appear, e.g. "Özlem Yılmaz"
    organisation: str | None = None  # printed small under the name
    latin_name: str | None = None  # optional Latin spelling, printed under the name
    role: str | None = None  # e.g. "Referentin", "Team Netzwerkbüro"
    no_photos: bool = False  # a small dot in the lower right corner


@dataclass(frozen=True)
class BadgesInput:
    """A set of badges for one event; ``event_title`` is printed on each badge (8 pt).

    ``show_event`` False leaves the event line off every badge.
    """

    office: Office
    badges: tuple[Badge, ...]
    event_title: str | None = None
    show_event: bool = True


@dataclass(frozen=True)
class SeriesModule:
    """One module of a Fortbildungsreihe."""

    date: dt.date
    title: str
    teaching_units: float | None = None


@dataclass(frozen=True)
class CertificateRecipient:
    """A person who receives a certificate; ``modules`` None means all modules of the series."""

    person: Participant
    modules: tuple[SeriesModule, ...] | None = None


@dataclass(frozen=True)
class CertificateInput:
    """Teilnahmebescheinigungen for a series: one page per recipient."""

    office: Office
    series_title: str  # e.g. "Fortbildungsreihe für Pat:innen 2026"
    modules: tuple[SeriesModule, ...]
    recipients: tuple[CertificateRecipient, ...]
    place: str  # place of issue, e.g. "Halle (Saale)"
    issue_date: dt.date
    signatory_name: str
    signatory_role: str | None = None  # e.g. "Koordination Patenschaftsnetzwerk"
    description: str | None = None  # one or two sentences about the series' content


@dataclass(frozen=True)
class AgendaItem:
    """One item of a Tagesordnung."""

    title: str
    start: dt.time | None = None
    end: dt.time | None = None
    speaker: str | None = None
    note: str | None = None  # a short line under the title


@dataclass(frozen=True)
class InvitationInput:
    """Einladung mit Tagesordnung, sent to the Verteiler."""

    office: Office
    letter_date: dt.date
    title: str  # e.g. "Einladung zum Vernetzungstreffen"
    event_date: dt.date
    greeting: str  # e.g. "Liebe Mitglieder des Patenschaftsnetzwerks,"
    body: tuple[str, ...]  # paragraphs of the letter
    agenda: tuple[AgendaItem, ...]
    signatory_name: str
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    online_link: str | None = None  # printed as text and as a QR code
    recipient_lines: tuple[str, ...] = ()  # address block; empty for a circular letter
    closing: str = "Herzliche Grüße"
    signatory_role: str | None = None
    registration_note: str | None = None  # e.g. "Bitte melden Sie sich bis … an."


@dataclass(frozen=True)
class InterestListInput:
    """Blank sign-up sheet for info stands (Interessiertenliste)."""

    office: Office
    title: str = "Interesse an einer Patenschaft?"
    occasion: str | None = None  # e.g. "Infostand auf dem Marktplatz"
    date: dt.date | None = None
    intro: str = (
        "Tragen Sie sich ein – wir melden uns bei Ihnen und stellen den Kontakt zu einem "
        "passenden Patenprojekt her."
    )
    interests: tuple[str, ...] = field(
        default=("Pat:in werden", "Patenschaft suchen", "Projekt/Netzwerk kennenlernen")
    )
    consent_text: str = DEFAULT_CONSENT_TEXT


@dataclass(frozen=True)
class ProjectContact:
    """How to reach a member project: an Ansprechpartner:in and the project's channels."""

    name: str | None = None  # e.g. "Özlem Yılmaz"
    phone: str | None = None
    email: str | None = None
    website: str | None = None  # e.g. "www.lesewelt-halle.de"
    address: str | None = None  # one line, e.g. "Große Ulrichstraße 7, 06108 Halle (Saale)"


@dataclass(frozen=True)
class FlyerProject:
    """One active member project on the back of the Netzwerk-Handzettel.

    ``target_groups`` are the project's Zielgruppen; the flyer lists the project once,
    under the first of them in :attr:`FlyerInput.target_group_order`.
    """

    name: str
    flyer_text: str = ""  # one short line, e.g. "Vorlesen für Kinder in Kitas und Schulen"
    target_groups: tuple[str, ...] = ()
    contact: ProjectContact = field(default_factory=ProjectContact)
    seeks_volunteers: bool = False  # prints the mark "sucht Pat:innen"


@dataclass(frozen=True)
class FlyerInput:
    """Netzwerk-Handzettel for info stands: A4, front and back (duplex).

    ``introduction``, ``leitbild_preamble``, ``opening_hours`` and ``website`` are the
    office's own texts from the settings. ``projects`` should hold the active members only.
    """

    office: Office
    introduction: str
    leitbild_preamble: str
    website: str  # e.g. "www.patenschaften-halle.de"; printed and encoded as QR code
    projects: tuple[FlyerProject, ...]
    opening_hours: str = ""  # e.g. "Mo–Do 9–16 Uhr, Fr 9–13 Uhr"; line breaks are kept
    target_group_order: tuple[str, ...] = ()  # heading order; others follow alphabetically
    subtitle: str | None = None  # under the title; default: "32 Patenprojekte – ein Netzwerk"
    audience_title: str | None = None  # e.g. "Patenschaften für Kinder" (one target group)


@dataclass(frozen=True)
class ProjectCard:
    """One Projektkarte in DIN lang; ``logo`` is PNG or JPEG bytes (optional)."""

    name: str
    flyer_text: str = ""
    target_groups: tuple[str, ...] = ()
    time_commitment: str | None = None  # Zeitaufwand, e.g. "1–2 Stunden pro Woche"
    districts: tuple[str, ...] = ()  # Stadtteile; ("ganz Halle",) for the whole city
    contact: ProjectContact = field(default_factory=ProjectContact)
    seeks_volunteers: bool = False
    logo: bytes | None = None


@dataclass(frozen=True)
class ProjectCardsInput:
    """Projektkarten: three DIN-lang cards per A4 landscape sheet, in the given order."""

    office: Office
    cards: tuple[ProjectCard, ...]
    crop_marks: bool = True  # Schnittmarken on the cut lines


@dataclass(frozen=True)
class PortraitProject:
    """One Projektporträt page; ``portrait_text`` may hold paragraphs separated by blank lines."""

    name: str
    portrait_text: str
    organisation: str | None = None  # Träger, e.g. "Bürgerstiftung Halle"
    flyer_text: str | None = None  # printed as a short lead under the name
    target_groups: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    time_commitment: str | None = None
    languages: tuple[str, ...] = ()  # e.g. ("Deutsch", "Arabisch", "Ukrainisch")
    contact: ProjectContact = field(default_factory=ProjectContact)
    member_since: dt.date | None = None  # Mitglied im Netzwerk seit
    seeks_volunteers: bool = False
    logo: bytes | None = None  # PNG or JPEG


@dataclass(frozen=True)
class PortraitInput:
    """Projektporträts: one project, or a booklet with a title page when there are several."""

    office: Office
    projects: tuple[PortraitProject, ...]
    booklet_title: str = "Unsere Patenprojekte"
    booklet_intro: str | None = None  # e.g. the network's introduction, on the title page
    booklet_date: dt.date | None = None  # "Stand: …" on the title page


@dataclass(frozen=True)
class YearPlanKind:
    """How one kind of event is marked in the Jahresplan (optional; derived if not given)."""

    label: str  # e.g. "Vernetzungstreffen"
    abbreviation: str  # e.g. "VT"; printed in every marked day, so the plan reads in grey
    colour: str | None = None  # "#1D5C6E"; None picks a house colour


@dataclass(frozen=True)
class YearPlanEvent:
    """One Veranstaltung of the year. Times are local (Europe/Berlin) wall-clock times."""

    date: dt.date
    title: str
    kind: str  # German label, e.g. "Vernetzungstreffen", "Infostand"
    start: dt.time | None = None
    end: dt.time | None = None
    all_day: bool = False
    end_date: dt.date | None = None  # last day of an event over several days
    place: str | None = None
    status: str | None = None  # German label, e.g. "geplant", "bestätigt"
    cancelled: bool = False  # struck through and marked "abgesagt"


@dataclass(frozen=True)
class YearPlanInput:
    """Jahresplan: the year on one landscape page, then the list of its events.

    ``holidays`` are the public holidays of Sachsen-Anhalt as date → German name; the
    PDF prints them as given and computes none itself.
    """

    office: Office
    year: int
    events: tuple[YearPlanEvent, ...]
    holidays: dict[dt.date, str] = field(default_factory=dict)
    kinds: tuple[YearPlanKind, ...] = ()  # legend order and marks; missing kinds are derived
    title: str | None = None  # default: "Jahresplan 2026"
