"""Front page of the Netzwerk-Handzettel (see :mod:`patenbuero.pdf.flyer`)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from patenbuero.pdf import style as st
from patenbuero.pdf.fonts import SANS_BOLD
from patenbuero.pdf.inputs import FlyerInput
from patenbuero.pdf.invitation import QrCode
from patenbuero.pdf.project_blocks import Stacked, scaled, stack
from patenbuero.pdf.text import clean, escape, para, paragraph

PAGE_W, PAGE_H = st.PORTRAIT
SIDE = 18 * mm
WIDTH = PAGE_W - 2 * SIDE
TEXT_SIZES = (12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)
QR_SIZE = 30 * mm
_PANEL_PAD = 10 * mm
_SOFT = colors.HexColor("#BFD8DE")  # light petrol for text on the dark panel
_BOX_PAD = 6 * mm


def _panel(canvas: Canvas, data: FlyerInput) -> float:
    """The dark title panel at the top; return the y of its lower edge."""
    inner = WIDTH - 2 * _PANEL_PAD + 8 * mm
    office = scaled(st.style("kicker"), 9.5, "pk", textColor=_SOFT)
    count = len(data.projects)
    noun = "Patenprojekt" if count == 1 else "Patenprojekte"
    subtitle_text = data.subtitle or (
        f"{data.audience_title}: {count} {noun}"
        if data.audience_title
        else f"{count} {noun} – ein Netzwerk"
    )
    subtitle = scaled(st.style("body"), 14, "ps", textColor=_SOFT, leading=18)
    title_size = 32.0
    while True:  # the network name on at most two lines
        title = scaled(
            st.style("title"), title_size, "pt", textColor=st.WHITE, leading=1.12 * title_size
        )
        name = para(data.office.network_name, title)
        name.wrap(inner, 400)
        if len(name.blPara.lines) <= 2 or title_size <= 18:
            break
        title_size -= 1
    body = stack(
        [
            (para(data.office.office_name, office), 3 * mm),
            (name, 3.5 * mm),
            (para(subtitle_text, subtitle), 0),
        ],
        inner,
    )
    x, top = SIDE - 4 * mm, PAGE_H - 14 * mm
    height = body.height + 2 * _PANEL_PAD + 4 * mm
    canvas.saveState()
    canvas.setFillColor(st.PRIMARY_DARK)
    canvas.roundRect(x, top - height, WIDTH + 8 * mm, height, 4 * mm, stroke=0, fill=1)
    canvas.setFillColor(st.ACCENT)
    canvas.rect(x + _PANEL_PAD, top - _PANEL_PAD + 1 * mm, 14 * mm, 1.6 * mm, stroke=0, fill=1)
    canvas.restoreState()
    body.draw(canvas, x + _PANEL_PAD, top - _PANEL_PAD - 3 * mm)
    return top - height


def _kicker(text: str) -> Flowable:
    return paragraph(escape(text), scaled(st.style("kicker"), 9.5, "fk", spaceAfter=0))


def _middle(intro: str, preamble: str, size: float) -> tuple[Stacked, Stacked]:
    body = scaled(st.style("body"), size, "mi", leading=size * 1.45)
    quote = scaled(st.style("body"), size - 0.5, "mq", leading=(size - 0.5) * 1.45)
    intro_block = stack(
        [(_kicker("Wer wir sind"), 2 * mm), (paragraph(escape(intro), body), 0)], WIDTH
    )
    lines = [(_kicker("Aus unserem Leitbild"), 2 * mm), (paragraph(escape(preamble), quote), 0)]
    return intro_block, stack(lines, WIDTH - 2 * _BOX_PAD)


def _middle_height(intro: Stacked, box: Stacked) -> float:
    return intro.height + 8 * mm + box.height + 2 * _BOX_PAD


def _shorten(text: str, fits: object) -> tuple[str, int]:
    """The longest word prefix of ``text`` plus "…" for which ``fits(candidate)`` holds."""
    words = clean(text).split(" ")
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(" ".join(words[:middle]) + " …"):  # type: ignore[operator]
            low = middle
        else:
            high = middle - 1
    return (" ".join(words[:low]) + " …" if low else "…"), len(words) - low


def _fit_middle(data: FlyerInput, room: float) -> tuple[Stacked, Stacked, list[str]]:
    intro, preamble = clean(data.introduction), clean(data.leitbild_preamble)
    for size in TEXT_SIZES:
        blocks = _middle(intro, preamble, size)
        if _middle_height(*blocks) <= room:
            return (*blocks, [])
    size, warnings = TEXT_SIZES[-1], []
    short, cut = _shorten(preamble, lambda p: _middle_height(*_middle(intro, p, size)) <= room)
    if cut:
        warnings.append(
            f"Die Präambel des Leitbilds ist für die Vorderseite des Handzettels zu lang; "
            f"die letzten {cut} Wörter wurden durch „…“ ersetzt."
        )
    if _middle_height(*_middle(intro, short, size)) > room:
        short = "…"
        intro, cut = _shorten(intro, lambda i: _middle_height(*_middle(i, short, size)) <= room)
        warnings.append(
            f"Der Vorstellungstext ist für die Vorderseite des Handzettels zu lang; "
            f"die letzten {cut} Wörter wurden durch „…“ ersetzt."
        )
    return (*_middle(intro, short, size), warnings)


def _contact(data: FlyerInput, width: float) -> Stacked:
    office = data.office
    body = scaled(st.style("body"), 9.5, "fc", leading=13)
    lines = [clean(x) for x in office.address_lines]
    if office.phone:
        lines.append(f"Telefon {clean(office.phone)}")
    if office.email:
        lines.append(f"E-Mail {clean(office.email)}")
    parts: list[tuple[Flowable, float]] = [
        (_kicker("Kontakt"), 1.5 * mm),
        (para(office.office_name, scaled(body, 9.5, "fcb", fontName=SANS_BOLD)), 0),
        (para("\n".join(lines), body), 2.5 * mm),
    ]
    hours = [escape(x) for x in data.opening_hours.splitlines() if clean(x)]
    if hours:
        label = paragraph("<b>Sprechzeiten</b><br/>" + "<br/>".join(hours), body)
        parts.append((label, 0))
    return stack(parts, width)


def _bottom(canvas: Canvas, data: FlyerInput) -> float:
    """QR code with the website, and the office's contact; return the block's top edge."""
    half = WIDTH * 0.56  # QR code and web address get the wider part
    contact = _contact(data, WIDTH - half - 4 * mm)
    hint = scaled(st.style("small"), 8.5, "fh", leading=11.5)
    text_w = half - QR_SIZE - 5 * mm
    web_size = 15.0  # the address on one line
    while web_size > 8 and stringWidth(clean(data.website), SANS_BOLD, web_size) > text_w:
        web_size -= 0.5
    web_style = scaled(st.style("title"), web_size, "fw", textColor=st.PRIMARY, spaceAfter=0)
    web = stack(
        [
            (_kicker("Alle Projekte online"), 1.5 * mm),
            (paragraph(escape(data.website), web_style), 2 * mm),
            (paragraph("Porträts, Ansprechpartner:innen, Termine und aktuelle Gesuche", hint), 0),
        ],
        text_w,
    )
    height = max(contact.height, QR_SIZE, web.height)
    base = 24 * mm
    top = base + height
    canvas.setStrokeColor(st.RULE_LIGHT)
    canvas.setLineWidth(0.6)
    canvas.line(SIDE, top + 7 * mm, PAGE_W - SIDE, top + 7 * mm)
    QrCode(_url(data.website), QR_SIZE).drawOn(canvas, SIDE, top - QR_SIZE)
    web.draw(
        canvas,
        SIDE + QR_SIZE + 5 * mm,
        top - (QR_SIZE - web.height) / 2 if web.height < QR_SIZE else top,
    )
    contact.draw(canvas, SIDE + half + 4 * mm, top)
    return top + 7 * mm


def _url(website: str) -> str:
    address = clean(website)
    return address if "://" in address else f"https://{address}"


def _footer(canvas: Canvas, data: FlyerInput, back_pages: int) -> None:
    count = len(data.projects)
    where = "Auf der Rückseite" if back_pages == 1 else "Auf den folgenden Seiten"
    noun = "Patenprojekt" if count == 1 else "Patenprojekte"
    text = f"{where}: {'unser' if count == 1 else 'unsere'} {count} {noun} nach Zielgruppen"
    if data.office.funder_line:
        text += f" · {clean(data.office.funder_line)}"
    footer = paragraph(escape(text), st.style("small_center"))
    footer.wrap(WIDTH, 30)
    footer.drawOn(canvas, SIDE, 11 * mm)


def draw_front(canvas: Canvas, data: FlyerInput, back_pages: int = 1) -> list[str]:
    """Draw the front page; return German warnings if texts had to be shortened."""
    panel_bottom = _panel(canvas, data)
    bottom_top = _bottom(canvas, data)
    _footer(canvas, data, back_pages)
    top, floor = panel_bottom - 11 * mm, bottom_top + 9 * mm
    intro, box, warnings = _fit_middle(data, top - floor)
    spare = (top - floor - _middle_height(intro, box)) / 3  # whitespace shared by the gaps
    top -= min(spare, 8 * mm)
    y = intro.draw(canvas, SIDE, top) - 8 * mm - min(spare, 8 * mm)
    canvas.saveState()
    canvas.setFillColor(st.TINT_LIGHT)
    canvas.rect(
        SIDE, y - box.height - 2 * _BOX_PAD, WIDTH, box.height + 2 * _BOX_PAD, stroke=0, fill=1
    )
    canvas.setFillColor(st.PRIMARY)
    canvas.rect(
        SIDE, y - box.height - 2 * _BOX_PAD, 2.5, box.height + 2 * _BOX_PAD, stroke=0, fill=1
    )
    canvas.restoreState()
    box.draw(canvas, SIDE + _BOX_PAD, y - _BOX_PAD)
    return warnings
