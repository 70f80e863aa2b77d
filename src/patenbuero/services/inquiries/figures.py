"""The inquiries of a year in figures, for the Sachbericht: received and forwarded by
kind and channel, and the Patenschaften that came of a forwarding, where recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from patenbuero.db.enums import ForwardingOutcome, InquiryKind
from patenbuero.db.models import Inquiry
from patenbuero.services.core import labels
from patenbuero.services.core.database import Database


@dataclass(frozen=True)
class InquiryCount:
    kind_label: str
    channel_label: str
    received: int
    forwarded: int


@dataclass(frozen=True)
class InquiryFigures:
    counts: tuple[InquiryCount, ...]
    received: int
    forwarded: int
    forwardings: int
    outcomes_recorded: int
    new_volunteers: int
    """Inquiries "möchte Pat:in werden" with a forwarding that led to a Patenschaft."""


def inquiry_figures(db: Database, year: int) -> InquiryFigures:
    """Figures of the inquiries received in ``year``."""
    with db.reading() as session:
        inquiries = session.scalars(
            select(Inquiry)
            .where(
                Inquiry.received_on >= dt.date(year, 1, 1),
                Inquiry.received_on < dt.date(year + 1, 1, 1),
            )
            .options(selectinload(Inquiry.forwardings))
        ).all()
        groups: dict[tuple[str, str], list[int]] = {}
        forwardings = recorded = new_volunteers = 0
        for inquiry in inquiries:
            counts = groups.setdefault((inquiry.kind, inquiry.channel), [0, 0])
            counts[0] += 1
            counts[1] += bool(inquiry.forwardings)
            outcomes = [f.outcome for f in inquiry.forwardings]
            forwardings += len(outcomes)
            recorded += sum(o != ForwardingOutcome.UNKNOWN.value for o in outcomes)
            if inquiry.kind == InquiryKind.BECOME_VOLUNTEER.value and (
                ForwardingOutcome.STARTED.value in outcomes
            ):
                new_volunteers += 1
    kinds = [str(kind) for kind in labels.INQUIRY_KIND]
    channels = [str(channel) for channel in labels.INQUIRY_CHANNEL]
    order = sorted(
        groups,
        key=lambda key: (
            kinds.index(key[0]) if key[0] in kinds else 99,
            channels.index(key[1]) if key[1] in channels else 99,
        ),
    )
    return InquiryFigures(
        counts=tuple(
            InquiryCount(
                labels.label(labels.INQUIRY_KIND, kind),
                labels.label(labels.INQUIRY_CHANNEL, channel),
                *groups[(kind, channel)],
            )
            for kind, channel in order
        ),
        received=len(inquiries),
        forwarded=sum(count[1] for count in groups.values()),
        forwardings=forwardings,
        outcomes_recorded=recorded,
        new_volunteers=new_volunteers,
    )
