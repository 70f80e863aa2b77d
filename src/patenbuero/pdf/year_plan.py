"""Jahresplan: the year on one A4 landscape page, then the list of all events.

Kinds are marked with a colour and an abbreviation. The usual kinds of the network
(Vernetzungstreffen, Fachtag, …) have fixed marks; others get the initials of their
label and a colour from a reserve palette. ``YearPlanInput.kinds`` overrides both.
Holidays come from the input (Sachsen-Anhalt, computed by the services layer).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, TableStyle

from patenbuero.pdf import style as st
from patenbuero.pdf.blocks import MONTHS, data_table, header_cells
from patenbuero.pdf.collation import collation_key
from patenbuero.pdf.inputs import YearPlanEvent, YearPlanInput
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.text import clean, escape, para, paragraph, rich
from patenbuero.pdf.year_plan_grid import WEEKDAY_SHORT, DayMark, KindMark, YearGrid

DEFAULT_KINDS = (
    ("Vernetzungstreffen", "VT", "#1D5C6E"),
    ("Fachtag", "FT", "#E07A2E"),
    ("Fortbildung für Koordinator:innen", "FK", "#7A4E9C"),
    ("Modul der Fortbildungsreihe für Pat:innen", "FR", "#2E7D4F"),
    ("Infostand", "IS", "#A8740F"),
    ("Online-Veranstaltung", "ON", "#2F6DB5"),
    ("Sonstiges", "SO", "#5B6770"),
)
_RESERVE = ("#8C3B5E", "#3E7C8C", "#6B6B1F", "#B24C3A", "#4B5AA8", "#2F6B4E")


def kind_marks(data: YearPlanInput) -> dict[str, KindMark]:
    """Label (as in the events, case-insensitive) → mark, in legend order."""
    marks: dict[str, KindMark] = {}
    defaults = {
        collation_key(label): (label, abbr, colour) for label, abbr, colour in DEFAULT_KINDS
    }
    for index, kind in enumerate(data.kinds):
        colour = kind.colour or _RESERVE[index % len(_RESERVE)]
        mark = KindMark(clean(kind.label), clean(kind.abbreviation), colors.HexColor(colour))
        marks[collation_key(kind.label)] = mark
    used = {m.abbreviation for m in marks.values()}
    reserve = 0
    for label in sorted({clean(e.kind) for e in data.events}, key=_default_rank):
        key = collation_key(label)
        if key in marks:
            continue
        if key in defaults and defaults[key][1] not in used:
            _, abbr, colour = defaults[key]
        else:
            abbr, colour = _initials(label, used), _RESERVE[reserve % len(_RESERVE)]
            reserve += 1
        used.add(abbr)
        marks[key] = KindMark(label, abbr, colors.HexColor(colour))
    return marks


def _default_rank(label: str) -> tuple[int, str]:
    order = [collation_key(k[0]) for k in DEFAULT_KINDS]
    key = collation_key(label)
    return (order.index(key), key) if key in order else (len(order), key)


def _initials(label: str, used: set[str]) -> str:
    words = [w for w in clean(label).replace("-", " ").split() if w[:1].isalnum()] or ["?"]
    first = (words[0][0] + (words[1][0] if len(words) > 1 else words[0][1:2])).upper()
    candidate, number = first, 2
    while candidate in used:
        candidate, number = f"{first[0]}{number}", number + 1
    return candidate


def _days(event: YearPlanEvent) -> list[dt.date]:
    last = event.end_date if event.end_date and event.end_date > event.date else event.date
    return [event.date + dt.timedelta(days=n) for n in range((last - event.date).days + 1)]


def _short_date(date: dt.date) -> str:
    return f"{WEEKDAY_SHORT[date.weekday()]}, {date:%d.%m.}"


def _when(event: YearPlanEvent) -> tuple[str, str]:
    days = _days(event)
    date = _short_date(days[0]) + (f" – {_short_date(days[-1])}" if len(days) > 1 else "")
    if event.all_day or not (event.start or event.end):
        return date, "ganztägig" if event.all_day else ""
    if event.start and event.end:
        return date, f"{event.start:%H:%M}–{event.end:%H:%M}"
    return date, f"ab {event.start:%H:%M}" if event.start else f"bis {event.end:%H:%M}"


def _event_list(data: YearPlanInput, marks: dict[str, KindMark], width: float) -> list[Flowable]:
    weights = (22, 24, 46, 72, 50, 18)
    widths = [width * w / sum(weights) for w in weights]
    labels = ["Datum", "Uhrzeit", "Art", "Veranstaltung", "Ort", "Status"]
    rows: list[list[Flowable]] = [header_cells(labels)]
    commands: list[tuple] = []
    events = sorted(
        data.events, key=lambda e: (e.date, e.start or dt.time(0), collation_key(e.title))
    )
    month = 0
    for event in events:
        if event.date.month != month:
            month = event.date.month
            rows.append(
                [paragraph(f"<b>{MONTHS[month - 1]} {event.date.year}</b>", st.style("cell"))]
            )
            rows[-1] += [paragraph("", st.style("cell")) for _ in labels[1:]]
            row = len(rows) - 1
            commands += [
                ("SPAN", (0, row), (-1, row)),
                ("BACKGROUND", (0, row), (-1, row), st.TINT),
                ("TEXTCOLOR", (0, row), (-1, row), st.PRIMARY_DARK),
            ]
        mark = marks[collation_key(clean(event.kind))]
        date, time = _when(event)
        title = f"<b>{rich(event.title, bold=True)}</b>"
        status = escape(event.status)
        if event.cancelled:
            title = f"<strike>{title}</strike>"
            status = f'<b><font color="{st.ACCENT.hexval()}">abgesagt</font></b>'
        abbreviation = (
            f'<font color="{mark.colour.hexval()}"><b>{escape(mark.abbreviation)}</b></font>'
        )
        kind = f"{abbreviation} {escape(mark.label)}"
        rows.append(
            [
                paragraph(escape(date), st.style("cell")),
                paragraph(escape(time), st.style("cell")),
                paragraph(kind, st.style("cell_small")),
                paragraph(title, st.style("cell")),
                para(event.place, st.style("cell_small")),
                paragraph(status, st.style("cell_small")),
            ]
        )
    table = data_table(rows, widths, zebra=False)
    table.setStyle(TableStyle([*commands, ("VALIGN", (0, 1), (-1, -1), "TOP")]))
    return [table]


def build_year_plan(data: YearPlanInput) -> bytes:
    """Build the Jahresplan (landscape) and return PDF bytes."""
    width = content_width(st.LANDSCAPE)
    title = clean(data.title) or f"Jahresplan {data.year}"
    marks = kind_marks(data)
    by_day: dict[dt.date, list[DayMark]] = defaultdict(list)
    for event in sorted(data.events, key=lambda e: (e.date, e.start or dt.time(0))):
        for day in _days(event):
            if day.year == data.year:
                by_day[day].append(
                    DayMark(marks[collation_key(clean(event.kind))], event.cancelled)
                )
    holidays = {d: n for d, n in data.holidays.items() if d.year == data.year}
    legend = [m for m in marks.values() if any(m in [x.kind for x in v] for v in by_day.values())]
    story: list[Flowable] = [
        para(title, st.style("title")),
        Spacer(0, 1 * mm),
        YearGrid(data.year, by_day, holidays, legend),
        PageBreak(),
        paragraph(escape(f"Alle Veranstaltungen {data.year}"), st.style("title")),
        Spacer(0, 2 * mm),
    ]
    if data.events:
        story += _event_list(data, marks, width)
    else:
        story.append(
            paragraph(
                "Für dieses Jahr sind noch keine Veranstaltungen eingetragen.", st.style("body")
            )
        )
    decor = PageDecor(
        network_name=data.office.network_name,
        document_label=title,
        footer_text=data.office.contact_line,
    )
    return render(story, decor, title=title, author=data.office.office_name, pagesize=st.LANDSCAPE)
