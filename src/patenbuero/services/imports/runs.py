"""The past imports as plain rows, newest first (Datei → Import rückgängig, CLI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from patenbuero.db.models import ImportRun
from patenbuero.services.core.database import Database

KIND_LABELS = {"projects": "Mitgliedsprojekte", "registrations": "Anmeldungen"}


@dataclass(frozen=True)
class ImportRunRow:
    id: int
    kind: str
    kind_label: str
    description: str
    file_name: str
    at: dt.datetime
    created_count: int
    updated_count: int
    summary: str
    undone_at: dt.datetime | None
    undo_summary: str

    @property
    def can_undo(self) -> bool:
        return self.undone_at is None


def list_runs(db: Database) -> list[ImportRunRow]:
    """Every import the journal still keeps (newest first)."""
    with db.reading() as session:
        runs = session.scalars(select(ImportRun).order_by(ImportRun.at.desc(), ImportRun.id.desc()))
        return [
            ImportRunRow(
                run.id,
                run.kind,
                KIND_LABELS.get(run.kind, "Import"),
                run.description,
                run.file_name,
                run.at,
                run.created_count,
                run.updated_count,
                run.summary,
                run.undone_at,
                run.undo_summary,
            )
            for run in runs
        ]
