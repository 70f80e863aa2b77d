"""Träger, member projects and the lists they are tagged with."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from patenbuero.db.base import Base, enum_check
from patenbuero.db.enums import OrganisationKind, ProjectStatus

if TYPE_CHECKING:
    from patenbuero.db.models.contacts import Contact

project_target_group = Table(
    "project_target_group",
    Base.metadata,
    Column("project_id", ForeignKey("member_project.id", ondelete="CASCADE"), primary_key=True),
    Column("target_group_id", ForeignKey("target_group.id", ondelete="RESTRICT"), primary_key=True),
)

project_district = Table(
    "project_district",
    Base.metadata,
    Column("project_id", ForeignKey("member_project.id", ondelete="CASCADE"), primary_key=True),
    Column("district_id", ForeignKey("district.id", ondelete="RESTRICT"), primary_key=True),
)


class Organisation(Base):
    """A Träger: the body that runs one or more projects."""

    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Optimistic locking: an UPDATE only succeeds on the version it was read at.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The key of an OrganisationKindEntry; built-in keys are those of OrganisationKind.
    kind: Mapped[str] = mapped_column(
        String(30),
        ForeignKey("organisation_kind.key", ondelete="RESTRICT"),
        default=OrganisationKind.ASSOCIATION.value,
    )
    address: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")

    projects: Mapped[list[MemberProject]] = relationship(back_populates="organisation")


class TargetGroup(Base):
    __tablename__ = "target_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # No longer offered for new choices; projects and inquiries that use it keep it.
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class District(Base):
    """A Stadtteil of Halle (Saale)."""

    __tablename__ = "district"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class MemberProject(Base):
    """A Mitgliedsprojekt (Patenprojekt). Never deleted silently: leaving sets status."""

    __tablename__ = "member_project"
    __table_args__ = (enum_check("status", ProjectStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Optimistic locking: an UPDATE only succeeds on the version it was read at.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    name: Mapped[str] = mapped_column(String(200), unique=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(10), default=ProjectStatus.ACTIVE.value)
    member_since: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    leitbild_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    serves_whole_city: Mapped[bool] = mapped_column(Boolean, default=False)
    flyer_text: Mapped[str] = mapped_column(Text, default="")
    portrait_text: Mapped[str] = mapped_column(Text, default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    logo_mime: Mapped[str] = mapped_column(String(40), default="")
    seeks_volunteers: Mapped[bool] = mapped_column(Boolean, default=False)
    time_commitment: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[Organisation | None] = relationship(back_populates="projects")
    target_groups: Mapped[list[TargetGroup]] = relationship(
        secondary=project_target_group, order_by=TargetGroup.sort_order
    )
    districts: Mapped[list[District]] = relationship(
        secondary=project_district, order_by=District.name
    )
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="project", order_by="Contact.last_name"
    )
