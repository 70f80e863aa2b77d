"""Projektporträts read back: one page per project, a title page for booklets, nothing cut."""

from __future__ import annotations

import datetime as dt

from patenbuero.pdf import build_portraits
from patenbuero.pdf.inputs import Office, PortraitInput, PortraitProject, ProjectContact
from tests.pdf.pdf_readback import (
    arabic_problems,
    embedded_font_names,
    normalised,
    page_count,
    pdftotext_pages,
)

LESEWELT = PortraitProject(
    "Lesewelt Halle",
    "Ehrenamtliche Vorlesepat:innen lesen einmal pro Woche in Kitas vor.\n\n"
    "Die Pat:innen werden in einer Einführung vorbereitet.",
    organisation="Lesewelt Halle e. V.",
    flyer_text="Vorlesen für Kinder in Kitas, Schulen und Bibliotheken.",
    target_groups=("Kinder",),
    districts=("Altstadt", "Paulusviertel"),
    time_commitment="1 Stunde pro Woche",
    languages=("Deutsch", "Türkisch"),
    contact=ProjectContact(
        "Jürgen Großmann", "0345 1234567", "info@lesewelt-halle.de", "www.lesewelt-halle.de"
    ),
    member_since=dt.date(2010, 5, 1),
    seeks_volunteers=True,
)
WILLKOMMEN = PortraitProject(
    "Willkommen in Halle",
    "Patenschaften für Kinder aus geflüchteten Familien.",
    organisation="Brücke e. V.",
    target_groups=("Geflüchtete/Zugewanderte", "Kinder"),
    languages=("Deutsch", "Arabisch"),
    contact=ProjectContact("محمد الحسن", "0345 9988776"),
)
OPER = PortraitProject(
    "Max geht in die Oper",
    "Kulturpatenschaften für Kinder.",
    organisation="Bürgerstiftung Halle",
    contact=ProjectContact("Олена Коваленко", email="max@buergerstiftung-halle.de"),
)


def test_single_portrait_is_one_page(office: Office) -> None:
    pdf = build_portraits(PortraitInput(office, (LESEWELT,)))
    assert page_count(pdf) == 1
    text = normalised(pdftotext_pages(pdf)[0])
    for expected in (
        "Lesewelt Halle e. V.",
        "Vorlesen für Kinder in Kitas",
        "sucht Pat:innen",
        "Zielgruppen Kinder",
        "Altstadt, Paulusviertel",
        "1 Stunde pro Woche",
        "Deutsch, Türkisch",
        "Mitglied seit 1. Mai 2010",
        "Die Pat:innen werden in einer Einführung vorbereitet.",
        "Jürgen Großmann",
        "0345 1234567",
        "www.lesewelt-halle.de",
        "Seite 1 von 1",
    ):
        assert expected in text, expected
    assert "Unsere Patenprojekte" not in text  # no title page for a single project
    assert all(embedded_font_names(pdf).values())


def test_booklet_has_title_page_and_one_page_per_project(office: Office) -> None:
    data = PortraitInput(
        office,
        (LESEWELT, WILLKOMMEN, OPER),
        booklet_intro="Im Patenschaftsnetzwerk Halle arbeiten über 30 Projekte zusammen.",
        booklet_date=dt.date(2026, 3, 1),
    )
    pdf = build_portraits(data)
    pages = pdftotext_pages(pdf)
    assert page_count(pdf) == 4
    title = normalised(pages[0])
    assert "Unsere Patenprojekte" in title and "In diesem Heft" in title
    assert "Stand: 1. März 2026" in title and "Bürgerstiftung Halle" in title
    assert "Lesewelt Halle" in normalised(pages[1]) and "Seite 2 von 4" in pages[1]
    assert "Willkommen in Halle" in normalised(pages[2])
    assert arabic_problems(pages[2], "محمد الحسن") == []
    assert "sucht Pat:innen" not in normalised(pages[2])
    assert "Олена Коваленко" in normalised(pages[3])


def test_long_portrait_text_continues_and_is_not_cut(office: Office) -> None:
    paragraph = "Die Lesewelt Halle bringt seit vielen Jahren Kinder und Bücher zusammen. " * 8
    long_text = "\n\n".join([paragraph] * 14) + "\n\nDas ist der allerletzte Satz des Porträts."
    project = PortraitProject("Lesewelt Halle", long_text, contact=LESEWELT.contact)
    pdf = build_portraits(PortraitInput(office, (project, OPER)))
    pages = [normalised(p) for p in pdftotext_pages(pdf)]
    assert len(pages) >= 4  # title page, two or more for the long one, one for the opera
    text = " ".join(pages)
    assert "Das ist der allerletzte Satz des Porträts." in text
    assert text.index("allerletzte Satz") < text.index("Jürgen Großmann")  # contact after it
    assert "Max geht in die Oper" in pages[-1]


def test_slightly_long_text_is_set_smaller_on_one_page(office: Office) -> None:
    text = "Ehrenamtliche lesen vor und erzählen Geschichten. " * 75 + "Schlusssatz."
    pdf = build_portraits(PortraitInput(office, (PortraitProject("Lernengel", text),)))
    assert page_count(pdf) == 1
    assert "Schlusssatz." in normalised(pdftotext_pages(pdf)[0])
