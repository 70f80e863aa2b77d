"""The one line-breaking service: hyphenation, addresses, names, right-to-left, warnings."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from patenbuero.pdf.fonts import SANS, SANS_BOLD, register_fonts
from patenbuero.pdf.line_breaking import (
    Kind,
    break_text,
    collect_warnings,
    fit_lines,
    text_width,
    warn,
)
from patenbuero.pdf.text import para


@pytest.fixture(autouse=True)
def _fonts() -> None:
    register_fonts()


def _ok(lines: tuple[str, ...], width: float, font: str = SANS, size: float = 10) -> None:
    for line in lines:
        assert text_width(line, font, size) <= width, line


def test_running_text_breaks_at_spaces_first() -> None:
    broken = break_text("Vorlesen für Kinder in Kitas und Schulen", 90, SANS, 10)
    assert all(not line.endswith("-") for line in broken.lines)
    assert " ".join(broken.lines) == "Vorlesen für Kinder in Kitas und Schulen"
    _ok(broken.lines, 90)


def test_long_german_word_is_hyphenated_at_a_syllable() -> None:
    broken = break_text("Nachbarschaftspatenschaften", 80, SANS, 10)
    assert len(broken.lines) > 1 and not broken.forced
    assert all(line.endswith("-") for line in broken.lines[:-1])
    assert "".join(line.removesuffix("-") for line in broken.lines) == "Nachbarschaftspatenschaften"
    # every cut is one of the dictionary's syllable boundaries
    assert broken.lines[0] in {"Nach-", "Nachbar-", "Nachbarschafts-", "Nachbarschaftspa-"}
    _ok(broken.lines, 80)


def test_existing_hyphen_is_the_first_break() -> None:
    broken = break_text("Familienpaten-Netzwerk", 90, SANS, 10)
    assert broken.lines == ("Familienpaten-", "Netzwerk")


def test_email_breaks_only_after_address_characters_without_hyphen() -> None:
    address = "kontakt@nachbarschaft-senior-innen.example.org"
    broken = break_text(address, 90, SANS, 10)
    assert "".join(broken.lines) == address  # nothing added
    assert all(line[-1] in "@.-/" for line in broken.lines[:-1])
    _ok(broken.lines, 90)


def test_url_breaks_after_slash_and_dot() -> None:
    url = "https://www.freiwilligen-agentur-halle.example.org/patenschaften/lesewelt"
    broken = break_text(url, 110, SANS, 10)
    assert "".join(broken.lines) == url
    assert all(line[-1] in "@.-/" for line in broken.lines[:-1])


def test_phone_number_stays_on_one_line() -> None:
    broken = break_text("Telefon 0345 760 70 77", 80, SANS, 10)
    assert "0345 760 70 77" in broken.lines


def test_names_are_never_hyphenated_they_wrap_at_spaces_and_hyphens() -> None:
    name = "Maria-Magdalena von Hohenzollern-Sigmaringen-Württemberg"
    broken = break_text(name, 150, SANS_BOLD, 10, Kind.NAME)
    assert not broken.forced
    joined = "".join(line if line.endswith("-") else line + " " for line in broken.lines)
    assert joined.strip() == name


def test_name_shrinks_to_the_floor_then_warns() -> None:
    with collect_warnings() as warnings:
        short = fit_lines("Li Ng", font=SANS_BOLD, width=200, height=40, max_size=24, min_size=9)
        assert short.size == 24 and short.fits and warnings == []
        huge = fit_lines("A" * 100, font=SANS_BOLD, width=200, height=60, max_size=24, min_size=9)
    assert huge.size == 9 and not huge.fits
    assert len(warnings) == 1 and "passt auch in 9 pt nicht" in warnings[0]
    assert all(line.endswith("-") for line in huge.lines[:-1])  # cut visibly, not silently


def test_arabic_name_wraps_in_logical_order() -> None:
    name = "فاطمة الزهراء عبدالرحمن الحسيني"
    width = text_width("فاطمة الزهراء", SANS_BOLD, 14) + 2
    broken = break_text(name, width, SANS_BOLD, 14, Kind.NAME)
    assert broken.lines[0].split()[0] == "فاطمة"  # the first name stays on the first line
    assert " ".join(broken.lines) == name


def test_shaped_arabic_is_measured_narrower_than_isolated_letters() -> None:
    word = "عبدالرحمن"
    from reportlab.pdfbase import pdfmetrics

    from patenbuero.pdf.fonts import ARABIC

    isolated = pdfmetrics.stringWidth(word, ARABIC, 10)
    assert 0 < text_width(word, SANS, 10) < isolated * 1.2


def test_paragraph_reports_a_cut_word() -> None:
    style = ParagraphStyle("t", fontName=SANS, fontSize=10, leading=12)
    with collect_warnings() as warnings:
        paragraph = para("X" * 80, style, min_size=8)
        paragraph.wrap(60, 1000)
    assert warnings and "passt nicht in sein Feld" in warnings[0]


def test_warnings_outside_a_collector_are_dropped() -> None:
    warn("nichts")  # no collector: must not raise
    with collect_warnings() as warnings:
        warn("eins")
        warn("eins")
    assert warnings == ["eins"]
