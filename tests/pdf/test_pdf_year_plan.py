"""Jahresplan read back: landscape year page, months, holidays, event list, cancellations."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from patenbuero.pdf import build_year_plan
from patenbuero.pdf.blocks import MONTHS
from patenbuero.pdf.inputs import Office, YearPlanEvent, YearPlanInput, YearPlanKind
from patenbuero.pdf.year_plan import kind_marks
from tests.pdf.pdf_readback import (
    embedded_font_names,
    normalised,
    page_count,
    pdftotext_pages,
    word_positions,
)

HOLIDAYS = {
    dt.date(2026, 1, 1): "Neujahr",
    dt.date(2026, 1, 6): "Heilige Drei Könige",
    dt.date(2026, 10, 3): "Tag der Deutschen Einheit",
    dt.date(2026, 10, 31): "Reformationstag",
}


def _plan(office: Office, extra: tuple[YearPlanEvent, ...] = ()) -> YearPlanInput:
    events = (
        YearPlanEvent(
            dt.date(2026, 3, 11),
            "Vernetzungstreffen Frühjahr",
            "Vernetzungstreffen",
            dt.time(17),
            dt.time(19),
            place="Freiwilligen-Agentur Halle",
            status="bestätigt",
        ),
        YearPlanEvent(
            dt.date(2026, 11, 12), "Fachtag Resilienz", "Fachtag", dt.time(9), dt.time(16)
        ),
        YearPlanEvent(
            dt.date(2026, 5, 16), "Infostand auf dem Marktplatz", "Infostand", place="Marktplatz"
        ),
        YearPlanEvent(
            dt.date(2026, 4, 22),
            "Fortbildung Kinderschutz",
            "Fortbildung für Koordinator:innen",
            dt.time(9),
            dt.time(13),
            status="geplant",
            cancelled=True,
        ),
        YearPlanEvent(
            dt.date(2026, 8, 28), "Sommerfest am Peißnitzhaus", "Sonstiges", all_day=True
        ),
        *extra,
    )
    return YearPlanInput(office, 2026, events, HOLIDAYS)


def test_year_page_is_landscape_with_every_month(office: Office) -> None:
    pdf = build_year_plan(_plan(office))
    first = PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)
    pages = pdftotext_pages(pdf)
    year_page = normalised(pages[0])
    assert "Jahresplan 2026" in year_page
    for month in MONTHS:
        assert month in year_page, month
    assert "Reformationstag" in year_page and "Tag der Deutschen Einheit" in year_page
    for mark in ("VT", "FT", "IS", "FK", "SO"):
        assert mark in year_page, mark
    assert "Vernetzungstreffen" in year_page and "Wochenende" in year_page  # legend
    assert all(embedded_font_names(pdf).values())


def test_event_list_with_page_numbers_and_cancellation(office: Office) -> None:
    pdf = build_year_plan(_plan(office))
    pages = [normalised(p) for p in pdftotext_pages(pdf)]
    total = page_count(pdf)
    assert f"Seite 1 von {total}" in pages[0]
    listing = " ".join(pages[1:])
    for title in (
        "Vernetzungstreffen Frühjahr",
        "Fachtag Resilienz",
        "Infostand auf dem Marktplatz",
        "Sommerfest am Peißnitzhaus",
    ):
        assert title in listing, title
    assert "Mi, 11.03." in listing and "17:00–19:00" in listing and "ganztägig" in listing
    rows = {word: y for word, _, y in word_positions(pdf, 2)}  # month rows above their events
    assert rows["März"] < rows["Frühjahr"] < rows["April"] < rows["Kinderschutz"] < rows["Mai"]
    assert listing.index("Infostand auf dem Marktplatz") < listing.index("Sommerfest")
    cancelled = listing[listing.index("Fortbildung Kinderschutz") :][:200]
    assert "abgesagt" in cancelled and "geplant" not in cancelled
    assert f"Seite 2 von {total}" in pages[1]


def test_many_events_continue_over_pages(office: Office) -> None:
    extra = tuple(
        YearPlanEvent(
            dt.date(2026, 1 + n % 12, 1 + n % 28),
            f"Lesestunde Nr. {n}",
            "Online-Veranstaltung",
            dt.time(18),
            dt.time(19),
        )
        for n in range(60)
    )
    pdf = build_year_plan(_plan(office, extra))
    pages = [normalised(p) for p in pdftotext_pages(pdf)]
    total = page_count(pdf)
    assert total >= 4
    assert all(f"Seite {n} von {total}" in page for n, page in enumerate(pages, start=1))
    listing = " ".join(pages[1:])
    assert all(f"Lesestunde Nr. {n} " in listing + " " for n in range(60))


def test_kind_marks_are_unique_and_can_be_given(office: Office) -> None:
    extra = (
        YearPlanEvent(dt.date(2026, 2, 2), "Vorstandssitzung", "Vorstandssitzung"),
        YearPlanEvent(dt.date(2026, 2, 3), "Vernissage", "Vernissage"),
    )
    data = _plan(office, extra)
    marks = kind_marks(data)
    abbreviations = [m.abbreviation for m in marks.values()]
    assert len(set(abbreviations)) == len(abbreviations)
    assert abbreviations[:2] == ["VT", "FT"]
    given = (YearPlanKind("Fachtag", "FAT", "#000000"),)
    from dataclasses import replace

    marks = kind_marks(replace(data, kinds=given))
    assert next(iter(marks.values())).abbreviation == "FAT"
    text = normalised(pdftotext_pages(build_year_plan(replace(data, kinds=given)))[0])
    assert "FAT" in text


def test_empty_year(office: Office) -> None:
    pdf = build_year_plan(YearPlanInput(office, 2027, (), {}))
    pages = [normalised(p) for p in pdftotext_pages(pdf)]
    assert len(pages) == 2 and "Dezember" in pages[0]
    assert "noch keine Veranstaltungen" in pages[1]
