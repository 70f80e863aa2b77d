"""Short text fields (names, titles) in any script, ready for reportlab Paragraph markup.

reportlab 5.1 cannot order right-to-left text itself (its bidi needs ``rlbidi``), and
HarfBuzz shaping alone joins Arabic letters but leaves the words of a multi-word Arabic
run in the wrong order. What works, and what :func:`rich` does:

1. ``bidi.get_display`` puts the whole field into visual (left-to-right) order;
2. every Arabic run is reversed back to logical order, so HarfBuzz sees real words;
3. the run is wrapped in ``<font face="PbArabic">`` (Noto Sans has no Arabic glyphs);
4. :func:`paragraph` switches on ``shaping=1`` for such paragraphs; HarfBuzz then joins
   the letters and lays each word out right to left.

:func:`rich` fixes the visual order of one line. Text that may wrap goes through
:func:`para`: it returns a :class:`BrokenParagraph`, which breaks the text in logical
order with :mod:`patenbuero.pdf.line_breaking` once it knows its width, and only then
reorders each line for display.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from patenbuero.pdf.fonts import ARABIC, ARABIC_BOLD
from patenbuero.pdf.line_breaking import Kind, fit_field, warn_cut
from patenbuero.pdf.plain_text import clean, has_rtl, visual_runs
from patenbuero.pdf.plain_text import with_latin as with_latin  # re-exported


def escape(text: str | None) -> str:
    """Escape ``&``, ``<`` and ``>`` for Paragraph markup (after :func:`clean`)."""
    return _xml_escape(clean(text))


def rich(text: str | None, *, bold: bool = False) -> str:
    """Return Paragraph markup for a short field in any script.

    ``bold`` must be True when the paragraph's font is bold (or the markup is inside
    ``<b>``): the Arabic runs get their own font face, which does not inherit boldness.
    """
    value = clean(text)
    if not has_rtl(value):
        return _xml_escape(value)
    face = ARABIC_BOLD if bold else ARABIC
    return "".join(
        f'<font face="{face}">{_xml_escape(run)}</font>' if rtl else _xml_escape(run)
        for run, rtl in visual_runs(value)
    )


@cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_shaped", parent=style, shaping=1)


def paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """Create a Paragraph; switch on HarfBuzz shaping when the markup holds Arabic.

    Latin text stays unshaped, so ``fi`` is never turned into a ligature that would
    disturb copy and paste or text search in the PDF.
    """
    if has_rtl(markup):
        return Paragraph(markup, _shaped(style))
    return Paragraph(markup, style)


class BrokenParagraph(Paragraph):
    """A plain field that breaks its own lines with the line-breaking service.

    The text stays in logical order until :meth:`wrap` knows the width; then each line
    is broken (hyphenation for text, none for names), reordered for display by
    :func:`rich` and joined with ``<br/>``. With ``min_size`` the text shrinks down to
    that size before a word would have to be cut; a cut is reported as a warning.
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle | None = None,
        bulletText: str | None = None,
        frags: Any = None,
        caseSensitive: int = 1,
        encoding: str = "utf8",
        *,
        kind: Kind = Kind.TEXT,
        bold: bool = False,
        min_size: float | None = None,
    ) -> None:
        assert style is not None
        # "\n" in a field starts a new line (e.g. e-mail, then phone)
        lines = (text or "").split("\n")
        self._logical = None if frags is not None else "\n".join(filter(None, map(clean, lines)))
        self._kind, self._bold, self._min_size = kind, bold, min_size
        self._base_style = style
        self._broken_for: float | None = None
        markup = rich(text, bold=bold) if frags is None else text
        chosen = _shaped(style) if frags is None and has_rtl(markup or "") else style
        super().__init__(markup, chosen, bulletText, frags, caseSensitive, encoding)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._logical is not None and self._broken_for != availWidth:
            self._break(availWidth)
        return super().wrap(availWidth, availHeight)

    def _break(self, width: float) -> None:
        style = self._base_style
        size, broken = fit_field(
            self._logical or "", width, style.fontName, style.fontSize, self._kind, self._min_size
        )
        if size != style.fontSize:
            style = ParagraphStyle(
                f"{style.name}_{size:g}",
                parent=style,
                fontSize=size,
                leading=style.leading * size / style.fontSize,
            )
        if broken.forced:
            warn_cut(self._logical or "", self._kind)
        markup = "<br/>".join(rich(line, bold=self._bold) for line in broken.lines)
        chosen = _shaped(style) if has_rtl(markup) else style
        self._broken_for = width
        Paragraph.__init__(self, markup, chosen)


def para(
    text: str | None,
    style: ParagraphStyle,
    *,
    bold: bool = False,
    kind: Kind = Kind.TEXT,
    min_size: float | None = None,
) -> Paragraph:
    """A Paragraph from a plain field in any script, broken by the line-breaking service.

    ``kind=Kind.NAME`` for person names (never hyphenated); ``min_size`` lets the text
    shrink before a word is cut.
    """
    is_bold = bold or "Bold" in style.fontName
    return BrokenParagraph(text, style, kind=kind, bold=is_bold, min_size=min_size)
