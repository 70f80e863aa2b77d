"""Name, e-mail, phone, organisation, role and remarks of a new person, with inline errors."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from patenbuero.db.enums import PersonRole
from patenbuero.services.core import field_checks, labels
from patenbuero.services.registrations.persons import PersonInput

ERROR_STYLE = "border: 1px solid #b00020; background: #fff3f3;"


class PersonForm(QWidget):
    name_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@example.org")
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("0345 1234567")
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(self.tr("Organisation oder Patenprojekt"))
        self.role = QComboBox()
        for role in PersonRole:
            self.role.addItem(labels.label(labels.PERSON_ROLE, role.value), role.value)
        self.role.setCurrentIndex(self.role.findData(PersonRole.INTERESTED.value))
        self.remarks = QLineEdit()
        for line, limit in (
            (self.first_name, field_checks.PERSON_NAME_LIMIT),
            (self.last_name, field_checks.PERSON_NAME_LIMIT),
            (self.email, field_checks.EMAIL_LIMIT),
            (self.phone, field_checks.PHONE_LIMIT),
            (self.organisation, field_checks.NAME_LIMIT),
            (self.remarks, field_checks.LONG_TEXT_LIMIT),
        ):
            line.setMaxLength(limit)
        self.remarks.setPlaceholderText(self.tr("z. B. vegetarisch, barrierefreier Zugang"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QFormLayout(self)
        layout.addRow(self.tr("Vorname:"), self.first_name)
        layout.addRow(self.tr("Nachname:"), self.last_name)
        layout.addRow(self.tr("E-Mail:"), self.email)
        layout.addRow(self.tr("Telefon:"), self.phone)
        layout.addRow(self.tr("Organisation:"), self.organisation)
        layout.addRow(self.tr("Rolle:"), self.role)
        layout.addRow(self.tr("Bemerkung:"), self.remarks)
        layout.addRow(self.error)
        self._fields = {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "phone": self.phone,
        }
        for field in (self.first_name, self.last_name, self.email):
            field.textChanged.connect(self.name_changed)
            field.textChanged.connect(self.clear_error)

    def values(self) -> PersonInput:
        return PersonInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            organisation=self.organisation.text(),
            role=self.role.currentData(),
            remarks=self.remarks.text(),
        )

    def show_error(self, message: str, field: str | None) -> None:
        self.clear_error()
        self.error.setText(message)
        self.error.show()
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()

    def clear_error(self) -> None:
        self.error.hide()
        for widget in self._fields.values():
            widget.setStyleSheet("")
