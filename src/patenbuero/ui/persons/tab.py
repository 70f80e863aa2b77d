"""Personen: everyone the office holds data about, and one page per person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.private_files import write_private
from patenbuero.services.core.database import Database
from patenbuero.services.privacy.consents import ConsentInput, record_consent
from patenbuero.services.privacy.directory import PersonEntry, list_people
from patenbuero.services.privacy.disclosure import disclosure_json, disclosure_pdf
from patenbuero.services.privacy.editing import PersonFields, update_subject
from patenbuero.services.privacy.erasure import erase_subject, plan_erasure
from patenbuero.services.privacy.page import PersonPage, person_page
from patenbuero.services.privacy.purposes import BASIS_LABELS, PURPOSES, SOURCES
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.ui.common.table_model import Column, RowTableModel

COLUMNS: list[Column[PersonEntry]] = [
    Column("Nr.", lambda e: e.ref_text),
    Column("Nachname", lambda e: e.last_name),
    Column("Vorname", lambda e: e.first_name),
    Column("E-Mail", lambda e: e.email),
    Column("Organisation", lambda e: e.organisation),
    Column("Art", lambda e: e.kind_label),
]


class PersonsTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._ref: SubjectRef | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, E-Mail oder Organisation (Umlaute egal)"))
        self.search.setClearButtonEnabled(True)
        self.model: RowTableModel[PersonEntry] = RowTableModel(COLUMNS, self)
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
        self.page.report_button.clicked.connect(self._report)
        self.page.erase_button.clicked.connect(self._erase)
        self.reload()

    def refresh(self) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self) -> None:
        rows = list_people(self._db, self.search.text())
        self.model.set_rows(rows)
        self.count.setText(
            self.tr("Eine Person")
            if len(rows) == 1
            else self.tr("%1 Personen").replace("%1", str(len(rows)))
        )
        self.table.resizeColumnsToContents()
        if self._ref is not None:
            for index, row in enumerate(rows):
                if row.ref == self._ref:
                    self.table.selectRow(index)
                    return
        self._show(None)

    def _on_select(self, *_args: object) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if indexes:
            self._show(self.model.row_at(indexes[0].row()).ref)

    def _show(self, ref: SubjectRef | None) -> None:
        self._ref = ref
        self.page.show_page(person_page(self._db, ref) if ref is not None else None)

    def _save(self) -> None:
        if self._ref is None:
            return
        try:
            update_subject(self._db, self._ref, self.page.fields())
        except UserError as error:
            self.page.error.setText(str(error))
            return
        self.reload()
        self.page.error.setText(self.tr("Gespeichert."))

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


class PersonPageWidget(QWidget):
    """The page of one person: fields, what is linked, consents, Auskunft, Löschen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.first_name, self.last_name = QLineEdit(self), QLineEdit(self)
        self.email, self.phone = QLineEdit(self), QLineEdit(self)
        self.organisation, self.remarks = QLineEdit(self), QLineEdit(self)
        form = QFormLayout()
        for label, widget in (
            (self.tr("&Vorname:"), self.first_name),
            (self.tr("&Nachname:"), self.last_name),
            (self.tr("&E-Mail:"), self.email),
            (self.tr("&Telefon:"), self.phone),
            (self.tr("&Organisation:"), self.organisation),
            (self.tr("&Bemerkungen:"), self.remarks),
        ):
            form.addRow(label, widget)
        self.save_button = QPushButton(self.tr("&Speichern"), self)
        self.linked = QTextBrowser(self)
        self.purpose = QComboBox(self)
        for entry in PURPOSES:
            self.purpose.addItem(entry.label, entry.key)
        self.basis = QComboBox(self)
        for key, label in BASIS_LABELS.items():
            self.basis.addItem(label, key)
        self.basis.setCurrentIndex(1)
        self.given_on = QDateEdit(QDate.currentDate(), self)
        self.given_on.setCalendarPopup(True)
        self.source = QComboBox(self)
        self.source.addItems(SOURCES)
        self.given_by = QLineEdit(self)
        self.given_by.setPlaceholderText(self.tr("Eltern/Vormund bei Kindern unter 16"))
        self.text_version = QLineEdit(self)
        self.text_version.setPlaceholderText(self.tr("Version des Einwilligungstexts"))
        consent_form = QFormLayout()
        consent_form.addRow(self.tr("Zweck:"), self.purpose)
        consent_form.addRow(self.tr("Grundlage:"), self.basis)
        consent_form.addRow(self.tr("am / Quelle:"), _row(self.given_on, self.source))
        consent_form.addRow(self.tr("erteilt von:"), _row(self.given_by, self.text_version))
        self.consent_button = QPushButton(self.tr("Einwilligung &erfassen"), self)
        self.report_button = QPushButton(self.tr("&Auskunft (PDF/JSON)…"), self)
        self.erase_button = QPushButton(self.tr("&Löschen…"), self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.linked, 1)
        layout.addLayout(consent_form)
        layout.addWidget(_row(self.consent_button, self.report_button, self.erase_button))
        layout.addWidget(self.error)
        self.show_page(None)

    def show_page(self, page: PersonPage | None) -> None:
        self.setEnabled(page is not None)
        self.error.clear()
        if page is None:
            self.title.setText(self.tr("Keine Person gewählt"))
            for field in (
                self.first_name,
                self.last_name,
                self.email,
                self.phone,
                self.organisation,
                self.remarks,
            ):
                field.clear()
            self.linked.clear()
            return
        e = page.entry
        self.title.setText(f"{e.full_name} · {e.ref_text} · {e.kind_label}")
        self.first_name.setText(e.first_name)
        self.last_name.setText(e.last_name)
        self.email.setText(e.email)
        self.phone.setText(e.phone)
        self.organisation.setText(e.organisation)
        self.remarks.setText(page.remarks)
        self.linked.setHtml(_linked_html(page))

    def fields(self) -> PersonFields:
        return PersonFields(
            self.first_name.text(),
            self.last_name.text(),
            self.email.text(),
            self.phone.text(),
            self.organisation.text(),
            self.remarks.text(),
        )

    def consent_input(self) -> ConsentInput:
        day = self.given_on.date()
        return ConsentInput(
            purpose=self.purpose.currentData(),
            basis=self.basis.currentData(),
            given_on=dt.date(day.year(), day.month(), day.day()),
            source=self.source.currentText(),
            text_version=self.text_version.text(),
            given_by=self.given_by.text(),
        )


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _linked_html(page: PersonPage) -> str:
    parts = ["<b>Anmeldungen</b><ul>"]
    parts += [
        f"<li>{r.starts_at:%d.%m.%Y} {_esc(r.event_title)} – {_esc(r.status_label)}"
        f"{' · anwesend' if r.attended else ''}</li>"
        for r in page.registrations
    ] or ["<li>keine</li>"]
    parts.append("</ul><b>Anfragen und Weiterleitungen</b><ul>")
    parts += [
        f"<li>{i.received_on:%d.%m.%Y} {_esc(i.kind_label)} – {_esc(i.status_label)}"
        + "".join(f"; an {_esc(n)} am {d:%d.%m.%Y}" for n, d in i.forwarded_to)
        + "</li>"
        for i in page.inquiries
    ] or ["<li>keine</li>"]
    parts.append("</ul><b>Verteiler</b><ul>")
    parts += [
        f"<li>{_esc(c.belongs_to)}: {'im' if c.on_mailing_list else 'nicht im'} Verteiler</li>"
        for c in page.contacts
    ] or ["<li>–</li>"]
    parts.append("</ul><b>Einwilligungen (Verlauf, neueste zuerst)</b><ul>")
    parts += [
        f"<li>{_esc(c.purpose_label)}: {_esc(c.state_label)}"
        f"{f' am {c.given_on:%d.%m.%Y}' if c.given_on else ''}"
        f"{f' ({_esc(c.source)})' if c.source else ''}"
        f"{f', durch {_esc(c.given_by)}' if c.given_by else ''}</li>"
        for c in page.history
    ] or ["<li>keine erfasst</li>"]
    if page.restricted_until:
        parts.append(f"</ul><p>Eingeschränkt bis {page.restricted_until:%d.%m.%Y}.</p>")
    else:
        parts.append("</ul>")
    return "".join(parts)
