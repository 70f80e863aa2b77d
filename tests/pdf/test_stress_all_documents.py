"""Every document with the stress data: no word split in the middle, 5 mm margin,
readable sizes and PDF metadata."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from patenbuero.pdf import (
    build_calibration_page,
    build_flyer,
    build_interest_list,
    build_invitation,
    build_portraits,
    build_project_cards,
    build_year_plan,
)
from patenbuero.pdf.inputs import (
    AgendaItem,
    FlyerInput,
    InterestListInput,
    InvitationInput,
    PortraitInput,
    ProjectCardsInput,
    YearPlanEvent,
    YearPlanInput,
)
from tests.pdf import stress_data as sd
from tests.pdf.layout_checks import bad_breaks, chars_outside_margin, smallest_size
from tests.pdf.test_stress_people import DOCUMENTS as PEOPLE_DOCUMENTS

INTRO = (
    "Im Patenschaftsnetzwerk Halle arbeiten Patenprojekte aus der ganzen Stadt zusammen: "
    "Nachbarschaftspatenschaften, Familienpatenschaften und Ausbildungspatenschaften."
)


def _flyer() -> bytes:
    return build_flyer(
        FlyerInput(
            sd.OFFICE,
            INTRO,
            "Wir schenken Zeit und Aufmerksamkeit.",
            "www.patenschaften-halle.de",
            sd.FLYER_PROJECTS,
            opening_hours="Mo–Do 9–16 Uhr",
        )
    ).pdf


def _year_plan() -> bytes:
    events = tuple(
        YearPlanEvent(
            dt.date(2026, 1 + n % 12, 3 + n % 20),
            f"{sd.PROJECTS[n][0]} – Austauschtreffen",
            "Vernetzungstreffen" if n % 2 else "Infostand",
            dt.time(17),
            dt.time(19),
            place="Stadtteilzentrum Halle-Neustadt, Am Gastronom 12",
            status="durchgeführt",
        )
        for n in range(40)
    )
    holidays = {
        dt.date(2026, 10, 3): "Tag der Deutschen Einheit",
        dt.date(2026, 10, 31): "Reformationstag",
    }
    return build_year_plan(YearPlanInput(sd.OFFICE, 2026, events, holidays))


def _invitation() -> bytes:
    return build_invitation(
        InvitationInput(
            office=sd.OFFICE,
            letter_date=dt.date(2026, 2, 12),
            title="Einladung zum Vernetzungstreffen der Nachbarschaftspatenschaften",
            event_date=dt.date(2026, 3, 11),
            greeting="Liebe Koordinator:innen der Patenprojekte,",
            body=("wir laden Sie herzlich ein.",),
            agenda=(
                AgendaItem(
                    "Begrüßung", dt.time(17), dt.time(17, 15), "فاطمة الزهراء عبدالرحمن الحسيني"
                ),
            ),
            signatory_name="Katrin Schubert",
            place="Freiwilligen-Agentur Halle, Leipziger Straße 82",
            online_link="https://meet.freiwilligen-agentur-halle.example.org/vernetzungstreffen-2026",
        )
    )


DOCUMENTS = {
    **PEOPLE_DOCUMENTS,
    "handzettel": _flyer,
    "projektkarten": lambda: build_project_cards(ProjectCardsInput(sd.OFFICE, sd.CARDS)),
    "portraet": lambda: build_portraits(PortraitInput(sd.OFFICE, sd.PORTRAITS)),
    "jahresplan": _year_plan,
    "einladung": _invitation,
    "interessiertenliste": lambda: build_interest_list(InterestListInput(sd.OFFICE)),
    "probedruck": lambda: build_calibration_page("L4785"),
}


@pytest.mark.parametrize("key", sorted(DOCUMENTS))
def test_every_text_five_mm_inside_the_page(key: str) -> None:
    assert chars_outside_margin(DOCUMENTS[key]()) == []


@pytest.mark.parametrize(
    "key", ["handzettel", "projektkarten", "portraet", "jahresplan", "einladung"]
)
def test_no_word_split_in_the_middle(key: str) -> None:
    assert bad_breaks(DOCUMENTS[key](), sd.vocabulary(), sd.names()) == []


@pytest.mark.parametrize("key", sorted(DOCUMENTS))
def test_metadata_title_author_subject(key: str) -> None:
    from pypdf import PdfReader

    info = PdfReader(io.BytesIO(DOCUMENTS[key]())).metadata
    assert info is not None and info.title and info.subject
    assert info.author == "Freiwilligen-Agentur Halle"


def test_handzettel_readable_at_arms_length() -> None:
    assert smallest_size(_flyer(), ignore=["Patenschaftsnetzwerk Halle"]) >= 7.5


def test_year_plan_readable() -> None:
    assert smallest_size(_year_plan()) >= 7


def test_booklet_contents_have_page_numbers() -> None:
    from tests.pdf.pdf_readback import normalised, pdftotext_raw_pages

    pages = [normalised(p).replace("- ", "-") for p in pdftotext_raw_pages(DOCUMENTS["portraet"]())]
    contents = pdftotext_raw_pages(DOCUMENTS["portraet"]())[0].splitlines()
    printed = [int(line.split()[-1]) for line in contents if "Kulturverein Saale e.V." in line]
    starts = [
        next(n for n, text in enumerate(pages[1:], start=2) if portrait.name in text)
        for portrait in sd.PORTRAITS
    ]
    assert printed == starts
    # a page never holds only the contact block: some text of the portrait goes with it
    for text in pages[1:]:
        if "So erreichen Sie das Projekt" in text:
            before = text.split("So erreichen Sie das Projekt")[0]
            assert len(before.split()) > 5, text[:200]
