"""The Sachbericht on a hand-built database; every expected figure is counted by hand
in the comments."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from patenbuero.db.models import Event, Forwarding, Inquiry, MemberProject
from patenbuero.errors import NotFoundError
from patenbuero.services.registrations.attendance import add_walk_in, set_attendance
from patenbuero.services.registrations.persons import PersonInput
from patenbuero.services.registrations.sachbericht import figures, sachbericht
from patenbuero.services.registrations.sachbericht_export import export_sachbericht
from patenbuero.services.registrations.use_cases import cancel_registration, register_person
from tests.helpers.persons import add_event, person
from tests.pdf.pdf_readback import page_count, pdftotext_pages

AS_OF = dt.datetime(2026, 11, 1, 12, 0)


def day(month: int, d: int, hour: int = 17) -> dict[str, dt.datetime]:
    start = dt.datetime(2026, month, d, hour)
    return {"starts_at": start, "ends_at": start + dt.timedelta(hours=2)}


@pytest.fixture
def report_db(db):
    a, b = person("Anna", "Arndt", "a@x.org"), person("Bernd", "Böhme", "b@x.org")
    c = person("Cem", "Çelik", "c@x.org")
    d, e = person("Dana", "Dietz", "d@x.org"), PersonInput("Emil", "Ebert", "e@x.org")
    # E1 Fachtag, 3 places: A, B, C confirmed, D waitlisted; C cancels, D moves up.
    e1 = add_event(db, capacity=3, title="Fachtag", kind="specialist_day", **day(3, 10))
    ids = {p.last_name: register_person(db, e1, p).registration_id for p in (a, b, c, d)}
    cancel_registration(db, ids["Çelik"])
    set_attendance(db, ids["Arndt"], True)
    set_attendance(db, ids["Böhme"], False)
    set_attendance(db, ids["Dietz"], True)
    # E2 Vernetzungstreffen: A present, E walk-in, B not recorded.
    e2 = add_event(db, title="Vernetzung", kind="network_meeting", **day(5, 5))
    set_attendance(db, register_person(db, e2, a).registration_id, True)
    register_person(db, e2, b)
    add_walk_in(db, e2, e)
    # Not counted: a cancelled event, an upcoming one, one of 2025.
    e3 = add_event(db, title="Abgesagt", kind="specialist_day", **day(6, 1))
    register_person(db, e3, b)
    with db.unit_of_work() as session:
        session.get(Event, e3).status = "cancelled"
    e4 = add_event(db, title="Demnächst", kind="specialist_day", **day(12, 10))
    register_person(db, e4, c)
    old_start = dt.datetime(2025, 10, 1, 17)
    e5 = add_event(db, title="Vorjahr", starts_at=old_start, ends_at=old_start.replace(hour=19))
    set_attendance(db, register_person(db, e5, c).registration_id, True)
    # Inquiries 2026: two want to become Pat:in (phone → started, web form → open),
    # one seeks a Patenschaft (phone, not forwarded); one of 2025 is not counted.
    with db.unit_of_work() as session:
        project = MemberProject(name="Lesewelt Halle")
        session.add(project)
        session.flush()
        for kind, channel, received, outcome in [
            ("become_volunteer", "phone", dt.date(2026, 2, 1), "started"),
            ("become_volunteer", "web_form", dt.date(2026, 4, 1), "unknown"),
            ("seek_mentorship", "phone", dt.date(2026, 5, 1), None),
            ("become_volunteer", "phone", dt.date(2025, 5, 1), "started"),
        ]:
            inquiry = Inquiry(kind=kind, channel=channel, received_on=received, name="X")
            if outcome:
                inquiry.forwardings.append(
                    Forwarding(project_id=project.id, forwarded_on=received, outcome=outcome)
                )
            session.add(inquiry)
    return db


def test_figures_counted_by_hand(report_db) -> None:
    report = sachbericht(report_db, 2026, as_of=AS_OF)
    assert report.events_held == 2  # Fachtag, Vernetzung
    assert report.events_upcoming == 1  # Demnächst
    assert report.registrations == 6  # A, B, D + A, B, E
    assert report.cancellations == 1  # C
    assert report.attendances == 4  # A, D + A, E
    assert report.unique_persons == 3  # A, D, E
    assert report.no_shows == 1  # B at the Fachtag
    assert report.no_show_rate == 20.0  # 1 of 5 recorded
    assert report.not_recorded == 1  # B at the Vernetzung
    assert report.waitlist_moves == 1  # D
    kinds = {
        k.kind_label: (k.events, k.registrations, k.attendances, k.persons) for k in report.by_kind
    }
    assert kinds == {"Fachtag": (1, 3, 2, 2), "Vernetzungstreffen": (1, 3, 2, 2)}
    inquiries = report.inquiries
    assert (inquiries.received, inquiries.forwarded, inquiries.forwardings) == (3, 2, 2)
    assert (inquiries.outcomes_recorded, inquiries.new_volunteers) == (1, 1)
    assert [(c.kind_label, c.channel_label, c.received, c.forwarded) for c in inquiries.counts] == [
        ("möchte Pat:in werden", "Telefon", 1, 1),
        ("möchte Pat:in werden", "Webformular", 1, 1),
        ("sucht eine Patenschaft", "Telefon", 1, 0),
    ]


def test_restricted_to_some_events(report_db) -> None:
    with report_db.reading() as session:
        from sqlalchemy import select

        fachtag_id = session.scalar(select(Event.id).where(Event.title == "Fachtag"))
    report = sachbericht(report_db, 2026, as_of=AS_OF, event_ids={fachtag_id})
    assert (report.events_held, report.registrations, report.attendances) == (1, 3, 2)
    assert report.waitlist_moves == 1


def test_xlsx_has_numbers_and_pdf_is_one_page(report_db) -> None:
    book = load_workbook(io.BytesIO(export_sachbericht(report_db, 2026, "xlsx", as_of=AS_OF)))
    sheet = book.active
    values = {(row[0].value, row[1].value): row[2] for row in sheet.iter_rows(min_row=2)}
    held = values[("Veranstaltungen", "Veranstaltungen durchgeführt")]
    assert held.value == 2 and held.data_type == "n" and held.number_format == "0"
    rate = values[("Veranstaltungen", "Nichterscheinen in %")]
    assert rate.value == 20.0 and rate.number_format == "0.0"
    pdf = export_sachbericht(report_db, 2026, "pdf", as_of=AS_OF)
    assert page_count(pdf) == 1
    text = pdftotext_pages(pdf)[0]
    assert "Sachbericht 2026" in text and "Teilnahmen (anwesend)" in text
    assert "20,0 %" in text and "neue Pat:innen durch Weiterleitung" in text
    assert len(figures(sachbericht(report_db, 2026, as_of=AS_OF))) > 10


def test_one_funder_counts_its_events_and_its_series(report_db) -> None:
    from sqlalchemy import select

    from patenbuero.db.models import Series
    from patenbuero.services.core.funders import (
        Funding,
        find_funder,
        save_funder,
        set_series_funding,
    )
    from patenbuero.services.registrations.sachbericht_export import funder_scope, note
    from tests.helpers.persons import fund

    with report_db.unit_of_work() as session:
        ids = dict(session.execute(select(Event.title, Event.id)).all())
        series = Series(title="Reihe", description="", module_count=1, required_modules=1)
        session.add(series)
        session.flush()
        session.get(Event, ids["Vernetzung"]).series_id = series.id
        session.get(Event, ids["Vernetzung"]).module_number = 1
        series_id = series.id
    fund(report_db, ids["Fachtag"], "Lokales Bündnis")
    esf = save_funder(report_db, None, "ESF Plus")
    set_series_funding(report_db, series_id, Funding(funder_id=esf))

    local = find_funder(report_db, "  lokales   bündnis ")
    events, scope = funder_scope(report_db, local.id, local.name)
    report = sachbericht(report_db, 2026, as_of=AS_OF, event_ids=events, scope=scope)
    assert (report.events_held, report.registrations, report.attendances) == (1, 3, 2)
    assert note(report).startswith("Nur Veranstaltungen, die „Lokales Bündnis“ fördert")
    events, scope = funder_scope(report_db, esf, "ESF Plus")
    assert sachbericht(report_db, 2026, as_of=AS_OF, event_ids=events).events_held == 1
    pdf = export_sachbericht(report_db, 2026, "pdf", as_of=AS_OF, event_ids=events, scope=scope)
    assert "ESF Plus" in " ".join(pdftotext_pages(pdf))
    with pytest.raises(NotFoundError, match=r"„Bund“ gibt es nicht.*„ESF Plus“"):
        find_funder(report_db, "Bund")
