"""Wiederkehrende Termine anlegen: rule on the left, the dates it makes on the right."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.core.plural import noun
from patenbuero.services.plan import recurrence
from patenbuero.services.plan.events import EventInput
from patenbuero.services.plan.recurrence import MONTHS, ORDINALS, WEEKDAYS, RecurrenceRule
from patenbuero.services.plan.use_cases import PlanChoices, plan_choices
from patenbuero.ui.common.formatting import format_weekday_date
from patenbuero.ui.common.reference_choices import fill_kind_combo
from patenbuero.ui.plan.common import FieldErrors, date_edit, date_of, time_edit, time_of

WARNING = "#b35c00"


class RecurrenceDialog(QDialog):
    def __init__(
        self,
        db: Database,
        year: int,
        *,
        choices: PlanChoices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.created_ids: list[int] = []
        choices = choices or plan_choices(db)
        self.setWindowTitle(self.tr("Wiederkehrende Termine anlegen"))
        self.errors = FieldErrors()
        self.title = QLineEdit(self.tr("Vernetzungstreffen"))
        self.kind = QComboBox()
        fill_kind_combo(self.kind, choices.kinds, None, new=True)
        self.location = QLineEdit()
        self.address = QLineEdit()
        self.online_url = QLineEdit()
        self.online_url.setPlaceholderText("https://…")
        self.project = QComboBox()
        self.project.addItem(self.tr("Koordinierungsstelle"), None)
        for choice in choices.projects:
            self.project.addItem(choice.name, choice.id)
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 9999)
        self.capacity.setSpecialValueText(self.tr("ohne Begrenzung"))

        self.frequency = QComboBox()
        self.frequency.addItem(self.tr("monatlich"), "monthly")
        self.frequency.addItem(self.tr("wöchentlich"), "weekly")
        self.week_of_month = QComboBox()
        for number, word in ORDINALS.items():
            self.week_of_month.addItem(self.tr("am %1").replace("%1", word), number)
        self.week_of_month.setCurrentIndex(1)
        self.weekday = QComboBox()
        for number, name in enumerate(WEEKDAYS):
            self.weekday.addItem(name, number)
        self.weekday.setCurrentIndex(2)
        self.interval = QSpinBox()
        self.interval.setRange(1, 52)
        self.interval.setPrefix(self.tr("alle "))
        self.months = [QCheckBox(name[:3] if len(name) > 4 else name) for name in MONTHS]
        month_grid = QGridLayout()
        for number, box in enumerate(self.months):
            box.setToolTip(MONTHS[number])
            box.setChecked(number + 1 in (3, 6, 9, 12))
            month_grid.addWidget(box, number // 6, number % 6)
        self.first_day = date_edit(dt.date(year, 1, 1))
        self.last_day = date_edit(dt.date(year, 12, 31))
        self.start_time = time_edit(dt.time(16))
        self.end_time = time_edit(dt.time(18))

        what = QFormLayout()
        self.errors.add_row(what, self.tr("Titel"), self.title, "title")
        what.addRow(self.tr("Art"), self.kind)
        what.addRow(self.tr("Ort"), self.location)
        what.addRow(self.tr("Anschrift"), self.address)
        self.errors.add_row(what, self.tr("Online-Link"), self.online_url, "online_url")
        what.addRow(self.tr("Verantwortlich"), self.project)
        what.addRow(self.tr("Kapazität"), self.capacity)
        rule = QFormLayout()
        day_row = QHBoxLayout()
        day_row.addWidget(self.week_of_month)
        day_row.addWidget(self.weekday)
        rule.addRow(self.tr("Wiederholung"), self.frequency)
        rule.addRow(self.tr("Tag"), day_row)
        rule.addRow(self.tr("Abstand"), self.interval)
        rule.addRow(self.tr("nur in den Monaten"), month_grid)
        span = QHBoxLayout()
        span.addWidget(self.first_day)
        span.addWidget(QLabel(self.tr("bis")))
        span.addWidget(self.last_day)
        rule.addRow(self.tr("Zeitraum"), span)
        times = QHBoxLayout()
        times.addWidget(self.start_time)
        times.addWidget(QLabel(self.tr("bis")))
        times.addWidget(self.end_time)
        times.addWidget(QLabel(self.tr("Uhr")))
        times.addStretch(1)
        rule.addRow(self.tr("Uhrzeit"), times)
        left = QVBoxLayout()
        for title, form in ((self.tr("Was und wo"), what), (self.tr("Regel"), rule)):
            group = QGroupBox(title)
            group.setLayout(form)
            left.addWidget(group)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.preview = QListWidget()
        self.preview.setWordWrap(True)
        self.preview.setSpacing(2)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>Diese Termine werden angelegt:</b>")))
        right.addWidget(self.summary)
        right.addWidget(self.preview, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            self.tr("Termine anlegen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.create_events)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.resize(1100, 640)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update_preview)
        for combo in (self.frequency, self.week_of_month, self.weekday):
            combo.currentIndexChanged.connect(self._on_change)
        self.interval.valueChanged.connect(self._on_change)
        for box in self.months:
            box.toggled.connect(self._on_change)
        for edit in (self.first_day, self.last_day, self.start_time, self.end_time):
            edit.dateTimeChanged.connect(self._on_change)
        self._on_change()
        self.update_preview()

    def rule(self) -> RecurrenceRule:
        return RecurrenceRule(
            first_day=date_of(self.first_day),
            last_day=date_of(self.last_day),
            start_time=time_of(self.start_time),
            end_time=time_of(self.end_time),
            weekday=self.weekday.currentData(),
            frequency=self.frequency.currentData(),
            week_of_month=self.week_of_month.currentData(),
            interval=self.interval.value(),
            months=tuple(n + 1 for n, box in enumerate(self.months) if box.isChecked()),
        )

    def template(self) -> EventInput:
        start = dt.datetime.combine(date_of(self.first_day), time_of(self.start_time))
        return EventInput(
            title=self.title.text(),
            kind=self.kind.currentData(),
            starts_at=start,
            ends_at=start,
            location=self.location.text(),
            address=self.address.text(),
            online_url=self.online_url.text(),
            responsible_project_id=self.project.currentData(),
            capacity=self.capacity.value() or None,
        )

    def _on_change(self, *_args: object) -> None:
        monthly = self.frequency.currentData() == "monthly"
        self.week_of_month.setEnabled(monthly)
        count = self.interval.value()
        self.interval.setSuffix(
            " "
            + (
                noun(count, self.tr("Monat"), self.tr("Monate"))
                if monthly
                else noun(count, self.tr("Woche"), self.tr("Wochen"))
            )
        )
        self._timer.start()

    def update_preview(self) -> None:
        self.preview.clear()
        try:
            rule = self.rule()
            occurrences = recurrence.preview(self._db, rule)
        except UserError as error:
            self.summary.setText(str(error))
            self.summary.setStyleSheet("color: #b00020;")
            self.create_button.setEnabled(False)
            return
        self.summary.setStyleSheet("")
        with_conflicts = sum(1 for o in occurrences if o.conflicts)
        text = self.tr("%1 Termine: %2.").replace("%1", str(len(occurrences)))
        text = text.replace("%2", rule.describe())
        if with_conflicts:
            text += " " + self.tr("%1 davon mit Hinweis (⚠).").replace("%1", str(with_conflicts))
        self.summary.setText(text)
        for occurrence in occurrences:
            line = (
                f"{format_weekday_date(occurrence.starts_at.date())}  "
                f"{occurrence.starts_at:%H:%M}–{occurrence.ends_at:%H:%M}"
            )
            item = QListWidgetItem(line)
            if occurrence.conflicts:
                messages = [c.message for c in occurrence.conflicts]
                item.setText("⚠ " + line + "\n      " + "\n      ".join(messages))
                item.setToolTip("\n".join(messages))
                item.setForeground(QBrush(QColor(WARNING)))
            self.preview.addItem(item)
        self.create_button.setEnabled(True)
        self.create_button.setText(
            self.tr("%1 Termine anlegen").replace("%1", str(len(occurrences)))
        )

    def create_events(self) -> None:
        try:
            self.created_ids = recurrence.create_recurring(self._db, self.template(), self.rule())
        except UserError as error:
            self.errors.show(error)
            return
        self.accept()
