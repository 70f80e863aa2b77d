"""Stress fixture for every document: names in eight scripts, 60+ character double names,
64 projects with long names, e-mail addresses and web addresses.

Built from /work/shared/data/teilnehmende_stress.csv and mitgliedsprojekte.csv (copied
here so the tests run anywhere) and extended to the limits the office meets.
"""

from __future__ import annotations

import datetime as dt
import re

from patenbuero.pdf.attendance_list import participant_sort_key
from patenbuero.pdf.inputs import (
    Badge,
    CertificateRecipient,
    FlyerProject,
    Office,
    Participant,
    PortraitProject,
    ProjectCard,
    ProjectContact,
    SeriesModule,
)

OFFICE = Office(
    address_lines=("Leipziger Straße 82", "06108 Halle (Saale)"),
    phone="0345 2002810",
    email="patenschaftsnetzwerk@freiwilligen-agentur-halle.example.org",
    website="www.patenschaften-halle.de",
)

# (first name, last name, Latin first, Latin last, e-mail, organisation)
PEOPLE_ROWS = [
    (
        "Karl-Theodor Maria Nikolaus",
        "zu Guttenberg-Hohenberg-Schwarzenbach",
        None,
        None,
        "kt.guttenberg@example.org",
        "Familienpaten im Stadtteilzentrum Halle-Neustadt und Heide-Nord",
    ),
    (
        "Võ Thị Ngọc",
        "Trần-Nguyễn",
        None,
        None,
        "ngoc.tran@example.org",
        "Vietnamesisches Begegnungszentrum",
    ),
    (
        "Віталій",
        "Шевчук-Коломийченко",
        "Vitalii",
        "Shevchuk-Kolomyichenko",
        "vitalii.shevchuk@example.org",
        "Lernbrücke Ukraine",
    ),
    (
        "Αικατερίνη",
        "Χατζηπαναγιώτου",
        "Aikaterini",
        "Chatzipanagiotou",
        "aikaterini.ch@example.org",
        "Sprachpat:innen",
    ),
    (
        "عبد الله محمد",
        "الشمري العتيبي",
        "Abdullah Mohammed",
        "Al-Shammari Al-Otaibi",
        "abdullah.alshammari@example.org",
        "Deutsch-Arabischer Kulturverein Saale e.V.",
    ),
    (
        "فاطمه",
        "حسینی‌نژاد",
        "Fatemeh",
        "Hosseini-Nejad",
        "fatemeh.hosseini@example.org",
        "Lots:innen für Neuzugewanderte",
    ),
    (
        "فاطمة الزهراء",
        "عبدالرحمن الحسيني",
        "Fatima Al-Zahraa",
        "Abdelrahman Al-Husseini",
        "fatima.husseini@example.org",
        "Berufspatenschaften",
    ),
    (
        "سید محمدحسین",
        "طباطبایی‌نژاد موسوی",
        "Seyed Mohammad-Hossein",
        "Tabatabaei-Nejad Mousavi",
        "s.tabatabaei@example.org",
        "Lots:innen für Neuzugewanderte",
    ),
    (
        "محمد عبد الرحمن",
        "بن عبد العزيز آل سعود الحسيني",
        "Mohammed Abdul-Rahman",
        "bin Abdulaziz Al-Saud Al-Husseini",
        "m.alhusseini@example.org",
        "Berufspatenschaften",
    ),
    ("Gülşen", "Öztürk-Karaağaçlı", None, None, "guelsen.oeztuerk@example.org", "Azubi-Lots:innen"),
    ("Şahin", "Çelik", None, None, "sahin.celik@example.org", "Azubi-Lots:innen"),
    (
        "Grzegorz",
        "Brzęczyszczykiewicz-Łukaszewski",
        None,
        None,
        "grzegorz.b@example.org",
        "Berufspatenschaften",
    ),
    (
        "Friederike-Charlotte",
        "Mühlenbein-Großkopf",
        None,
        None,
        "fc.muehlenbein@example.org",
        "Leihgroßeltern Halle",
    ),
    (
        "Maria-Magdalena Friederike",
        "von Hohenzollern-Sigmaringen-Württemberg",
        None,
        None,
        "mm.hohenzollern@senior-innen.example.org",
        "Nachbarschaftspatenschaften für Seniorinnen und Senioren",
    ),
    (
        "Hans-Jürgen",
        "Schmidt-Rottluff-Engelhardt-Mühlberg",
        None,
        None,
        "hj.schmidt-rottluff@example.org",
        "Lesewelt Halle",
    ),
    (
        "Олена",
        "Ковальчук-Ярошенко",
        "Olena",
        "Kovalchuk-Yaroshenko",
        "olena.k@example.org",
        "Max geht in die Oper",
    ),
    ("Böhm", "Bräuer", None, None, None, None),
    ("Zoë", "Zöllner", None, None, None, None),
    ("Li", "Ng", None, None, "li.ng@example.org", None),
]

PARTICIPANTS = tuple(
    Participant(
        first,
        last,
        organisation=org,
        latin_first_name=latin_first,
        latin_last_name=latin_last,
        email=email,
        phone="0345 760 70 77" if email else None,
    )
    for first, last, latin_first, latin_last, email, org in PEOPLE_ROWS
)

BADGES = tuple(
    Badge(p.full_name, p.organisation, latin_name=p.latin_full_name) for p in PARTICIPANTS
)

SORTED_BADGES = tuple(
    Badge(p.full_name, p.organisation, latin_name=p.latin_full_name)
    for p in sorted(PARTICIPANTS, key=participant_sort_key)
)

MODULES = (
    SeriesModule(dt.date(2026, 2, 7), "Rolle und Selbstverständnis von Pat:innen", 4),
    SeriesModule(dt.date(2026, 3, 12), "Kinderschutz im Ehrenamt", 4),
    SeriesModule(dt.date(2026, 4, 9), "Interkulturelle Begegnung und Kommunikation", 4),
)

RECIPIENTS = tuple(CertificateRecipient(p) for p in PARTICIPANTS)

_PROJECT_WORDS = [
    "Nachbarschaftspatenschaften für Seniorinnen und Senioren in Halle-Neustadt",
    "Lesewelt Halle",
    "Max geht in die Oper",
    "Ausbildungspatenschaften Handwerk und Pflege",
    "Familienpatenschaften im Stadtteilzentrum Heide-Nord",
    "Sprachpatenschaften für Neuzugewanderte",
    "Leihgroßeltern Halle",
    "Lernbrücke Ukraine",
]
_GROUPS = ["Kinder", "Jugendliche", "Familien", "Senior:innen", "Geflüchtete", "Azubis"]


def _slug(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", ":": ""})
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")[:40]


def _project(number: int) -> tuple[str, str, str, tuple[str, ...], ProjectContact]:
    base = _PROJECT_WORDS[number % len(_PROJECT_WORDS)]
    name = f"{base} {number + 1}" if number >= len(_PROJECT_WORDS) else base
    slug = _slug(base)
    contact = ProjectContact(
        name=PARTICIPANTS[number % len(PARTICIPANTS)].full_name,
        phone="0345 760 70 77",
        email=f"kontakt@{slug}.example.org",
        website=f"https://www.{slug}.example.org/patenschaften",
        address="Große Ulrichstraße 7, 06108 Halle (Saale)",
    )
    text = "Ehrenamtliche begleiten Menschen im Alltag, beim Lernen und in der Freizeit."
    groups = (_GROUPS[number % len(_GROUPS)], _GROUPS[(number + 2) % len(_GROUPS)])
    return name, text, slug, groups, contact


PROJECTS = [_project(n) for n in range(64)]

FLYER_PROJECTS = tuple(
    FlyerProject(name, text, groups, contact, seeks_volunteers=n % 3 == 0)
    for n, (name, text, _slug_, groups, contact) in enumerate(PROJECTS)
)

CARDS = tuple(
    ProjectCard(
        name,
        text,
        groups,
        time_commitment="1–2 Stunden pro Woche",
        districts=("Halle-Neustadt", "Heide-Nord", "Südstadt"),
        contact=contact,
        seeks_volunteers=n % 2 == 0,
    )
    for n, (name, text, _slug_, groups, contact) in enumerate(PROJECTS[:9])
)

PORTRAITS = tuple(
    PortraitProject(
        name,
        (text + " ") * 6,
        organisation="Deutsch-Arabischer Kulturverein Saale e.V.",
        flyer_text=text,
        target_groups=groups,
        districts=("Halle-Neustadt", "Heide-Nord"),
        time_commitment="1–2 Stunden pro Woche",
        languages=("Deutsch", "Arabisch", "Persisch", "Ukrainisch"),
        contact=contact,
        member_since=dt.date(2019, 5, 1),
        seeks_volunteers=True,
    )
    for name, text, _slug_, groups, contact in PROJECTS[:6]
)


def vocabulary() -> set[str]:
    """Every word of the fixture (split at spaces): no line may end inside one of them."""
    words: set[str] = set()
    texts: list[str] = []
    for p in PARTICIPANTS:
        texts += [p.first_name, p.last_name, p.organisation or "", p.email or ""]
        texts += [p.latin_first_name or "", p.latin_last_name or ""]
    for name, text, _, _, contact in PROJECTS:
        texts += [name, text, contact.email or "", contact.website or "", contact.name or ""]
    texts += [OFFICE.email or "", OFFICE.website or ""]
    for text in texts:
        words.update(w.strip(",.;:()") for w in text.split() if len(w) > 1)
    return words


def names() -> set[str]:
    """Words of person names: these may break only after a hyphen they already have."""
    result: set[str] = set()
    for p in PARTICIPANTS:
        for part in (p.first_name, p.last_name, p.latin_first_name, p.latin_last_name):
            result.update((part or "").split())
    return result
