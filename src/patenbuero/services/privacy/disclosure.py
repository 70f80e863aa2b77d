"""Auskunft (Art. 15 DSGVO): everything stored about one person, as JSON and as PDF.

Where the data came from, for which purposes, how long they are kept and to whom
they were passed on.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from patenbuero.pdf.privacy_report import PrivacyReportInput, ReportSection, privacy_report_pdf
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.core.plural import plural
from patenbuero.services.privacy.page import PersonPage, person_page
from patenbuero.services.privacy.purposes import PURPOSES
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.services.privacy.retention_settings import RetentionSettings, retention_settings


def disclosure_data(db: Database, ref: SubjectRef, today: dt.date | None = None) -> dict[str, Any]:
    """The Auskunft as plain data (what the JSON file holds)."""
    page = person_page(db, ref)
    settings = retention_settings(db)
    entry = page.entry
    return {
        "erstellt_am": (today or dt.date.today()).isoformat(),
        "verantwortlich": load_texts(db).office_name or load_texts(db).network_name,
        "person": {
            "nummer": str(ref),
            "art": entry.kind_label,
            "vorname": entry.first_name,
            "nachname": entry.last_name,
            "e_mail": entry.email,
            "telefon": entry.phone,
            "organisation": entry.organisation,
            "bemerkungen": page.remarks,
            "eingeschraenkt_bis": _iso(page.restricted_until),
        },
        "anmeldungen": [
            {
                "veranstaltung": r.event_title,
                "beginn": r.starts_at.isoformat(timespec="minutes"),
                "status": r.status_label,
                "anwesend": r.attended,
                "reihe": r.series_title,
                "modul": r.module_number,
                "herkunft": r.source,
            }
            for r in page.registrations
        ],
        "anfragen": [
            {
                "nummer": str(i.ref),
                "eingang": i.received_on.isoformat(),
                "anliegen": i.kind_label,
                "status": i.status_label,
                "weitergegeben_an": [
                    {"projekt": name, "am": day.isoformat()} for name, day in i.forwarded_to
                ],
            }
            for i in page.inquiries
        ],
        "ansprechperson_bei": [
            {
                "nummer": str(c.ref),
                "bei": c.belongs_to,
                "funktion": c.role,
                "verteiler": c.on_mailing_list,
            }
            for c in page.contacts
        ],
        "einwilligungen": [
            {
                "zweck": c.purpose_label,
                "rechtsgrundlage": c.basis_label,
                "am": _iso(c.given_on),
                "quelle": c.source,
                "textversion": c.text_version,
                "erteilt_von": c.given_by,
                "widerrufen_am": _iso(c.withdrawn_on),
                "erfasst": c.recorded_at.isoformat(timespec="minutes"),
            }
            for c in page.history
        ],
        "zwecke_und_fristen": [
            {
                "zweck": p.label,
                "beschreibung": p.description,
                "speicherdauer": retention_text(p.key, settings),
                "empfaenger": p.recipients,
            }
            for p in PURPOSES
        ],
    }


def disclosure_json(db: Database, ref: SubjectRef) -> bytes:
    return (json.dumps(disclosure_data(db, ref), ensure_ascii=False, indent=2) + "\n").encode()


def disclosure_pdf(db: Database, ref: SubjectRef, today: dt.date | None = None) -> bytes:
    today = today or dt.date.today()
    page = person_page(db, ref)
    texts = load_texts(db)
    settings = retention_settings(db)
    return privacy_report_pdf(
        PrivacyReportInput(
            network_name=texts.network_name,
            document_label="Auskunft nach Art. 15 DSGVO",
            title=f"Auskunft für {page.entry.full_name}",
            subtitle=f"Stand {today:%d.%m.%Y} · Nummer {ref} · {page.entry.kind_label}",
            intro=(
                f"Verantwortlich: {texts.office_name or texts.network_name}"
                + (f", {texts.office_address}" if texts.office_address else ""),
                "Diese Auskunft enthält alle Daten, die wir über Sie gespeichert haben, woher "
                "sie stammen, wofür wir sie nutzen, wie lange wir sie aufbewahren und an wen "
                "wir sie weitergegeben haben. Sie können Berichtigung, Löschung oder "
                "Einschränkung verlangen und erteilte Einwilligungen jederzeit widerrufen.",
            ),
            sections=_sections(page, settings),
            footer_text=f"Auskunft {ref}, {today:%d.%m.%Y}",
        )
    )


def _sections(page: PersonPage, settings: RetentionSettings) -> tuple[ReportSection, ...]:
    entry = page.entry
    fields = (
        ("Name", entry.full_name),
        ("E-Mail", entry.email),
        ("Telefon", entry.phone),
        ("Organisation", entry.organisation),
        ("Bemerkungen", page.remarks),
    )
    return (
        ReportSection(
            "Gespeicherte Angaben",
            ("Feld", "Inhalt"),
            tuple((k, v) for k, v in fields if v),
            (0.3, 0.7),
        ),
        ReportSection(
            "Anmeldungen zu Veranstaltungen",
            ("Veranstaltung", "Datum", "Status", "Anwesend", "Herkunft"),
            tuple(
                (
                    r.event_title,
                    f"{r.starts_at:%d.%m.%Y}",
                    r.status_label,
                    {True: "ja", False: "nein", None: "–"}[r.attended],
                    r.source or "Büro",
                )
                for r in page.registrations
            ),
            (0.38, 0.14, 0.16, 0.12, 0.2),
        ),
        ReportSection(
            "Anfragen und Weitergaben",
            ("Eingang", "Anliegen", "Status", "weitergegeben an"),
            tuple(
                (
                    f"{i.received_on:%d.%m.%Y}",
                    i.kind_label,
                    i.status_label,
                    ", ".join(f"{name} ({day:%d.%m.%Y})" for name, day in i.forwarded_to) or "–",
                )
                for i in page.inquiries
            ),
            (0.14, 0.26, 0.16, 0.44),
        ),
        ReportSection(
            "Ansprechperson bei",
            ("bei", "Funktion", "Verteiler"),
            tuple(
                (c.belongs_to, c.role, "ja" if c.on_mailing_list else "nein") for c in page.contacts
            ),
            (0.5, 0.3, 0.2),
        ),
        ReportSection(
            "Einwilligungen und Rechtsgrundlagen (mit Verlauf)",
            ("Zweck", "Grundlage", "am", "Quelle", "widerrufen"),
            tuple(
                (
                    c.purpose_label,
                    c.basis_label + (f" (durch {c.given_by})" if c.given_by else ""),
                    f"{c.given_on:%d.%m.%Y}" if c.given_on else "–",
                    c.source + (f", Text {c.text_version}" if c.text_version else ""),
                    f"{c.withdrawn_on:%d.%m.%Y}" if c.withdrawn_on else "–",
                )
                for c in page.history
            ),
            (0.22, 0.3, 0.13, 0.2, 0.15),
        ),
        ReportSection(
            "Zwecke, Speicherdauer und Empfänger",
            ("Zweck", "Speicherdauer", "Empfänger"),
            tuple((p.label, retention_text(p.key, settings), p.recipients) for p in PURPOSES),
            (0.3, 0.4, 0.3),
        ),
    )


def retention_text(purpose_key: str, settings: RetentionSettings) -> str:
    texts = {
        "events": (
            f"{plural(settings.participants_years, 'Jahr', 'Jahre')} nach der letzten "
            "Veranstaltung; Teilnehmerlisten geförderter Veranstaltungen "
            f"{plural(settings.funded_years, 'Jahr', 'Jahre')} nach Ende des Jahres"
        ),
        "mailing_list": "bis zum Widerruf oder Ausscheiden aus dem Netzwerk",
        "photos": "bis zum Widerruf",
        "pass_on": (
            f"{plural(settings.inquiries_years, 'Jahr', 'Jahre')} nach Abschluss der Anfrage"
        ),
        "follow_up": "bis zum Widerruf",
    }
    return texts.get(purpose_key, "")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
