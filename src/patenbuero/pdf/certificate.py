"""Teilnahmebescheinigung: one page per person for a Fortbildungsreihe."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer, Table, TableStyle

from patenbuero.pdf import style as st
from patenbuero.pdf.blocks import format_date, format_units, header_cells, signature_lines
from patenbuero.pdf.collation import participant_sort_key
from patenbuero.pdf.fonts import SANS, SANS_BOLD
from patenbuero.pdf.inputs import CertificateInput, CertificateRecipient, SeriesModule
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.line_breaking import Kind
from patenbuero.pdf.text import clean, escape, para, paragraph


def _centred(
    name: str, font: str, size: float, color: object, space_after: float = 0
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_CENTER,
        textColor=color,
        spaceAfter=space_after,
    )


def _module_table(modules: tuple[SeriesModule, ...], width: float) -> Table:
    with_units = any(m.teaching_units is not None for m in modules)
    labels = ["Datum", "Modul", *(["UE"] if with_units else [])]
    widths = [28 * mm, width - 28 * mm - (16 * mm if with_units else 0)]
    widths += [16 * mm] if with_units else []
    rows: list[list[Flowable]] = [header_cells(labels, right_aligned=(2,) if with_units else ())]
    for module in sorted(modules, key=lambda m: m.date):
        row = [
            paragraph(escape(format_date(module.date)), st.style("cell")),
            para(module.title, st.style("cell")),
        ]
        if with_units:
            units = "" if module.teaching_units is None else format_units(module.teaching_units)
            row.append(paragraph(escape(units), st.style("cell_right")))
        rows.append(row)
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, st.BODY_SIZE),
                ("BACKGROUND", (0, 0), (-1, 0), st.PRIMARY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("LINEBELOW", (0, 1), (-1, -1), 0.5, st.RULE_LIGHT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [st.WHITE, st.TINT_LIGHT]),
            ]
        )
    )
    return table


def _page(data: CertificateInput, recipient: CertificateRecipient, width: float) -> list[Flowable]:
    person = recipient.person
    modules = recipient.modules if recipient.modules is not None else data.modules
    body_center = st.style("body_center")
    story: list[Flowable] = [
        Spacer(0, 14 * mm),
        paragraph("Teilnahmebescheinigung", _centred("cert_title", SANS_BOLD, 28, st.PRIMARY_DARK)),
        Spacer(0, 3 * mm),
        AccentRule(24 * mm),
        Spacer(0, 12 * mm),
        paragraph("Hiermit wird bestätigt, dass", body_center),
        Spacer(0, 5 * mm),
        para(
            person.full_name,
            _centred("cert_name", SANS_BOLD, 24, st.TEXT, 1),
            kind=Kind.NAME,
            min_size=14,
        ),
    ]
    if person.latin_full_name and person.latin_full_name != person.full_name:
        latin = _centred("cert_latin", SANS, 11, st.MUTED)
        story.append(para(person.latin_full_name, latin, kind=Kind.NAME, min_size=9))
    story += [
        Spacer(0, 5 * mm),
        paragraph(
            "an der folgenden Fortbildung teilgenommen hat:"
            if len(modules) > 1
            else "an der folgenden Veranstaltung teilgenommen hat:",
            body_center,
        ),
        Spacer(0, 4 * mm),
        para(data.series_title, _centred("cert_series", SANS_BOLD, 16, st.PRIMARY_DARK, 2)),
        paragraph(escape(f"veranstaltet vom {clean(data.office.network_name)}"), body_center),
    ]
    if data.description:
        description = _centred("cert_description", SANS, 9, st.MUTED)
        story += [Spacer(0, 5 * mm), para(data.description, description)]
    story += [Spacer(0, 9 * mm), _module_table(modules, min(width, 150 * mm))]
    units = [m.teaching_units for m in modules if m.teaching_units is not None]
    if units:
        total = escape(f"Umfang insgesamt: {format_units(sum(units))} Unterrichtseinheiten")
        story += [Spacer(0, 3 * mm), paragraph(total, st.style("small_center"))]
    date_line = f"{clean(data.place)}, {format_date(data.issue_date, long=True)}"
    signer = clean(data.signatory_name)
    if data.signatory_role:
        signer += f", {clean(data.signatory_role)}"
    story += [
        Spacer(0, 28 * mm),
        paragraph(escape(date_line), st.style("body")),
        Spacer(0, 14 * mm),
        signature_lines([signer], 80 * mm),
    ]
    return story


class AccentRule(Flowable):
    """A short centred rule in the accent colour under the certificate title."""

    def __init__(self, length: float) -> None:
        super().__init__()
        self.length = length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, 3

    def draw(self) -> None:
        self.canv.setStrokeColor(st.ACCENT)
        self.canv.setLineWidth(2.2)
        start = (self.width - self.length) / 2
        self.canv.line(start, 1.5, start + self.length, 1.5)


def build_certificates(data: CertificateInput) -> bytes:
    """Build one Teilnahmebescheinigung page per recipient and return PDF bytes."""
    width = content_width()
    height = st.PORTRAIT[1] - st.MARGIN_TOP - st.MARGIN_BOTTOM
    story: list[Flowable] = []
    recipients = sorted(data.recipients, key=lambda r: participant_sort_key(r.person))
    for number, recipient in enumerate(recipients):
        if number:
            story.append(PageBreak())
        page = KeepInFrame(width, height, _page(data, recipient, width), mode="shrink")
        story.append(page)
    decor = PageDecor(
        network_name=data.office.network_name,
        document_label="Teilnahmebescheinigung",
        footer_text=data.office.contact_line,
        page_numbers=False,
    )
    return render(
        story,
        decor,
        title=f"Teilnahmebescheinigungen – {data.series_title}",
        author=data.office.office_name,
    )
