"""Calibration page: the label outlines of a sheet, to hold against a real sheet."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from patenbuero.pdf import style as st
from patenbuero.pdf.fonts import SANS, SANS_BOLD, register_fonts
from patenbuero.pdf.label_sheets import DEFAULT_SHEET, LabelSheet, get_sheet
from patenbuero.pdf.text import clean, escape, paragraph

INSTRUCTIONS = (
    "Diese Seite auf Normalpapier drucken – in Originalgröße (100 %, nicht „An Seite "
    "anpassen“). Dann auf einen leeren Bogen legen und gegen das Licht halten. Liegen die "
    "Rahmen neben den Etiketten, die Verschiebung in Millimetern messen und im Programm im "
    "Reiter Druck, Feld Druckerversatz, eintragen: nach rechts bzw. unten positiv. Die "
    "Werte gelten für diesen PC und seinen Drucker. Die Linie unten "
    "muss genau 100 mm lang sein."
)


def _draw_ruler(canvas: Canvas, x: float, y: float) -> None:
    canvas.setStrokeColor(st.TEXT)
    canvas.setLineWidth(0.5)
    canvas.line(x, y, x + 100 * mm, y)
    for tick in range(0, 101, 5):
        length = 2.5 * mm if tick % 10 == 0 else 1.2 * mm
        canvas.line(x + tick * mm, y, x + tick * mm, y - length)
    canvas.setFont(SANS, 6)
    canvas.setFillColor(st.MUTED)
    for tick in (0, 50, 100):
        canvas.drawCentredString(x + tick * mm, y + 1.2 * mm, f"{tick} mm")


def build_calibration_page(
    sheet: str | LabelSheet = DEFAULT_SHEET,
    *,
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
    office_name: str = "Freiwilligen-Agentur Halle",
) -> bytes:
    """One page with the outline and number of every label of ``sheet`` (with the offset)."""
    register_fonts()
    layout = get_sheet(sheet)
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=(layout.page_width * mm, layout.page_height * mm), initialFontName=SANS
    )
    canvas.setTitle(f"Probedruck – {layout.name}")
    canvas.setCreator("Patenbüro")
    canvas.setAuthor(clean(office_name))
    canvas.setSubject("Probedruck zum Einstellen des Druckerversatzes")
    for index in range(layout.per_sheet):
        x, y, w, h = layout.rect_pt(index, offset_x_mm, offset_y_mm)
        canvas.setStrokeColor(st.PRIMARY)
        canvas.setLineWidth(0.4)
        canvas.setDash(2, 1.5)
        radius = layout.corner_radius * mm
        if radius:
            canvas.roundRect(x, y, w, h, radius, stroke=1, fill=0)
        else:
            canvas.rect(x, y, w, h, stroke=1, fill=0)
        canvas.setDash()
        canvas.setStrokeColor(st.RULE if index else st.WHITE)  # label 1 holds the text
        canvas.line(x + w / 2 - 3 * mm, y + h / 2, x + w / 2 + 3 * mm, y + h / 2)
        canvas.line(x + w / 2, y + h / 2 - 3 * mm, x + w / 2, y + h / 2 + 3 * mm)
        canvas.setFillColor(st.PRIMARY_DARK)
        canvas.setFont(SANS_BOLD, 11)
        canvas.drawString(x + 3 * mm, y + h - 6 * mm, str(index + 1))
        canvas.setFont(SANS, 6.5)
        canvas.setFillColor(st.MUTED)
        label = f"{layout.label_width:g} × {layout.label_height:g} mm"
        canvas.drawRightString(x + w - 3 * mm, y + 3 * mm, label)
    # The instructions sit inside the first label's outline and the 100 mm ruler in the
    # bottom margin: the sheet margins (13 mm at the top of an L4785) are too narrow for
    # text that stays 5 mm clear of the paper edge, where many printers print nothing.
    page_w = layout.page_width * mm
    x, y, w, h = layout.rect_pt(0, offset_x_mm, offset_y_mm)
    style = ParagraphStyle(
        "calibration", parent=st.style("small"), fontSize=7, leading=8.4, textColor=st.TEXT
    )
    text = paragraph(f"<b>Probedruck: {escape(layout.name)}.</b> {escape(INSTRUCTIONS)}", style)
    inner_w, inner_h = w - 6 * mm, h - 11 * mm
    _, height = text.wrap(inner_w, inner_h)
    text.drawOn(canvas, x + 3 * mm, y + h - 8 * mm - height)
    bottom_space = layout.margin_bottom * mm - max(0.0, offset_y_mm) * mm
    _draw_ruler(canvas, page_w / 2 - 50 * mm, max(8 * mm, bottom_space / 2 + 1 * mm))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
