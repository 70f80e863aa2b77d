"""Consents per purpose with their history and the deletion log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from patenbuero.db.base import Base, enum_check
from patenbuero.db.enums import ConsentPurpose, LegalBasis, SubjectKind


class ConsentRecord(Base):
    """One entry in the history of a person's basis for one purpose.

    The newest entry per subject and purpose is the one that counts; older entries are
    kept as proof (Art. 7(1) DSGVO). A withdrawal is an entry with ``withdrawn_on``.
    """

    __tablename__ = "consent_record"
    __table_args__ = (
        enum_check("subject_kind", SubjectKind),
        enum_check("purpose", ConsentPurpose),
        enum_check("basis", LegalBasis),
        Index("ix_consent_record_subject", "subject_kind", "subject_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(12))
    subject_id: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(20))
    basis: Mapped[str] = mapped_column(String(24))
    given_on: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(40), default="")
    text_version: Mapped[str] = mapped_column(String(60), default="")
    given_by: Mapped[str] = mapped_column(String(200), default="")
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class DeletionLogEntry(Base):
    """What was erased or restricted, without personal data (kind, number, who, why)."""

    __tablename__ = "deletion_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    user_name: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(String(300), default="")
