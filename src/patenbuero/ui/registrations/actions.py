"""The buttons above the registrations of an event."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget


class RegistrationActions(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = QPushButton(self.tr("Anmelden …"))
        self.cancel = QPushButton(self.tr("Stornieren"))
        self.present = QPushButton(self.tr("Anwesend"))
        self.absent = QPushButton(self.tr("Nicht erschienen"))
        self.check_in = QPushButton(self.tr("Einlass …"))
        self.rest_absent = QPushButton(self.tr("Übrige als abwesend"))
        self.capacity = QPushButton(self.tr("Plätze …"))
        self.import_file = QPushButton(self.tr("Importieren …"))
        self.export = QPushButton(self.tr("Exportieren …"))
        self.register.setToolTip(self.tr("Eine Person für diese Veranstaltung anmelden"))
        self.check_in.setToolTip(
            self.tr("Anwesenheit am Eingang erfassen: Namen tippen, Enter drücken")
        )
        self.rest_absent.setToolTip(
            self.tr("Nach der Veranstaltung: alle Bestätigten ohne Eintrag als abwesend markieren")
        )
        # Two rows, so that the tab fits a 1280 pixel wide laptop screen beside the list.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        rows = (
            (self.register, self.cancel, self.present, self.absent, self.check_in),
            (self.rest_absent, self.capacity, self.import_file, self.export),
        )
        for row, buttons in enumerate(rows):
            for column, button in enumerate(buttons):
                layout.addWidget(button, row, column)
        layout.setColumnStretch(len(rows[0]), 1)

    def set_event_selected(self, selected: bool) -> None:
        for button in (
            self.register,
            self.check_in,
            self.rest_absent,
            self.capacity,
            self.import_file,
            self.export,
        ):
            button.setEnabled(selected)

    def set_registration_selected(self, selected: bool) -> None:
        for button in (self.cancel, self.present, self.absent):
            button.setEnabled(selected)
