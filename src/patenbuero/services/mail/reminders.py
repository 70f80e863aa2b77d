"""Which events need their reminder mail now: a chosen number of days before the start."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from patenbuero.db.enums import EventStatus, RegistrationStatus
from patenbuero.db.models import Event, MailRecord, Registration
from patenbuero.errors import ValidationError
from patenbuero.services.core.database import Database
from patenbuero.services.mail.kinds import MailKind

DEFAULT_REMINDER_DAYS = 3


@dataclass(frozen=True)
class ReminderDue:
    event_id: int
    title: str
    starts_at: dt.datetime
    confirmed: int


def reminders_due(
    db: Database, days: int = DEFAULT_REMINDER_DAYS, *, today: dt.date | None = None
) -> list[ReminderDue]:
    """Events starting within ``days`` days with confirmed participants and no reminder yet."""
    if not 0 <= days <= 60:
        raise ValidationError("Die Erinnerung geht 0 bis 60 Tage vorher.", field="days")
    today = today or dt.date.today()
    start = dt.datetime.combine(today, dt.time.min)
    end = start + dt.timedelta(days=days + 1)
    confirmed = (
        select(Registration.event_id, func.count().label("n"))
        .where(Registration.status == RegistrationStatus.CONFIRMED.value)
        .group_by(Registration.event_id)
        .subquery()
    )
    reminded = select(MailRecord.event_id).where(
        MailRecord.kind == MailKind.REMINDER.value, MailRecord.ok.is_(True)
    )
    with db.reading() as session:
        rows = session.execute(
            select(Event.id, Event.title, Event.starts_at, confirmed.c.n)
            .join(confirmed, confirmed.c.event_id == Event.id)
            .where(
                Event.starts_at >= start,
                Event.starts_at < end,
                Event.status != EventStatus.CANCELLED.value,
                Event.id.not_in(reminded),
            )
            .order_by(Event.starts_at)
        ).all()
    return [ReminderDue(r[0], r[1], r[2], r[3]) for r in rows]
