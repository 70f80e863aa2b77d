"""The deletion log: what was erased or restricted, with no personal data in it.

Kind of record, internal number, date, the Windows/Linux user name and the reason;
the office shows it to its data protection officer.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.models import DeletionLogEntry
from patenbuero.services.core.database import Database
from patenbuero.services.privacy.purposes import KIND_LABELS
from patenbuero.services.privacy.refs import SubjectRef

ACTION_LABELS = {
    "erased": "gelöscht",
    "anonymised": "anonymisiert",
    "restricted": "eingeschränkt",
}


@dataclass(frozen=True)
class LogLine:
    at: dt.datetime
    record: str  # e.g. "P12"
    kind_label: str
    action_label: str
    user_name: str
    reason: str


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def write_entry(
    session: Session, ref: SubjectRef, action: str, reason: str, now: dt.datetime, user: str
) -> None:
    session.add(
        DeletionLogEntry(
            at=now,
            record_kind=ref.kind,
            record_id=ref.id,
            action=action,
            user_name=user[:100],
            reason=reason[:300],
        )
    )


def deletion_log(db: Database) -> list[LogLine]:
    with db.reading() as session:
        entries = session.scalars(
            select(DeletionLogEntry).order_by(DeletionLogEntry.at.desc(), DeletionLogEntry.id)
        ).all()
        return [
            LogLine(
                e.at,
                str(SubjectRef(e.record_kind, e.record_id)),
                KIND_LABELS.get(e.record_kind, e.record_kind),
                ACTION_LABELS.get(e.action, e.action),
                e.user_name,
                e.reason,
            )
            for e in entries
        ]
