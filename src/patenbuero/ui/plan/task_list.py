"""Aufgaben as a list: of one event (in its dialog) or of the whole year, by member."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.core.plural import plural
from patenbuero.services.plan import tasks
from patenbuero.services.plan.tasks import TaskRow
from patenbuero.services.plan.use_cases import PlanChoices, plan_choices
from patenbuero.ui.common.formatting import format_date
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import Column
from patenbuero.ui.plan.common import show_error
from patenbuero.ui.plan.task_dialog import TaskDialog

OVERDUE = "#b00020"


def _due(row: TaskRow) -> str:
    if row.due_on is None:
        return ""
    text = format_date(row.due_on)
    return f"{text} – überfällig" if row.overdue else text


def _columns(with_event: bool) -> list[Column[TaskRow]]:
    colour = lambda r: OVERDUE if r.overdue else ("#6b6b6b" if r.done else None)  # noqa: E731
    columns = [
        Column("übernommen von", lambda r: r.taken_by, foreground=colour),
        Column("Aufgabe", lambda r: r.title, foreground=colour),
        Column("Person", lambda r: r.contact),
        Column("fällig", _due, foreground=colour, searchable=False),
        Column("erledigt", lambda r: r.done, searchable=False),
    ]
    if with_event:
        columns += [
            Column("Veranstaltung", lambda r: r.event_title),
            Column("am", lambda r: r.event_date),
        ]
    return columns


class TaskList(QWidget):
    """``event_id`` given: the tasks of that event; otherwise those of ``year``."""

    def __init__(
        self,
        db: Database,
        *,
        event_id: int | None = None,
        choices: PlanChoices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self.event_id, self.year = db, event_id, dt.date.today().year
        self._choices = choices
        # Injectable for tests: opens the task dialog and returns whether it was saved.
        self.run_dialog: Callable[[TaskDialog], bool] = lambda dialog: bool(dialog.exec())
        self.list = SearchableList(
            _columns(with_event=event_id is None),
            search_hint=self.tr("Aufgabe, Projekt oder Person suchen …"),
            empty_hint=self._empty_hint(),
            count_text=(self.tr("%n Aufgabe"), self.tr("%n Aufgaben")),
        )
        self.list.row_activated.connect(lambda row: self.edit(row))
        self.open_only = QCheckBox(self.tr("nur offene"))
        self.open_only.setChecked(event_id is None)
        self.open_only.toggled.connect(lambda _checked: self.refresh())
        self.new_button = QPushButton(self.tr("Neue Aufgabe…"))
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.new_button.setVisible(event_id is not None)
        self.done_button = QPushButton(self.tr("Als erledigt markieren"))
        self.done_button.clicked.connect(self.mark_done)
        self.delete_button = QPushButton(self.tr("Aufgabe löschen"))
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        for widget in (self.new_button, self.done_button, self.delete_button, self.open_only):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)

    def set_year(self, year: int) -> None:
        self.year = year
        self.refresh()

    def refresh(self) -> None:
        self.list.set_empty_hint(self._empty_hint())
        if self.event_id is None:
            rows = tasks.list_tasks(self._db, year=self.year, open_only=self.open_only.isChecked())
        else:
            rows = tasks.list_tasks(
                self._db, event_id=self.event_id, open_only=self.open_only.isChecked()
            )
        self.list.set_rows(rows)

    def edit(self, row: TaskRow | None) -> None:
        event_id = row.event_id if row else self.event_id
        if event_id is None:
            return
        choices = self._choices or plan_choices(self._db)
        dialog = TaskDialog(self._db, choices, event_id, row, parent=self)
        if self.run_dialog(dialog):
            self.refresh()

    def mark_done(self) -> None:
        rows = self.list.selected_rows()
        if not rows:
            return
        try:
            tasks.set_done(self._db, [r.id for r in rows])
        except UserError as error:
            show_error(self, error)
        self.refresh()

    def delete_selected(self) -> None:
        rows = self.list.selected_rows()
        if not rows:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Aufgabe löschen"),
            self.tr("%1 löschen? Das lässt sich nicht rückgängig machen.").replace(
                "%1", plural(len(rows), self.tr("Aufgabe"), self.tr("Aufgaben"))
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            tasks.delete_tasks(self._db, [r.id for r in rows])
        except UserError as error:
            show_error(self, error)
        self.refresh()

    def _empty_hint(self) -> str:
        if self.event_id is not None:
            return self.tr(
                "Noch keine Aufgaben. Wer übernimmt was? Legen Sie mit „Neue Aufgabe…“ an, "
                "welches Mitgliedsprojekt z. B. Raum, Protokoll oder Standdienst übernimmt."
            )
        return self.tr(
            "Keine offenen Aufgaben im Jahr %1.\n\nAufgaben legen Sie in einer Veranstaltung "
            "auf der Seite „Aufgaben“ an."
        ).replace("%1", str(self.year))
