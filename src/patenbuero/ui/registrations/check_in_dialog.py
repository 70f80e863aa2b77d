"""Einlass at the door: type a few letters, Enter marks present; walk-ins; undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.io.names import fold_german
from patenbuero.services.core.database import Database
from patenbuero.services.registrations.attendance import add_walk_in, event_counts, set_attendance
from patenbuero.services.registrations.persons import PersonInput
from patenbuero.services.registrations.use_cases import RegistrationRow, list_registrations


class CheckInDialog(QDialog):
    def __init__(self, db: Database, event_id: int, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Einlass: %1").replace("%1", title))
        self.resize(620, 680)
        self._db, self._event_id = db, event_id
        self._rows: list[RegistrationRow] = []
        self._undo: list[int] = []
        self.counter = QLabel()
        self.counter.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name tippen, Enter = anwesend"))
        self.search.setStyleSheet("font-size: 14pt; padding: 6px;")
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.check_in_first)
        self.people = QListWidget()
        self.people.setStyleSheet("font-size: 12pt;")
        self.people.itemActivated.connect(self._check_in_item)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        undo_button = QPushButton(self.tr("Rückgängig"))
        undo_button.clicked.connect(self.undo)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        self.walk_in_first = QLineEdit()
        self.walk_in_first.setPlaceholderText(self.tr("Vorname"))
        self.walk_in_last = QLineEdit()
        self.walk_in_last.setPlaceholderText(self.tr("Nachname"))
        self.walk_in_email = QLineEdit()
        self.walk_in_email.setPlaceholderText(self.tr("E-Mail (optional)"))
        walk_in_button = QPushButton(self.tr("Vor Ort anmelden"))
        walk_in_button.clicked.connect(self.add_walk_in)
        self.walk_in_last.returnPressed.connect(self.add_walk_in)
        walk_in = QHBoxLayout()
        for widget in (self.walk_in_first, self.walk_in_last, self.walk_in_email, walk_in_button):
            walk_in.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.feedback)
        layout.addWidget(undo_button)
        layout.addWidget(QLabel(self.tr("<b>Ohne Anmeldung gekommen?</b>")))
        layout.addLayout(walk_in)
        self.reload()
        self.search.setFocus()

    def reload(self) -> None:
        self._rows = [
            row for row in list_registrations(self._db, self._event_id) if row.status == "confirmed"
        ]
        counts = event_counts(self._db, self._event_id)
        self.counter.setText(
            self.tr("%1 von %2 anwesend")
            .replace("%1", str(counts.attended))
            .replace("%2", str(counts.confirmed))
        )
        self._filter(self.search.text())

    def check_in_first(self) -> None:
        for index in range(self.people.count()):
            item = self.people.item(index)
            if not item.isHidden():
                self._check_in_item(item)
                return
        self.feedback.setText(self.tr("Niemand gefunden – ggf. unten vor Ort anmelden."))

    def undo(self) -> None:
        if not self._undo:
            return
        registration_id = self._undo.pop()
        set_attendance(self._db, registration_id, None)
        self.feedback.setText(self.tr("Zurückgenommen."))
        self.reload()

    def add_walk_in(self) -> None:
        person = PersonInput(
            first_name=self.walk_in_first.text(),
            last_name=self.walk_in_last.text(),
            email=self.walk_in_email.text(),
        )
        try:
            registration_id = add_walk_in(self._db, self._event_id, person)
        except UserError as error:
            self.feedback.setText(str(error))
            return
        self._undo.append(registration_id)
        self.feedback.setText(
            self.tr("%1 ist vor Ort angemeldet und anwesend.").replace(
                "%1", f"{person.first_name} {person.last_name}".strip()
            )
        )
        for field in (self.walk_in_first, self.walk_in_last, self.walk_in_email):
            field.clear()
        self.reload()
        self.search.setFocus()

    def _check_in_item(self, item: QListWidgetItem) -> None:
        row: RegistrationRow = item.data(Qt.ItemDataRole.UserRole)
        if row.attended:
            self.feedback.setText(
                self.tr("%1 ist schon als anwesend eingetragen.").replace("%1", _name(row))
            )
        else:
            set_attendance(self._db, row.id, True)
            self._undo.append(row.id)
            self.feedback.setText(self.tr("✓ %1 ist anwesend.").replace("%1", _name(row)))
        self.search.clear()
        self.reload()

    def _filter(self, text: str) -> None:
        words = fold_german(text).split()
        self.people.clear()
        for row in sorted(self._rows, key=lambda r: (r.attended is True, fold_german(r.last_name))):
            haystack = fold_german(f"{row.first_name} {row.last_name} {row.organisation}")
            if words and not all(word in haystack for word in words):
                continue
            mark = "✓ " if row.attended else "○ "
            item = QListWidgetItem(f"{mark}{_name(row)}   {row.organisation}")
            item.setData(Qt.ItemDataRole.UserRole, row)
            if row.attended:
                item.setForeground(Qt.GlobalColor.darkGreen)
            self.people.addItem(item)


def _name(row: RegistrationRow) -> str:
    return f"{row.first_name} {row.last_name}".strip()
