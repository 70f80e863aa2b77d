"""Aufgaben: pieces of work for an event that a member project (or a person) took on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from patenbuero.db.models import Contact, Event, MemberProject, Task
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database
from patenbuero.services.core.versions import check_version, load_for_update

OFFICE = "Koordinierungsstelle"


@dataclass(frozen=True)
class TaskInput:
    event_id: int
    title: str
    project_id: int | None = None
    contact_id: int | None = None
    due_on: dt.date | None = None
    done: bool = False
    expected_version: int | None = None  # the version the user started from


@dataclass(frozen=True)
class TaskRow:
    id: int
    event_id: int
    event_title: str
    event_date: dt.date
    title: str
    project_id: int | None
    contact_id: int | None
    taken_by: str  # the project, or the contact, or the office
    contact: str
    due_on: dt.date | None
    done: bool
    overdue: bool
    version: int = 1


def input_from_row(row: TaskRow) -> TaskInput:
    """The stored task as dialog input (the base or the other side of a conflict)."""
    return TaskInput(
        row.event_id, row.title, row.project_id, row.contact_id, row.due_on, row.done, row.version
    )


def list_tasks(
    db: Database,
    *,
    year: int | None = None,
    event_id: int | None = None,
    open_only: bool = False,
    today: dt.date | None = None,
) -> list[TaskRow]:
    """Tasks of a year or of one event, sorted by who took them on and by due date."""
    today = today or dt.date.today()
    query = (
        select(Task)
        .join(Task.event)
        .options(joinedload(Task.event), joinedload(Task.project), joinedload(Task.contact))
    )
    if year is not None:
        query = query.where(
            Event.starts_at >= dt.datetime(year, 1, 1),
            Event.starts_at < dt.datetime(year + 1, 1, 1),
        )
    if event_id is not None:
        query = query.where(Task.event_id == event_id)
    if open_only:
        query = query.where(Task.done.is_(False))
    with db.reading() as session:
        rows = [_row(task, today) for task in session.scalars(query).all()]
    return sorted(
        rows, key=lambda r: (r.taken_by.casefold(), r.due_on or dt.date.max, r.title.casefold())
    )


def add_task(db: Database, data: TaskInput) -> int:
    with db.unit_of_work() as session:
        _check(session, data)
        task = Task(**_values(data))
        session.add(task)
        session.flush()
        return task.id


def update_task(db: Database, task_id: int, data: TaskInput) -> None:
    """Change a task; with ``data.expected_version``, a change saved meanwhile elsewhere
    raises ConflictError with both versions."""
    with db.unit_of_work() as session:
        task = load_for_update(
            session, Task, task_id, f"Es gibt keine Aufgabe mit der ID {task_id}."
        )
        _check(session, data)
        check_version(
            task.version,
            data.expected_version,
            task.title,
            replace(data, title=data.title.strip()),
            lambda: input_from_row(_row(task, dt.date.today())),
        )
        for name, value in _values(data).items():
            setattr(task, name, value)


def set_done(db: Database, task_ids: list[int], done: bool = True) -> None:
    with db.unit_of_work() as session:
        for task_id in task_ids:
            _task(session, task_id).done = done


def delete_tasks(db: Database, task_ids: list[int]) -> None:
    with db.unit_of_work() as session:
        for task_id in task_ids:
            session.delete(_task(session, task_id))


def _values(data: TaskInput) -> dict[str, object]:
    return {
        "event_id": data.event_id,
        "title": data.title.strip(),
        "project_id": data.project_id,
        "contact_id": data.contact_id,
        "due_on": data.due_on,
        "done": data.done,
    }


def _check(session: Session, data: TaskInput) -> None:
    if not data.title.strip():
        raise ValidationError("Bitte beschreiben Sie die Aufgabe.", field="title")
    field_checks.limited(
        data.title, "title", "Die Aufgabe", field_checks.AGENDA_TITLE_LIMIT, multiline=True
    )
    event = session.get(Event, data.event_id)
    if event is None:
        raise ValidationError("Die Veranstaltung gibt es nicht mehr.", field="event")
    if data.project_id is not None and session.get(MemberProject, data.project_id) is None:
        raise ValidationError("Das gewählte Mitgliedsprojekt gibt es nicht mehr.", field="project")
    if data.contact_id is not None:
        contact = session.get(Contact, data.contact_id)
        if contact is None:
            raise ValidationError("Die gewählte Person gibt es nicht mehr.", field="contact")
        if data.project_id is not None and contact.project_id not in (None, data.project_id):
            raise ValidationError(
                f"{contact.full_name} gehört nicht zum gewählten Mitgliedsprojekt.",
                field="contact",
            )


def _task(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFoundError(f"Es gibt keine Aufgabe mit der ID {task_id}.")
    return task


def _row(task: Task, today: dt.date) -> TaskRow:
    contact = task.contact.full_name if task.contact else ""
    if task.project is not None:
        taken_by = task.project.name
    elif contact:
        taken_by = contact
    else:
        taken_by = OFFICE
    return TaskRow(
        id=task.id,
        event_id=task.event_id,
        event_title=task.event.title,
        event_date=task.event.starts_at.date(),
        title=task.title,
        project_id=task.project_id,
        contact_id=task.contact_id,
        taken_by=taken_by,
        contact=contact,
        due_on=task.due_on,
        done=task.done,
        overdue=not task.done and task.due_on is not None and task.due_on < today,
        version=task.version,
    )
