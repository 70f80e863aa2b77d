"""The „Angaben“ page of the event dialog: every field of an event, and live conflicts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.core import field_checks, labels
from patenbuero.services.core.funders import Funding
from patenbuero.services.plan.events import EventInput
from patenbuero.services.plan.use_cases import PlanChoices
from patenbuero.ui.common.funding import FundingFields
from patenbuero.ui.common.reference_choices import fill_kind_combo
from patenbuero.ui.plan.common import (
    FieldErrors,
    date_edit,
    date_of,
    select_data,
    set_date,
    time_edit,
    time_of,
)

NO_LIMIT = 0


class EventForm(QWidget):
    """Fields of one event; ``when_changed`` fires when date or time change."""

    when_changed = Signal()

    def __init__(self, choices: PlanChoices, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(parent)
        self._choices = choices
        self.title = QLineEdit()
        self.kind = QComboBox()
        fill_kind_combo(self.kind, choices.kinds, None)
        self.status = QComboBox()
        for status, status_text in labels.EVENT_STATUS.items():
            self.status.addItem(status_text, status.value)
        self.all_day = QCheckBox(self.tr("ganztägig"))
        self.start_date, self.start_time = date_edit(), time_edit()
        self.end_date, self.end_time = date_edit(), time_edit()
        for edit in (self.start_date, self.start_time, self.end_date, self.end_time):
            edit.dateTimeChanged.connect(lambda *_: self.when_changed.emit())
        self._last_start = self.starts_at()
        self.start_date.dateChanged.connect(self._follow_start)
        self.start_time.timeChanged.connect(self._follow_start)
        self.all_day.toggled.connect(self._on_all_day)
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("z. B. Stadtbibliothek Halle, Foyer"))
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText(self.tr("Straße, PLZ Ort"))
        self.address.setMaximumHeight(52)
        self.online_url = QLineEdit()
        self.online_url.setPlaceholderText("https://…")
        self.speaker = QLineEdit()
        for line, limit in (
            (self.title, field_checks.NAME_LIMIT),
            (self.location, field_checks.NAME_LIMIT),
            (self.online_url, field_checks.URL_LIMIT),
            (self.speaker, field_checks.NAME_LIMIT),
        ):
            line.setMaxLength(limit)
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(90)

        self.project = QComboBox()
        self.project.addItem(self.tr("Koordinierungsstelle"), None)
        for choice in choices.projects:
            self.project.addItem(choice.name, choice.id)
        self.project.currentIndexChanged.connect(self._fill_contacts)
        self.contact = QComboBox()
        self.capacity = QSpinBox()
        self.capacity.setRange(NO_LIMIT, 9999)
        self.capacity.setSpecialValueText(self.tr("ohne Begrenzung"))
        self.has_deadline = QCheckBox(self.tr("Anmeldung bis"))
        self.deadline = date_edit()
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.series = QComboBox()
        self.series.addItem(self.tr("keine"), None)
        for choice in choices.series:
            self.series.addItem(choice.name, choice.id)
        self.module_number = QSpinBox()
        self.module_number.setRange(1, 20)
        self.module_number.setPrefix(self.tr("Modul "))
        self.series.currentIndexChanged.connect(self._on_series)

        start_row, end_row = QHBoxLayout(), QHBoxLayout()
        start_row.addWidget(self.start_date)
        start_row.addWidget(self.start_time)
        start_row.addWidget(self.all_day)
        end_row.addWidget(self.end_date)
        end_row.addWidget(self.end_time)
        end_row.addStretch(1)
        basics = QFormLayout()
        errors.add_row(basics, self.tr("Titel"), self.title, "title")
        errors.add_row(basics, self.tr("Art"), self.kind, "kind")
        errors.add_row(basics, self.tr("Status"), self.status, "status")
        errors.add_row(basics, self.tr("Beginn"), _row_widget(start_row), "starts_at")
        errors.add_row(basics, self.tr("Ende"), _row_widget(end_row), "ends_at")
        basics.addRow(self.tr("Hinweise"), self.conflicts)
        errors.add_row(basics, self.tr("Ort"), self.location, "location")
        basics.addRow(self.tr("Anschrift"), self.address)
        errors.add_row(basics, self.tr("Online-Link"), self.online_url, "online_url")

        right = QFormLayout()
        errors.add_row(right, self.tr("Verantwortlich"), self.project, "project")
        errors.add_row(right, self.tr("Ansprechperson"), self.contact, "contact")
        errors.add_row(right, self.tr("Referent:in"), self.speaker, "speaker")
        errors.add_row(right, self.tr("Kapazität"), self.capacity, "capacity")
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline, 1)
        errors.add_row(
            right, self.tr("Anmeldefrist"), _row_widget(deadline_row), "registration_deadline"
        )
        errors.add_row(right, self.tr("Fortbildungsreihe"), self.series, "series")
        errors.add_row(right, self.tr("Modulnummer"), self.module_number, "module_number")
        right.addRow(self.tr("Beschreibung"), self.description)

        self.funding = FundingFields([(c.id, c.name) for c in choices.funders])
        self.internal_note = QPlainTextEdit()
        self.internal_note.setMaximumHeight(60)
        self.internal_note.setPlaceholderText(
            self.tr("Nur für das Büro – wird nie gedruckt oder verschickt.")
        )
        funding_form = QFormLayout()
        funding_form.addRow(self.funding)
        errors.add_row(funding_form, self.tr("Interne Notiz"), self.internal_note, "internal_note")
        funding_box = QGroupBox(self.tr("Förderung und interne Notiz"))
        funding_box.setLayout(funding_form)

        left_box = QGroupBox(self.tr("Was, wann, wo"))
        left_box.setLayout(basics)
        right_box = QGroupBox(self.tr("Verantwortung und Anmeldung"))
        right_box.setLayout(right)
        columns = QHBoxLayout()
        columns.addWidget(left_box, 1, Qt.AlignmentFlag.AlignTop)
        right_column = QVBoxLayout()
        right_column.addWidget(right_box)
        right_column.addWidget(funding_box)
        columns.addLayout(right_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addStretch(1)
        self._fill_contacts()
        self._on_series()

    # values ---------------------------------------------------------------
    def load(self, data: EventInput, *, new: bool = False) -> None:
        self.title.setText(data.title)
        fill_kind_combo(self.kind, self._choices.kinds, data.kind, new=new)
        select_data(self.status, data.status)
        self.all_day.setChecked(data.all_day)
        set_date(self.start_date, data.starts_at.date())
        self.start_time.setTime(QTime(data.starts_at.hour, data.starts_at.minute))
        set_date(self.end_date, data.ends_at.date())
        self.end_time.setTime(QTime(data.ends_at.hour, data.ends_at.minute))
        self.location.setText(data.location)
        self.address.setPlainText(data.address)
        self.online_url.setText(data.online_url)
        self.description.setPlainText(data.description)
        self.speaker.setText(data.speaker)
        select_data(self.project, data.responsible_project_id)
        self._fill_contacts()
        select_data(self.contact, data.responsible_contact_id)
        self.capacity.setValue(data.capacity or NO_LIMIT)
        self.has_deadline.setChecked(data.registration_deadline is not None)
        self.deadline.setEnabled(data.registration_deadline is not None)
        set_date(self.deadline, data.registration_deadline or data.starts_at.date())
        select_data(self.series, data.series_id)
        if data.module_number:
            self.module_number.setValue(data.module_number)
        self._on_series()
        self._last_start = self.starts_at()
        self.internal_note.setPlainText(data.internal_note)
        self.funding.load(
            Funding(data.funder_id, data.funding_measure, data.funding_code, data.teaching_units)
        )

    def values(self) -> EventInput:
        funding = self.funding.values()
        return EventInput(
            title=self.title.text(),
            kind=self.kind.currentData(),
            status=self.status.currentData(),
            starts_at=self.starts_at(),
            ends_at=self.ends_at(),
            all_day=self.all_day.isChecked(),
            location=self.location.text(),
            address=self.address.toPlainText(),
            online_url=self.online_url.text(),
            description=self.description.toPlainText(),
            speaker=self.speaker.text(),
            capacity=self.capacity.value() or None,
            registration_deadline=date_of(self.deadline) if self.has_deadline.isChecked() else None,
            responsible_project_id=self.project.currentData(),
            responsible_contact_id=self.contact.currentData(),
            series_id=self.series.currentData(),
            module_number=self.module_number.value() if self.series.currentData() else None,
            internal_note=self.internal_note.toPlainText(),
            funder_id=funding.funder_id,
            funding_measure=funding.funding_measure,
            funding_code=funding.funding_code,
            teaching_units=funding.teaching_units,
        )

    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(date_of(self.start_date), time_of(self.start_time))

    def ends_at(self) -> dt.datetime:
        return dt.datetime.combine(date_of(self.end_date), time_of(self.end_time))

    def show_conflicts(self, messages: list[str]) -> None:
        if messages:
            self.conflicts.setStyleSheet("color: #b35c00;")
            self.conflicts.setText("\n".join(f"⚠ {m}" for m in messages))
        else:
            self.conflicts.setStyleSheet("color: #2e6b30;")
            self.conflicts.setText(
                self.tr("✓ Kein Feiertag, kein Wochenende, keine Überschneidung.")
            )

    # reactions ------------------------------------------------------------
    def _follow_start(self) -> None:
        """Moving the start moves the end by the same amount: the duration stays."""
        start = self.starts_at()
        delta, self._last_start = start - self._last_start, start
        if delta:
            end = self.ends_at() + delta
            set_date(self.end_date, end.date())
            self.end_time.setTime(QTime(end.hour, end.minute))

    def _on_all_day(self, checked: bool) -> None:
        self.start_time.setEnabled(not checked)
        self.end_time.setEnabled(not checked)

    def _fill_contacts(self) -> None:
        project_id = self.project.currentData()
        current = self.contact.currentData()
        self.contact.clear()
        self.contact.addItem(self.tr("–"), None)
        for choice in self._choices.contacts:
            if project_id is None or choice.project_id == project_id:
                self.contact.addItem(choice.name, choice.id)
        select_data(self.contact, current)

    def _on_series(self) -> None:
        series_id = self.series.currentData()
        self.module_number.setEnabled(series_id is not None)
        size = next((c.size for c in self._choices.series if c.id == series_id), 20)
        self.module_number.setMaximum(max(size, 1))


def _row_widget(layout: QHBoxLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return widget
