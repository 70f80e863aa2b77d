"""One Aufgabe: what, who took it on (a member project and/or a person), by when, done."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import ConflictError, UserError
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database
from patenbuero.services.plan import tasks
from patenbuero.services.plan.tasks import TaskInput, TaskRow
from patenbuero.services.plan.use_cases import PlanChoices
from patenbuero.ui.common.conflict_dialog import default_text, resolve_conflict
from patenbuero.ui.plan.common import FieldErrors, date_edit, date_of, select_data, set_date


class TaskDialog(QDialog):
    def __init__(
        self,
        db: Database,
        choices: PlanChoices,
        event_id: int,
        task: TaskRow | None = None,
        *,
        default_due: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._choices, self._event_id = db, choices, event_id
        self._task_id = task.id if task else None
        # As loaded: the version a save starts from and the base of a conflict.
        self._base = tasks.input_from_row(task) if task else None
        self.setWindowTitle(self.tr("Aufgabe bearbeiten") if task else self.tr("Neue Aufgabe"))
        self.errors = FieldErrors()
        self.title = QLineEdit()
        self.title.setMaxLength(field_checks.AGENDA_TITLE_LIMIT)
        self.title.setPlaceholderText(self.tr("z. B. Protokoll schreiben"))
        self.project = QComboBox()
        self.project.addItem(self.tr("– (Koordinierungsstelle)"), None)
        for choice in choices.projects:
            self.project.addItem(choice.name, choice.id)
        self.contact = QComboBox()
        self.project.currentIndexChanged.connect(self._fill_contacts)
        self.has_due = QCheckBox(self.tr("fällig am"))
        self.due = date_edit(default_due or dt.date.today())
        self.has_due.toggled.connect(self.due.setEnabled)
        self.has_due.setChecked(True)
        self.done_box = QCheckBox(self.tr("erledigt"))
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Aufgabe"), self.title, "title")
        self.errors.add_row(form, self.tr("übernommen von"), self.project, "project")
        self.errors.add_row(form, self.tr("Person"), self.contact, "contact")
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow(self.tr("Termin"), due_row)
        form.addRow("", self.done_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        self._fill_contacts()
        if task is not None:
            self.title.setText(task.title)
            select_data(self.project, task.project_id)
            self._fill_contacts()
            select_data(self.contact, task.contact_id)
            self.has_due.setChecked(task.due_on is not None)
            if task.due_on:
                set_date(self.due, task.due_on)
            self.done_box.setChecked(task.done)

    def values(self) -> TaskInput:
        return TaskInput(
            event_id=self._event_id,
            title=self.title.text(),
            project_id=self.project.currentData(),
            contact_id=self.contact.currentData(),
            due_on=date_of(self.due) if self.has_due.isChecked() else None,
            done=self.done_box.isChecked(),
            expected_version=self._base.expected_version if self._base else None,
        )

    def save(self) -> None:
        try:
            if self._task_id is None:
                self._task_id = tasks.add_task(self._db, self.values())
            else:
                try:
                    tasks.update_task(self._db, self._task_id, self.values())
                except ConflictError as conflict:
                    if not self._resolve_conflict(conflict):
                        return
        except UserError as error:
            self.errors.show(error)
            return
        self.accept()

    def _resolve_conflict(self, conflict: ConflictError) -> bool:
        """Both versions field by field; the choice saved against the stored version."""
        task_id = self._task_id
        assert task_id is not None
        labels = {
            "title": self.tr("Aufgabe"),
            "project_id": self.tr("übernommen von"),
            "contact_id": self.tr("Person"),
            "due_on": self.tr("Termin"),
            "done": self.tr("erledigt"),
        }

        def show(field: str, value: object) -> str:
            combo = {"project_id": self.project, "contact_id": self.contact}.get(field)
            if combo is None:
                return default_text(value)
            index = combo.findData(value)
            return combo.itemText(index) if index >= 0 else default_text(value)

        return bool(
            resolve_conflict(
                self,
                self.title.text().strip(),
                conflict,
                self._base,
                labels,
                lambda chosen, version: tasks.update_task(
                    self._db, task_id, replace(chosen, expected_version=version)
                ),
                show,
            )
        )

    def _fill_contacts(self) -> None:
        project_id = self.project.currentData()
        self.contact.clear()
        self.contact.addItem(self.tr("–"), None)
        for choice in self._choices.contacts:
            if project_id is None or choice.project_id == project_id:
                self.contact.addItem(choice.name, choice.id)
