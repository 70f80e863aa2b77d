"""Register someone: find a known person as you type, or enter a new one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError, ValidationError
from patenbuero.services.core.database import Database
from patenbuero.services.registrations.booking import DeadlinePassedError
from patenbuero.services.registrations.persons import (
    PersonInput,
    PersonRow,
    likely_duplicates,
    search_persons,
)
from patenbuero.ui.registrations.person_form import PersonForm

Registrar = Callable[[PersonInput | int, bool], str]
"""Registers (person input or id, allow_late) and returns the message to show."""

Ask = Callable[[QWidget, str, str], bool]


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class RegisterDialog(QDialog):
    """Search first; the new-person form below is used when nobody is selected."""

    def __init__(
        self,
        db: Database,
        title: str,
        registrar: Registrar,
        parent: QWidget | None = None,
        ask: Ask = ask_yes_no,
        notice: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 560)
        self._db, self._registrar, self._ask = db, registrar, ask
        self.result_message = ""
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, E-Mail oder Organisation eingeben …"))
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(150)
        self.form = PersonForm()
        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setStyleSheet("color: #8a5a00;")
        self.duplicates.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Anmelden"))
        buttons.accepted.connect(self.register)
        buttons.rejected.connect(self.reject)

        known = QGroupBox(self.tr("Bekannte Person suchen"))
        known_layout = QVBoxLayout(known)
        known_layout.addWidget(self.search)
        known_layout.addWidget(self.matches)
        new = QGroupBox(self.tr("… oder neue Person erfassen"))
        new_layout = QVBoxLayout(new)
        new_layout.addWidget(self.form)
        new_layout.addWidget(self.duplicates)
        layout = QVBoxLayout(self)
        layout.addWidget(known)
        layout.addWidget(new)
        layout.addStretch(1)
        self.notice = QLabel(notice)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "color: #7a4a00; background: #fff3e0; font-weight: bold; padding: 6px;"
        )
        self.notice.setVisible(bool(notice))
        layout.addWidget(self.notice)
        layout.addWidget(buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.update_matches)
        self.search.textChanged.connect(self._search_timer.start)
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(300)
        self._duplicate_timer.timeout.connect(self.update_duplicates)
        self.form.name_changed.connect(self._duplicate_timer.start)
        self.form.name_changed.connect(self.matches.clearSelection)

    def update_matches(self) -> None:
        self.matches.clear()
        for row in search_persons(self._db, self.search.text()):
            details = " · ".join(p for p in (row.email, row.organisation) if p)
            item = QListWidgetItem(f"{row.full_name}  ({details})" if details else row.full_name)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.matches.addItem(item)
        if self.matches.count() == 1:
            self.matches.setCurrentRow(0)

    def update_duplicates(self) -> None:
        values = self.form.values()
        found = likely_duplicates(self._db, values.first_name, values.last_name, values.email)
        if not found:
            self.duplicates.hide()
            return
        self.duplicates.setText(_duplicate_text(self, found))
        self.duplicates.show()
        if not self.search.text():
            self.search.setText(values.last_name)
            self.update_matches()
            self.matches.clearSelection()

    def selected_person_id(self) -> int | None:
        item = self.matches.currentItem()
        if item is None or not item.isSelected():
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def register(self) -> None:
        person: PersonInput | int = self.selected_person_id() or self.form.values()
        try:
            self.result_message = self._registrar(person, False)
        except DeadlinePassedError as late:
            question = self.tr("%1\n\nTrotzdem anmelden?").replace("%1", str(late))
            if not self._ask(self, self.tr("Anmeldefrist abgelaufen"), question):
                return
            self.result_message = self._registrar(person, True)
        except ValidationError as error:
            self.form.show_error(str(error), error.field)
            return
        except UserError as error:
            self.form.show_error(str(error), None)
            return
        self.accept()


def _duplicate_text(widget: QWidget, found: list[PersonRow]) -> str:
    names = "; ".join(
        f"{row.full_name} ({row.email or widget.tr('ohne E-Mail')})" for row in found[:3]
    )
    return widget.tr(
        "Achtung, mögliche Dublette: %1. Ist es dieselbe Person, wählen Sie sie oben in der "
        "Suche aus; sonst wird eine neue Person angelegt."
    ).replace("%1", names)
