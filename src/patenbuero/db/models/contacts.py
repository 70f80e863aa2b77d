"""Ansprechpartner:innen of projects and partners, and who is on the Verteiler."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from patenbuero.db.base import Base
from patenbuero.db.models.projects import MemberProject, Organisation


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Optimistic locking: an UPDATE only succeeds on the version it was read at.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("member_project.id", ondelete="RESTRICT"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    partner_name: Mapped[str] = mapped_column(String(200), default="")
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    on_mailing_list: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_on: Mapped[dt.date | None] = mapped_column(Date)
    consent_source: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[MemberProject | None] = relationship(back_populates="contacts")
    organisation: Mapped[Organisation | None] = relationship()

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
