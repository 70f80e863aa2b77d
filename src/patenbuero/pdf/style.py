"""House style of the Patenbüro PDFs: page sizes, margins, colours and paragraph styles."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from patenbuero.pdf.fonts import SANS, SANS_BOLD, register_fonts

PORTRAIT = A4
LANDSCAPE = landscape(A4)

MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
HEADER_Y = 12 * mm  # distance of the header rule from the top edge
FOOTER_Y = 10 * mm  # baseline of the footer text above the bottom edge

# Petrol blue as the network colour, a warm orange as accent, calm greys for rules.
PRIMARY = colors.HexColor("#1D5C6E")
PRIMARY_DARK = colors.HexColor("#133F4C")
ACCENT = colors.HexColor("#E07A2E")
TEXT = colors.HexColor("#1F2328")
MUTED = colors.HexColor("#5B6770")
RULE = colors.HexColor("#AEBBC2")
RULE_LIGHT = colors.HexColor("#D5DDE1")
TINT = colors.HexColor("#E7F0F2")
TINT_LIGHT = colors.HexColor("#F4F8F9")
WHITE = colors.white

BODY_SIZE = 10
SMALL_SIZE = 8


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Return the named paragraph styles (fonts are registered on first use)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=SANS, fontSize=BODY_SIZE, leading=13.5, textColor=TEXT)
    result = {
        "body": base,
        "body_right": ParagraphStyle("body_right", parent=base, alignment=TA_RIGHT),
        "body_center": ParagraphStyle("body_center", parent=base, alignment=TA_CENTER),
        "small": ParagraphStyle(
            "small", parent=base, fontSize=SMALL_SIZE, leading=10.5, textColor=MUTED
        ),
        "consent": ParagraphStyle("consent", parent=base, fontSize=8.5, leading=11.5),
        "tiny": ParagraphStyle("tiny", parent=base, fontSize=6.5, leading=8, textColor=MUTED),
        "small_center": ParagraphStyle(
            "small_center",
            parent=base,
            fontSize=SMALL_SIZE,
            leading=10.5,
            textColor=MUTED,
            alignment=TA_CENTER,
        ),
        "label": ParagraphStyle(
            "label", parent=base, fontName=SANS_BOLD, fontSize=8, leading=10, textColor=MUTED
        ),
        "kicker": ParagraphStyle(
            "kicker",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=9,
            leading=12,
            textColor=ACCENT,
            spaceAfter=2,
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=19,
            leading=24,
            textColor=PRIMARY_DARK,
            spaceAfter=4,
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=12,
            leading=16,
            textColor=PRIMARY_DARK,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12),
        "cell_right": ParagraphStyle(
            "cell_right", parent=base, fontSize=9.5, leading=12, alignment=TA_RIGHT
        ),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=SANS_BOLD, fontSize=9.5, leading=12
        ),
        "cell_small": ParagraphStyle(
            "cell_small", parent=base, fontSize=8, leading=10, textColor=MUTED
        ),
        "th": ParagraphStyle(
            "th", parent=base, fontName=SANS_BOLD, fontSize=8.5, leading=11, textColor=WHITE
        ),
        "th_right": ParagraphStyle(
            "th_right",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=8.5,
            leading=11,
            textColor=WHITE,
            alignment=TA_RIGHT,
        ),
        "num": ParagraphStyle(
            "num", parent=base, fontSize=9, leading=12, textColor=MUTED, alignment=TA_RIGHT
        ),
        "left": ParagraphStyle("left", parent=base, alignment=TA_LEFT),
    }
    return result


def style(name: str) -> ParagraphStyle:
    """Return one named paragraph style of the house style."""
    return styles()[name]
