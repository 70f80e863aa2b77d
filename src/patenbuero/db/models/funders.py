"""Fördermittelgeber and what an event or a series records about its funding.

Funders want their name, logo, the Maßnahme, the Förderkennzeichen and the
Unterrichtseinheiten on every page of an attendance list; the statistics of the
Sachbericht can be filtered by funder. An event with a funder (its own or its
series') is a funded event for data protection: its attendance list is kept as proof.
"""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from patenbuero.db.base import Base


class Funder(Base):
    """A Fördermittelgeber, e.g. "Stadt Halle (Saale)", with an optional PNG logo."""

    __tablename__ = "funders"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    # years the attendance lists of its events are kept as proof after the end of the
    # event year; None: the default of the retention settings
    proof_years: Mapped[int | None] = mapped_column(Integer)


class FundingMixin:
    """Funding of an event or a series: funder, Maßnahme, Förderkennzeichen, UE."""

    funding_measure: Mapped[str] = mapped_column(String(300), default="")
    funding_code: Mapped[str] = mapped_column(String(100), default="")
    teaching_units: Mapped[float | None] = mapped_column(Float)

    @declared_attr
    def funder_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("funders.id", ondelete="SET NULL"), index=True)

    @declared_attr
    def funder(cls) -> Mapped[Funder | None]:
        return relationship(Funder)
