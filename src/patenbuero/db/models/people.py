"""Teilnehmer:innen and their Anmeldungen, with a history per registration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from patenbuero.db.base import Base, enum_check
from patenbuero.db.enums import PersonRole, RegistrationChange, RegistrationStatus
from patenbuero.db.models.events import Event
from patenbuero.db.models.projects import MemberProject


class Person(Base):
    """Anyone who registers. The same e-mail address (any case) is the same person."""

    __tablename__ = "person"
    __table_args__ = (enum_check("role", PersonRole),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Optimistic locking: an UPDATE only succeeds on the version it was read at.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    latin_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    email_key: Mapped[str | None] = mapped_column(String(254), unique=True)
    name_key: Mapped[str] = mapped_column(String(220), default="", index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("member_project.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[str] = mapped_column(String(20), default=PersonRole.INTERESTED.value)
    remarks: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    restricted_until: Mapped[dt.date | None] = mapped_column(Date)
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    project: Mapped[MemberProject | None] = relationship()

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Registration(Base):
    """An Anmeldung of one person for one event; the waitlist is ordered by arrival."""

    __tablename__ = "registration"
    __table_args__ = (
        UniqueConstraint("person_id", "event_id", name="uq_registration_person_event"),
        enum_check("status", RegistrationStatus),
        # Counts per event and status (lists, year overview) come from the index alone.
        Index("ix_registration_event_status", "event_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(12))
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    status_changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    attended: Mapped[bool | None] = mapped_column(Boolean)
    remarks: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(40), default="")

    person: Mapped[Person] = relationship()
    event: Mapped[Event] = relationship()
    history: Mapped[list[RegistrationHistory]] = relationship(
        back_populates="registration",
        order_by="(RegistrationHistory.at, RegistrationHistory.id)",
        cascade="all, delete-orphan",
    )


class RegistrationHistory(Base):
    __tablename__ = "registration_history"
    __table_args__ = (enum_check("change", RegistrationChange),)

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registration.id", ondelete="CASCADE"), index=True
    )
    change: Mapped[str] = mapped_column(String(12))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[int | None] = mapped_column(Integer)

    registration: Mapped[Registration] = relationship(back_populates="history")
