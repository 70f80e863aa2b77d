"""Namensschilder, label sheet geometry and the calibration page."""

from __future__ import annotations

import pytest

from patenbuero.pdf import build_badges, build_calibration_page
from patenbuero.pdf.badges import NAME_MAX_SIZE, fit_name
from patenbuero.pdf.inputs import Badge, BadgesInput, Office
from patenbuero.pdf.label_sheets import SHEETS, get_sheet
from tests.pdf.pdf_readback import (
    arabic_problems,
    embedded_font_names,
    normalised,
    page_count,
    pdftotext_pages,
    pdftotext_raw_pages,
    word_positions,
)

LONG_NAME = "Maximiliane Hildegard von Hohenzollern-Sigmaringen-Wittelsbach"


@pytest.fixture
def badges(office: Office) -> BadgesInput:
    return BadgesInput(
        office,
        (
            Badge("Jürgen Großmann", "Lesewelt Halle"),
            Badge("Özlem Yılmaz", "Willkommen in Halle", role="Referentin"),
            Badge("Олена Коваленко", "Max geht in die Oper", latin_name="Olena Kovalenko"),
            Badge("محمد الحسن", "Berufspatenschaften", latin_name="Mohammed Al-Hassan"),
            Badge("Nguyễn Thị Hương", "Familienpaten"),
            Badge(LONG_NAME, "Bürgerstiftung Halle"),
        ),
        event_title="Fachtag 2026",
    )


# What each preset's public source says: (first label's top-left, last label's top-left)
# in mm from the sheet's top-left edge, label size and corner radius.
SOURCES = {
    # gLabels avery-iso-templates.xml: x0=18 y0=13 dx=95 dy=55, nx=2 ny=5, 80 x 50 mm, r 4
    "L4785": ((18.0, 13.0), (18.0 + 95.0, 13.0 + 4 * 55.0), (80.0, 50.0), 4.0),
}


def test_every_preset_has_a_named_source() -> None:
    assert set(SHEETS) == set(SOURCES)
    assert all(sheet.source for sheet in SHEETS.values())


@pytest.mark.parametrize("key", sorted(SHEETS))
def test_first_and_last_label_sit_where_the_source_says(key: str) -> None:
    sheet = SHEETS[key]
    first, last, size, radius = SOURCES[key]
    assert sheet.origin_mm(0) == pytest.approx(first)
    assert sheet.origin_mm(sheet.per_sheet - 1) == pytest.approx(last)
    assert (sheet.label_width, sheet.label_height, sheet.corner_radius) == (*size, radius)
    assert (sheet.page_width, sheet.page_height) == (210, 297)
    assert sheet.margin_right >= 0 and sheet.margin_bottom >= 0


@pytest.mark.parametrize("key", sorted(SHEETS))
def test_printed_labels_sit_where_the_source_says(key: str) -> None:
    """Read the calibration page back: every label outline where origin + pitch put it."""
    pdfplumber = pytest.importorskip("pdfplumber")
    import io

    sheet = SHEETS[key]
    with pdfplumber.open(io.BytesIO(build_calibration_page(key))) as document:
        page = document.pages[0]
        boxes = sorted(
            (round(c["x0"] * 25.4 / 72, 1), round(c["top"] * 25.4 / 72, 1))
            for c in page.curves + page.rects
            if abs(c["width"] * 25.4 / 72 - sheet.label_width) < 0.2
        )
    expected = sorted(
        (round(x, 1), round(y, 1)) for x, y in map(sheet.origin_mm, range(sheet.per_sheet))
    )
    assert boxes == expected


def test_retired_sheets_fall_back_to_l4785() -> None:
    assert get_sheet("HERMA-4412").key == "L4785"
    assert get_sheet("DURABLE-1453").key == "L4785"
    with pytest.raises(KeyError):
        get_sheet("XYZ")


def test_names_in_every_script_on_badges(badges: BadgesInput) -> None:
    pdf = build_badges(badges)
    assert page_count(pdf) == 1
    raw = pdftotext_pages(pdf)[0]
    text = normalised(raw)
    for expected in (
        "Jürgen Großmann",
        "Özlem Yılmaz",
        "Referentin",
        "Олена Коваленко",
        "Olena Kovalenko",
        "Mohammed Al-Hassan",
        "Nguyễn Thị Hương",
        "Bürgerstiftung Halle",
        "Fachtag 2026",
    ):
        assert expected in text
    assert arabic_problems(raw, "محمد الحسن") == []
    assert all(embedded_font_names(pdf).values())


def test_start_at_and_page_breaks(badges: BadgesInput) -> None:
    assert page_count(build_badges(badges, start_at=5)) == 1  # labels 5-10
    pages = pdftotext_pages(build_badges(badges, start_at=6))  # labels 6-10, then 1 on page 2
    assert len(pages) == 2
    assert LONG_NAME.split()[0] in pages[1]
    with pytest.raises(ValueError):
        build_badges(badges, start_at=11)


def test_start_at_and_offset_move_the_first_badge(badges: BadgesInput) -> None:
    def first_name_position(pdf: bytes) -> tuple[float, float]:
        return next((x, y) for word, x, y in word_positions(pdf) if word == "Jürgen")

    x1, y1 = first_name_position(build_badges(badges, start_at=1))
    x2, y2 = first_name_position(build_badges(badges, start_at=4))  # right column, 2nd row
    sheet = get_sheet("L4785")
    assert x2 - x1 == pytest.approx((sheet.label_width + sheet.gap_x) * 72 / 25.4, abs=0.1)
    assert y2 - y1 == pytest.approx((sheet.label_height + sheet.gap_y) * 72 / 25.4, abs=0.1)
    x3, y3 = first_name_position(build_badges(badges, offset_x_mm=2, offset_y_mm=3))
    assert x3 - x1 == pytest.approx(2 * 72 / 25.4, abs=0.1)
    assert y3 - y1 == pytest.approx(3 * 72 / 25.4, abs=0.1)


def test_long_names_shrink_but_are_never_clipped() -> None:
    width, height = 70 * 72 / 25.4, 22 * 72 / 25.4
    short = fit_name("Jo Bauer", width, height)
    long = fit_name(LONG_NAME, width, height)
    assert short.font_size == NAME_MAX_SIZE
    assert long.font_size < short.font_size
    assert long.height <= height
    assert long.paragraph.minWidth() <= width  # no word wider than the label


def test_long_name_printed_in_full(badges: BadgesInput) -> None:
    text = normalised(" ".join(pdftotext_raw_pages(build_badges(badges)))).replace("- ", "-")
    assert LONG_NAME in text


@pytest.mark.parametrize("key", sorted(SHEETS))
def test_calibration_page_has_every_label(key: str) -> None:
    pdf = build_calibration_page(key, offset_x_mm=1, offset_y_mm=-1)
    assert page_count(pdf) == 1
    text = pdftotext_pages(pdf)[0]
    numbers = {int(token) for token in text.split() if token.isdigit()}
    assert set(range(1, SHEETS[key].per_sheet + 1)) <= numbers
    assert "Probedruck" in text and "100 mm" in text
