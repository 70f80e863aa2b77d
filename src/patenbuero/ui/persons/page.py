"""The page of one person: fields, everything linked, consents and the actions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from patenbuero.db.enums import SubjectKind
from patenbuero.services.core import field_checks
from patenbuero.services.privacy.consents import ConsentInput
from patenbuero.services.privacy.editing import PersonFields
from patenbuero.services.privacy.page import PersonPage
from patenbuero.services.privacy.purposes import BASIS_LABELS, PURPOSES, SOURCES


class PersonPageWidget(QWidget):
    """The page of one person: fields, what is linked, consents, Auskunft, Löschen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.first_name, self.last_name = QLineEdit(self), QLineEdit(self)
        self.email, self.phone = QLineEdit(self), QLineEdit(self)
        self.organisation, self.remarks = QLineEdit(self), QLineEdit(self)
        for line, limit in (
            (self.first_name, field_checks.PERSON_NAME_LIMIT),
            (self.last_name, field_checks.PERSON_NAME_LIMIT),
            (self.email, field_checks.EMAIL_LIMIT),
            (self.phone, field_checks.PHONE_LIMIT),
            (self.organisation, field_checks.NAME_LIMIT),
            (self.remarks, field_checks.LONG_TEXT_LIMIT),
        ):
            line.setMaxLength(limit)
        # As loaded: the version a save starts from and the base of a conflict.
        self.base: PersonFields | None = None
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
        self.withdraw_button = QPushButton(self.tr("&Widerruf erfassen"), self)
        self.withdraw_button.setToolTip(
            self.tr("Widerruf für den gewählten Zweck, mit dem Datum unter „am“")
        )
        self.report_button = QPushButton(self.tr("&Auskunft (PDF/JSON)…"), self)
        self.erase_button = QPushButton(self.tr("&Löschen…"), self)
        self.merge_button = QPushButton(self.tr("&Zusammenführen…"), self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.linked, 1)
        layout.addLayout(consent_form)
        layout.addWidget(
            _row(
                self.consent_button,
                self.withdraw_button,
                self.report_button,
                self.merge_button,
                self.erase_button,
            )
        )
        layout.addWidget(self.error)
        self.show_page(None)

    def show_page(self, page: PersonPage | None) -> None:
        self.setEnabled(page is not None)
        self.error.clear()
        self.base = None
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
        self.merge_button.setEnabled(e.ref.kind == SubjectKind.PERSON.value)
        self.title.setText(f"{e.full_name} · {e.ref_text} · {e.kind_label}")
        self.first_name.setText(e.first_name)
        self.last_name.setText(e.last_name)
        self.email.setText(e.email)
        self.phone.setText(e.phone)
        self.organisation.setText(e.organisation)
        self.remarks.setText(page.remarks)
        self.linked.setHtml(_linked_html(page))
        self.base = PersonFields(
            e.first_name, e.last_name, e.email, e.phone, e.organisation, page.remarks, page.version
        )

    def fields(self) -> PersonFields:
        return PersonFields(
            self.first_name.text(),
            self.last_name.text(),
            self.email.text(),
            self.phone.text(),
            self.organisation.text(),
            self.remarks.text(),
            self.base.expected_version if self.base else None,
        )

    def display_name(self) -> str:
        return f"{self.first_name.text()} {self.last_name.text()}".strip()

    def field_labels(self) -> dict[str, str]:
        """For the conflict dialog: the label of each field."""
        return {
            "first_name": self.tr("Vorname"),
            "last_name": self.tr("Nachname"),
            "email": self.tr("E-Mail"),
            "phone": self.tr("Telefon"),
            "organisation": self.tr("Organisation"),
            "remarks": self.tr("Bemerkungen"),
        }

    def chosen_date(self) -> dt.date:
        day = self.given_on.date()
        return dt.date(day.year(), day.month(), day.day())

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


def _purpose_state(page: PersonPage, key: str) -> str:
    current = page.consents.get(key)
    if current is not None:
        return _esc(current.state_label)
    if key == "events" and page.registrations:
        return "Vertrag (Anmeldung) – keine Einwilligung nötig"
    needed = (key == "mailing_list" and any(c.on_mailing_list for c in page.contacts)) or (
        key == "pass_on" and page.entry.ref.kind == SubjectKind.INQUIRY.value
    )
    if needed:  # the office uses the data for this purpose: the basis is missing
        return "<span style='color:#a33'><b>fehlt</b></span>"
    return "<span style='color:#666'>nicht erteilt</span>"


def _linked_html(page: PersonPage) -> str:
    parts = ["<b>Stand je Zweck</b><ul>"]
    parts += [f"<li>{_esc(p.label)}: {_purpose_state(page, p.key)}</li>" for p in PURPOSES]
    parts.append("</ul><b>Anmeldungen</b><ul>")
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
