"""Certificate, invitation and interest list read back; fonts embedded in every document."""

from __future__ import annotations

import datetime as dt

import pytest

from patenbuero.pdf import (
    build_attendance_list,
    build_badges,
    build_calibration_page,
    build_certificates,
    build_interest_list,
    build_invitation,
)
from patenbuero.pdf.inputs import (
    AgendaItem,
    AttendanceListInput,
    Badge,
    BadgesInput,
    CertificateInput,
    CertificateRecipient,
    InterestListInput,
    InvitationInput,
    Office,
    Participant,
    SeriesModule,
)
from tests.pdf.pdf_readback import (
    arabic_problems,
    embedded_font_names,
    normalised,
    page_count,
    pdftotext_pages,
)

MODULES = (
    SeriesModule(dt.date(2026, 2, 7), "Rolle und Selbstverständnis als Pat:in", 4),
    SeriesModule(dt.date(2026, 3, 7), "Kommunikation, Nähe und Distanz", 4),
    SeriesModule(dt.date(2026, 4, 11), "Kinderschutz im Ehrenamt", 4),
    SeriesModule(dt.date(2026, 5, 9), "Interkulturelle Begegnung", 4),
)


def _certificates(office: Office, people: tuple[Participant, ...]) -> CertificateInput:
    recipients = [CertificateRecipient(p) for p in people]
    recipients[0] = CertificateRecipient(people[0], MODULES[:3])  # missed one module
    return CertificateInput(
        office,
        "Fortbildungsreihe für Pat:innen 2026",
        MODULES,
        tuple(recipients),
        "Halle (Saale)",
        dt.date(2026, 5, 20),
        "Katrin Schubert",
        "Koordination Patenschaftsnetzwerk",
    )


def _invitation(office: Office) -> InvitationInput:
    return InvitationInput(
        office=office,
        letter_date=dt.date(2026, 2, 12),
        title="Einladung zum Vernetzungstreffen",
        event_date=dt.date(2026, 3, 11),
        greeting="Liebe Koordinator:innen der Patenprojekte,",
        body=("wir laden Sie herzlich zum Vernetzungstreffen ein & freuen uns auf Sie.",),
        agenda=(
            AgendaItem("Begrüßung", dt.time(17), dt.time(17, 15), "Katrin Schubert"),
            AgendaItem("Jahresplanung 2026", dt.time(17, 15), dt.time(18), "محمد الحسن"),
            AgendaItem("Verschiedenes", dt.time(18), note="Fragen und Termine"),
        ),
        signatory_name="Katrin Schubert",
        start_time=dt.time(17),
        end_time=dt.time(19),
        place="Freiwilligen-Agentur Halle, Leipziger Straße 82",
        online_link="https://meet.example.org/vernetzung",
        recipient_lines=("Bürgerstiftung Halle", "Frau Olena Kovalenko", "06108 Halle (Saale)"),
        signatory_role="Koordination Patenschaftsnetzwerk",
        registration_note="Bitte melden Sie sich bis zum 4. März 2026 an.",
    )


def test_one_certificate_page_per_person(office: Office, people: tuple[Participant, ...]) -> None:
    pdf = build_certificates(_certificates(office, people))
    pages = pdftotext_pages(pdf)
    assert page_count(pdf) == len(people) == len(pages)
    # German order by the Latin spelling: Al-Hassan, Großmann, Kowalenko …
    order = ["Mohammed Al-Hassan", "Jürgen Großmann", "Müller-Lüdenscheidt", "Nguyễn"]
    found = [next(n for n, p in enumerate(pages) if name in normalised(p)) for name in order]
    assert found == sorted(found)
    first = normalised(next(p for p in pages if "Jürgen Großmann" in normalised(p)))
    assert "Teilnahmebescheinigung" in first
    assert "Fortbildungsreihe für Pat:innen 2026" in first
    assert "Kinderschutz im Ehrenamt" in first and "Interkulturelle Begegnung" not in first
    assert "12 Unterrichtseinheiten" in first
    assert "Halle (Saale), 20. Mai 2026" in first and "Katrin Schubert" in first
    assert "Seite 1 von" not in first
    second = normalised(next(p for p in pages if "Özlem Yılmaz" in normalised(p)))
    assert "Özlem Yılmaz" in second and "Interkulturelle Begegnung" in second
    assert "16 Unterrichtseinheiten" in second
    assert "07.02.2026" in second
    by_name = {name: n for n, page in enumerate(pages) for name in [normalised(page)]}
    assert any("Олена Коваленко" in text for text in by_name)
    arabic_page = next(p for p in pages if "Mohammed Al-Hassan" in normalised(p))
    assert arabic_problems(arabic_page, "محمد الحسن") == []


def test_invitation_letter(office: Office) -> None:
    pdf = build_invitation(_invitation(office))
    pages = pdftotext_pages(pdf)
    text = normalised(" ".join(pages))
    for expected in (
        "Freiwilligen-Agentur Halle",
        "Leipziger Straße 82",
        "Frau Olena Kovalenko",
        "12. Februar 2026",
        "Einladung zum Vernetzungstreffen",
        "Mittwoch, 11. März 2026, 17:00–19:00 Uhr",
        "https://meet.example.org/vernetzung",
        "Liebe Koordinator:innen der Patenprojekte,",
        "ein & freuen",
        "Tagesordnung",
        "Referent:in / Moderation",
        "17:00–17:15",
        "Jahresplanung 2026",
        "Fragen und Termine",
        "Bitte melden Sie sich bis zum 4. März 2026 an.",
        "Herzliche Grüße",
        "Koordination Patenschaftsnetzwerk",
    ):
        assert expected in text, expected
    assert text.index("Begrüßung") < text.index("Jahresplanung") < text.index("Verschiedenes")
    assert arabic_problems(" ".join(pages), "محمد الحسن") == []
    assert f"Seite 1 von {len(pages)}" in pages[0]


def test_invitation_without_link_and_address(office: Office) -> None:
    from dataclasses import replace

    data = replace(_invitation(office), online_link=None, recipient_lines=())
    text = normalised(" ".join(pdftotext_pages(build_invitation(data))))
    assert "Online" not in text and "Frau Olena" not in text
    assert "Freiwilligen-Agentur Halle, Leipziger Straße 82" in text


def test_interest_list_has_columns_and_consent(office: Office) -> None:
    data = InterestListInput(
        office, occasion="Infostand auf dem Marktplatz", date=dt.date(2026, 5, 16)
    )
    pdf = build_interest_list(data)
    assert page_count(pdf) == 1
    text = normalised(pdftotext_pages(pdf)[0])
    for expected in (
        "Infostand auf dem Marktplatz · 16.05.2026",
        "Interesse an einer Patenschaft?",
        "Name",
        "Kontakt (E-Mail / Telefon)",
        "Interesse",
        "Einwilligung",
        "Pat:in werden",
        "Einwilligung: Ich bin damit einverstanden",
        "jederzeit ohne Angabe von Gründen widerrufen",
        "Seite 1 von 1",
    ):
        assert expected in text, expected


def test_interest_list_repeats_consent_on_every_sheet(office: Office) -> None:
    data = InterestListInput(office, consent_text="Ich willige ein (Test).")
    pages = pdftotext_pages(build_interest_list(data, rows=20, landscape=False))
    assert len(pages) == 2
    for page in pages:
        assert "Ich willige ein (Test)." in normalised(page)
        assert "Kontakt (E-Mail / Telefon)" in page


def _all_documents(office: Office, people: tuple[Participant, ...]) -> dict[str, bytes]:
    attendance = AttendanceListInput(office, "Fachtag", dt.date(2026, 6, 3), "Stadthaus", people)
    badges = BadgesInput(office, tuple(Badge(p.display_name, p.organisation) for p in people))
    return {
        "attendance": build_attendance_list(attendance),
        "badges": build_badges(badges),
        "calibration": build_calibration_page(),
        "certificates": build_certificates(_certificates(office, people)),
        "invitation": build_invitation(_invitation(office)),
        "interest": build_interest_list(InterestListInput(office)),
    }


@pytest.fixture
def documents(office: Office, people: tuple[Participant, ...]) -> dict[str, bytes]:
    return _all_documents(office, people)


@pytest.mark.parametrize(
    "name", ["attendance", "badges", "calibration", "certificates", "invitation", "interest"]
)
def test_every_font_is_embedded(documents: dict[str, bytes], name: str) -> None:
    fonts = embedded_font_names(documents[name])
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts  # every descriptor has a FontFile2 (TrueType) stream
    assert all("Helvetica" not in font for font in fonts)


def test_documents_carry_metadata(documents: dict[str, bytes]) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    meta = PdfReader(BytesIO(documents["attendance"])).metadata
    assert meta is not None and "Teilnehmerliste" in str(meta.title)
