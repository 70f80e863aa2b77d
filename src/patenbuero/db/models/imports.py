"""The import journal: what each import created or changed, so it can be undone."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from patenbuero.db.base import Base


class ImportRun(Base):
    """One import as the office ran it: kind, when, counts; ``undone_at`` once undone.

    Only the bare file name is kept (never the folder); the run and its changes are
    deleted after the journal's retention period, because the before-images hold
    personal data.
    """

    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(300), default="")
    file_name: Mapped[str] = mapped_column(String(260), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(String(300), default="")
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    undo_summary: Mapped[str] = mapped_column(String(300), default="")

    changes: Mapped[list[ImportChange]] = relationship(
        back_populates="run", cascade="all, delete-orphan", passive_deletes=True
    )


class ImportChange(Base):
    """One record an import created or updated, with what it looked like before.

    ``before``: the changed fields' old values as JSON (updates only). ``after_version``
    (records with a version number) or ``after_state`` (JSON of the record, others) is
    the record as the import left it: if it differs at undo time, someone changed it.
    """

    __tablename__ = "import_change"
    __table_args__ = (Index("ix_import_change_table_row", "table_name", "row_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("import_run.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))  # created | updated
    before: Mapped[str | None] = mapped_column(Text)
    after_version: Mapped[int | None] = mapped_column(Integer)
    after_state: Mapped[str | None] = mapped_column(Text)

    run: Mapped[ImportRun] = relationship(back_populates="changes")
