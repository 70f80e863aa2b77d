"""Personen: everyone the office holds data about, and one page per person."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from patenbuero.db.enums import SubjectKind
from patenbuero.errors import ConflictError, UserError, ValidationError
from patenbuero.private_files import write_private
from patenbuero.services.core.database import Database
from patenbuero.services.privacy.consents import record_consent, withdraw_consent
from patenbuero.services.privacy.directory import PersonEntry, entries_for, people_refs
from patenbuero.services.privacy.disclosure import disclosure_json, disclosure_pdf
from patenbuero.services.privacy.editing import update_subject
from patenbuero.services.privacy.erasure import erase_subject, plan_erasure
from patenbuero.services.privacy.page import person_page
from patenbuero.services.privacy.refs import SubjectRef, parse_ref
from patenbuero.services.registrations.person_merge import merge_persons
from patenbuero.services.registrations.persons import likely_duplicates
from patenbuero.ui.common.conflict_dialog import THEIRS, resolve_conflict
from patenbuero.ui.common.list_view import SAMPLE_ROWS
from patenbuero.ui.common.table_model import Column
from patenbuero.ui.common.view_state import WIDTHS_FIXED
from patenbuero.ui.persons.page import PersonPageWidget
from patenbuero.ui.persons.people_model import PeopleModel

COLUMNS: list[Column[PersonEntry]] = [
    Column("Nr.", lambda e: e.ref_text),
    Column("Nachname", lambda e: e.last_name),
    Column("Vorname", lambda e: e.first_name),
    Column("E-Mail", lambda e: e.email),
    Column("Organisation", lambda e: e.organisation),
    Column("Art", lambda e: e.kind_label),
]


class PersonsTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self._db = db
        self._ref: SubjectRef | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, E-Mail oder Organisation (Umlaute egal)"))
        self.search.setClearButtonEnabled(True)
        self.model = PeopleModel(COLUMNS, lambda refs: entries_for(db, refs), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.table)
        self.page = PersonPageWidget(self)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.page)
        splitter.setSizes([520, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.search.textChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._on_select)
        self.page.save_button.clicked.connect(self._save)
        self.page.consent_button.clicked.connect(self._record_consent)
        self.page.withdraw_button.clicked.connect(self._withdraw)
        self.page.report_button.clicked.connect(self._report)
        self.page.erase_button.clicked.connect(self._erase)
        self.page.merge_button.clicked.connect(self._merge)
        if load:  # the main window loads its tabs when they are first shown
            self.reload()

    def refresh(self) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self) -> None:
        refs = people_refs(self._db, self.search.text())
        self.model.set_refs(refs)
        self.count.setText(
            self.tr("Eine Person")
            if len(refs) == 1
            else self.tr("%1 Personen").replace("%1", str(len(refs)))
        )
        if refs and not self.table.property(WIDTHS_FIXED):
            # Measured once on a sample of the rows, then left alone (30,000 persons).
            self.table.horizontalHeader().setResizeContentsPrecision(SAMPLE_ROWS)
            self.table.resizeColumnsToContents()
            self.table.setProperty(WIDTHS_FIXED, True)
        if self._ref is not None:
            row = self.model.row_of(self._ref)
            if row is not None:
                self.table.selectRow(row)
                return
        self._show(None)

    def _on_select(self, *_args: object) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if indexes:
            self._show(self.model.ref_at(indexes[0].row()))

    def _show(self, ref: SubjectRef | None) -> None:
        self._ref = ref
        self.page.show_page(person_page(self._db, ref) if ref is not None else None)

    def _save(self) -> None:
        ref = self._ref
        if ref is None:
            return
        try:
            try:
                update_subject(self._db, ref, self.page.fields())
                done = self.tr("Gespeichert.")
            except ConflictError as conflict:
                choice = resolve_conflict(
                    self,
                    self.page.display_name(),
                    conflict,
                    self.page.base,
                    self.page.field_labels(),
                    lambda chosen, version: update_subject(
                        self._db, ref, replace(chosen, expected_version=version)
                    ),
                )
                if not choice:
                    return
                done = (
                    self.tr("Die andere Fassung wurde übernommen.")
                    if choice == THEIRS
                    else self.tr("Gespeichert.")
                )
        except UserError as error:
            self.page.error.setText(str(error))
            return
        self.reload()
        self._show(ref)
        self.page.error.setText(done)

    def _record_consent(self) -> None:
        if self._ref is None:
            return
        try:
            record_consent(self._db, self._ref, self.page.consent_input())
        except UserError as error:
            self.page.error.setText(str(error))
            return
        self._show(self._ref)
        self.page.error.setText(self.tr("Einwilligung erfasst."))

    def _withdraw(self) -> None:
        if self._ref is None:
            return
        purpose = str(self.page.purpose.currentData())
        try:
            withdraw_consent(self._db, self._ref, purpose, self.page.chosen_date())
        except UserError as error:
            self.page.error.setText(str(error))
            return
        self._show(self._ref)
        self.page.error.setText(self.tr("Widerruf erfasst."))

    def _report(self) -> None:
        if self._ref is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Auskunft speichern"),
            f"Auskunft_{self._ref}.pdf",
            self.tr("PDF (*.pdf);;JSON (*.json)"),
        )
        if not path:
            return
        ref = self._ref
        data = (
            disclosure_json(self._db, ref)
            if path.endswith(".json")
            else disclosure_pdf(self._db, ref)
        )
        write_private(Path(path), data)
        self.page.error.setText(self.tr("Auskunft gespeichert: %1").replace("%1", path))

    def _merge(self) -> None:
        """Merge another entry of the same participant into this one (nothing is lost)."""
        ref = self._ref
        if ref is None or ref.kind != SubjectKind.PERSON.value:
            return
        entry = person_page(self._db, ref).entry
        suggestions = [
            f"P{row.id} {row.full_name} {row.email}".strip()
            for row in likely_duplicates(self._db, entry.first_name, entry.last_name, entry.email)
            if row.id != ref.id
        ]
        text, ok = QInputDialog.getItem(
            self,
            self.tr("Zusammenführen"),
            self.tr("Welcher Eintrag ist dieselbe Person wie %1? (Nummer, z. B. P17)").replace(
                "%1", entry.full_name
            ),
            suggestions,
            0,
            True,
        )
        if not ok or not text.strip():
            return
        try:
            other = parse_ref(text.split()[0])
            if other.kind != SubjectKind.PERSON.value:
                raise ValidationError("Zusammenführen geht nur mit Teilnehmer:innen (P…).")
            other_entry = person_page(self._db, other).entry
        except UserError as error:
            self.page.error.setText(str(error))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Zusammenführen"),
            self.tr(
                "%1 (%2) wird in %3 (%4) übernommen: Anmeldungen, Anwesenheit, Verlauf und "
                "Einwilligungen bleiben erhalten; frei werdende Plätze gehen an die Warteliste."
            )
            .replace("%1", other_entry.full_name)
            .replace("%2", str(other))
            .replace("%3", entry.full_name)
            .replace("%4", str(ref)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            merge_persons(self._db, ref.id, other.id)
        except UserError as error:
            self.page.error.setText(str(error))
            return
        self.reload()
        self.page.error.setText(self.tr("Zusammengeführt."))

    def _erase(self) -> None:
        if self._ref is None:
            return
        plan = plan_erasure(self._db, self._ref)
        lines = [self.tr("Es wird gelöscht:")] + [f"– {g}" for g in plan.goes]
        if plan.stays:
            lines += ["", self.tr("Es bleibt:")] + [f"– {s}" for s in plan.stays]
        if plan.restricted_until is not None:
            lines += [
                "",
                self.tr(
                    "Wegen der Nachweispflicht wird die Person bis %1 eingeschränkt "
                    "(aus Listen, Suche und Exporten ausgeblendet) und danach gelöscht."
                ).replace("%1", f"{plan.restricted_until:%d.%m.%Y}"),
            ]
        answer = QMessageBox.question(
            self,
            self.tr("Person löschen"),
            "\n".join(lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        result = erase_subject(self._db, self._ref, self.tr("Antrag der betroffenen Person"))
        self._ref = None
        self.reload()
        self.page.error.setText(result.message())
