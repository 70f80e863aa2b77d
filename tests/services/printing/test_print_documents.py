"""Print documents from real data: who is on them, what they are called, what is refused."""

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.plan.use_cases import list_events
from patenbuero.services.printing.catalog import DOCUMENTS, build_document
from patenbuero.services.printing.request import FunderOptions, PrintRequest
from patenbuero.services.printing.settings import PrintSettings, save_print_settings
from patenbuero.services.registrations.attendance import set_attendance
from patenbuero.services.registrations.series import register_for_series
from patenbuero.services.registrations.use_cases import list_registrations, register_person
from tests.helpers.persons import add_event, add_series, person
from tests.pdf.pdf_readback import page_count, pdftotext_pages


def fullest_event(db):
    events = list_events(db, 2026) + list_events(db, 2027)
    return max(events, key=lambda row: (row.waitlisted, row.confirmed))


def test_attendance_list_holds_confirmed_people_only(demo_db) -> None:
    event = fullest_event(demo_db)
    assert event.waitlisted > 0
    rows = list_registrations(demo_db, event.id)
    result = build_document(
        demo_db,
        PrintRequest(
            "teilnehmerliste",
            event_id=event.id,
            funder=FunderOptions("Stadt Halle (Saale)", "Netzwerkförderung", "FK-2026-17", 4),
        ),
    )
    text = " ".join(pdftotext_pages(result.pdf)).replace("\n", " ")
    confirmed = [r for r in rows if r.status == "confirmed"]
    others = [r for r in rows if r.status != "confirmed"]
    for row in confirmed:
        if row.last_name.isascii():
            assert row.last_name in text
    for row in others:
        if row.last_name.isascii() and not any(c.last_name == row.last_name for c in confirmed):
            assert row.last_name not in text
    assert "Stadt Halle (Saale)" in text and "FK-2026-17" in text
    assert "Seite 1 von" in text
    day = event.starts_at.date().isoformat()
    assert result.file_name.startswith("Teilnehmerliste_") and result.file_name.endswith(
        f"{day}.pdf"
    )


def test_badges_in_german_order_like_the_list(db) -> None:
    event_id = add_event(db, capacity=20)
    for first, last in [("Eva", "Zöllner"), ("Ali", "Şahin"), ("Jan", "Böhm"), ("Ute", "Bräuer")]:
        register_person(db, event_id, person(first, last))
    for document in ("namensschilder", "teilnehmerliste"):
        text = " ".join(
            pdftotext_pages(build_document(db, PrintRequest(document, event_id=event_id)).pdf)
        )
        positions = [text.index(name) for name in ("Böhm", "Bräuer", "Şahin", "Zöllner")]
        assert positions == sorted(positions), document


def test_badges_need_confirmed_people(db) -> None:
    event_id = add_event(db, capacity=20)
    with pytest.raises(ValidationError, match="keine bestätigten Anmeldungen"):
        build_document(db, PrintRequest("namensschilder", event_id=event_id))
    for n in range(12):
        register_person(db, event_id, person("Özlem", f"Yılmaz{n}", f"o{n}@example.org"))
    result = build_document(db, PrintRequest("namensschilder", event_id=event_id))
    assert page_count(result.pdf) == 2
    assert "Yılmaz11" in " ".join(pdftotext_pages(result.pdf))


def test_certificates_for_those_due(db) -> None:
    series_id, modules = add_series(db, required=3)
    register_for_series(db, series_id, person("Олена", "Коваленко", "olena@example.org"))
    register_for_series(db, series_id, person("Jürgen", "Großmann", "j@example.org"))
    for index, event_id in enumerate(modules):
        for row in list_registrations(db, event_id):
            set_attendance(db, row.id, row.first_name == "Олена" or index == 0)
    result = build_document(db, PrintRequest("bescheinigungen", series_id=series_id))
    text = " ".join(pdftotext_pages(result.pdf))
    assert page_count(result.pdf) == 1
    assert "Олена Коваленко" in text and "Großmann" not in text


def test_every_document_needs_what_it_says(db) -> None:
    for spec in DOCUMENTS.values():
        if "event" in spec.needs:
            with pytest.raises(ValidationError, match="Veranstaltung"):
                build_document(db, PrintRequest(spec.key))


def test_badge_offset_is_limited(db) -> None:
    with pytest.raises(ValidationError, match="höchstens"):
        save_print_settings(db, PrintSettings(badge_offset_x_mm=35))


def test_invitation_lists_the_agenda(demo_db) -> None:
    meetings = [e for e in list_events(demo_db, 2026) if e.kind == "network_meeting"]
    result = build_document(demo_db, PrintRequest("einladung", event_id=meetings[-1].id))
    text = " ".join(pdftotext_pages(result.pdf))
    assert "Tagesordnung" in text
    assert meetings[-1].title in text.replace("\n", " ")


def test_project_documents_from_the_register(demo_db) -> None:
    from patenbuero.services.projects.use_cases import list_projects

    active = [p.name for p in list_projects(demo_db) if p.status == "active"]
    flyer = build_document(demo_db, PrintRequest("handzettel"))
    assert flyer.two_sided and page_count(flyer.pdf) >= 2
    flyer_text = " ".join(pdftotext_pages(flyer.pdf)).replace("\n", " ")
    assert [name for name in active if name in flyer_text] == active  # nobody left out
    assert f"{len(active)} Patenprojekte" in flyer_text
    cards = build_document(demo_db, PrintRequest("projektkarten"))
    assert page_count(cards.pdf) == -(-len(active) // 3)
    portraits = build_document(demo_db, PrintRequest("portraet"))
    assert page_count(portraits.pdf) >= len(active) + 1
    left = next(p.name for p in list_projects(demo_db) if p.status == "left")
    assert left not in " ".join(pdftotext_pages(portraits.pdf))


def test_year_plan_has_holidays_in_german(demo_db) -> None:
    result = build_document(demo_db, PrintRequest("jahresplan", year=2026))
    text = " ".join(pdftotext_pages(result.pdf))
    assert "Reformationstag" in text and "Vernetzungstreffen" in text
    assert result.file_name.startswith("Jahresplan_2026_")


def test_handzettel_for_one_target_group(demo_db) -> None:
    from patenbuero.services.projects.use_cases import list_projects

    result = build_document(demo_db, PrintRequest("handzettel", target_group="Kinder"))
    text = " ".join(pdftotext_pages(result.pdf)).replace("\n", " ")
    assert "Patenschaften für Kinder" in text
    rows = [p for p in list_projects(demo_db) if p.status == "active"]
    with_children = [p.name for p in rows if "Kinder" in p.target_groups]
    without = [p.name for p in rows if "Kinder" not in p.target_groups]
    assert with_children and all(name in text for name in with_children)
    assert not any(f" {name} " in f" {text} " for name in without if len(name) > 12)
    assert f"{len(with_children)} Patenprojekt" in text
    with pytest.raises(ValidationError, match="Zielgruppe „Marsmenschen“ gibt es nicht"):
        build_document(demo_db, PrintRequest("handzettel", target_group="Marsmenschen"))


def test_handzettel_numbers_agree_with_the_data(demo_db) -> None:
    from patenbuero.services.core.network_texts import load_texts, save_texts

    texts = load_texts(demo_db)
    result = build_document(demo_db, PrintRequest("handzettel"))
    assert not any("Vorstellungstext sagt" in w for w in result.warnings)
    text = " ".join(pdftotext_pages(result.pdf))
    assert "{Anzahl}" not in text
    from dataclasses import replace

    save_texts(demo_db, replace(texts, introduction="Mehr als 100 Patenprojekte sind dabei."))
    result = build_document(demo_db, PrintRequest("handzettel"))
    assert any("mehr als 100 patenprojekt" in w.lower() for w in result.warnings)


def test_interest_list_takes_the_event(demo_db) -> None:
    event = fullest_event(demo_db)
    result = build_document(demo_db, PrintRequest("interessiertenliste", event_id=event.id))
    text = " ".join(pdftotext_pages(result.pdf)).replace("\n", " ")
    assert event.title[:20] in text and f"{event.starts_at:%d.%m.%Y}" in text
