"""Lines of text in any script written straight into a canvas text object (no platypus).

The line-breaking service (:mod:`patenbuero.pdf.line_breaking`) breaks a field in
logical order; :class:`TextPen` writes each finished line: a left-to-right line as it is,
a line with Arabic or Persian runs in the visual order of :func:`visual_runs`, each such
run shaped by HarfBuzz in the Arabic face (as reportlab's Paragraph with ``shaping=1``
does, but without its markup parser). All text of a page goes into one text object, so
the page's text reads in drawing order when copied or searched.
"""

from __future__ import annotations

from functools import lru_cache
from weakref import WeakKeyDictionary

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeStr
from reportlab.pdfgen.canvas import Canvas

from patenbuero.pdf.fonts import ARABIC, ARABIC_BOLD, SANS_BOLD, register_fonts
from patenbuero.pdf.line_breaking import Kind, fit_field, warn_cut
from patenbuero.pdf.plain_text import clean, has_rtl, visual_runs


def arabic_face(font: str) -> str:
    """The Arabic face that goes with a Latin one (bold with bold)."""
    return ARABIC_BOLD if font == SANS_BOLD or "Bold" in font else ARABIC


@lru_cache(maxsize=8192)
def _shaped(run: str, font: str, size: float) -> tuple[ShapedStr | str, float]:
    """A right-to-left run shaped once per document run: glyphs and advance width."""
    shaped = shapeStr(run, font, size)
    data = getattr(shaped, "__shapeData__", None)
    if data is None:
        return shaped, stringWidth(run, font, size)
    return shaped, sum(d.x_advance for d in data) * size / 1000


@lru_cache(maxsize=8192)
def _layout(line: str, font: str, size: float) -> tuple[tuple[str, str, float, float], ...]:
    """(text, font, x offset, width) of the runs of one line, left to right."""
    runs = []
    x = 0.0
    for run, rtl in visual_runs(line):
        if rtl:
            face = arabic_face(font)
            shaped, width = _shaped(run, face, size)
            runs.append((shaped, face, x, width))
        else:
            width = stringWidth(run, font, size)
            runs.append((run, font, x, width))
        x += width
    return tuple(runs)


@lru_cache(maxsize=8192)
def line_width(line: str, font: str, size: float) -> float:
    """Width of a line as :class:`TextPen` writes it."""
    if not has_rtl(line):
        return float(stringWidth(line, font, size))
    _text, _font_name, offset, width = _layout(line, font, size)[-1]
    return offset + width


@lru_cache(maxsize=16)
def _font(name: str) -> TTFont:
    font = getFont(name)
    assert isinstance(font, TTFont), name  # the house fonts are TrueType (fonts.py)
    return font


def pdf_number(value: float) -> str:
    """A coordinate for the page: at most two decimals (1/7200 inch), no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@lru_cache(maxsize=64)
def _fill_operator(red: float, green: float, blue: float) -> str:
    """The PDF operator that sets an RGB fill colour (formatted once per colour)."""
    return f"{fp_str(red, green, blue)} rg"


Runs = dict[tuple[str, str], tuple[tuple[int, str], ...]]
"""(subset, escaped PDF string) pieces of a text in a font, by (font, text)."""

_runs: WeakKeyDictionary[PDFDocument, Runs] = WeakKeyDictionary()


def _pieces(font: str, text: str, document: PDFDocument) -> tuple[tuple[int, str], ...]:
    """A text split into the font subsets of one document, once per document.

    A character keeps the subset it was given first, so a text that recurs (a first
    name, an organisation, a column label) is split and escaped only the first time.
    """
    known = _runs.get(document)
    if known is None:
        known = _runs[document] = {}
    pieces = known.get((font, text))
    if pieces is None:
        split = _font(font).splitString(text, document)
        pieces = known[(font, text)] = tuple((n, escapePDF(chunk)) for n, chunk in split)
    return pieces


class TextPen:
    """One text object of a page: moves, font and colour changes only where needed."""

    def __init__(self, canvas: Canvas) -> None:
        register_fonts()
        self.canvas = canvas
        self.text = canvas.beginText(0, 0)
        self._code: list[str] = self.text._code  # the text object's operators
        self._x = self._y = 0.0
        self._font: tuple[str, int, float] | None = None  # font, subset, size in force
        self._document = canvas._doc
        self._font_operators: dict[tuple[str, int, float], str] = {}
        self._color: Color | None = None

    def line(
        self, x: float, baseline: float, line: str, font: str, size: float, color: Color
    ) -> None:
        """Write one line (logical order) with its left end at ``x``."""
        if color is not self._color:
            self._code.append(_fill_operator(color.red, color.green, color.blue))
            self._color = color
        if not has_rtl(line):
            self._write(x, baseline, line, font, size)
            return
        for text, run_font, offset, _width in _layout(line, font, size):
            self._write(x + offset, baseline, text, run_font, size)

    def _write(self, x: float, y: float, text: str, font: str, size: float) -> None:
        # a relative move ("Td") from the start of the previous run: two numbers, not six
        dx, dy = pdf_number(x - self._x), pdf_number(y - self._y)
        self._code.append(f"{dx} {dy} Td")
        self._x += float(dx)  # where the page is now: rounding errors do not add up
        self._y += float(dy)
        if isinstance(text, ShapedStr):  # glyphs placed by HarfBuzz: reportlab writes them
            self.text.setFont(font, size)
            self._code.append(self.text._formatText(text))
            self._font = None  # the text object chose the font itself
            return
        # Plain text in a TrueType font, the way ttfonts documents it for dynamic fonts:
        # per subset "/F1+0 9.5 Tf (…) Tj", the font operator written once per change.
        for subset, chunk in _pieces(font, text, self._document):
            key = (font, subset, size)
            if self._font != key:
                operator = self._font_operators.get(key)
                if operator is None:
                    name = _font(font).getSubsetInternalName(subset, self._document)
                    operator = self._font_operators[key] = f"{name} {pdf_number(size)} Tf"
                self._code.append(operator)
                self._font = key
            self._code.append(f"({chunk}) Tj")

    def finish(self) -> None:
        """Put the text onto the page (once, after the last line)."""
        self.canvas.drawText(self.text)


def field_lines(
    text: str | None,
    width: float,
    style: ParagraphStyle,
    *,
    kind: Kind = Kind.TEXT,
    min_size: float | None = None,
) -> tuple[float, tuple[str, ...]]:
    """A plain field broken to ``width`` (logical order): its size and lines.

    The same lines as :func:`patenbuero.pdf.text.para` would print; a word cut by force
    is reported as a layout warning.
    """
    logical = "\n".join(filter(None, (clean(part) for part in (text or "").split("\n"))))
    if not logical:
        return style.fontSize, ()
    size, broken = fit_field(logical, width, style.fontName, style.fontSize, kind, min_size)
    if broken.forced:
        warn_cut(logical, kind)
    return size, broken.lines


def draw_lines(
    pen: TextPen, x: float, top: float, lines: tuple[str, ...], style: ParagraphStyle, size: float
) -> None:
    """Lines of one style below ``top`` (first baseline one font size down, as Paragraph)."""
    leading = style.leading * size / style.fontSize
    baseline = top - size
    for line in lines:
        pen.line(x, baseline, line, style.fontName, size, style.textColor)
        baseline -= leading
