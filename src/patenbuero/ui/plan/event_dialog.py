"""The event dialog: Angaben, Tagesordnung, Aufgaben; invitation by e-mail or as PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import ConflictError, UserError
from patenbuero.services.core.database import Database
from patenbuero.services.plan import conflicts, events, recurrence
from patenbuero.services.plan.agenda import AgendaInput
from patenbuero.services.plan.events import EventInput
from patenbuero.services.plan.use_cases import PlanChoices, plan_choices
from patenbuero.ui.common.conflict_dialog import THEIRS, ConflictDialog
from patenbuero.ui.common.discard_guard import may_discard
from patenbuero.ui.plan.agenda_editor import AgendaEditor
from patenbuero.ui.plan.common import FieldErrors
from patenbuero.ui.plan.event_conflict import event_field_labels, show_event_value
from patenbuero.ui.plan.event_form import EventForm
from patenbuero.ui.plan.invitation_dialog import InvitationDialog, save_invitation_pdf
from patenbuero.ui.plan.task_list import TaskList

ONLY_THIS, ALL_FOLLOWING = "one", "following"


def ask_scope(parent: QWidget, following: int) -> str | None:
    """For an occurrence of a series: change only this one, or all following?"""
    box = QMessageBox(parent)
    box.setWindowTitle(parent.tr("Wiederkehrender Termin"))
    box.setText(
        parent.tr(
            "Dieser Termin gehört zu einer Reihe; %1 weitere folgen. Was soll sich ändern?"
        ).replace("%1", str(following))
    )
    this = box.addButton(parent.tr("Nur dieser Termin"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(parent.tr("Alle folgenden"), QMessageBox.ButtonRole.YesRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is cancel:
        return None
    return ONLY_THIS if clicked is this else ALL_FOLLOWING


class EventDialog(QDialog):
    def __init__(
        self,
        db: Database,
        event_id: int | None = None,
        *,
        template: EventInput | None = None,
        choices: PlanChoices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self.event_id = db, event_id
        self.choices = choices or plan_choices(db)
        self.ask_scope: Callable[[QWidget, int], str | None] = ask_scope
        self.moved_up_message = ""
        self._version: int | None = None
        self._base: events.EventEdit | None = None
        self.setWindowTitle(
            self.tr("Veranstaltung bearbeiten") if event_id else self.tr("Neue Veranstaltung")
        )
        self.tabs = QTabWidget()
        self.errors = FieldErrors(self.tabs)
        self.form = EventForm(self.choices, self.errors)
        self.agenda = AgendaEditor()
        self.tasks = TaskList(db, event_id=event_id or 0, choices=self.choices)
        self.tabs.addTab(self.form, self.tr("Angaben"))
        self.tabs.addTab(self.agenda, self.tr("Tagesordnung"))
        tasks_page = QWidget()
        tasks_layout = QVBoxLayout(tasks_page)
        if event_id is None:
            tasks_layout.addWidget(
                QLabel(
                    self.tr(
                        "Speichern Sie die Veranstaltung zuerst; "
                        "dann können Sie Aufgaben verteilen."
                    )
                )
            )
            self.tasks.setEnabled(False)
        tasks_layout.addWidget(self.tasks, 1)
        self.tabs.addTab(tasks_page, self.tr("Aufgaben"))
        self._conflict_timer = QTimer(self)
        self._conflict_timer.setSingleShot(True)
        self._conflict_timer.setInterval(250)
        self._conflict_timer.timeout.connect(self.update_conflicts)
        self.form.when_changed.connect(self._conflict_timer.start)
        self.form.when_changed.connect(lambda: self.agenda.set_start(self.form.starts_at()))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.mail_button = QPushButton(self.tr("Einladung per E-Mail…"))
        self.mail_button.clicked.connect(self.open_invitation)
        self.pdf_button = QPushButton(self.tr("Einladung als PDF speichern…"))
        self.pdf_button.clicked.connect(
            lambda: save_invitation_pdf(self, self._db, self.event_id or 0)
        )
        for button in (self.mail_button, self.pdf_button):
            button.setEnabled(event_id is not None)
            button.setToolTip(self.tr("Speichert zuerst nichts: zeigt den gespeicherten Stand."))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(1100, 680)
        self._load(template)

    def _load(self, template: EventInput | None) -> None:
        if self.event_id is not None:
            editable = events.get_event_for_editing(self._db, self.event_id)
            data, items = editable.data, list(editable.agenda)
            self._version = editable.version
            self._base = events.as_edit(data, items)
            self.tasks.refresh()
        else:
            start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=14), dt.time(16))
            data = template or EventInput(
                title="",
                kind="network_meeting",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=2),
            )
            items = []
        self.form.load(data, new=self.event_id is None)
        self.agenda.set_items(data.starts_at, items)
        self.update_conflicts()
        self._loaded = self._snapshot()

    def _snapshot(self) -> tuple[EventInput, list[AgendaInput]]:
        return self.form.values(), list(self.agenda.items())

    def has_unsaved_changes(self) -> bool:
        return self._snapshot() != self._loaded

    def reject(self) -> None:
        """Esc, Abbrechen and the window's X ask before edits (agenda too) are lost."""
        what = self.form.values().title or self.tr("die neue Veranstaltung")
        if may_discard(self, what, self.has_unsaved_changes, self.save):
            super().reject()

    def update_conflicts(self) -> None:
        values = self.form.values()
        found = conflicts.check_date(
            self._db, values.starts_at, values.ends_at, values.all_day, self.event_id
        )
        self.form.show_conflicts([c.message for c in found])

    def save(self) -> None:
        data, items = self.form.values(), self.agenda.items()
        try:
            if self.event_id is None:
                self.event_id = events.create_event(self._db, data, agenda_items=items)
            else:
                following = recurrence.following(self._db, self.event_id)
                scope = ONLY_THIS
                if len(following) > 1:
                    scope = self.ask_scope(self, len(following) - 1) or ""
                    if not scope:
                        return
                if scope == ALL_FOLLOWING:
                    results = recurrence.update_following(
                        self._db, self.event_id, data, agenda_items=items
                    )
                else:
                    results = [
                        events.update_event(
                            self._db,
                            self.event_id,
                            data,
                            agenda_items=items,
                            expected_version=self._version,
                        )
                    ]
                moved = [m.full_name for r in results for m in r.moved_up]
                if moved:
                    self.moved_up_message = self.tr(
                        "Von der Warteliste nachgerückt: %1. Bitte benachrichtigen Sie sie."
                    ).replace("%1", ", ".join(moved))
        except ConflictError as conflict:
            self._resolve_conflict(conflict)
            return
        except UserError as error:
            self.errors.show(error)
            return
        self.accept()

    def _show_value(self, field: str, value: object) -> str:
        """A field's value in the conflict dialog; kinds as the office named them."""
        if field == "kind":
            names = {kind.key: kind.name for kind in self.choices.kinds}
            return names.get(str(value), str(value))
        return show_event_value(field, value)

    def _resolve_conflict(self, conflict: ConflictError) -> None:
        """Both versions field by field; save the choice against the stored version."""
        assert self.event_id is not None
        dialog = ConflictDialog(
            conflict.mine.title,  # type: ignore[attr-defined]
            conflict.mine,
            conflict.theirs,
            self._base,
            event_field_labels(),
            self._show_value,
            self,
        )
        if not dialog.exec():
            return
        if dialog.choice == THEIRS:
            self.accept()
            return
        chosen = dialog.merged()
        try:
            events.update_event(
                self._db,
                self.event_id,
                events.to_input(chosen),
                agenda_items=chosen.agenda,
                expected_version=conflict.version,
            )
        except ConflictError as again:
            self._resolve_conflict(again)
            return
        except UserError as error:
            self.errors.show(error)
            return
        self.accept()

    def open_invitation(self) -> None:
        if self.event_id is not None:
            InvitationDialog(self._db, self.event_id, parent=self).exec()
