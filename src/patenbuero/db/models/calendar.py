"""What calendars must still hear about a deleted event: a tombstone kept for a year.

A calendar that imported the plan keeps an event until a later file says it is
cancelled (same UID, STATUS:CANCELLED, higher SEQUENCE). Only the event's title and
times are kept – no people.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from patenbuero.db.base import Base


class EventTombstone(Base):
    __tablename__ = "event_tombstone"

    event_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    sequence: Mapped[int] = mapped_column(Integer)
    deleted_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
