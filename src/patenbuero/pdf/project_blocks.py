"""Pieces shared by the project documents: "sucht Pat:innen" mark, logo box, contact lines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from patenbuero.pdf import style as st
from patenbuero.pdf.fonts import SANS_BOLD
from patenbuero.pdf.inputs import ProjectContact
from patenbuero.pdf.logos import draw_logo as draw_logo
from patenbuero.pdf.logos import fit_box
from patenbuero.pdf.logos import read_logo as read_logo
from patenbuero.pdf.text import clean

SEEKS_LABEL = "sucht Pat:innen"


def draw_pill(canvas: Canvas, x: float, y: float, text: str, size: float = 7.5) -> float:
    """Draw a rounded orange label with white bold text; ``y`` is its bottom. Return its width."""
    text_width = canvas.stringWidth(text, SANS_BOLD, size)
    pad = size * 0.6
    width, height = text_width + 2 * pad, size * 1.65
    canvas.saveState()
    canvas.setFillColor(st.ACCENT)
    canvas.roundRect(x, y, width, height, height / 2, stroke=0, fill=1)
    canvas.setFillColor(st.WHITE)
    canvas.setFont(SANS_BOLD, size)
    canvas.drawString(x + pad, y + height / 2 - size * 0.35, text)
    canvas.restoreState()
    return width


def pill_size(text: str, size: float = 7.5) -> tuple[float, float]:
    """Width and height of :func:`draw_pill`'s label."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, SANS_BOLD, size) + 1.2 * size, size * 1.65


class Pill(Flowable):
    """The "sucht Pat:innen" mark as a flowable (left aligned)."""

    def __init__(self, text: str = SEEKS_LABEL, size: float = 7.5) -> None:
        super().__init__()
        self.text, self.size = text, size
        self.width, self.height = pill_size(text, size)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_pill(self.canv, 0, 0, self.text, self.size)


class NameWithPill(Flowable):
    """A project name with the "sucht Pat:innen" mark after its last line (or below it)."""

    def __init__(self, name: Paragraph, pill_font_size: float, gap: float = 4) -> None:
        super().__init__()
        self.name, self.size, self.gap = name, pill_font_size, gap
        self.pill_w, self.pill_h = pill_size(SEEKS_LABEL, pill_font_size)
        self.beside = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, height = self.name.wrap(availWidth, availHeight)
        lines = self.name.blPara.lines
        last = lines[-1] if lines else None
        extra = getattr(last, "extraSpace", None)
        if extra is None and isinstance(last, tuple):
            extra = last[0]
        used = availWidth - (extra or 0)
        self.beside = used + self.gap + self.pill_w <= availWidth
        self.width = availWidth
        self.height = height if self.beside else height + self.pill_h + 1.5
        self.name_h = height
        self.last_w = used
        return self.width, self.height

    def draw(self) -> None:
        self.name.drawOn(self.canv, 0, self.height - self.name_h)
        leading = self.name.style.leading
        if self.beside:
            # centre the mark on the last line's x-height band
            y = self.height - self.name_h + (leading - self.pill_h) / 2 - leading * 0.08
            draw_pill(self.canv, self.last_w + self.gap, max(y, 0), SEEKS_LABEL, self.size)
        else:
            draw_pill(self.canv, 0, 0, SEEKS_LABEL, self.size)


class Logo(Flowable):
    """A logo scaled into a box, aspect ratio kept, aligned in the available width."""

    def __init__(self, image: ImageReader, max_width: float, max_height: float) -> None:
        super().__init__()
        self.image = image
        self.width, self.height = fit_box(image, max_width, max_height)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.width, self.height, mask="auto")


def joined(items: Iterable[str | None], sep: str = ", ") -> str:
    """Clean, drop empty entries and join: ("Kinder", "", "Familien") → "Kinder, Familien"."""
    return sep.join(c for c in (clean(i) for i in items) if c)


def contact_lines(contact: ProjectContact, *, with_name: bool = True) -> list[str]:
    """Plain lines of a contact (for :func:`para`): name, "Tel. …", e-mail, website, address."""
    lines = []
    if with_name and clean(contact.name):
        lines.append(clean(contact.name))
    if clean(contact.phone):
        lines.append(f"Tel. {clean(contact.phone)}")
    for value in (contact.email, contact.website, contact.address):
        if clean(value):
            lines.append(clean(value))
    return lines


def short_contact(contact: ProjectContact) -> str:
    """One line for the flyer: phone and e-mail (or website if neither is given)."""
    parts = [f"Tel. {clean(contact.phone)}" if clean(contact.phone) else "", clean(contact.email)]
    if not any(parts):
        parts = [clean(contact.website)]
    return joined(parts, " · ")


@dataclass(frozen=True)
class Stacked:
    """Paragraphs wrapped to one width, with the space after each: a block to draw top-down."""

    items: tuple[tuple[Flowable, float, float], ...]  # flowable, height, space after

    @property
    def height(self) -> float:
        return sum(h + gap for _, h, gap in self.items[:-1]) + (
            self.items[-1][1] if self.items else 0
        )

    def draw(self, canvas: Canvas, x: float, top: float) -> float:
        """Draw with the top edge at ``top``; return the y below the last item."""
        y = top
        for flowable, height, gap in self.items:
            flowable.drawOn(canvas, x, y - height)
            y -= height + gap
        return y


def stack(parts: Sequence[tuple[Flowable, float]], width: float) -> Stacked:
    """Wrap each flowable to ``width`` and stack them (``parts``: flowable, space after)."""
    items = []
    for flowable, gap in parts:
        _, height = flowable.wrap(width, 10_000)
        items.append((flowable, height, gap))
    return Stacked(tuple(items))


def scaled(style: ParagraphStyle, size: float, name: str = "", **extra: object) -> ParagraphStyle:
    """A copy of ``style`` at ``size`` pt, keeping its leading ratio."""
    options: dict[str, object] = {"leading": size * style.leading / style.fontSize, **extra}
    return ParagraphStyle(f"{style.name}_{name}{size}", parent=style, fontSize=size, **options)


class HeadingRule(Flowable):
    """A Zielgruppe heading with a short accent rule above it."""

    def __init__(self, text: Paragraph) -> None:
        super().__init__()
        self.text = text

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, h = self.text.wrap(availWidth, availHeight)
        self.width, self.height = availWidth, h + 3.2
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(st.ACCENT)
        self.canv.setLineWidth(1.6)
        self.canv.line(0, self.height - 0.8, 9 * mm, self.height - 0.8)
        self.text.drawOn(self.canv, 0, 0)
