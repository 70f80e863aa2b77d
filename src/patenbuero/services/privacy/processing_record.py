"""Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) from purposes and retention."""

from __future__ import annotations

import datetime as dt

from patenbuero.pdf.privacy_report import PrivacyReportInput, ReportSection, privacy_report_pdf
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import list_funders
from patenbuero.services.core.import_journal import KEEP_DAYS
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.privacy.disclosure import retention_text
from patenbuero.services.privacy.purposes import BASIS_LABELS, PURPOSES
from patenbuero.services.privacy.retention_settings import retention_settings

SUBJECTS = {
    "events": "Teilnehmer:innen (Ehrenamtliche, Koordinator:innen, Interessierte)",
    "mailing_list": "Ansprechpartner:innen der Mitgliedsprojekte und Partner",
    "photos": "Teilnehmer:innen",
    "pass_on": "Anfragende (auch Familien, Geflüchtete, Kinder über Eltern)",
    "follow_up": "Teilnehmer:innen",
}


def processing_record_pdf(db: Database, today: dt.date | None = None) -> bytes:
    today = today or dt.date.today()
    texts = load_texts(db)
    settings = retention_settings(db)
    sections = []
    for number, p in enumerate(PURPOSES, start=1):
        basis = BASIS_LABELS[p.default_basis]
        if p.key == "mailing_list":
            basis += (
                "; für Mitarbeitende von Mitgliedsorganisationen "
                + BASIS_LABELS["legitimate_interest"]
            )
        facts = (
            ("Zweck", p.description),
            ("Betroffene", SUBJECTS[p.key]),
            ("Daten", p.categories),
            ("Rechtsgrundlage", basis),
            ("Empfänger", p.recipients),
            ("Löschfrist", retention_text(p.key, settings)),
        )
        sections.append(
            ReportSection(f"{number}. {p.label}", ("Angabe", "Inhalt"), facts, (0.25, 0.75))
        )
    funders = tuple(
        (f.name, f"{f.proof_years} Jahre") for f in list_funders(db) if f.proof_years is not None
    )
    return privacy_report_pdf(
        PrivacyReportInput(
            network_name=texts.network_name,
            document_label="Verzeichnis nach Art. 30 DSGVO",
            title="Verzeichnis von Verarbeitungstätigkeiten",
            subtitle=f"Stand {today:%d.%m.%Y}",
            intro=(
                f"Verantwortlich: {texts.office_name or texts.network_name}"
                + (f", {texts.office_address}" if texts.office_address else ""),
                "Technische und organisatorische Maßnahmen: Datenbank, Sicherungen, Exporte, "
                "PDFs und Protokoll nur für das Benutzerkonto lesbar; Protokoll ohne "
                "personenbezogene Daten; Löschung überschreibt die Daten in der Datei "
                "(secure_delete, Checkpoint, VACUUM); Löschprotokoll ohne personenbezogene Daten. "
                f"Das Importprotokoll (alte Werte, um einen Import rückgängig zu machen) wird "
                f"nach {KEEP_DAYS} Tagen und beim Löschen einer Person gelöscht.",
            ),
            sections=(
                *sections,
                ReportSection(
                    "Abweichende Fristen einzelner Fördermittelgeber",
                    ("Fördermittelgeber", "Aufbewahrung nach Ende des Jahres"),
                    funders,
                    (0.6, 0.4),
                    empty_text=f"keine; es gelten {settings.funded_years} Jahre (ANBest-P Nr. 6.5)",
                ),
            ),
            footer_text=f"Verzeichnis von Verarbeitungstätigkeiten, {today:%d.%m.%Y}",
        )
    )
