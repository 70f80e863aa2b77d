"""The Projektfinder's personal handout: one page with exactly the chosen projects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table, TableStyle

from patenbuero.pdf import style as st
from patenbuero.pdf.invitation import QrCode
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.project_blocks import Logo, NameWithPill, read_logo
from patenbuero.pdf.text import escape, para, paragraph

LOGO_BOX = 22 * mm
MAX_PROJECTS = 7  # more would shrink the type below what one reads at a glance


@dataclass(frozen=True)
class HandoutProject:
    name: str
    flyer_text: str
    seeks_volunteers: bool
    details: str  # target groups, districts, time, languages
    contact: str  # e-mail, phone, website
    logo: bytes | None = field(default=None, repr=False)


def build_finder_handout(
    network_name: str,
    office_lines: Sequence[str],
    website: str,
    interests: str,
    projects: Sequence[HandoutProject],
) -> bytes:
    """A4, house style; shrinks to stay on one page however many projects fit."""
    width = content_width()
    story: list[Flowable] = [
        paragraph("Projektfinder", st.style("kicker")),
        para("Ihre passenden Patenschaftsprojekte", st.style("title")),
    ]
    if interests:
        story += [Spacer(0, 1 * mm), para(interests.replace("\n", " · "), st.style("small"))]
    story.append(Spacer(0, 4 * mm))
    for project in projects[:MAX_PROJECTS]:
        story += [_block(project, width), Spacer(0, 3 * mm)]
    more = len(projects) - MAX_PROJECTS
    if more > 0:
        names = ", ".join(p.name for p in projects[MAX_PROJECTS:])
        story.append(
            para(
                f"Ebenfalls passend ({more}): {names} – mehr auf unserer Website.",
                st.style("small"),
            )
        )
    if not projects:
        story.append(
            para("Zu Ihrer Auswahl passt gerade kein Projekt – fragen Sie uns!", st.style("body"))
        )
    page_height = st.PORTRAIT[1] - st.MARGIN_TOP - st.MARGIN_BOTTOM
    closing = _closing(office_lines, website, width)
    body = KeepInFrame(width, page_height - 40 * mm, story, mode="shrink")
    decor = PageDecor(network_name=network_name, document_label="Projektfinder", footer_text="")
    return render(
        [body, Spacer(0, 4 * mm), closing],
        decor,
        title="Projektfinder – Ihre Projekte",
        author=network_name,
    )


def _block(project: HandoutProject, width: float) -> Flowable:
    name = para(project.name, st.style("heading"))
    heading: Flowable = NameWithPill(name, 7.5) if project.seeks_volunteers else name
    text: list[Flowable] = [heading]
    if project.flyer_text:
        text.append(para(project.flyer_text, st.style("body")))
    if project.details:
        text.append(para(project.details, st.style("small")))
    if project.contact:
        text.append(para(project.contact, st.style("small")))
    image = read_logo(project.logo)
    if image is None:
        table = Table([[text]], colWidths=[width])
    else:
        logo = Logo(image, LOGO_BOX, LOGO_BOX)
        table = Table([[text, logo]], colWidths=[width - LOGO_BOX - 6 * mm, LOGO_BOX + 6 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, st.RULE_LIGHT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _closing(office_lines: Sequence[str], website: str, width: float) -> Flowable:
    text = [para("So erreichen Sie uns", st.style("heading"))]
    text += [paragraph(escape(line), st.style("small")) for line in office_lines if line]
    if website:
        text.append(paragraph(escape(f"Alle Projekte: {website}"), st.style("small")))
    code: Flowable = QrCode(website) if website else Spacer(1, 1)
    table = Table([[text, code]], colWidths=[width - 30 * mm, 30 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), st.TINT_LIGHT),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table
