"""After a Weiterleitung: when to ask the project again, what came of it, what is due.

A forwarding is due for a follow-up question from its follow-up date (by default
FOLLOW_UP_DAYS after forwarding) until the project's answer is final. The inquiry
closes by itself when a Patenschaft began or every forwarding has a final outcome.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import joinedload

from patenbuero.db.enums import FINAL_OUTCOMES, ForwardingOutcome, InquiryStatus
from patenbuero.db.models import Forwarding, Inquiry
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core import field_checks, labels
from patenbuero.services.core.database import Database

FOLLOW_UP_DAYS = 14
GONE = "Die Weiterleitung gibt es nicht mehr; die Liste wurde aktualisiert."


@dataclass(frozen=True)
class FollowUpRow:
    """One forwarding with its inquiry, for the due list and the project page."""

    forwarding_id: int
    inquiry_id: int
    inquiry_name: str
    kind_label: str
    project_id: int
    project_name: str
    forwarded_on: dt.date
    follow_up_on: dt.date
    outcome: str
    outcome_label: str
    outcome_on: dt.date | None
    days_overdue: int  # 0 when not yet due or answered

    @property
    def is_final(self) -> bool:
        return self.outcome in FINAL_OUTCOMES


def follow_up_date(forwarding: Forwarding) -> dt.date:
    """The date to ask the project again (stored, else forwarded_on + 14 days)."""
    return forwarding.follow_up_on or forwarding.forwarded_on + dt.timedelta(days=FOLLOW_UP_DAYS)


def record_outcome(
    db: Database,
    forwarding_id: int,
    outcome: str,
    on: dt.date | None = None,
    *,
    today: dt.date | None = None,
) -> str:
    """Record what came of a forwarding on date ``on`` (default today).

    Returns the inquiry's status afterwards: closed when a Patenschaft began or
    every forwarding has a final outcome; back to weitergeleitet when an outcome
    that had closed it is taken back.
    """
    today = today or dt.date.today()
    on = on or today
    if outcome not in {value.value for value in ForwardingOutcome}:
        raise ValidationError("Unbekanntes Ergebnis der Weiterleitung.", field="outcome")
    field_checks.not_in_future(on, "outcome_on", "Das Datum des Ergebnisses", today)
    with db.unit_of_work() as session:
        forwarding = session.get(Forwarding, forwarding_id)
        if forwarding is None:
            raise NotFoundError(GONE)
        if on < forwarding.forwarded_on:
            raise ValidationError(
                f"Das Ergebnis kann nicht vor der Weiterleitung "
                f"({forwarding.forwarded_on:%d.%m.%Y}) liegen.",
                field="outcome_on",
            )
        forwarding.outcome = outcome
        forwarding.outcome_on = None if outcome == ForwardingOutcome.UNKNOWN else on
        inquiry = forwarding.inquiry
        outcomes = [f.outcome for f in inquiry.forwardings]
        finished = ForwardingOutcome.STARTED in outcomes or all(
            o in FINAL_OUTCOMES for o in outcomes
        )
        if finished and inquiry.status != InquiryStatus.CLOSED:
            inquiry.status = InquiryStatus.CLOSED.value
            inquiry.closed_on = on
        elif not finished and inquiry.status == InquiryStatus.CLOSED:
            inquiry.status = InquiryStatus.FORWARDED.value
            inquiry.closed_on = None
        return inquiry.status


def set_follow_up(db: Database, forwarding_id: int, on: dt.date | None) -> None:
    """Move the date to ask the project again; None brings back the default."""
    with db.unit_of_work() as session:
        forwarding = session.get(Forwarding, forwarding_id)
        if forwarding is None:
            raise NotFoundError(GONE)
        if on is not None and on < forwarding.forwarded_on:
            raise ValidationError(
                "Die Nachfrage kann nicht vor der Weiterleitung liegen.", field="follow_up_on"
            )
        forwarding.follow_up_on = on


def due_follow_ups(db: Database, *, today: dt.date | None = None) -> list[FollowUpRow]:
    """Forwardings without a final outcome whose follow-up date has come, oldest first."""
    today = today or dt.date.today()
    final = [str(o) for o in FINAL_OUTCOMES]
    with db.reading() as session:
        forwardings = session.scalars(
            _query().where(Forwarding.outcome.not_in(final), Forwarding.forwarded_on <= today)
        ).all()
        rows = [_row(f, today) for f in forwardings]
    due = [row for row in rows if row.follow_up_on <= today]
    return sorted(due, key=lambda row: (row.follow_up_on, row.project_name, row.forwarding_id))


def count_due_follow_ups(db: Database, *, today: dt.date | None = None) -> int:
    """How many follow-ups :func:`due_follow_ups` lists, counted by the database (the
    button of the Anfragen tab; reading whole forwardings cost 0.1-1 s per F5)."""
    today = today or dt.date.today()
    final = [str(o) for o in FINAL_OUTCOMES]
    # Due: on the follow-up date set, or FOLLOW_UP_DAYS after forwarding without one.
    unset_due = today - dt.timedelta(days=FOLLOW_UP_DAYS)
    with db.reading() as session:
        return session.execute(
            select(func.count())
            .select_from(Forwarding)
            .where(
                Forwarding.outcome.not_in(final),
                Forwarding.forwarded_on <= today,
                or_(
                    Forwarding.follow_up_on <= today,
                    and_(Forwarding.follow_up_on.is_(None), Forwarding.forwarded_on <= unset_due),
                ),
            )
        ).scalar_one()


def project_forwardings(
    db: Database, project_id: int, *, today: dt.date | None = None
) -> list[FollowUpRow]:
    """The inquiries forwarded to one project and what came of them, newest first."""
    today = today or dt.date.today()
    with db.reading() as session:
        forwardings = session.scalars(
            _query()
            .where(Forwarding.project_id == project_id)
            .order_by(Forwarding.forwarded_on.desc(), Forwarding.id.desc())
        ).all()
        return [_row(f, today) for f in forwardings]


def _query():  # type: ignore[no-untyped-def]
    return select(Forwarding).options(
        joinedload(Forwarding.project),
        joinedload(Forwarding.inquiry).selectinload(Inquiry.forwardings),
    )


def _row(forwarding: Forwarding, today: dt.date) -> FollowUpRow:
    due_on = follow_up_date(forwarding)
    open_ = forwarding.outcome not in FINAL_OUTCOMES
    return FollowUpRow(
        forwarding_id=forwarding.id,
        inquiry_id=forwarding.inquiry_id,
        inquiry_name=forwarding.inquiry.name,
        kind_label=labels.label(labels.INQUIRY_KIND, forwarding.inquiry.kind),
        project_id=forwarding.project_id,
        project_name=forwarding.project.name,
        forwarded_on=forwarding.forwarded_on,
        follow_up_on=due_on,
        outcome=forwarding.outcome,
        outcome_label=labels.label(labels.FORWARDING_OUTCOME, forwarding.outcome),
        outcome_on=forwarding.outcome_on,
        days_overdue=max(0, (today - due_on).days) if open_ else 0,
    )
