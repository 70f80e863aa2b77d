"""Veranstaltungen of the yearly plan, their agenda and tasks, and training series.

Start and end are stored as naive wall-clock times in Europe/Berlin: a meeting at
16:00 stays at 16:00 whatever the daylight-saving offset of its day is.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from patenbuero.db.base import Base, enum_check
from patenbuero.db.enums import EventStatus
from patenbuero.db.models.contacts import Contact
from patenbuero.db.models.funders import FundingMixin
from patenbuero.db.models.projects import MemberProject


class Series(FundingMixin, Base):
    """A Fortbildungsreihe, e.g. the four modules for Pat:innen."""

    __tablename__ = "series"
    __table_args__ = (
        CheckConstraint("module_count >= 1", name="module_count_positive"),
        CheckConstraint(
            "required_modules >= 1 AND required_modules <= module_count",
            name="required_modules_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    module_count: Mapped[int] = mapped_column(Integer, default=4)
    required_modules: Mapped[int] = mapped_column(Integer, default=4)

    modules: Mapped[list[Event]] = relationship(
        back_populates="series", order_by="Event.module_number"
    )


class Event(FundingMixin, Base):
    __tablename__ = "event"
    __table_args__ = (
        enum_check("status", EventStatus),
        CheckConstraint("ends_at >= starts_at", name="ends_after_start"),
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity_not_negative"),
        CheckConstraint(
            "module_number IS NULL OR module_number >= 1", name="module_number_positive"
        ),
        UniqueConstraint("series_id", "module_number", name="uq_event_series_module"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Optimistic locking: an UPDATE only succeeds on the version it was read at.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    title: Mapped[str] = mapped_column(String(200))
    # The key of an EventKindEntry; built-in keys are those of db.enums.EventKind.
    kind: Mapped[str] = mapped_column(
        String(30), ForeignKey("event_kind.key", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default=EventStatus.PLANNED.value)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    location: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    speaker: Mapped[str] = mapped_column(String(200), default="")
    internal_note: Mapped[str] = mapped_column(Text, default="")  # never printed
    capacity: Mapped[int | None] = mapped_column(Integer)
    registration_deadline: Mapped[dt.date | None] = mapped_column(Date)
    responsible_project_id: Mapped[int | None] = mapped_column(
        ForeignKey("member_project.id", ondelete="RESTRICT"), index=True
    )
    responsible_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL")
    )
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("series.id", ondelete="RESTRICT"), index=True
    )
    module_number: Mapped[int | None] = mapped_column(Integer)
    recurrence_id: Mapped[str | None] = mapped_column(String(40), index=True)
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    series: Mapped[Series | None] = relationship(back_populates="modules")
    responsible_project: Mapped[MemberProject | None] = relationship()
    responsible_contact: Mapped[Contact | None] = relationship()
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="event", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    tasks: Mapped[list[Task]] = relationship(
        back_populates="event", order_by="(Task.due_on, Task.id)", cascade="all, delete-orphan"
    )


class AgendaItem(Base):
    """A Tagesordnungspunkt; its start follows from the order and the durations."""

    __tablename__ = "agenda_item"
    __table_args__ = (
        CheckConstraint("duration_minutes >= 0", name="duration_not_negative"),
        UniqueConstraint("event_id", "position", name="uq_agenda_item_event_position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    duration_minutes: Mapped[int] = mapped_column(Integer, default=15)
    speaker: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event] = relationship(back_populates="agenda_items")


class Task(Base):
    """An Aufgabe for an event, taken on by a member project or contact."""

    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Optimistic locking: an UPDATE only succeeds on the version it was read at.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("member_project.id", ondelete="RESTRICT"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    event: Mapped[Event] = relationship(back_populates="tasks")
    project: Mapped[MemberProject | None] = relationship()
    contact: Mapped[Contact | None] = relationship()
