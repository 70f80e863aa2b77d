"""Teilnehmerliste / Unterschriftenliste read back as text."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from patenbuero.pdf import build_attendance_list
from patenbuero.pdf.inputs import AttendanceListInput, Funder, Office, Participant
from tests.pdf.pdf_readback import (
    arabic_problems,
    embedded_font_names,
    normalised,
    page_count,
    pdftotext_pages,
    pypdf_pages,
)


@pytest.fixture
def data(
    office: Office, people: tuple[Participant, ...], funder: Funder, event_date: dt.date
) -> AttendanceListInput:
    return AttendanceListInput(
        office=office,
        event_title="Fortbildung Kinderschutz",
        date=event_date,
        start_time=dt.time(17, 0),
        end_time=dt.time(19, 30),
        place="Freiwilligen-Agentur Halle, Seminarraum",
        speaker="Dr. Sabine Hoffmann",
        participants=people,
        funder=funder,
    )


def test_header_facts_and_funder_block(data: AttendanceListInput) -> None:
    text = normalised(" ".join(pdftotext_pages(build_attendance_list(data))))
    for expected in (
        "Patenschaftsnetzwerk Halle",
        "Fortbildung Kinderschutz",
        "Donnerstag, 12.03.2026",
        "17:00–19:30 Uhr",
        "Freiwilligen-Agentur Halle, Seminarraum",
        "Dr. Sabine Hoffmann",
        "Stadt Halle (Saale)",
        "Qualifizierung von Pat:innen",
        "FB-2026-0417",
        "Unterrichtseinheiten: 2,5",
        "Hinweis zum Datenschutz",
        "Unterschrift Referent:in",
    ):
        assert expected in text


def test_names_in_every_script_come_back(data: AttendanceListInput) -> None:
    pdf = build_attendance_list(data)
    # a double name may wrap after its hyphen in the narrow column
    text = normalised(" ".join(pdftotext_pages(pdf))).replace("- ", "-")
    for name in (
        "Großmann",
        "Jürgen",
        "Yılmaz",
        "Özlem",
        "Wiśniewska",
        "Małgorzata",
        "Nguyễn",
        "Thị Hương",
        "Олена",
        "Коваленко",
        "Müller-Lüdenscheidt",
        "Anna-Lena",
        "Zoë",
        "Straßburger",
        "Al-Hassan)",  # poppler moves the "(" next to the Arabic run
        "(Mohammed)",
    ):
        assert name in text, name
    pypdf_text = " ".join(pypdf_pages(pdf))
    assert "Großmann" in pypdf_text and "Коваленко" in pypdf_text
    raw = "\n".join(pdftotext_pages(pdf))
    assert arabic_problems(raw, "الحسن") == []
    assert arabic_problems(raw, "محمد") == []


def test_sorted_by_surname_in_german_order(office: Office, event_date: dt.date) -> None:
    people = tuple(
        Participant(first, last)
        for first, last in [("Petra", "Bauer"), ("Klaus", "Ärger"), ("Eva", "Abel")]
    )
    data = AttendanceListInput(office, "Vernetzungstreffen", event_date, "Stadthaus", people)
    text = pdftotext_pages(build_attendance_list(data))[0]
    assert text.index("Abel") < text.index("Ärger") < text.index("Bauer")


def test_contact_column_only_when_asked(data: AttendanceListInput) -> None:
    without = normalised(" ".join(pdftotext_pages(build_attendance_list(data))))
    assert "E-Mail" not in without and "oezlem@example.org" not in without
    with_contact = build_attendance_list(data, show_contact=True, landscape=True)
    text = normalised(" ".join(pdftotext_pages(with_contact)))
    assert "E-Mail / Telefon" in text and "oezlem@example.org" in text
    assert "0176 5550123" in text


def test_landscape_pages(data: AttendanceListInput) -> None:
    import io

    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(build_attendance_list(data, landscape=True))).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)


def test_blank_rows_are_numbered_after_the_participants(data: AttendanceListInput) -> None:
    text = " ".join(pdftotext_pages(build_attendance_list(data, blank_rows=4)))
    numbers = [int(token) for token in text.split() if token.isdigit() and len(token) <= 2]
    assert {9, 10, 11, 12} <= set(numbers)
    assert 13 not in numbers


def test_custom_privacy_note(data: AttendanceListInput) -> None:
    from dataclasses import replace

    custom = replace(data, privacy_note="Nur für den Verwendungsnachweis & die Prüfung.")
    text = normalised(" ".join(pdftotext_pages(build_attendance_list(custom))))
    assert "Nur für den Verwendungsnachweis & die Prüfung." in text


def test_250_participants_break_with_repeated_header(office: Office, event_date: dt.date) -> None:
    people = tuple(
        Participant(f"Vorname {i}", f"Teilnehmerin {i:03d}", "Lesewelt Halle") for i in range(250)
    )
    data = AttendanceListInput(office, "Fachtag 2026", event_date, "Stadthaus", people)
    pdf = build_attendance_list(data, blank_rows=10)
    pages = pdftotext_pages(pdf)
    total = page_count(pdf)
    assert total == len(pages) >= 8
    with_rows = [page for page in pages if "Teilnehmerin" in page]
    assert len(with_rows) >= total - 1
    # the signature block never stands alone: the last (blank) rows and the header go with it
    assert "260" in pages[-1].split() and "Nachname" in pages[-1]
    for page in with_rows:
        for column in ("Nr.", "Nachname", "Vorname", "Organisation / Projekt", "Unterschrift"):
            assert column in page
    for number, page in enumerate(pages, start=1):
        assert f"Seite {number} von {total}" in page
    everything = " ".join(pages)
    for i in range(250):
        assert f"Teilnehmerin {i:03d}" in everything
    assert everything.index("Teilnehmerin 000") < everything.index("Teilnehmerin 249")
    assert "Unterschrift Referent:in" not in everything  # no speaker given
    assert "Die Richtigkeit der Angaben bestätigt" in normalised(pages[-1])


def test_fonts_are_embedded(data: AttendanceListInput) -> None:
    fonts = embedded_font_names(build_attendance_list(data))
    assert any("NotoSans-" in name for name in fonts)
    assert any("NotoSansArabic" in name for name in fonts)
    assert all(fonts.values()), fonts


def test_plain_cells_print_markup_characters_as_typed(office: Office, event_date: dt.date) -> None:
    """Rows are drawn as plain text (no Paragraph markup): & and < come out as typed."""
    people = (
        Participant("Anna & Ben", "<Müller>", "Lesen & Lernen e.V."),
        Participant("Özlem", "Yılmaz", "Kinder <3 Bücher"),
    )
    data = AttendanceListInput(office, "Vernetzungstreffen", event_date, "Stadthaus", people)
    text = normalised(" ".join(pdftotext_pages(build_attendance_list(data))))
    for expected in ("Anna & Ben", "<Müller>", "Lesen & Lernen e.V.", "Kinder <3 Bücher"):
        assert expected in text, expected
    assert "&amp;" not in text and "&lt;" not in text


def test_pages_planned_from_row_heights_at_every_count(office: Office, event_date: dt.date) -> None:
    """From 0 to 75 rows (across two page breaks): every row once and in order, the header
    above the rows of every page, the signature block never alone, "Seite X von Y"."""
    for count in range(76):
        people = tuple(
            Participant(f"Vorname {i}", f"Teilnehmerin {i:03d}", "Lesewelt Halle")
            for i in range(count)
        )
        data = AttendanceListInput(office, "Fachtag 2026", event_date, "Stadthaus", people)
        pdf = build_attendance_list(data)
        pages = pdftotext_pages(pdf)
        total = page_count(pdf)
        assert total == len(pages)
        for number, page in enumerate(pages, start=1):
            assert f"Seite {number} von {total}" in page
            if "Teilnehmerin" in page:
                assert page.index("Nachname") < page.index("Teilnehmerin"), (count, number)
        everything = " ".join(pages)
        positions = [everything.find(f"Teilnehmerin {i:03d}") for i in range(count)]
        assert all(p >= 0 for p in positions) and positions == sorted(positions), count
        last = normalised(pages[-1])
        assert "Die Richtigkeit der Angaben bestätigt" in last and "Nachname" in last
        if count:
            assert f"Teilnehmerin {count - 1:03d}" in last, count  # rows go with the block
        assert all("Die Richtigkeit" not in normalised(page) for page in pages[:-1])


def test_right_to_left_title_and_place_in_the_heading(data: AttendanceListInput) -> None:
    """The heading wraps in logical order and shapes Arabic only: Latin words of the same
    title stay plain letters (no "ff" ligature), so they can be searched and copied."""
    title = "لقاء الأسر – Familientreffen der Patenschaften in Halle-Neustadt"
    place = "مركز المدينة، شارع السلام 5"
    pdf = build_attendance_list(replace(data, event_title=title, place=place))
    text = pdftotext_pages(pdf)[0]
    assert "Familientreffen" in text and "\ufb00" not in text
    assert arabic_problems(text, "لقاء الأسر") == []
    assert "شارع السلام" in normalised(text) and "Ort" in text


def test_page_streams_are_binary_and_other_documents_keep_the_default(
    data: AttendanceListInput,
) -> None:
    from reportlab import rl_config

    before = rl_config.useA85
    pdf = build_attendance_list(data)
    assert b"/FlateDecode" in pdf
    assert b"/ASCII85Decode" not in pdf  # page streams compressed, not text-encoded
    assert rl_config.useA85 == before  # switched for this save only
    assert "Nachname" in pdftotext_pages(pdf)[0]
