"""Einlass at the door, by keyboard alone.

Type a few letters, Enter marks the best match present (or the one chosen with the
arrow keys); a green line confirms it with the name. Undo is a deliberate act of its
own (Strg+Z or its button), never the Enter key: no button of this dialog is a
default button. Walk-ins typed into the lower fields end registered and present.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
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
from patenbuero.io.names import german_sort_key
from patenbuero.services.core.database import Database
from patenbuero.services.registrations.attendance import add_walk_in, event_counts, set_attendance
from patenbuero.services.registrations.matching import haystack, match_rank, matches, query_words
from patenbuero.services.registrations.persons import PersonInput
from patenbuero.services.registrations.use_cases import RegistrationRow, list_registrations

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
OK_STYLE = "font-size: 13pt; font-weight: bold; color: #1b5e20; background: #e8f5e9; padding: 6px;"
NOTE_STYLE = (
    "font-size: 13pt; font-weight: bold; color: #7a4a00; background: #fff3e0; padding: 6px;"
)


class CheckInDialog(QDialog):
    def __init__(self, db: Database, event_id: int, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Einlass: %1").replace("%1", title))
        self.resize(640, 700)
        self._db, self._event_id = db, event_id
        self._rows: list[RegistrationRow] = []
        self._undo: list[tuple[int, str]] = []
        self.changed = False
        self.counter = QLabel()
        self.counter.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Name tippen – Enter = anwesend, Pfeiltasten = andere Person wählen")
        )
        self.search.setStyleSheet("font-size: 14pt; padding: 6px;")
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.people = QListWidget()
        self.people.setStyleSheet("font-size: 12pt;")
        self.people.itemActivated.connect(self._check_in_item)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setMinimumHeight(40)
        self.undo_button = QPushButton(self.tr("Letzte Eintragung zurücknehmen (Strg+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        self.walk_in_first = QLineEdit()
        self.walk_in_first.setPlaceholderText(self.tr("Vorname"))
        self.walk_in_last = QLineEdit()
        self.walk_in_last.setPlaceholderText(self.tr("Nachname"))
        self.walk_in_email = QLineEdit()
        self.walk_in_email.setPlaceholderText(self.tr("E-Mail (optional)"))
        self.walk_in_button = QPushButton(self.tr("Vor Ort anmelden und anwesend"))
        self.walk_in_button.clicked.connect(self.add_walk_in)
        walk_in = QHBoxLayout()
        for field in (self.walk_in_first, self.walk_in_last, self.walk_in_email):
            field.installEventFilter(self)
            walk_in.addWidget(field)
        walk_in.addWidget(self.walk_in_button)
        for button in (self.undo_button, self.walk_in_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.feedback)
        layout.addWidget(self.undo_button)
        layout.addWidget(QLabel(self.tr("<b>Ohne Anmeldung gekommen?</b> (Enter trägt ein)")))
        layout.addLayout(walk_in)
        self.reload()
        self.search.setFocus()

    # -- keyboard ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return True
        key = event.key()
        if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move_selection(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key in ENTER_KEYS:
            if watched is self.search:
                self.check_in_selected()
            else:
                self.add_walk_in()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QDialog would press a default button on Enter; at the door Enter only checks in.
        if event.key() in ENTER_KEYS:
            current = self.people.currentItem()
            if self.people.hasFocus() and current is not None:
                self._check_in_item(current)
            event.accept()
            return
        super().keyPressEvent(event)

    def _move_selection(self, step: int) -> None:
        if self.people.count() == 0:
            return
        row = max(0, min(self.people.count() - 1, self.people.currentRow() + step))
        self.people.setCurrentRow(row)

    # -- actions -------------------------------------------------------------------

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

    def check_in_selected(self) -> None:
        """Enter in the search field: the selected person, or else the best match."""
        if not self.search.text().strip():
            self._say(self.tr("Bitte zuerst einen Namen tippen."), ok=False)
            return
        item = self.people.currentItem() or self.people.item(0)
        if item is None:
            self._say(self.tr("Niemand gefunden – ggf. unten vor Ort anmelden."), ok=False)
            return
        self._check_in_item(item)

    def undo(self) -> None:
        if not self._undo:
            return
        registration_id, name = self._undo.pop()
        try:
            set_attendance(self._db, registration_id, None)
        except UserError as error:
            self._say(str(error), ok=False)
            return
        self.changed = True
        self._say(
            self.tr("Zurückgenommen: %1 ist nicht mehr als anwesend eingetragen.").replace(
                "%1", name
            ),
            ok=False,
        )
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
            self._say(str(error), ok=False)
            return
        self.changed = True
        name = " ".join(f"{person.first_name} {person.last_name}".split())
        self._undo.append((registration_id, name))
        self._say(self.tr("✓ %1 ist vor Ort angemeldet und anwesend.").replace("%1", name))
        for field in (self.walk_in_first, self.walk_in_last, self.walk_in_email):
            field.clear()
        self.search.clear()
        self.reload()
        self.search.setFocus()

    def _check_in_item(self, item: QListWidgetItem) -> None:
        row: RegistrationRow = item.data(Qt.ItemDataRole.UserRole)
        if row.attended:
            self._say(
                self.tr("%1 ist schon als anwesend eingetragen.").replace("%1", _name(row)),
                ok=False,
            )
        else:
            try:
                set_attendance(self._db, row.id, True)
            except UserError as error:
                self._say(str(error), ok=False)
                return
            self.changed = True
            self._undo.append((row.id, _name(row)))
            self._say(self.tr("✓ %1 ist anwesend.").replace("%1", _name(row)))
        self.search.clear()
        self.reload()
        self.search.setFocus()

    def _say(self, text: str, ok: bool = True) -> None:
        self.feedback.setText(text)
        self.feedback.setStyleSheet(OK_STYLE if ok else NOTE_STYLE)
        self.undo_button.setEnabled(bool(self._undo))

    def _filter(self, text: str) -> None:
        """Matches by the program's one search rule; not yet present and best matches first."""
        words = query_words(text)
        found = []
        for row in self._rows:
            text_ = haystack(row.first_name, row.last_name, row.latin_name, row.organisation)
            if matches(words, text_):
                rank = match_rank(words, text_) if words else 0
                found.append(((row.attended is True, rank, german_sort_key(row.last_name)), row))
        self.people.clear()
        for _key, row in sorted(found, key=lambda entry: entry[0]):
            mark = "✓ " if row.attended else "○ "
            latin = f" ({row.latin_name})" if row.latin_name else ""
            item = QListWidgetItem(f"{mark}{_name(row)}{latin}   {row.organisation}")
            item.setData(Qt.ItemDataRole.UserRole, row)
            if row.attended:
                item.setForeground(Qt.GlobalColor.darkGreen)
            self.people.addItem(item)
        if words and self.people.count():
            self.people.setCurrentRow(0)


def _name(row: RegistrationRow) -> str:
    return f"{row.first_name} {row.last_name}".strip()
