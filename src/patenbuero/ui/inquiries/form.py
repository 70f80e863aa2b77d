"""The form with every field of one inquiry; it knows when it has unsaved changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
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

from patenbuero.services.core import field_checks
from patenbuero.services.inquiries.use_cases import (
    InquiryDetail,
    InquiryInput,
    channel_choices,
    input_from_detail,
)
from patenbuero.services.projects.records import Choice
from patenbuero.ui.common.conflict_dialog import default_text
from patenbuero.ui.common.formatting import format_date
from patenbuero.ui.common.reference_choices import fill_choice_combo, offer_retired_only_if_chosen
from patenbuero.ui.common.widgets import FieldBox, OptionalDateEdit


class InquiryForm(QWidget):
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inquiry_id: int | None = None
        # As loaded: the version a save starts from and the base of a conflict.
        self.base: InquiryInput | None = None
        self.loaded: InquiryDetail | None = None  # what load() showed last
        self.status_value = "open"
        self._loading = False
        self._dirty = False
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.kind = QComboBox(self)
        self.channel = QComboBox(self)
        self.channel.setToolTip(self.tr("Wie kam die Anfrage? (für den Sachbericht)"))
        for value, label in channel_choices():
            self.channel.addItem(label, value)
        self.received_on = OptionalDateEdit(self)
        self.name = QLineEdit(self)
        self.email = QLineEdit(self)
        self.email.setPlaceholderText("name@example.org")
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText("0345 1234567")
        self.name.setMaxLength(field_checks.NAME_LIMIT)
        self.email.setMaxLength(field_checks.EMAIL_LIMIT)
        self.phone.setMaxLength(field_checks.PHONE_LIMIT)
        self.target_group = QComboBox(self)
        self.district = QComboBox(self)
        self.message = QPlainTextEdit(self)
        self.message.setPlaceholderText(self.tr("Was die Person geschrieben oder erzählt hat"))
        self.pass_on = QCheckBox(self.tr("einverstanden"))
        self.consent_source = QComboBox(self)
        self.consent_source.addItems(["Webformular", "Papier", "E-Mail", "mündlich"])
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(self.tr("Interne Notizen des Büros"))
        self.message.setFixedHeight(110)
        self.notes.setFixedHeight(70)
        self.status = QComboBox(self)
        self.save_button = QPushButton(self.tr("Speichern"), self)
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Änderungen verwerfen"), self)
        self.close_button = QPushButton(self.tr("Als erledigt markieren"), self)
        self.reopen_button = QPushButton(self.tr("Wieder öffnen"), self)
        self._boxes: dict[str, FieldBox] = {}
        self._build()
        self._connect()

    def _build(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        def add(label: str, key: str, widget: QWidget) -> None:
            box = FieldBox(widget, self)
            self._boxes[key] = box
            form.addRow(label, box)

        add(self.tr("Anliegen:"), "kind", self.kind)
        add(self.tr("Eingang am:"), "received_on", self.received_on)
        add(self.tr("Eingegangen über:"), "channel", self.channel)
        add(self.tr("Name:"), "name", self.name)
        add(self.tr("E-Mail:"), "email", self.email)
        add(self.tr("Telefon:"), "phone", self.phone)
        add(self.tr("Zielgruppe:"), "target_group", self.target_group)
        add(self.tr("Stadtteil:"), "district", self.district)
        add(self.tr("Nachricht:"), "message", self.message)
        add(self.tr("Notizen:"), "notes", self.notes)
        pass_on = QWidget(self)
        pass_on_layout = QHBoxLayout(pass_on)
        pass_on_layout.setContentsMargins(0, 0, 0, 0)
        pass_on_layout.addWidget(self.pass_on)
        pass_on_layout.addWidget(self.consent_source)
        pass_on_layout.addStretch(1)
        self.pass_on.setToolTip(
            self.tr("Die Person ist einverstanden, dass wir Name und Kontakt an Projekte geben.")
        )
        add(self.tr("Weitergabe an Projekte:"), "pass_on", pass_on)
        add(self.tr("Status:"), "status", self.status)
        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.title)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(inner)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        for line in (self.name, self.email, self.phone):
            line.textEdited.connect(self._touched)
        for text in (self.message, self.notes):
            text.textChanged.connect(self._touched)
        self.received_on.dateChanged.connect(self._touched)
        for combo in (self.kind, self.channel, self.target_group, self.district, self.status):
            combo.currentIndexChanged.connect(self._touched)
        self.pass_on.toggled.connect(self._touched)

    def set_choices(
        self,
        kinds: Sequence[tuple[str, str]],
        statuses: Sequence[tuple[str, str]],
        target_groups: Sequence[Choice],
        districts: Sequence[Choice],
    ) -> None:
        """Fill the lists to choose from; keeps what is chosen and the dirty mark."""
        self._loading = True
        if self.kind.count() == 0:
            for value, label in kinds:
                self.kind.addItem(label, value)
            for value, label in statuses:
                self.status.addItem(label, value)
        fill_choice_combo(self.target_group, target_groups, self.tr("– keine Angabe –"))
        fill_choice_combo(self.district, districts, self.tr("– keine Angabe –"))
        self._loading = False

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def display_name(self) -> str:
        return self.name.text().strip() or self.tr("neue Anfrage")

    def load(self, detail: InquiryDetail | None, today: dt.date | None = None) -> None:
        """Show an inquiry, or an empty form received ``today``; clears the dirty mark."""
        self._loading = True
        self.clear_errors()
        self.inquiry_id = detail.id if detail else None
        self.loaded = detail
        self.base = input_from_detail(detail) if detail else None
        self.status_value = detail.status if detail else "open"
        self.name.setText(detail.name if detail else "")
        self.email.setText(detail.email if detail else "")
        self.phone.setText(detail.phone if detail else "")
        self.message.setPlainText(detail.message if detail else "")
        self.notes.setPlainText(detail.notes if detail else "")
        self.pass_on.setChecked(bool(detail and detail.pass_on_consent))
        self.received_on.set_value(detail.received_on if detail else today)
        self._choose(self.kind, detail.kind if detail else "become_volunteer")
        self._choose(self.channel, detail.channel if detail else "unknown")
        self._choose(self.status, self.status_value)
        self._choose(self.target_group, detail.target_group_id if detail else None)
        self._choose(self.district, detail.district_id if detail else None)
        offer_retired_only_if_chosen(self.target_group)
        offer_retired_only_if_chosen(self.district)
        if detail is None:
            self.title.setText(self.tr("Neue Anfrage"))
        else:
            self.title.setText(
                self.tr("%1 – eingegangen am %2")
                .replace("%1", detail.name)
                .replace("%2", format_date(detail.received_on))
            )
        self.close_button.setVisible(detail is not None and detail.status != "closed")
        self.reopen_button.setVisible(detail is not None and detail.status == "closed")
        self._loading = False
        self._set_dirty(False)

    def values(self) -> InquiryInput:
        return InquiryInput(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            received_on=self.received_on.value(),
            email=self.email.text(),
            phone=self.phone.text(),
            message=self.message.toPlainText(),
            target_group_id=self.target_group.currentData(),
            district_id=self.district.currentData(),
            notes=self.notes.toPlainText(),
            status=str(self.status.currentData() or "open"),
            channel=str(self.channel.currentData() or "unknown"),
            pass_on_consent=self.pass_on.isChecked(),
            consent_source=self.consent_source.currentText(),
            expected_version=self.base.expected_version if self.base else None,
        )

    def field_labels(self) -> dict[str, str]:
        """For the conflict dialog: the label of each field."""
        return {
            "kind": self.tr("Anliegen"),
            "received_on": self.tr("Eingang am"),
            "channel": self.tr("Eingegangen über"),
            "name": self.tr("Name"),
            "email": self.tr("E-Mail"),
            "phone": self.tr("Telefon"),
            "target_group_id": self.tr("Zielgruppe"),
            "district_id": self.tr("Stadtteil"),
            "message": self.tr("Nachricht"),
            "notes": self.tr("Notizen"),
            "pass_on_consent": self.tr("Weitergabe an Projekte"),
            "status": self.tr("Status"),
        }

    def show_value(self, field: str, value: object) -> str:
        """A field's value as the conflict dialog shows it (labels, not stored keys)."""
        combos = {
            "kind": self.kind,
            "channel": self.channel,
            "status": self.status,
            "target_group_id": self.target_group,
            "district_id": self.district,
        }
        combo = combos.get(field)
        if combo is not None:
            index = combo.findData(value)
            return combo.itemText(index) if index >= 0 else default_text(value)
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

    def _choose(self, combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _touched(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
