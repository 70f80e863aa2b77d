"""The office's editable lists of kinds: Träger kinds and event kinds.

Records store the ``key`` of their kind. Built-in kinds keep the keys of
``db.enums`` (code that treats a network meeting or an info stand specially relies
on them); their ``name`` is only the label the office sees and may be renamed. Kinds
the office adds get a key of their own and have no special behaviour.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from patenbuero.db.base import Base


class _KindColumns:
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # No longer offered for new choices; records that use it keep it.
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class EventKindEntry(_KindColumns, Base):
    """A Veranstaltungsart (Vernetzungstreffen, Fachtag … or one the office added)."""

    __tablename__ = "event_kind"


class OrganisationKindEntry(_KindColumns, Base):
    """An Art of Träger (Verein, Stiftung … or one the office added)."""

    __tablename__ = "organisation_kind"
