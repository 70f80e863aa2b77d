"""The network's own texts and the fixed lists of the demo: target groups, districts, Träger."""

from __future__ import annotations

from typing import NamedTuple

from patenbuero.db.enums import OrganisationKind

NETWORK_TEXTS = {
    "network_name": "Patenschaftsnetzwerk Halle",
    "introduction": (
        "Im Patenschaftsnetzwerk Halle haben sich {Anzahl} Patenprojekte aus Halle (Saale) "
        "zusammengeschlossen. Seit 2010 koordiniert die Freiwilligen-Agentur Halle das "
        "Netzwerk. Ehrenamtliche Pat:innen lesen mit Kindern, begleiten Familien und "
        "Familien mit schwer erkrankten Kindern, gehen mit Senior:innen ins Konzert, "
        "erkunden mit Geflüchteten die Stadt, unterstützen beim Einstieg in Ausbildung und "
        "Beruf oder kümmern sich um Spielplätze und Grünflächen. Eine Patenschaft ist eine "
        "Beziehung auf Augenhöhe: verlässlich, freiwillig und mit Freude auf beiden Seiten. "
        "Das Netzwerk sorgt dafür, dass Interessierte das passende Projekt finden, dass sich "
        "die Projekte austauschen und dass Pat:innen gut geschult und begleitet werden."
    ),
    "leitbild_preamble": (
        "Wir, die Mitgliedsprojekte des Patenschaftsnetzwerks Halle, sind überzeugt: "
        "Verlässliche Beziehungen zwischen Menschen stärken unsere Stadt. Pat:innen schenken "
        "Zeit, Aufmerksamkeit und Zutrauen – unabhängig von Herkunft, Alter, Religion, "
        "Geschlecht oder Behinderung. Wir begleiten unsere Ehrenamtlichen fachlich, schützen "
        "die uns anvertrauten Menschen, arbeiten transparent und lernen voneinander. Mit "
        "diesem Leitbild verpflichten wir uns auf gemeinsame Qualitätsstandards."
    ),
    "office_name": ("Koordinierungsstelle Patenschaftsnetzwerk Halle · Freiwilligen-Agentur Halle"),
    "office_address": "Lindenhofstraße 14\n06108 Halle (Saale)",
    "office_phone": "0345 2 09 47 31",
    "office_email": "patenschaften@freiwilligen-agentur-halle.example.org",
    "opening_hours": "Di 10–13 Uhr und Do 14–18 Uhr sowie nach Vereinbarung",
    "website": "www.patenschaften-halle.de",
    "funder_line": (
        "Das Patenschaftsnetzwerk Halle wird gefördert von der Stadt Halle (Saale) und dem "
        "Land Sachsen-Anhalt sowie unterstützt von der Bürgerstiftung Halle."
    ),
    "privacy_note": (
        "Ihre Angaben verwenden wir ausschließlich zur Organisation der Veranstaltung und "
        "für Nachweise gegenüber unseren Fördermittelgebern. Sie werden nicht an Dritte "
        "weitergegeben und nach Ablauf der Aufbewahrungsfristen gelöscht. Auskunft, "
        "Berichtigung und Löschung können Sie jederzeit bei der Koordinierungsstelle verlangen."
    ),
}

TARGET_GROUPS = (
    "Kinder",
    "Jugendliche",
    "Familien",
    "Familien mit schwer erkrankten Kindern",
    "Senior:innen",
    "Geflüchtete/Zugewanderte",
    "Menschen mit Behinderung",
    "Arbeitsuchende",
    "Umwelt/Grünflächen",
)

DISTRICTS = (
    "Altstadt",
    "Paulusviertel",
    "Giebichenstein",
    "Kröllwitz",
    "Trotha",
    "Heide-Nord",
    "Neustadt",
    "Nietleben",
    "Südstadt",
    "Silberhöhe",
    "Ammendorf",
    "Büschdorf",
    "Dölau",
    "Frohe Zukunft",
    "Gesundbrunnen",
    "Lutherplatz",
    "Glaucha",
)


class OrganisationSpec(NamedTuple):
    key: str
    name: str
    kind: OrganisationKind
    address: str
    domain: str


_V = OrganisationKind
ORGANISATIONS = (
    OrganisationSpec(
        "fa",
        "Freiwilligen-Agentur Halle",
        _V.VOLUNTEER_AGENCY,
        "Lindenhofstraße 14, 06108 Halle (Saale)",
        "freiwilligen-agentur-halle",
    ),
    OrganisationSpec(
        "bs",
        "Bürgerstiftung Halle",
        _V.FOUNDATION,
        "Große Klausstraße 9, 06108 Halle (Saale)",
        "buergerstiftung-halle",
    ),
    OrganisationSpec(
        "stadt",
        "Stadt Halle (Saale)",
        _V.MUNICIPALITY,
        "Marktplatz 1, 06108 Halle (Saale)",
        "stadt-halle",
    ),
    OrganisationSpec(
        "lw",
        "Lesewelt Halle e.V.",
        _V.ASSOCIATION,
        "Kleine Märkerstraße 5, 06108 Halle (Saale)",
        "lesewelt-halle",
    ),
    OrganisationSpec(
        "fz",
        "Familienzentrum Silberhöhe e.V.",
        _V.ASSOCIATION,
        "Anhalter Platz 3, 06132 Halle (Saale)",
        "familienzentrum-silberhoehe",
    ),
    OrganisationSpec(
        "kj",
        "Kinder- und Jugendhaus Heide-Nord e.V.",
        _V.ASSOCIATION,
        "Zanderweg 12, 06120 Halle (Saale)",
        "jugendhaus-heide-nord",
    ),
    OrganisationSpec(
        "sb",
        "Seniorenbegegnung Paulusviertel e.V.",
        _V.ASSOCIATION,
        "Ludwig-Wucherer-Straße 41, 06108 Halle (Saale)",
        "senioren-paulusviertel",
    ),
    OrganisationSpec(
        "ik",
        "Inklusiv leben Halle e.V.",
        _V.ASSOCIATION,
        "Merseburger Straße 88, 06112 Halle (Saale)",
        "inklusiv-leben-halle",
    ),
    OrganisationSpec(
        "kh",
        "Kinderhospizverein Saale e.V.",
        _V.ASSOCIATION,
        "Kröllwitzer Straße 22, 06120 Halle (Saale)",
        "kinderhospiz-saale",
    ),
    OrganisationSpec(
        "ev",
        "Ev. Kirchengemeinde Halle-Neustadt",
        _V.CHURCH,
        "Am Gastronom 4, 06124 Halle (Saale)",
        "kirche-neustadt",
    ),
    OrganisationSpec(
        "kath",
        "Kath. Pfarrei St. Mauritius Halle",
        _V.CHURCH,
        "Mauritiusring 7, 06110 Halle (Saale)",
        "st-mauritius-halle",
    ),
    OrganisationSpec(
        "mo",
        "Deutsch-Arabischer Kulturverein Saale e.V.",
        _V.MIGRANT_ORGANISATION,
        "Reilstraße 103, 06114 Halle (Saale)",
        "kulturverein-saale",
    ),
    OrganisationSpec(
        "ua",
        "Ukrainischer Verein Nadija Halle e.V.",
        _V.MIGRANT_ORGANISATION,
        "Böllberger Weg 150, 06110 Halle (Saale)",
        "nadija-halle",
    ),
    OrganisationSpec(
        "sw",
        "Sozialwerk Halle-Süd gGmbH",
        _V.OTHER,
        "Vogelweide 6, 06132 Halle (Saale)",
        "sozialwerk-halle-sued",
    ),
    OrganisationSpec(
        "um",
        "Grünes Halle e.V.",
        _V.ASSOCIATION,
        "Saline-Insel 2, 06108 Halle (Saale)",
        "gruenes-halle",
    ),
)

OFFICE_STAFF = ("Katrin Schmöller", "Tobias Weißenfels", "Derya Aksoy")
OFFICE_LOCATION = (
    "Freiwilligen-Agentur Halle, Seminarraum",
    "Lindenhofstraße 14, 06108 Halle (Saale)",
)

VENUES = (
    ("Stadtbibliothek Halle, Veranstaltungssaal", "Salzgrafenstraße 2, 06108 Halle (Saale)"),
    ("Stadthaus am Markt, Festsaal", "Marktplatz 2, 06108 Halle (Saale)"),
    ("Bürgerhaus Neustadt", "Am Stadion 6, 06124 Halle (Saale)"),
    ("Mehrgenerationenhaus Silberhöhe", "Wilhelm-Busch-Straße 18, 06132 Halle (Saale)"),
    ("Franckesche Stiftungen, Freylinghausen-Saal", "Franckeplatz 1, 06110 Halle (Saale)"),
)
LIBRARY = ("Stadtbibliothek Halle, Foyer", "Salzgrafenstraße 2, 06108 Halle (Saale)")
MARKET = ("Marktplatz, vor dem Roten Turm", "Marktplatz, 06108 Halle (Saale)")
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
