"""Font lookup and registration for every PDF of the Patenbüro.

Two families are shipped in ``resources/fonts`` (SIL OFL 1.1, licence beside them):

* Noto Sans – Latin (incl. Turkish, Polish, Vietnamese), Cyrillic and Greek;
* Noto Sans Arabic – Arabic and Persian.

reportlab has no font fallback, so :mod:`patenbuero.pdf.text` wraps Arabic runs in
``<font face="PbArabic">``; everything else is set in ``PbSans``.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from patenbuero.resource_files import resource_dir

SANS = "PbSans"
SANS_BOLD = "PbSans-Bold"
ARABIC = "PbArabic"
ARABIC_BOLD = "PbArabic-Bold"

_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
}

_registered = False


def fonts_dir() -> Path:
    """Return the folder with the bundled TTFs (installed wheel first, then source checkout)."""
    return resource_dir("fonts")


def register_fonts() -> None:
    """Register the house fonts with reportlab once; safe to call repeatedly."""
    global _registered
    if _registered:
        return
    folder = fonts_dir()
    for name, filename in _FILES.items():
        font = TTFont(name, str(folder / filename))
        font.shapable = True
        pdfmetrics.registerFont(font)
    for family, regular, bold in ((SANS, SANS, SANS_BOLD), (ARABIC, ARABIC, ARABIC_BOLD)):
        addMapping(family, 0, 0, regular)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, regular)
        addMapping(family, 1, 1, bold)
    _disable_discretionary_ligatures()
    _registered = True


def _disable_discretionary_ligatures() -> None:
    """Switch off ``dlig`` in reportlab's shaper.

    With shaping, reportlab asks HarfBuzz for discretionary ligatures; Noto Sans Arabic
    then turns محمد into a single decorative glyph with added vowel marks. The feature
    set is the mutable default argument of ``shapeFragWord``.
    """
    defaults = getattr(ttfonts.shapeFragWord, "__defaults__", None) or ()
    for value in defaults:
        if isinstance(value, dict) and "dlig" in value:
            value["dlig"] = False


def has_glyph(font_name: str, char: str) -> bool:
    """Return True if the registered TrueType font ``font_name`` has a glyph for ``char``."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    return face is not None and ord(char) in face.charToGlyph
