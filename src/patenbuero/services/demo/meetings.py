"""Tagesordnungen of the Vernetzungstreffen and the Aufgaben members took on for events."""

from __future__ import annotations

import datetime as dt
import random

from patenbuero.db.enums import EventKind
from patenbuero.db.models import AgendaItem, Task
from patenbuero.services.demo.planner import Planned
from patenbuero.services.demo.projects import Network
from patenbuero.services.demo.reference import OFFICE_STAFF
from patenbuero.services.demo.rows import RowSet

THEMES = (
    ("Ehrenamtliche gewinnen und halten", "Jana Lößner, Landesnetzwerk Bürgerengagement"),
    ("Kinderschutzkonzepte in Patenprojekten", "Ulrike Zöllner, Kinderschutzfachkraft"),
    ("Qualitätsstandards nach unserem Leitbild", "AG Qualität des Netzwerks"),
    ("Öffentlichkeitsarbeit mit kleinem Budget", "Mareike Hoffmann, Journalistin"),
    ("Patenschaften gut beenden", "Dr. Henriette Voß, Psychologin"),
)
TASKS = {
    EventKind.NETWORK_MEETING.value: (
        ("Raum, Getränke und Technik vorbereiten", -2),
        ("Protokoll schreiben und an den Verteiler senden", 7),
    ),
    EventKind.SPECIALIST_DAY.value: (
        ("Workshop „Pat:innen gewinnen“ moderieren", -21),
        ("Anmeldetisch und Namensschilder übernehmen", -3),
        ("Fotos für die Dokumentation machen", 3),
    ),
    EventKind.INFO_STAND.value: (
        ("Flyer aller Projekte und Roll-up mitbringen", -1),
        ("Standdienst 10–12 Uhr", 0),
    ),
    EventKind.OTHER.value: (("Ehrungen vorbereiten und Urkunden drucken", -10),),
}
OVERDUE_TASK = "Themenvorschläge für den Schwerpunkt sammeln"


def add_agenda(rows: RowSet, rng: random.Random, events: list[Planned], network: Network) -> None:
    meetings = [e for e in events if e.kind == EventKind.NETWORK_MEETING.value]
    names = {pid: name for name, pid in network.project_ids.items()}
    for number, meeting in enumerate(meetings):
        host = meeting.responsible or network.active[0]
        host_contact = network.contacts[host][0][1] if network.contacts.get(host) else ""
        theme, guest = THEMES[number % len(THEMES)]
        items = (
            ("Begrüßung und Vorstellungsrunde", 15, OFFICE_STAFF[0]),
            (f"Projekt stellt sich vor: {names[host]}", 20, host_contact),
            (f"Schwerpunkt: {theme}", 40, guest),
            ("Berichte aus der Koordinierungsstelle und Jahresplanung", 20, OFFICE_STAFF[1]),
            ("Termine und Verschiedenes", 10, ""),
        )
        for position, (title, minutes, speaker) in enumerate(items, start=1):
            rows.add(
                AgendaItem,
                event_id=meeting.id,
                position=position,
                title=title,
                duration_minutes=minutes,
                speaker=speaker,
                notes="Bitte Flyer für den Büchertisch mitbringen." if position == 2 else "",
            )


def add_tasks(
    rows: RowSet, rng: random.Random, today: dt.date, events: list[Planned], network: Network
) -> None:
    """Tasks taken on by member projects: past ones done, one overdue, the rest open."""
    overdue_placed = False
    for event in events:
        if event.status == "idea":
            continue
        for number, (title, offset) in enumerate(TASKS.get(event.kind, ())):
            due = event.starts_at.date() + dt.timedelta(days=offset)
            host = event.responsible if number == 0 else None
            project = host or rng.choice(network.active)
            _task(rows, event.id, title, project, network, due, due < today or rng.random() < 0.2)
        upcoming_meeting = (
            event.kind == EventKind.NETWORK_MEETING.value and event.starts_at.date() > today
        )
        if upcoming_meeting and not overdue_placed:
            project = rng.choice(network.active)
            overdue = today - dt.timedelta(days=3)
            _task(rows, event.id, OVERDUE_TASK, project, network, overdue, False)
            overdue_placed = True


def _task(
    rows: RowSet,
    event_id: int,
    title: str,
    project_id: int,
    network: Network,
    due: dt.date,
    done: bool,
) -> None:
    contacts = network.contacts.get(project_id)
    rows.add(
        Task,
        event_id=event_id,
        title=title,
        project_id=project_id,
        contact_id=contacts[0][0] if contacts else None,
        due_on=due,
        done=done,
    )
