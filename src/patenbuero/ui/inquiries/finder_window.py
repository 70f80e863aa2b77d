"""Projektfinder: a full-screen mode for the info stand, by touch and by keyboard.

The visitor picks interests, sees fitting active projects, gets a printed handout
and may leave contact details with consent. Every visitor starts from a clean
screen; leaving the mode needs Ctrl+Umschalt+Q and a confirmation by staff.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.inquiries.finder import (
    FinderChoice,
    FinderProject,
    Visitor,
    find_projects,
    finder_options,
    handout_pdf,
    record_visit,
)
from patenbuero.ui.printing.printer_output import print_pdf

TOUCH = 64  # px: well above the 48 px a finger needs
LEAVE_KEYS = "Ctrl+Shift+Q"
STYLE = """
QWidget { font-size: 20px; }
QLabel#title { font-size: 34px; font-weight: bold; color: #1D5C6E; }
QPushButton { min-height: 64px; padding: 6px 18px; border-radius: 10px;
              border: 2px solid #1D5C6E; background: white; }
QPushButton:checked { background: #1D5C6E; color: white; }
QPushButton:focus { border: 4px solid #E07A2E; }
QPushButton#primary { background: #E07A2E; color: white; border-color: #E07A2E; }
QComboBox, QLineEdit { min-height: 56px; }
QCheckBox::indicator { width: 40px; height: 40px; }
QFrame#card { border: 2px solid #D5DDE1; border-radius: 12px; background: white; }
QLabel#seeks { background: #E07A2E; color: white; border-radius: 8px; padding: 2px 10px; }
"""


def _confirm_leave(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        parent.tr("Projektfinder beenden"),
        parent.tr("Den Projektfinder beenden und zum Programm zurückkehren?"),
    )
    return answer == QMessageBox.StandardButton.Yes


def _print(data: bytes) -> int:
    """Print to this computer's default printer (no network needed)."""
    return print_pdf(data, QPrinter(QPrinter.PrinterMode.HighResolution))


class ProjectFinder(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Projektfinder"))
        self.setStyleSheet(STYLE)
        self._db = db
        self._leaving = False
        self.confirm_leave: Callable[[QWidget], bool] = _confirm_leave
        self.printer: Callable[[bytes], int] = _print
        self.projects: list[FinderProject] = []
        options = finder_options(db)
        self.pages = QStackedWidget(self)
        self.group_buttons = self._toggles(options.target_groups, exclusive=False)
        self.language_buttons = self._toggles(tuple(enumerate(options.languages)), exclusive=False)
        self.time_buttons = self._toggles(tuple(enumerate(options.times)), exclusive=True)
        self._languages = options.languages
        self._times = options.times
        self.district = QComboBox(self)
        self.district.addItem(self.tr("egal / ganz Halle"), None)
        for district_id, name in options.districts:
            self.district.addItem(name, district_id)
        self.show_button = self._button(self.tr("Projekte zeigen  →"), primary=True)
        self.result_title = QLabel(self)
        self.result_list = QVBoxLayout()
        self.print_button = self._button(self.tr("Handzettel drucken"), primary=True)
        self.contact_button = self._button(self.tr("Bitte meldet euch bei mir"))
        self.back_button = self._button(self.tr("←  Auswahl ändern"))
        self.name = QLineEdit(self)
        self.email = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.consent = QCheckBox(self.tr("Ja, ich bin einverstanden."), self)
        self.privacy = QLabel(self)
        self.privacy.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #B00020;")
        self.send_button = self._button(self.tr("Absenden"), primary=True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.restart_buttons = [self._button(self.tr("Neu beginnen")) for _ in range(3)]
        self._build(options.target_groups, options.languages, options.times)
        self.show_button.clicked.connect(self.show_projects)
        self.print_button.clicked.connect(self.print_handout)
        self.contact_button.clicked.connect(lambda: self._go(2, self.name))
        self.back_button.clicked.connect(lambda: self._go(0, None))
        self.send_button.clicked.connect(self.send_contact)
        self.consent.toggled.connect(lambda _on: self.error.clear())
        for button in self.restart_buttons:
            button.clicked.connect(self.reset)
        leave = QShortcut(QKeySequence(LEAVE_KEYS), self)
        leave.setContext(Qt.ShortcutContext.WindowShortcut)
        leave.activated.connect(self.leave)
        self.reset()

    # --- building -----------------------------------------------------------------

    def _button(self, text: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(TOUCH)
        button.setAutoDefault(True)
        if primary:
            button.setObjectName("primary")
        return button

    def _toggles(self, items: tuple[tuple[int, str], ...], *, exclusive: bool) -> QButtonGroup:
        group = QButtonGroup(self)
        group.setExclusive(False)
        for key, text in items:
            button = self._button(text)
            button.setCheckable(True)
            group.addButton(button, key)
        if exclusive:  # one choice or none: clicking the chosen one again clears it
            group.buttonToggled.connect(lambda button, on: on and self._only(group, button))
        return group

    @staticmethod
    def _only(group: QButtonGroup, chosen: QAbstractButton) -> None:
        for button in group.buttons():
            if button is not chosen:
                button.setChecked(False)

    def _grid(self, group: QButtonGroup, columns: int = 3) -> QGridLayout:
        grid = QGridLayout()
        for number, button in enumerate(group.buttons()):
            grid.addWidget(button, number // columns, number % columns)
        return grid

    def _title(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("title")
        label.setWordWrap(True)
        return label

    def _build(self, groups: object, languages: object, times: object) -> None:
        choose = QWidget()
        layout = QVBoxLayout(choose)
        layout.addWidget(self._title(self.tr("Welche Patenschaft passt zu Ihnen?")))
        layout.addWidget(QLabel(self.tr("Für wen möchten Sie da sein?")))
        layout.addLayout(self._grid(self.group_buttons))
        form = QFormLayout()
        form.addRow(self.tr("Wo in Halle?"), self.district)
        layout.addLayout(form)
        if self.language_buttons.buttons():
            layout.addWidget(QLabel(self.tr("Welche Sprachen sprechen Sie außer Deutsch?")))
            layout.addLayout(self._grid(self.language_buttons, 4))
        if self.time_buttons.buttons():
            layout.addWidget(QLabel(self.tr("Wie viel Zeit haben Sie?")))
            layout.addLayout(self._grid(self.time_buttons, 3))
        layout.addStretch(1)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.addWidget(self.result_title)
        self.result_title.setObjectName("title")
        inner = QWidget()
        inner.setLayout(self.result_list)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        results_layout.addWidget(scroll, 1)
        results_layout.addWidget(self.message)
        results_layout.addLayout(
            self._bar(self.back_button, self.contact_button, self.print_button)
        )
        contact = QWidget()
        contact_layout = QVBoxLayout(contact)
        contact_layout.addWidget(self._title(self.tr("Sollen wir uns bei Ihnen melden?")))
        contact_form = QFormLayout()
        contact_form.addRow(self.tr("Name:"), self.name)
        contact_form.addRow(self.tr("E-Mail:"), self.email)
        contact_form.addRow(self.tr("Telefon:"), self.phone)
        contact_layout.addLayout(contact_form)
        contact_layout.addWidget(self.privacy)
        contact_layout.addWidget(self.consent)
        contact_layout.addWidget(self.error)
        contact_layout.addStretch(1)
        contact_layout.addLayout(self._bar(self.restart_buttons[1], self.send_button))
        thanks = QWidget()
        thanks_layout = QVBoxLayout(thanks)
        thanks_layout.addWidget(self._title(self.tr("Danke! Wir melden uns bei Ihnen.")))
        thanks_layout.addStretch(1)
        thanks_layout.addLayout(self._bar(self.restart_buttons[2]))
        choose_scroll = QScrollArea()
        choose_scroll.setWidgetResizable(True)
        choose_scroll.setFrameShape(QFrame.Shape.NoFrame)
        choose_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        choose_scroll.setWidget(choose)
        choose_page = QWidget()
        choose_layout = QVBoxLayout(choose_page)
        choose_layout.setContentsMargins(0, 0, 0, 0)
        choose_layout.addWidget(choose_scroll, 1)
        choose_layout.addLayout(self._bar(self.restart_buttons[0], self.show_button))
        for page in (choose_page, results, contact, thanks):
            self.pages.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 30)
        outer.addWidget(self.pages)

    @staticmethod
    def _bar(*buttons: QPushButton) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(buttons[0])
        bar.addStretch(1)
        for button in buttons[1:]:
            bar.addWidget(button)
        return bar

    # --- the visitor's steps ------------------------------------------------------

    def choice(self) -> FinderChoice:
        languages = [b for b in self.language_buttons.buttons() if b.isChecked()]
        times = [b for b in self.time_buttons.buttons() if b.isChecked()]
        return FinderChoice(
            target_group_ids=tuple(
                self.group_buttons.id(b) for b in self.group_buttons.buttons() if b.isChecked()
            ),
            district_id=self.district.currentData(),
            languages=tuple(self._languages[self.language_buttons.id(b)] for b in languages),
            time=self._times[self.time_buttons.id(times[0])] if times else "",
        )

    def show_projects(self) -> None:
        self.projects = find_projects(self._db, self.choice())
        while self.result_list.count():
            item = self.result_list.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for project in self.projects:
            self.result_list.addWidget(self._card(project))
        self.result_list.addStretch(1)
        count = len(self.projects)
        self.result_title.setText(
            self.tr("%1 Projekte passen zu Ihnen").replace("%1", str(count))
            if count != 1
            else self.tr("Ein Projekt passt zu Ihnen")
        )
        if not count:
            self.result_title.setText(self.tr("Gerade passt kein Projekt – sprechen Sie uns an!"))
        self.print_button.setEnabled(bool(count))
        self.message.clear()
        self._go(1, self.print_button if count else self.back_button)

    def _card(self, project: FinderProject) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        layout = QHBoxLayout(card)
        logo = QLabel()
        logo.setFixedSize(120, 120)
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap()
        if project.logo and pixmap.loadFromData(project.logo):
            logo.setPixmap(pixmap.scaled(112, 112, Qt.AspectRatioMode.KeepAspectRatio))
        layout.addWidget(logo)
        text = QVBoxLayout()
        head = QHBoxLayout()
        name = QLabel(f"<b>{project.name}</b>")
        name.setTextFormat(Qt.TextFormat.RichText)
        head.addWidget(name)
        if project.seeks_volunteers:
            seeks = QLabel(self.tr("sucht Pat:innen"))
            seeks.setObjectName("seeks")
            head.addWidget(seeks)
        head.addStretch(1)
        text.addLayout(head)
        flyer = QLabel(project.flyer_text)
        flyer.setWordWrap(True)
        text.addWidget(flyer)
        facts = " · ".join(p for p in (project.target_groups, project.districts) if p)
        if project.time_commitment:
            facts += f" · {project.time_commitment}"
        detail = QLabel(facts)
        detail.setStyleSheet("color: #5B6770; font-size: 16px;")
        detail.setWordWrap(True)
        text.addWidget(detail)
        layout.addLayout(text, 1)
        return card

    def print_handout(self) -> None:
        try:
            pages = self.printer(handout_pdf(self._db, self.choice(), self.projects))
        except (UserError, OSError):
            self.message.setText(
                self.tr("Der Drucker ist gerade nicht bereit – bitte fragen Sie uns.")
            )
            return
        if pages:
            self.message.setText(self.tr("Ihr Handzettel wird gedruckt."))

    def send_contact(self) -> None:
        self.error.clear()
        visitor = Visitor(self.name.text(), self.email.text(), self.phone.text())
        try:
            record_visit(
                self._db,
                self.choice(),
                visitor,
                [p.name for p in self.projects],
                consent=self.consent.isChecked(),
            )
        except UserError as error:
            self.error.setText(error.message)
            return
        self._go(3, self.restart_buttons[2])

    def reset(self) -> None:
        """A clean screen for the next visitor: nothing of the last one stays visible."""
        for group in (self.group_buttons, self.language_buttons, self.time_buttons):
            for button in group.buttons():
                button.setChecked(False)
        self.district.setCurrentIndex(0)
        for field in (self.name, self.email, self.phone):
            field.clear()
        self.consent.setChecked(False)
        self.error.clear()
        self.message.clear()
        self.projects = []
        texts = load_texts(self._db)
        self.privacy.setText(
            self.tr(
                "Wir speichern Ihren Namen, Ihre Kontaktdaten und Ihre Auswahl, um Sie mit "
                "einem passenden Projekt in Verbindung zu bringen, und geben sie dafür an "
                "dieses Projekt weiter. Sie können das jederzeit widerrufen."
            )
            + (f"\n{texts.privacy_note}" if texts.privacy_note else "")
        )
        buttons = self.group_buttons.buttons()
        self._go(0, buttons[0] if buttons else self.show_button)

    def _go(self, page: int, focus: QWidget | None) -> None:
        self.pages.setCurrentIndex(page)
        if focus is not None:
            focus.setFocus()

    # --- staff only -----------------------------------------------------------------

    def leave(self) -> None:
        if self.confirm_leave(self):
            self._leaving = True
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._leaving:
            super().closeEvent(event)
        else:  # a visitor's Alt+F4 does nothing
            event.ignore()
