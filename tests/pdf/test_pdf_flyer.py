"""Netzwerk-Handzettel read back: two pages, texts, marks, and no silent loss of projects."""

from __future__ import annotations

import re

import pytest

from patenbuero.pdf import FlyerResult, build_flyer
from patenbuero.pdf.flyer import group_projects
from patenbuero.pdf.inputs import FlyerInput, FlyerProject, Office, ProjectContact
from tests.pdf.layout_checks import smallest_size
from tests.pdf.pdf_readback import (
    embedded_font_names,
    normalised,
    page_count,
    pdftotext_pages,
    pdftotext_raw_pages,
)

INTRO = (
    "Im Patenschaftsnetzwerk Halle haben sich über 30 Patenprojekte zusammengeschlossen. "
    "Ehrenamtliche Pat:innen lesen mit Kindern und begleiten ältere Menschen ins Konzert."
)
PREAMBLE = "Eine Patenschaft ist eine verlässliche Beziehung zwischen zwei Menschen."
ORDER = ("Kinder", "Jugendliche", "Familien", "Senior:innen", "Geflüchtete/Zugewanderte")

PROJECTS = (
    FlyerProject(
        "Lesewelt Halle",
        "Vorlesepat:innen lesen Kindern in Kitas und Schulen vor.",
        ("Kinder",),
        ProjectContact("Jürgen Großmann", "0345 1234567", "info@lesewelt-halle.de"),
        seeks_volunteers=True,
    ),
    FlyerProject(
        "Max geht in die Oper",
        "Kulturpatenschaften für Kinder.",
        ("Familien", "Kinder"),
        ProjectContact("Олена Коваленко", email="max@buergerstiftung-halle.de"),
    ),
    FlyerProject("Lernengel", "Lernbegleitung für Schüler:innen.", ("Kinder", "Jugendliche")),
    FlyerProject("Seelenpaten", "Für Kinder psychisch erkrankter Eltern.", ("Familien",)),
    FlyerProject(
        "Große für Kleine",
        "Bildungspatenschaften in Halle-Neustadt.",
        ("Kinder",),
        ProjectContact(phone="0345 1112233"),
        seeks_volunteers=True,
    ),
    FlyerProject(
        "Willkommen in Halle",
        "Patenschaften für Kinder aus geflüchteten Familien.",
        ("Geflüchtete/Zugewanderte", "Kinder"),
        ProjectContact("محمد الحسن", "0345 9988776"),
    ),
    FlyerProject("Spielplatzpaten", "Ein Auge auf Spielplätze im Stadtteil."),
)


def _flyer(office: Office, projects: tuple[FlyerProject, ...] = PROJECTS) -> FlyerInput:
    return FlyerInput(
        office,
        INTRO,
        PREAMBLE,
        "www.patenschaften-halle.de",
        projects,
        opening_hours="Mo–Do 9–16 Uhr\nFr 9–13 Uhr",
        target_group_order=ORDER,
    )


def test_flyer_has_front_and_back(office: Office) -> None:
    result = build_flyer(_flyer(office))
    assert isinstance(result, FlyerResult) and bytes(result) == result.pdf
    assert result.warnings == ()
    assert page_count(result.pdf) == 2
    front, back = (normalised(p) for p in pdftotext_pages(result.pdf))
    for expected in (
        "Patenschaftsnetzwerk Halle",
        INTRO,
        PREAMBLE,
        "www.patenschaften-halle.de",
        "Leipziger Straße 82",
        "0345 2002810",
        "netzwerk@example.org",
        "Mo–Do 9–16 Uhr",
    ):
        assert expected in front, expected
    for name in ("Lesewelt Halle", "Große für Kleine", "Max geht in die Oper", "Spielplatzpaten"):
        assert back.count(name) == 1, name
    assert "Unsere Patenprojekte" in back and "Kinder" in back and "Weitere Projekte" in back
    assert all(font for font in embedded_font_names(result.pdf).values())


def test_seeking_mark_only_for_seeking_projects(office: Office) -> None:
    back = normalised(pdftotext_pages(build_flyer(_flyer(office)).pdf)[1])
    # one mark in the legend, one per seeking project (Lesewelt Halle, Große für Kleine)
    assert back.count("sucht Pat:innen") == 3
    entries = re.split(r"(?=Lesewelt Halle|Große für Kleine|Lernengel|Seelenpaten)", back)
    marked = {e.split(" sucht")[0] for e in entries if e.split(" ")[0] and "sucht Pat" in e[:40]}
    assert any(m.startswith("Lesewelt Halle") for m in marked)
    assert not any(m.startswith(("Lernengel", "Seelenpaten")) for m in marked)


def test_each_project_once_under_its_first_group(office: Office) -> None:
    groups = dict(group_projects(_flyer(office)))
    assert [p.name for p in groups["Kinder"]] == [
        "Große für Kleine",
        "Lernengel",
        "Lesewelt Halle",
        "Max geht in die Oper",
        "Willkommen in Halle",
    ]
    assert [p.name for p in groups["Familien"]] == ["Seelenpaten"]
    assert list(groups)[-1] == "Weitere Projekte"
    back = normalised(pdftotext_pages(build_flyer(_flyer(office)).pdf)[1])
    assert "auch: Familien" in back and "auch: Geflüchtete/Zugewanderte" in back


def test_too_many_projects_continue_on_a_second_sheet(office: Office) -> None:
    many = tuple(
        FlyerProject(
            f"Patenprojekt Nr. {n:02d} Südstadt",
            "Eine recht ausführliche Beschreibung, die mehr als eine Zeile braucht, damit "
            "die Rückseite des Handzettels wirklich voll wird.",
            (ORDER[n % len(ORDER)], ORDER[(n + 1) % len(ORDER)]),
            ProjectContact(phone=f"0345 {n:06d}", email=f"projekt{n}@example.org"),
            seeks_volunteers=n % 3 == 0,
        )
        for n in range(80)
    )
    result = build_flyer(_flyer(office, many))
    pages = pdftotext_raw_pages(result.pdf)
    # no project is left out and nothing shrinks below 8.5 pt: the list goes on
    assert len(pages) == page_count(result.pdf) >= 3
    assert result.omitted_projects == () and result.back_font_size == 8.5
    assert len(result.warnings) == 1 and "weiteren Seite" in result.warnings[0]
    assert "(n)" not in result.warnings[0]
    back = normalised(" ".join(pages[1:]))
    assert all(p.name in back for p in many)
    assert "Unsere Patenprojekte (Fortsetzung)" in back
    assert "Auf den folgenden Seiten: unsere 80 Patenprojekte" in normalised(pages[0])
    assert smallest_size(result.pdf, ignore=["Patenschaftsnetzwerk"]) >= 7.5


def test_overlong_front_text_is_shortened_with_a_warning(office: Office) -> None:
    long_preamble = "Wir schenken Zeit und Aufmerksamkeit. " * 200 + "Letzter Satz."
    data = _flyer(office)
    from dataclasses import replace

    result = build_flyer(replace(data, leitbild_preamble=long_preamble))
    assert page_count(result.pdf) == 2
    assert any("Präambel" in w for w in result.warnings)
    front = normalised(pdftotext_pages(result.pdf)[0])
    assert "Letzter Satz." not in front
    assert "Aufmerksamkeit. Wir ..." in front or "Wir schenken ..." in front
    assert INTRO in front


@pytest.mark.parametrize("count", [0, 1, 12, 13])
def test_any_number_of_projects_gives_two_pages(office: Office, count: int) -> None:
    projects = tuple(FlyerProject(f"Projekt {n}", "Kurztext.", ("Kinder",)) for n in range(count))
    assert page_count(build_flyer(_flyer(office, projects)).pdf) == 2
