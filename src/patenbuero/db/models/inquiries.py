"""Anfragen and their Weiterleitungen to member projects."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from patenbuero.db.base import Base, enum_check
from patenbuero.db.enums import ForwardingOutcome, InquiryChannel, InquiryKind, InquiryStatus
from patenbuero.db.models.projects import District, MemberProject, TargetGroup


class Inquiry(Base):
    __tablename__ = "inquiry"
    __table_args__ = (
        enum_check("kind", InquiryKind),
        enum_check("status", InquiryStatus),
        enum_check("channel", InquiryChannel),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Optimistic locking: an UPDATE only succeeds on the version it was read at.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default=InquiryStatus.OPEN.value)
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    target_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("target_group.id", ondelete="SET NULL")
    )
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(
        String(20), default=InquiryChannel.UNKNOWN.value, server_default="unknown"
    )

    target_group: Mapped[TargetGroup | None] = relationship()
    district: Mapped[District | None] = relationship()
    forwardings: Mapped[list[Forwarding]] = relationship(
        back_populates="inquiry",
        order_by="(Forwarding.forwarded_on, Forwarding.id)",
        cascade="all, delete-orphan",
    )


class Forwarding(Base):
    """A Weiterleitung of an inquiry to a member project, with its date."""

    __tablename__ = "forwarding"
    __table_args__ = (enum_check("outcome", ForwardingOutcome),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(
        ForeignKey("inquiry.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("member_project.id", ondelete="RESTRICT"), index=True
    )
    forwarded_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(
        String(20), default=ForwardingOutcome.UNKNOWN.value, server_default="unknown"
    )
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)  # None: forwarded_on + 14 days
    outcome_on: Mapped[dt.date | None] = mapped_column(Date)

    inquiry: Mapped[Inquiry] = relationship(back_populates="forwardings")
    project: Mapped[MemberProject] = relationship()
