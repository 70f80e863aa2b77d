"""Use cases of inquiries (Anfragen) and their forwarding to member projects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from patenbuero.db.models import Forwarding, Inquiry
from patenbuero.services import labels
from patenbuero.services.database import Database


@dataclass(frozen=True)
class InquiryRow:
    id: int
    received_on: dt.date
    kind: str
    kind_label: str
    name: str
    email: str
    phone: str
    message: str
    target_group: str
    district: str
    status: str
    status_label: str
    forwarded_to: str


def list_inquiries(db: Database) -> list[InquiryRow]:
    """All inquiries, newest first, with where they were forwarded to."""
    with db.reading() as session:
        inquiries = session.scalars(
            select(Inquiry)
            .options(
                joinedload(Inquiry.target_group),
                joinedload(Inquiry.district),
                selectinload(Inquiry.forwardings).joinedload(Forwarding.project),
            )
            .order_by(Inquiry.received_on.desc(), Inquiry.id.desc())
        ).all()
        return [_row(inquiry) for inquiry in inquiries]


def _row(inquiry: Inquiry) -> InquiryRow:
    return InquiryRow(
        id=inquiry.id,
        received_on=inquiry.received_on,
        kind=inquiry.kind,
        kind_label=labels.label(labels.INQUIRY_KIND, inquiry.kind),
        name=inquiry.name,
        email=inquiry.email,
        phone=inquiry.phone,
        message=inquiry.message,
        target_group=inquiry.target_group.name if inquiry.target_group else "",
        district=inquiry.district.name if inquiry.district else "",
        status=inquiry.status,
        status_label=labels.label(labels.INQUIRY_STATUS, inquiry.status),
        forwarded_to=", ".join(f.project.name for f in inquiry.forwardings),
    )
