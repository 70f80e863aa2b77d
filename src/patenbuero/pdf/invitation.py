"""Einladung mit Tagesordnung: a letter to the Verteiler for a meeting."""

from __future__ import annotations

import qrcode
import qrcode.constants
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from patenbuero.pdf import style as st
from patenbuero.pdf.blocks import (
    data_table,
    fact_grid,
    format_date,
    format_time_range,
    header_cells,
)
from patenbuero.pdf.fonts import SANS, SANS_BOLD
from patenbuero.pdf.inputs import AgendaItem, InvitationInput
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.text import clean, escape, para, paragraph, rich

QR_SIZE = 24 * mm


class QrCode(Flowable):
    """A QR code drawn as plain squares (no font, unlike reportlab's QR widget)."""

    def __init__(self, data: str, size: float = QR_SIZE) -> None:
        super().__init__()
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        code.add_data(data)
        code.make(fit=True)
        self.matrix: list[list[bool]] = code.get_matrix()
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        cell = self.size / len(self.matrix)
        self.canv.setFillColor(st.TEXT)
        for row, values in enumerate(self.matrix):
            y = self.size - (row + 1) * cell
            for col, dark in enumerate(values):
                if dark:
                    self.canv.rect(col * cell, y, cell, cell, stroke=0, fill=1)


def _address_block(data: InvitationInput, width: float) -> Table:
    office = data.office
    small = st.style("small")
    sender = [office.network_name, *office.address_lines]
    sender += [x for x in (office.phone, office.email, office.website) if x]
    right = [
        para(office.office_name, ParagraphStyle("sender_bold", parent=small, fontName=SANS_BOLD)),
        para("\n".join(clean(x) for x in sender), small),
    ]
    left: list[Flowable] = []
    if data.recipient_lines:
        return_line = " · ".join(clean(x) for x in (office.office_name, *office.address_lines))
        left = [
            Spacer(0, 20 * mm),  # return line and address sit in a window envelope's window
            paragraph(f"<u>{escape(return_line)}</u>", st.style("tiny")),
            Spacer(0, 2 * mm),
            paragraph("<br/>".join(rich(line) for line in data.recipient_lines), st.style("body")),
        ]
    table = Table([[left, right]], colWidths=[width - 62 * mm, 62 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, st.BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _event_box(data: InvitationInput, width: float) -> Flowable:
    when = format_date(data.event_date, weekday=True, long=True)
    time = format_time_range(data.start_time, data.end_time)
    facts = [("Wann", escape(f"{when}, {time}" if time else when))]
    if data.place:
        facts.append(("Wo", rich(data.place)))
    if data.online_link:
        facts.append(("Online", escape(data.online_link)))
    if not data.online_link:
        return fact_grid(facts, width, columns=1, tinted=True, label_width=20 * mm)
    grid = fact_grid(facts, width - QR_SIZE - 8 * mm, columns=1, label_width=20 * mm)
    box = Table(
        [[grid, QrCode(data.online_link)]], colWidths=[width - QR_SIZE - 8 * mm, QR_SIZE + 8 * mm]
    )
    box.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, st.BODY_SIZE),
                ("BACKGROUND", (0, 0), (-1, -1), st.TINT_LIGHT),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, st.PRIMARY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 8),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("RIGHTPADDING", (1, 0), (1, 0), 4 * mm),  # quiet zone around the QR code
                ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    return box


def _agenda(items: tuple[AgendaItem, ...], width: float) -> Table:
    widths = [28 * mm, width - 28 * mm - 50 * mm, 50 * mm]
    rows: list[list[Flowable]] = [header_cells(["Zeit", "Thema", "Referent:in / Moderation"])]
    for item in items:
        topic = f"<b>{rich(item.title, bold=True)}</b>"
        if item.note:
            topic += f'<br/><font size="8.5" color="{st.MUTED.hexval()}">{escape(item.note)}</font>'
        rows.append(
            [
                paragraph(
                    escape(format_time_range(item.start, item.end).removesuffix(" Uhr")),
                    st.style("cell"),
                ),
                paragraph(topic, st.style("cell")),
                para(item.speaker, st.style("cell")),
            ]
        )
    table = data_table(rows, widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 1), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
            ]
        )
    )
    return table


def build_invitation(data: InvitationInput) -> bytes:
    """Build the invitation letter with its agenda and return PDF bytes."""
    width = content_width()
    story: list[Flowable] = [
        _address_block(data, width),
        Spacer(0, 8 * mm),
        paragraph(escape(format_date(data.letter_date, long=True)), st.style("body_right")),
        Spacer(0, 6 * mm),
        para(data.title, st.style("title")),
        Spacer(0, 3 * mm),
        _event_box(data, width),
        Spacer(0, 7 * mm),
        para(data.greeting, st.style("body")),
        Spacer(0, 3 * mm),
    ]
    for text in data.body:
        story += [paragraph(escape(text), st.style("body")), Spacer(0, 2.5 * mm)]
    if data.agenda:
        story += [
            KeepTogether([paragraph("Tagesordnung", st.style("heading")), Spacer(0, 1 * mm)]),
            _agenda(data.agenda, width),
            Spacer(0, 5 * mm),
        ]
    if data.registration_note:
        story += [paragraph(escape(data.registration_note), st.style("body")), Spacer(0, 4 * mm)]
    signer = [para(data.signatory_name, st.style("body"))]
    if data.signatory_role:
        signer.append(para(data.signatory_role, st.style("small")))
    story.append(
        KeepTogether(
            [paragraph(escape(data.closing), st.style("body")), Spacer(0, 10 * mm), *signer]
        )
    )
    decor = PageDecor(
        network_name=data.office.network_name,
        document_label="Einladung",
        footer_text=data.office.contact_line,
    )
    return render(story, decor, title=data.title, author=data.office.office_name)
