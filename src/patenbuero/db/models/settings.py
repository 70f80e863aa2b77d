"""The network's own texts and office settings, kept in the database."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from patenbuero.db.base import Base


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    # Optimistic locking: an UPDATE only succeeds on the version it was read at.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    value: Mapped[str] = mapped_column(Text, default="")
