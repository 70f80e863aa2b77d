"""Auskunft (PDF and JSON) and the Art. 30 record, read back as text; no-photos marks."""

import datetime as dt
import json
import subprocess

from patenbuero.services.printing.catalog import build_document
from patenbuero.services.printing.request import PrintRequest
from patenbuero.services.privacy.consents import ConsentInput, record_consent
from patenbuero.services.privacy.disclosure import disclosure_json, disclosure_pdf
from patenbuero.services.privacy.processing_record import processing_record_pdf
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.services.registrations.use_cases import register_person
from tests.helpers.persons import add_event, person
from tests.pdf.pdf_readback import page_count, pdftotext_pages


def test_auskunft_lists_data_registrations_consents_and_retention(db) -> None:
    event_id = add_event(db, title="Fachtag Kinderschutz")
    pid = register_person(
        db, event_id, person("Віталій", "Шевчук-Коломийченко", "vitalii@example.org")
    ).person_id
    ref = SubjectRef("person", pid)
    record_consent(
        db,
        ref,
        ConsentInput("photos", "consent", dt.date(2026, 9, 1), "Papier", "2026-1", "Mutter Olha"),
    )
    pdf = disclosure_pdf(db, ref, today=dt.date(2026, 11, 25))
    text = " ".join(pdftotext_pages(pdf))
    for expected in (
        "Auskunft für Віталій Шевчук-Коломийченко",
        "vitalii@example.org",
        "Fachtag Kinderschutz",
        "Fotos bei Veranstaltungen",
        "Mutter Olha",
        "Speicherdauer",
    ):
        assert expected in text, expected
    assert page_count(pdf) >= 1
    data = json.loads(disclosure_json(db, ref))
    assert data["person"]["nachname"] == "Шевчук-Коломийченко"
    assert data["anmeldungen"][0]["veranstaltung"] == "Fachtag Kinderschutz"
    assert data["einwilligungen"][0]["erteilt_von"] == "Mutter Olha"


def test_art30_record_names_every_purpose_and_the_funder_period(db) -> None:
    text = " ".join(pdftotext_pages(processing_record_pdf(db)))
    for expected in (
        "Verzeichnis von Verarbeitungstätigkeiten",
        "Teilnahme an Veranstaltungen",
        "Verteiler und Netzwerk-Mails",
        "berechtigtes Interesse",
        "Weitergabe an ein Projekt",
        "ANBest-P",
    ):
        assert expected in text, expected


def test_no_photos_wish_is_a_mark_on_the_attendance_list(db) -> None:
    event_id = add_event(db, title="Vernetzungstreffen")
    shy = register_person(db, event_id, person("Gülşen", "Öztürk", "go@example.org")).person_id
    register_person(db, event_id, person("Łukasz", "Nowak", "ln@example.org"))
    record_consent(db, SubjectRef("person", shy), ConsentInput("photos", "refused"))
    pdf = build_document(db, PrintRequest("teilnehmerliste", event_id=event_id)).pdf
    text = " ".join(pdftotext_pages(pdf))
    assert "möchte nicht fotografiert werden" in text
    assert text.count("•") == 2  # one mark, one legend
    raw = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True).stdout
    assert "2 • Öztürk" in raw.decode("utf-8")  # Nowak is 1, Öztürk 2 in German order
