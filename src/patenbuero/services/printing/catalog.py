"""Every print document: its German name, what it needs, and how it is made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from patenbuero.errors import ValidationError
from patenbuero.pdf.line_breaking import collect_warnings
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.printing.request import PrintRequest, PrintResult

Builder = Callable[[Database, PrintRequest], PrintResult]


def _lazy(module: str, function: str) -> Builder:
    """The builder ``function`` of ``module``, imported when a document is first made: the
    command line lists every document but loads only the one it prints (an attendance
    list from a SQLite file never imports SQLAlchemy)."""

    def build(db: Database, request: PrintRequest) -> PrintResult:
        target = import_module(f"patenbuero.services.printing.{module}")
        return getattr(target, function)(db, request)  # type: ignore[no-any-return]

    build.__name__ = function
    return build


@dataclass(frozen=True)
class DocumentSpec:
    key: str  # the command-line name
    title: str
    description: str
    needs: frozenset[str]  # of "event", "series", "year", "projects", "labels"
    # of "landscape", "show_contact", "blank_rows", "funder", "start_at", "show_event",
    # "target_group", "event" (optional event)
    options: frozenset[str]
    build: Builder
    two_sided: bool = False


DOCUMENTS: dict[str, DocumentSpec] = {
    spec.key: spec
    for spec in (
        DocumentSpec(
            "handzettel",
            "Netzwerk-Handzettel (Vorder- und Rückseite)",
            "Für Infostände: Vorstellung, Leitbild, alle aktiven Projekte nach Zielgruppen "
            "(oder nur die einer Zielgruppe), QR-Code zur Website. Beidseitig drucken.",
            frozenset(),
            frozenset({"target_group"}),
            _lazy("project_documents", "flyer"),
            two_sided=True,
        ),
        DocumentSpec(
            "projektkarten",
            "Projektkarten (DIN lang)",
            "Eine Karte je aktivem Projekt, drei auf einem A4-Bogen quer, mit Schnittmarken.",
            frozenset({"projects"}),
            frozenset(),
            _lazy("project_documents", "project_cards"),
        ),
        DocumentSpec(
            "portraet",
            "Projektporträts",
            "Eine A4-Seite je aktivem Projekt, als Heft mit Titelseite.",
            frozenset({"projects"}),
            frozenset(),
            _lazy("project_documents", "portraits"),
        ),
        DocumentSpec(
            "jahresplan",
            "Jahresplan",
            "Das Jahr auf einer Seite (A4 quer) mit Feiertagen, dazu die Liste aller "
            "Veranstaltungen – für die Bürowand und das Netzwerk.",
            frozenset({"year"}),
            frozenset(),
            _lazy("year_plan_document", "year_plan"),
        ),
        DocumentSpec(
            "teilnehmerliste",
            "Teilnehmer- und Unterschriftenliste",
            "Für den Nachweis bei Fördermittelgebern: bestätigte Anmeldungen mit "
            "Unterschriftsfeld, sortiert nach Nachnamen.",
            frozenset({"event"}),
            frozenset({"landscape", "show_contact", "blank_rows", "funder"}),
            _lazy("attendance", "attendance_list"),
        ),
        DocumentSpec(
            "namensschilder",
            "Namensschilder",
            "Auf handelsüblichen Etikettenbögen (80 × 50 mm); Start bei Etikett N für "
            "angebrochene Bögen.",
            frozenset({"event", "labels"}),
            frozenset({"start_at", "show_event"}),
            _lazy("event_documents", "badges"),
        ),
        DocumentSpec(
            "probedruck",
            "Probedruck für Etikettenbögen",
            "Druckt die Umrisse der Etiketten, um den Druckerversatz einzustellen.",
            frozenset({"labels"}),
            frozenset(),
            _lazy("event_documents", "calibration"),
        ),
        DocumentSpec(
            "bescheinigungen",
            "Teilnahmebescheinigungen",
            "Für alle, die die geforderten Module einer Fortbildungsreihe besucht haben.",
            frozenset({"series"}),
            frozenset({"funder"}),
            _lazy("series_documents", "certificates"),
        ),
        DocumentSpec(
            "einladung",
            "Einladung mit Tagesordnung",
            "Brief zu einem Treffen mit Ort, Zeit und Tagesordnung.",
            frozenset({"event"}),
            frozenset(),
            _lazy("event_documents", "invitation"),
        ),
        DocumentSpec(
            "interessiertenliste",
            "Interessiertenliste für Infostände",
            "Leere Liste zum Eintragen mit Einwilligungstext, mit Anlass und Datum der "
            "gewählten Veranstaltung.",
            frozenset(),
            frozenset({"event"}),
            _lazy("series_documents", "interest_list"),
        ),
    )
}


@logged_action("print.build")
def build_document(db: Database, request: PrintRequest) -> PrintResult:
    spec = DOCUMENTS.get(request.document)
    if spec is None:
        raise ValidationError(f"Unbekanntes Dokument „{request.document}“.")
    with collect_warnings() as layout_warnings:
        result = spec.build(db, request)
    warnings = (*result.warnings, *(w for w in layout_warnings if w not in result.warnings))
    return PrintResult(result.pdf, result.file_name, spec.two_sided or result.two_sided, warnings)
