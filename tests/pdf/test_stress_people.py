"""Badges, attendance lists and certificates with the stress names (eight scripts)."""

from __future__ import annotations

import datetime as dt

import pytest

from patenbuero.pdf import build_attendance_list, build_badges, build_certificates
from patenbuero.pdf.inputs import AttendanceListInput, BadgesInput, CertificateInput, Funder
from patenbuero.pdf.label_sheets import get_sheet
from patenbuero.pdf.line_breaking import collect_warnings
from tests.pdf import stress_data as sd
from tests.pdf.layout_checks import (
    MM,
    bad_breaks,
    chars_outside_boxes,
    chars_outside_margin,
    logical_line,
    reads_in_order,
    rtl_block,
    smallest_size,
)
from tests.pdf.pdf_readback import normalised, pdftotext_raw_pages

# two lines on a badge, two lines (Arabic and Persian), three lines
RTL_NAMES = [
    ("فاطمة الزهراء", "عبدالرحمن الحسيني"),
    ("سید محمدحسین", "طباطبایی‌نژاد موسوی"),
    ("محمد عبد الرحمن", "بن عبد العزيز آل سعود الحسيني"),
]


def _attendance(**options: bool) -> bytes:
    data = AttendanceListInput(
        sd.OFFICE,
        "Fachtag Patenschaften 2026 – Begegnung über Sprachgrenzen hinweg",
        dt.date(2026, 9, 17),
        "Stadthaus Halle, Marktplatz 2",
        sd.PARTICIPANTS,
        funder=Funder("Stadt Halle (Saale)", "Qualifizierung von Pat:innen", "FB-2026-0417", 2.5),
    )
    return build_attendance_list(data, **options)


def _badges() -> bytes:
    """Badges in the order the printing service hands them over (participant_sort_key)."""
    return build_badges(BadgesInput(sd.OFFICE, sd.SORTED_BADGES, event_title="Fachtag 2026"))


def _certificates() -> bytes:
    return build_certificates(
        CertificateInput(
            sd.OFFICE,
            "Fortbildungsreihe für Pat:innen 2026",
            sd.MODULES,
            sd.RECIPIENTS,
            "Halle (Saale)",
            dt.date(2026, 5, 20),
            "Katrin Schubert",
        )
    )


DOCUMENTS = {
    "teilnehmerliste": lambda: _attendance(),
    "teilnehmerliste-kontakt": lambda: _attendance(show_contact=True),
    "namensschilder": _badges,
    "bescheinigungen": _certificates,
}


@pytest.mark.parametrize("key", sorted(DOCUMENTS))
def test_no_word_split_in_the_middle(key: str) -> None:
    assert bad_breaks(DOCUMENTS[key](), sd.vocabulary(), sd.names()) == []


@pytest.mark.parametrize("key", sorted(DOCUMENTS))
def test_every_text_five_mm_inside_the_page(key: str) -> None:
    assert chars_outside_margin(DOCUMENTS[key]()) == []


@pytest.mark.parametrize("key", sorted(DOCUMENTS))
@pytest.mark.parametrize("name", RTL_NAMES)
def test_wrapped_rtl_names_keep_their_line_order(key: str, name: tuple[str, str]) -> None:
    first, last = name
    # the list has a column per name part; the badge and the certificate the full name
    expected = [last, first] if key.startswith("teilnehmerliste") else [f"{first} {last}"]
    for text in expected:
        assert reads_in_order(DOCUMENTS[key](), text), text


def test_two_and_three_line_rtl_names_in_every_document() -> None:
    """The long Arabic name wraps over two or three lines, each in reading order."""
    name = "محمد عبد الرحمن بن عبد العزيز آل سعود الحسيني"
    last = "بن عبد العزيز آل سعود الحسيني"
    blocks = {
        "namensschilder": rtl_block(_badges(), "محمد عبد"),
        "bescheinigungen": rtl_block(_certificates(), "محمد عبد"),
        "teilnehmerliste": rtl_block(_attendance(), "بن عبد"),
    }
    assert " ".join(blocks["namensschilder"]) == normalised(name)
    assert " ".join(blocks["bescheinigungen"]) == normalised(name)
    assert len(blocks["namensschilder"]) >= 2
    # in the narrow list column the last name takes three lines: two start in Arabic
    assert blocks["teilnehmerliste"] == [normalised("بن عبد العزيز آل سعود")]
    assert reads_in_order(_attendance(), f"{last} (bin Abdulaziz Al-Saud Al-Husseini)")


def test_rtl_name_really_wraps_on_the_badge() -> None:
    """The four-word Arabic name needs two lines; the first name is on the first."""
    lines = [logical_line(line) for line in pdftotext_raw_pages(_badges())[0].splitlines()]
    first = next(n for n, line in enumerate(lines) if line.startswith(normalised("فاطمة")))
    assert lines[first] == normalised("فاطمة الزهراء")
    assert lines[first + 1] == normalised("عبدالرحمن الحسيني")


def test_badge_text_stays_inside_its_label() -> None:
    sheet = get_sheet("L4785")
    boxes = []
    for index in range(sheet.per_sheet):
        x, y, w, h = sheet.rect_pt(index)
        top = sheet.page_height * MM - y - h
        boxes.append((x + 3 * MM, top + 3 * MM, x + w - 3 * MM, top + h - 3 * MM))
    assert chars_outside_boxes(_badges(), boxes) == []


def test_badge_event_line_readable_or_off() -> None:
    assert smallest_size(_badges(), ignore=["Patenschaftsnetzwerk"]) >= 7.9
    off = build_badges(
        BadgesInput(sd.OFFICE, sd.BADGES, event_title="Fachtag 2026", show_event=False)
    )
    assert "Fachtag 2026" not in " ".join(pdftotext_raw_pages(off))


def test_badges_and_lists_share_one_german_order() -> None:
    """Bräuer before Çelik before Öztürk before Zöllner; Latin spellings sort the rest."""
    order = ["Abdelrahman", "Bräuer", "Çelik", "Hosseini-Nejad", "Kovalchuk", "Öztürk", "Zöllner"]
    for pdf in (_badges(), _attendance(), _certificates()):
        text = normalised(" ".join(pdftotext_raw_pages(pdf))).replace("- ", "-")
        positions = [text.index(name) for name in order]
        assert positions == sorted(positions)


def test_nothing_had_to_be_cut() -> None:
    with collect_warnings() as warnings:
        for build in DOCUMENTS.values():
            build()
    assert warnings == []


def test_contact_list_is_landscape_with_wide_signature_column() -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    import io

    with pdfplumber.open(io.BytesIO(_attendance(show_contact=True))) as document:
        page = document.pages[0]
        assert page.width > page.height
        header = next(w for w in page.extract_words() if w["text"] == "Unterschrift")
        right_edge = page.width - 18 * MM
        assert right_edge - header["x0"] + 5 >= 45 * MM  # column incl. its padding


def test_funder_on_every_page() -> None:
    from patenbuero.pdf.inputs import Participant

    many = tuple(Participant(f"Vorname {i}", f"Nachname {i:03d}") for i in range(80))
    data = AttendanceListInput(
        sd.OFFICE,
        "Fachtag",
        dt.date(2026, 9, 17),
        "Stadthaus",
        many,
        funder=Funder("Stadt Halle (Saale)", "Qualifizierung", "FB-2026-0417", 2.5),
    )
    pages = pdftotext_raw_pages(build_attendance_list(data))
    assert len(pages) >= 3
    for page in pages:
        text = normalised(page)
        assert "Gefördert durch: Stadt Halle (Saale)" in text
        assert "Förderkennzeichen: FB-2026-0417" in text and "Unterrichtseinheiten: 2,5" in text
