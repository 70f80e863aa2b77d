"""The form with every field of one member project; it knows when it has unsaved changes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core import field_checks
from patenbuero.services.projects.records import (
    FLYER_TEXT_LIMIT,
    Choice,
    ProjectDetail,
    ProjectInput,
)
from patenbuero.ui.common import prompts
from patenbuero.ui.common.conflict_dialog import default_text
from patenbuero.ui.common.widgets import ERROR_STYLE, CheckList, FieldBox, OptionalDateEdit
from patenbuero.ui.projects.logo import LOGO_FILTER, load_logo, thumbnail

_LINE_FIELDS = ("name", "time_commitment", "languages", "website", "email", "phone")
_TEXT_FIELDS = ("flyer_text", "portrait_text", "address", "notes")
_DATE_FIELDS = ("member_since", "left_on", "leitbild_signed_on")


# Form boxes whose input field has another name.
INPUT_FIELD_OF = {
    "target_groups": "target_group_ids",
    "districts": "district_ids",
    "logo": "logo_png",
}


class ProjectForm(QWidget):
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project_id: int | None = None
        self._loading = False
        self._dirty = False
        self._logo: bytes | None = None
        self._logo_replaced = False
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.lines = {key: QLineEdit(self) for key in _LINE_FIELDS}
        self.texts = {key: QPlainTextEdit(self) for key in _TEXT_FIELDS}
        self.dates = {key: OptionalDateEdit(self) for key in _DATE_FIELDS}
        self.organisation = QComboBox(self)
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor = self.organisation.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Träger wählen oder neu eintippen"))
        self.target_groups = CheckList(self)
        self.districts = CheckList(self)
        self.whole_city = QCheckBox(self.tr("ganz Halle (stadtweit)"), self)
        self.status = QComboBox(self)
        self.seeks = QCheckBox(self.tr("sucht derzeit Pat:innen"), self)
        self.flyer_counter = QLabel(self)
        self.logo_label = QLabel(self.tr("kein Logo"), self)
        self.logo_label.setFixedSize(110, 110)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_label.setStyleSheet("border: 1px solid #bbb; background: white; color: #777;")
        self.logo_button = QPushButton(self.tr("Logo wählen …"), self)
        self.logo_remove = QPushButton(self.tr("Logo entfernen"), self)
        self.logo_button.clicked.connect(self.choose_logo)
        self.logo_remove.clicked.connect(self.remove_logo)
        self.save_button = QPushButton(self.tr("Speichern"), self)
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Änderungen verwerfen"), self)
        self.left_button = QPushButton(self.tr("Als ausgeschieden markieren …"), self)
        self.delete_button = QPushButton(self.tr("Löschen …"), self)
        self._set_hints()
        self._boxes: dict[str, FieldBox] = {}
        # For the conflict dialog: the label of each input field, the names of the choices.
        self.field_labels: dict[str, str] = {}
        self._choice_names: dict[str, dict[int, str]] = {}
        self._statuses: dict[str, str] = {}
        self.base: ProjectInput | None = None  # the project as loaded, before any edit
        self._version: int | None = None
        self._build()
        self._connect()
        self.flyer_counter.setText(self._flyer_count_text())

    def _set_hints(self) -> None:
        self.lines["time_commitment"].setPlaceholderText(self.tr("z. B. 1× pro Woche, 2 Std."))
        self.lines["languages"].setPlaceholderText(self.tr("z. B. Deutsch, Arabisch, Ukrainisch"))
        self.lines["website"].setPlaceholderText("www.example.org")
        for key, limit in (
            ("name", field_checks.NAME_LIMIT),
            ("time_commitment", field_checks.NAME_LIMIT),
            ("languages", field_checks.NAME_LIMIT),
            ("website", field_checks.WEBSITE_LIMIT),
            ("email", field_checks.EMAIL_LIMIT),
            ("phone", field_checks.PHONE_LIMIT),
        ):
            self.lines[key].setMaxLength(limit)
        for key, height in (("flyer_text", 70), ("portrait_text", 110), ("address", 52)):
            self.texts[key].setFixedHeight(height)
        self.texts["notes"].setFixedHeight(70)
        for checklist in (self.target_groups, self.districts):
            checklist.setFixedHeight(120)

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def add(label: str, key: str, widget: QWidget) -> None:
            box = FieldBox(widget)
            self._boxes[key] = box
            form.addRow(label, box)
            field = INPUT_FIELD_OF.get(key, key)
            self.field_labels[field] = label.rstrip(":*")
            if key == "districts":
                self.field_labels["serves_whole_city"] = self.tr("ganz Halle")

        add(self.tr("Name*:"), "name", self.lines["name"])
        add(self.tr("Träger:"), "organisation_name", self.organisation)
        add(self.tr("Zielgruppen:"), "target_groups", self.target_groups)
        districts = QWidget(self)
        district_layout = QVBoxLayout(districts)
        district_layout.setContentsMargins(0, 0, 0, 0)
        district_layout.addWidget(self.whole_city)
        district_layout.addWidget(self.districts)
        add(self.tr("Stadtteile:"), "districts", districts)
        add(self.tr("Status:"), "status", self.status)
        add(self.tr("Mitglied seit:"), "member_since", self.dates["member_since"])
        add(self.tr("Ausgeschieden am:"), "left_on", self.dates["left_on"])
        add(self.tr("Leitbild angenommen:"), "leitbild_signed_on", self.dates["leitbild_signed_on"])
        add(self.tr("Pat:innen:"), "seeks_volunteers", self.seeks)
        flyer = QWidget(self)
        flyer_layout = QVBoxLayout(flyer)
        flyer_layout.setContentsMargins(0, 0, 0, 0)
        flyer_layout.setSpacing(2)
        flyer_layout.addWidget(self.texts["flyer_text"])
        flyer_layout.addWidget(self.flyer_counter, 0, Qt.AlignmentFlag.AlignRight)
        add(self.tr("Flyertext:"), "flyer_text", flyer)
        add(self.tr("Porträt:"), "portrait_text", self.texts["portrait_text"])
        add(self.tr("Zeitaufwand:"), "time_commitment", self.lines["time_commitment"])
        add(self.tr("Sprachen:"), "languages", self.lines["languages"])
        add(self.tr("Website:"), "website", self.lines["website"])
        add(self.tr("E-Mail:"), "email", self.lines["email"])
        add(self.tr("Telefon:"), "phone", self.lines["phone"])
        add(self.tr("Adresse:"), "address", self.texts["address"])
        logo = QWidget(self)
        logo_layout = QHBoxLayout(logo)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        logo_layout.addWidget(self.logo_label)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.logo_button)
        logo_buttons.addWidget(self.logo_remove)
        logo_buttons.addStretch(1)
        logo_layout.addLayout(logo_buttons)
        logo_layout.addStretch(1)
        add(self.tr("Logo:"), "logo", logo)
        add(self.tr("Notizen:"), "notes", self.texts["notes"])

        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.title)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.scroll_area = scroll
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.left_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        for line in self.lines.values():
            line.textEdited.connect(self._touched)
        for text in self.texts.values():
            text.textChanged.connect(self._touched)
        for date in self.dates.values():
            date.dateChanged.connect(self._touched)
        self.organisation.editTextChanged.connect(self._touched)
        self.status.currentIndexChanged.connect(self._touched)
        self.status.currentIndexChanged.connect(self._update_left_date)
        for box in (self.whole_city, self.seeks):
            box.toggled.connect(self._touched)
        self.target_groups.changed.connect(self._touched)
        self.districts.changed.connect(self._touched)
        self.texts["flyer_text"].textChanged.connect(self._update_flyer_counter)

    def set_choices(
        self,
        target_groups: Sequence[Choice],
        districts: Sequence[Choice],
        organisations: Sequence[str],
        statuses: Sequence[tuple[str, str]],
    ) -> None:
        self._loading = True
        self._choice_names = {
            "target_group_ids": {choice.id: choice.name for choice in target_groups},
            "district_ids": {choice.id: choice.name for choice in districts},
        }
        self._statuses = dict(statuses)
        self.target_groups.set_choices(target_groups)
        self.districts.set_choices(districts)
        text = self.organisation.currentText()
        self.organisation.clear()
        self.organisation.addItem("")
        self.organisation.addItems(list(organisations))
        self.organisation.setEditText(text)
        if self.status.count() == 0:
            for value, label in statuses:
                self.status.addItem(label, value)
        self._loading = False

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def display_name(self) -> str:
        return self.lines["name"].text().strip() or self.tr("neues Projekt")

    def load(self, detail: ProjectDetail | None) -> None:
        """Show a project (or an empty form for a new one); clears the dirty mark."""
        self._loading = True
        self.clear_errors()
        self.project_id = detail.id if detail else None
        self._version = detail.version if detail else None
        if detail is None:
            self.base = None
        else:
            from patenbuero.services.projects.editing import input_from_detail

            self.base = input_from_detail(detail)
        for key, line in self.lines.items():
            line.setText(getattr(detail, key) if detail else "")
        for key, text in self.texts.items():
            text.setPlainText(getattr(detail, key) if detail else "")
        for key, date in self.dates.items():
            date.set_value(getattr(detail, key) if detail else None)
        self.organisation.setEditText(detail.organisation_name if detail else "")
        self.status.setCurrentIndex(max(0, self.status.findData(detail.status if detail else "")))
        self.whole_city.setChecked(bool(detail and detail.serves_whole_city))
        self.seeks.setChecked(bool(detail and detail.seeks_volunteers))
        self.target_groups.set_checked(detail.target_group_ids if detail else ())
        self.districts.set_checked(detail.district_ids if detail else ())
        self._logo, self._logo_replaced = (detail.logo_png if detail else None), False
        self._show_logo()
        self.title.setText(detail.name if detail else self.tr("Neues Mitgliedsprojekt"))
        self.left_button.setEnabled(detail is not None and detail.status != "left")
        self.delete_button.setEnabled(detail is not None)
        self._update_left_date()
        self._loading = False
        self._set_dirty(False)

    def values(self) -> ProjectInput:
        return ProjectInput(
            name=self.lines["name"].text(),
            organisation_name=self.organisation.currentText(),
            target_group_ids=self.target_groups.checked_ids(),
            district_ids=self.districts.checked_ids(),
            serves_whole_city=self.whole_city.isChecked(),
            status=str(self.status.currentData() or "active"),
            member_since=self.dates["member_since"].value(),
            left_on=self.dates["left_on"].value(),
            leitbild_signed_on=self.dates["leitbild_signed_on"].value(),
            flyer_text=self.texts["flyer_text"].toPlainText(),
            portrait_text=self.texts["portrait_text"].toPlainText(),
            time_commitment=self.lines["time_commitment"].text(),
            languages=self.lines["languages"].text(),
            website=self.lines["website"].text(),
            email=self.lines["email"].text(),
            phone=self.lines["phone"].text(),
            address=self.texts["address"].toPlainText(),
            notes=self.texts["notes"].toPlainText(),
            seeks_volunteers=self.seeks.isChecked(),
            logo_png=self._logo,
            replace_logo=self._logo_replaced,
            expected_version=self._version,
        )

    def show_value(self, field: str, value: object) -> str:
        """A field's value as the conflict dialog shows it."""
        if field in self._choice_names:
            names = self._choice_names[field]
            return ", ".join(names.get(int(i), "?") for i in value) or "–"  # type: ignore[attr-defined]
        if field == "status":
            return self._statuses.get(str(value), str(value))
        if field == "logo_png":
            return self.tr("Bild (%1 KB)").replace("%1", str(len(value) // 1024)) if value else "–"  # type: ignore[arg-type]
        return default_text(value)

    def show_error(self, field: str | None, message: str) -> None:
        """Mark the field and show the message beneath it (the name field if unknown)."""
        box = self._boxes.get(field or "", self._boxes["name"])
        box.show_error(message)
        self.scroll_area.ensureWidgetVisible(box)
        box.widget.setFocus()

    def clear_errors(self) -> None:
        for box in self._boxes.values():
            box.clear_error()

    def error_text(self, field: str) -> str:
        box = self._boxes[field]
        return box.error.text() if box.error.isVisibleTo(self) else ""

    def set_logo_from_file(self, path: str) -> None:
        try:
            self._logo = load_logo(path)
        except UserError as error:
            self.show_error("logo", error.message)
            return
        self._boxes["logo"].clear_error()
        self._logo_replaced = True
        self._show_logo()
        self._touched()

    def choose_logo(self) -> None:
        path = prompts.open_file(self, self.tr("Logo wählen"), LOGO_FILTER)
        if path:
            self.set_logo_from_file(path)

    def remove_logo(self) -> None:
        self._logo, self._logo_replaced = None, True
        self._show_logo()
        self._touched()

    def has_logo(self) -> bool:
        return not self.logo_label.pixmap().isNull()

    def _show_logo(self) -> None:
        pixmap = thumbnail(self._logo, 100)
        self.logo_label.setPixmap(pixmap)
        if pixmap.isNull():
            self.logo_label.setText(self.tr("kein Logo"))
        self.logo_remove.setEnabled(self._logo is not None)

    def _touched(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _update_left_date(self, *_args: object) -> None:
        self.dates["left_on"].setEnabled(self.status.currentData() == "left")

    def _flyer_count_text(self) -> str:
        length = len(self.texts["flyer_text"].toPlainText().strip())
        return (
            self.tr("%1 von %2 Zeichen")
            .replace("%1", str(length))
            .replace("%2", str(FLYER_TEXT_LIMIT))
        )

    def _update_flyer_counter(self) -> None:
        length = len(self.texts["flyer_text"].toPlainText().strip())
        self.flyer_counter.setText(self._flyer_count_text())
        self.flyer_counter.setStyleSheet(ERROR_STYLE if length > FLYER_TEXT_LIMIT else "")
