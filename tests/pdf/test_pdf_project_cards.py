"""Projektkarten read back: three DIN-lang cards per A4 landscape sheet, with crop marks."""

from __future__ import annotations

import io
import re

from PIL import Image
from pypdf import PdfReader

from patenbuero.pdf import build_project_cards
from patenbuero.pdf.inputs import Office, ProjectCard, ProjectCardsInput, ProjectContact
from tests.pdf.pdf_readback import embedded_font_names, normalised, page_count, pdftotext_pages

MM = 72 / 25.4
NAMES = (
    "Lesewelt Halle",
    "Max geht in die Oper",
    "Lernengel",
    "Seelenpaten",
    "Familienpaten",
    "Spielplatzpaten",
    "Große für Kleine",
)


def _logo(width: int, height: int, fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (29, 92, 110)).save(out, fmt)
    return out.getvalue()


def _cards(office: Office) -> ProjectCardsInput:
    contacts = (
        ProjectContact("Jürgen Großmann", "0345 1234567", "info@lesewelt-halle.de"),
        ProjectContact("Özlem Yılmaz", email="oezlem@example.org", website="www.lernengel.de"),
        ProjectContact("Олена Коваленко", "0345 555111"),
        ProjectContact("محمد الحسن", "0345 9988776"),
    )
    logos = (_logo(600, 200, "PNG"), _logo(200, 600, "JPEG"), None, b"kein Bild")
    cards = tuple(
        ProjectCard(
            name,
            "Ehrenamtliche begleiten Kinder und Familien im Alltag.",
            ("Kinder", "Familien"),
            "1–2 Stunden pro Woche",
            ("Neustadt", "Südstadt"),
            contacts[n % len(contacts)],
            seeks_volunteers=n % 2 == 0,
            logo=logos[n % len(logos)],
        )
        for n, name in enumerate(NAMES)
    )
    return ProjectCardsInput(office, cards)


def test_three_cards_per_landscape_sheet(office: Office) -> None:
    pdf = build_project_cards(_cards(office))
    assert page_count(pdf) == 3  # 7 cards: 3 + 3 + 1
    for page in PdfReader(io.BytesIO(pdf)).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 297 * MM) < 1 and abs(height - 210 * MM) < 1
    text = normalised(" ".join(pdftotext_pages(pdf)))
    for name in NAMES:
        assert text.count(name) == 1, name  # each card once
    pages = [normalised(p) for p in pdftotext_pages(pdf)]
    assert [sum(name in p for name in NAMES) for p in pages] == [3, 3, 1]
    for expected in (
        "Zielgruppen",
        "Zeitaufwand",
        "Stadtteile",
        "1–2 Stunden pro Woche",
        "Neustadt, Südstadt",
        "Jürgen Großmann",
        "Tel. 0345 1234567",
        "www.lernengel.de",
        "Олена Коваленко",
        "Patenschaftsnetzwerk Halle",
    ):
        assert expected in text, expected
    assert text.count("sucht Pat:innen") == 4
    assert all(embedded_font_names(pdf).values())


def test_cards_sit_side_by_side_with_crop_marks(office: Office) -> None:
    pdf = build_project_cards(_cards(office))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    ops = page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
    ticks = re.findall(r"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l", ops)
    cuts = {round(float(x1) / MM) for x1, _, x2, _ in ticks if x1 == x2}
    assert {99, 198} <= cuts
    # ticks reach the top and bottom edges and stay out of the card content (< 10 mm)
    marks = [(float(y1) / MM, float(y2) / MM) for x1, y1, x2, y2 in ticks if x1 == x2]
    assert any(max(a, b) <= 10 for a, b in marks) and any(min(a, b) >= 200 for a, b in marks)
    words = pdftotext_pages(pdf)[0]
    assert "Lesewelt" in words


def test_card_names_are_in_their_own_third(office: Office) -> None:
    from tests.pdf.pdf_readback import word_positions

    pdf = build_project_cards(_cards(office))
    positions = {w: x for w, x, _ in word_positions(pdf, 1)}
    assert positions["Lesewelt"] < 99 * MM < positions["Max"] < 198 * MM < positions["Lernengel"]


def test_very_long_card_text_is_shrunk_not_cut(office: Office) -> None:
    long_text = "Wir lesen gemeinsam Bücher und entdecken die Stadt. " * 40 + "Ende des Textes."
    data = ProjectCardsInput(office, (ProjectCard("Lesewelt Halle", long_text, ("Kinder",)),))
    text = normalised(pdftotext_pages(build_project_cards(data))[0])
    assert "Ende des Textes." in text


def test_without_crop_marks(office: Office) -> None:
    data = ProjectCardsInput(office, _cards(office).cards[:1], crop_marks=False)
    ops = PdfReader(io.BytesIO(build_project_cards(data))).pages[0].get_contents()
    assert ops is not None
    lines = re.findall(r"([\d.]+) [\d.]+ m ([\d.]+) [\d.]+ l", ops.get_data().decode("latin-1"))
    assert not any(x1 == x2 and round(float(x1) / MM) in (99, 198) for x1, x2 in lines)
