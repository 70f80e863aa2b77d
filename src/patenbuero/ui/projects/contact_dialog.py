"""Entering or changing one Ansprechperson, with the consent to receive network mail."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import ConflictError, UserError
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database
from patenbuero.services.projects.contacts import (
    ContactInput,
    ContactRow,
    input_from_row,
    save_contact,
)
from patenbuero.ui.common.conflict_dialog import resolve_conflict
from patenbuero.ui.common.discard_guard import may_discard
from patenbuero.ui.common.widgets import FieldBox, OptionalDateEdit


class ContactDialog(QDialog):
    """Saves through the service on OK; a rule broken leaves it open with the field marked."""

    def __init__(
        self,
        db: Database,
        project_id: int | None,
        contact: ContactRow | None = None,
        organisations: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._project_id = project_id
        self._contact_id = contact.id if contact else None
        # As loaded: the version a save starts from and the base of a conflict.
        self._base = input_from_row(contact) if contact else None
        self._organisations = {name.casefold(): name for name in organisations}
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("Ansprechperson bearbeiten") if contact else self.tr("Neue Ansprechperson")
        )
        self.first_name = QLineEdit(contact.first_name if contact else "", self)
        self.last_name = QLineEdit(contact.last_name if contact else "", self)
        self.role = QLineEdit(contact.role if contact else "", self)
        self.role.setPlaceholderText(self.tr("z. B. Projektkoordination"))
        self.email = QLineEdit(contact.email if contact else "", self)
        self.phone = QLineEdit(contact.phone if contact else "", self)
        self.partner = QComboBox(self)
        self.partner.setEditable(True)
        self.partner.addItems(["", *organisations])
        self.partner.setEditText(contact.belongs_to if contact else "")
        self.on_list = QCheckBox(self.tr("bekommt die Post des Netzwerks (Verteiler)"), self)
        self.on_list.setChecked(bool(contact and contact.on_mailing_list))
        self.consent_on = OptionalDateEdit(self)
        self.consent_on.set_value(contact.consent_on if contact else None)
        self.consent_source = QLineEdit(contact.consent_source if contact else "", self)
        self.consent_source.setPlaceholderText(self.tr("z. B. Mitgliedsantrag, E-Mail vom …"))
        self.notes = QPlainTextEdit(contact.notes if contact else "", self)
        self.notes.setFixedHeight(60)
        for line, limit in (
            (self.first_name, field_checks.PERSON_NAME_LIMIT),
            (self.last_name, field_checks.PERSON_NAME_LIMIT),
            (self.role, field_checks.ROLE_LIMIT),
            (self.email, field_checks.EMAIL_LIMIT),
            (self.phone, field_checks.PHONE_LIMIT),
            (self.consent_source, 200),
        ):
            line.setMaxLength(limit)
        partner_line = self.partner.lineEdit()
        if partner_line is not None:
            partner_line.setMaxLength(field_checks.NAME_LIMIT)
        self.boxes: dict[str, FieldBox] = {}
        form = QFormLayout()
        rows: list[tuple[str, str, QWidget]] = [
            (self.tr("Vorname:"), "first_name", self.first_name),
            (self.tr("Nachname*:"), "last_name", self.last_name),
            (self.tr("Funktion:"), "role", self.role),
            (self.tr("E-Mail:"), "email", self.email),
            (self.tr("Telefon:"), "phone", self.phone),
        ]
        if project_id is None:
            rows.append((self.tr("Partner*:"), "partner_name", self.partner))
        rows += [
            (self.tr("Verteiler:"), "on_mailing_list", self.on_list),
            (self.tr("Einwilligung am:"), "consent_on", self.consent_on),
            (self.tr("Einwilligung durch:"), "consent_source", self.consent_source),
            (self.tr("Notizen:"), "notes", self.notes),
        ]
        for label, key, widget in rows:
            self.boxes[key] = FieldBox(widget)
            form.addRow(label, self.boxes[key])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._loaded = self.values()

    def has_unsaved_changes(self) -> bool:
        return self.values() != self._loaded

    def reject(self) -> None:
        """Esc, Abbrechen and the window's X ask before edits are thrown away."""
        what = self.tr("diese Ansprechperson")
        if may_discard(self, what, self.has_unsaved_changes, self.save):
            super().reject()

    def values(self) -> ContactInput:
        partner = self.partner.currentText().strip()
        organisation = self._organisations.get(partner.casefold(), "")
        return ContactInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            project_id=self._project_id,
            organisation_name=organisation if self._project_id is None else "",
            partner_name="" if organisation or self._project_id is not None else partner,
            role=self.role.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            on_mailing_list=self.on_list.isChecked(),
            consent_on=self.consent_on.value(),
            consent_source=self.consent_source.text(),
            notes=self.notes.toPlainText(),
            expected_version=self._base.expected_version if self._base else None,
        )

    def field_labels(self) -> dict[str, str]:
        """For the conflict dialog: the label of each field."""
        return {
            "first_name": self.tr("Vorname"),
            "last_name": self.tr("Nachname"),
            "role": self.tr("Funktion"),
            "email": self.tr("E-Mail"),
            "phone": self.tr("Telefon"),
            "organisation_name": self.tr("Partner (Träger)"),
            "partner_name": self.tr("Partner"),
            "on_mailing_list": self.tr("Verteiler"),
            "consent_on": self.tr("Einwilligung am"),
            "consent_source": self.tr("Einwilligung durch"),
            "notes": self.tr("Notizen"),
        }

    def save(self) -> bool:
        for box in self.boxes.values():
            box.clear_error()
        try:
            try:
                self.saved_id = save_contact(self._db, self._contact_id, self.values())
            except ConflictError as conflict:
                if not self._resolve_conflict(conflict):
                    return False
        except UserError as error:
            box = self.boxes.get(error.field or "", self.boxes["last_name"])
            box.show_error(error.message)
            box.widget.setFocus()
            return False
        self.accept()
        return True

    def _resolve_conflict(self, conflict: ConflictError) -> bool:
        """Both versions field by field; the choice saved against the stored version."""
        contact_id = self._contact_id

        def save_again(chosen: ContactInput, version: int) -> None:
            self.saved_id = save_contact(
                self._db, contact_id, replace(chosen, expected_version=version)
            )

        what = f"{self.first_name.text()} {self.last_name.text()}".strip()
        choice = resolve_conflict(self, what, conflict, self._base, self.field_labels(), save_again)
        self.saved_id = contact_id if choice else None
        return bool(choice)
