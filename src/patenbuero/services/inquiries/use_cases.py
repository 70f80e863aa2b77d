"""Use cases of inquiries (Anfragen): list, record, edit, close and reopen.

Suggestions live in :mod:`patenbuero.services.inquiries.matching`, forwarding to
member projects and its e-mail in :mod:`patenbuero.services.inquiries.forwarding`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from patenbuero.db.enums import (
    ConsentPurpose,
    InquiryChannel,
    InquiryKind,
    InquiryStatus,
    SubjectKind,
)
from patenbuero.db.models import District, Forwarding, Inquiry, MemberProject, TargetGroup
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core import field_checks, labels
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.core.row_reuse import RowReuse
from patenbuero.services.core.versions import check_version
from patenbuero.services.privacy import (
    ConsentInput,
    SubjectRef,
    add_consent,
    add_withdrawal,
    has_basis,
)

# An open inquiry nobody has forwarded for longer than this many days is marked.
WAITING_DAYS = 14
GONE = "Die Anfrage gibt es nicht mehr; die Liste wurde aktualisiert."


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
    notes: str = ""
    forwarding_count: int = 0
    days_open: int = 0  # days since it came in, counted while it is open
    waiting: bool = False  # open, never forwarded, older than WAITING_DAYS


@dataclass(frozen=True)
class ForwardingRow:
    id: int
    project_id: int
    project_name: str
    forwarded_on: dt.date
    note: str
    outcome: str = "unknown"
    outcome_label: str = ""
    outcome_on: dt.date | None = None
    follow_up_on: dt.date | None = None


@dataclass(frozen=True)
class InquiryInput:
    """What the form sends to record or change an inquiry."""

    name: str
    kind: str = InquiryKind.BECOME_VOLUNTEER.value
    received_on: dt.date | None = None
    email: str = ""
    phone: str = ""
    message: str = ""
    target_group_id: int | None = None
    district_id: int | None = None
    notes: str = ""
    status: str = InquiryStatus.OPEN.value
    channel: str = InquiryChannel.UNKNOWN.value
    pass_on_consent: bool | None = None  # None: leave the recorded consent as it is
    consent_source: str = ""  # how it was given: Webformular, Papier, E-Mail, mündlich
    expected_version: int | None = None  # the version the user started from


@dataclass(frozen=True)
class InquiryDetail:
    """Every field of one inquiry and its forwardings, oldest first."""

    id: int
    kind: str
    kind_label: str
    received_on: dt.date
    name: str
    email: str
    phone: str
    message: str
    target_group_id: int | None
    target_group: str
    district_id: int | None
    district: str
    notes: str
    status: str
    status_label: str
    forwardings: tuple[ForwardingRow, ...]
    channel: str = "unknown"
    pass_on_consent: bool = False  # may be passed on to projects with name and contact
    version: int = 1


def input_from_detail(detail: InquiryDetail) -> InquiryInput:
    """The stored inquiry as form input (the base or the other side of a conflict)."""
    keep = set(InquiryInput.__dataclass_fields__) - {"consent_source", "expected_version"}
    values = {key: getattr(detail, key) for key in keep}
    return InquiryInput(**values, expected_version=detail.version)


def list_inquiries(
    db: Database, *, status: str | None = None, today: dt.date | None = None
) -> list[InquiryRow]:
    """All inquiries (or those with ``status``), newest first, with where they went."""
    today = today or dt.date.today()
    # Plain columns and one query for all forwardings, no ORM objects: 3,000 inquiries
    # load in a fraction of the time.
    query = (
        select(
            Inquiry.id,
            Inquiry.received_on,
            Inquiry.kind,
            Inquiry.name,
            Inquiry.email,
            Inquiry.phone,
            Inquiry.message,
            TargetGroup.name,
            District.name,
            Inquiry.status,
            Inquiry.notes,
        )
        .outerjoin(TargetGroup, Inquiry.target_group_id == TargetGroup.id)
        .outerjoin(District, Inquiry.district_id == District.id)
        .order_by(Inquiry.received_on.desc(), Inquiry.id.desc())
    )
    forwarded = (
        select(Forwarding.inquiry_id, MemberProject.name)
        .join(MemberProject, Forwarding.project_id == MemberProject.id)
        .order_by(Forwarding.forwarded_on, Forwarding.id)
    )
    if status is not None:
        query = query.where(Inquiry.status == status)
        forwarded = forwarded.join(Inquiry, Forwarding.inquiry_id == Inquiry.id).where(
            Inquiry.status == status
        )
    with db.reading() as session:
        # Through the connection: plain rows, without the ORM's result handling.
        connection = session.connection()
        found = connection.execute(query).all()
        projects: dict[int, list[str]] = {}
        for inquiry_id, project_name in connection.execute(forwarded).all():
            projects.setdefault(inquiry_id, []).append(project_name)
    no_projects: tuple[str, ...] = ()
    # Plain tuples as keys (a Row compares in Python, a tuple in C).
    return _list_rows.rows(
        (*values, tuple(projects.get(values[0], no_projects)), today) for values in found
    )


def _list_row(source: tuple[Any, ...]) -> InquiryRow:
    """One row of the list from its columns, the projects it went to and the day."""
    (
        inquiry_id,
        received_on,
        kind,
        name,
        email,
        phone,
        message,
        target_group,
        district,
        inquiry_status,
        notes,
        names,
        today,
    ) = source
    is_open = inquiry_status == InquiryStatus.OPEN.value
    days_open = max(0, (today - received_on).days) if is_open else 0
    return InquiryRow(
        id=inquiry_id,
        received_on=received_on,
        kind=kind,
        kind_label=labels.label(labels.INQUIRY_KIND, kind),
        name=name,
        email=email,
        phone=phone,
        message=message,
        target_group=target_group or "",
        district=district or "",
        status=inquiry_status,
        status_label=labels.label(labels.INQUIRY_STATUS, inquiry_status),
        forwarded_to=", ".join(names),
        notes=notes,
        forwarding_count=len(names),
        days_open=days_open,
        waiting=is_open and not names and days_open > WAITING_DAYS,
    )


# F5 gets the same row objects back for inquiries that did not change (see RowReuse).
_list_rows = RowReuse(_list_row)


def get_inquiry(db: Database, inquiry_id: int) -> InquiryDetail:
    """One inquiry with its forwardings; NotFoundError if it is gone."""
    with db.reading() as session:
        return _stored_detail(session, load_inquiry(session, inquiry_id))


def _stored_detail(session: Session, inquiry: Inquiry) -> InquiryDetail:
    consent = has_basis(session, _ref(inquiry.id), ConsentPurpose.PASS_ON)
    return replace(_detail(inquiry), pass_on_consent=consent)


def _ref(inquiry_id: int) -> SubjectRef:
    return SubjectRef(SubjectKind.INQUIRY.value, inquiry_id)


def _record_pass_on(session: Session, inquiry: Inquiry, values: InquiryInput) -> None:
    """The tick "einverstanden mit Weitergabe": given, withdrawn or unchanged (None)."""
    if values.pass_on_consent is None:
        return
    ref = _ref(inquiry.id)
    now = dt.datetime.now()
    given = has_basis(session, ref, ConsentPurpose.PASS_ON)
    if values.pass_on_consent and not given:
        consent = ConsentInput(
            ConsentPurpose.PASS_ON.value,
            "consent",
            inquiry.received_on,
            values.consent_source or "Webformular",
        )
        add_consent(session, ref, consent, now)
    elif not values.pass_on_consent and given:
        add_withdrawal(session, ref, ConsentPurpose.PASS_ON.value, now.date(), now)


@logged_action("inquiry.save")
def save_inquiry(
    db: Database, inquiry_id: int | None, values: InquiryInput, *, today: dt.date | None = None
) -> int:
    """Record a new inquiry (``inquiry_id`` None) or change one; returns its id.

    Raises ValidationError naming the field (name, email, phone, received_on,
    kind, status, target_group, district) and changes nothing then.
    """
    today = today or dt.date.today()
    with db.unit_of_work() as session:
        inquiry = Inquiry() if inquiry_id is None else load_inquiry(session, inquiry_id, lock=True)
        checked = _checked(session, values, today)
        _check_retired(session, inquiry, values)
        if inquiry_id is not None:
            check_version(
                inquiry.version,
                values.expected_version,
                inquiry.name,
                replace(values, **checked),  # type: ignore[arg-type]
                lambda: input_from_detail(_stored_detail(session, inquiry)),
            )
        if checked["status"] == InquiryStatus.FORWARDED and not inquiry.forwardings:
            raise ValidationError(
                "„weitergeleitet“ gilt erst, wenn die Anfrage an ein Projekt weitergeleitet "
                "wurde. Wählen Sie dafür unter „Passende Projekte“ ein Projekt aus.",
                field="status",
            )
        for key, value in checked.items():
            setattr(inquiry, key, value)
        if inquiry_id is None:
            session.add(inquiry)
        session.flush()
        _record_pass_on(session, inquiry, values)
        return inquiry.id


def _check_retired(session: Session, inquiry: Inquiry, values: InquiryInput) -> None:
    """A retired target group or district stays on an inquiry but is not newly chosen."""
    entries: list[tuple[TargetGroup | District | None, str]] = [
        (
            _newly_chosen(session, TargetGroup, values.target_group_id, inquiry.target_group_id),
            "target_group",
        ),
        (_newly_chosen(session, District, values.district_id, inquiry.district_id), "district"),
    ]
    for entry, field in entries:
        if entry is not None and entry.retired:
            raise ValidationError(
                f"„{entry.name}“ wird nicht mehr verwendet; bitte wählen Sie einen anderen "
                "Eintrag.",
                field=field,
            )


def _newly_chosen(session: Session, model: Any, chosen: int | None, had: int | None) -> Any:
    return None if chosen is None or chosen == had else session.get(model, chosen)


@logged_action("inquiry.close")
def close_inquiry(db: Database, inquiry_id: int) -> None:
    """Mark an inquiry as erledigt."""
    with db.unit_of_work() as session:
        inquiry = load_inquiry(session, inquiry_id)
        inquiry.status = InquiryStatus.CLOSED.value
        inquiry.closed_on = dt.date.today()  # retention counts from here


@logged_action("inquiry.reopen")
def reopen_inquiry(db: Database, inquiry_id: int) -> str:
    """Open a closed inquiry again: weitergeleitet if it was, else offen. Returns the status."""
    with db.unit_of_work() as session:
        inquiry = load_inquiry(session, inquiry_id)
        status = InquiryStatus.FORWARDED if inquiry.forwardings else InquiryStatus.OPEN
        inquiry.status = status.value
        inquiry.closed_on = None
        return status.value


def kind_choices() -> list[tuple[str, str]]:
    """``(value, German label)`` of every Anliegen."""
    return [(kind.value, text) for kind, text in labels.INQUIRY_KIND.items()]


def channel_choices() -> list[tuple[str, str]]:
    return [(str(value), label) for value, label in labels.INQUIRY_CHANNEL.items()]


def outcome_choices() -> list[tuple[str, str]]:
    return [(str(value), label) for value, label in labels.FORWARDING_OUTCOME.items()]


def status_choices() -> list[tuple[str, str]]:
    """``(value, German label)`` of every status."""
    return [(status.value, text) for status, text in labels.INQUIRY_STATUS.items()]


def _checked(session: Session, values: InquiryInput, today: dt.date) -> dict[str, object]:
    """The values to store, checked field by field in the order of the form."""
    if values.kind not in {kind.value for kind in InquiryKind}:
        raise ValidationError("Bitte wählen Sie das Anliegen der Anfrage.", field="kind")
    if values.received_on is None:
        raise ValidationError("Bitte geben Sie an, wann die Anfrage einging.", field="received_on")
    field_checks.not_in_future(values.received_on, "received_on", "Das Eingangsdatum", today)
    name = field_checks.required(
        values.name, "name", "Bitte geben Sie den Namen der anfragenden Person an."
    )
    name = field_checks.limited(name, "name", "Der Name", field_checks.NAME_LIMIT)
    long = field_checks.LONG_TEXT_LIMIT
    message = field_checks.limited(values.message, "message", "Die Nachricht", long, multiline=True)
    notes = field_checks.limited(values.notes, "notes", "Die Notizen", long, multiline=True)
    email = field_checks.email(values.email)
    phone = field_checks.phone(values.phone)
    if values.target_group_id is not None and not session.get(TargetGroup, values.target_group_id):
        raise ValidationError("Diese Zielgruppe gibt es nicht mehr.", field="target_group")
    if values.district_id is not None and not session.get(District, values.district_id):
        raise ValidationError("Diesen Stadtteil gibt es nicht mehr.", field="district")
    if values.status not in {status.value for status in InquiryStatus}:
        raise ValidationError("Bitte wählen Sie einen Status.", field="status")
    if values.channel not in {channel.value for channel in InquiryChannel}:
        raise ValidationError("Bitte wählen Sie, wie die Anfrage kam.", field="channel")
    return {
        "kind": values.kind,
        "received_on": values.received_on,
        "name": name,
        "email": email,
        "phone": phone,
        "message": message,
        "target_group_id": values.target_group_id,
        "district_id": values.district_id,
        "notes": notes,
        "status": values.status,
        "channel": values.channel,
    }


def load_inquiry(session: Session, inquiry_id: int, *, lock: bool = False) -> Inquiry:
    """The inquiry with target group, district and forwardings; NotFoundError if gone.

    ``lock``: held until the unit of work ends (PostgreSQL: FOR UPDATE), for a save.
    """
    if lock:
        session.get(Inquiry, inquiry_id, with_for_update=True, populate_existing=True)
    inquiry = session.scalars(
        select(Inquiry)
        .where(Inquiry.id == inquiry_id)
        .options(
            joinedload(Inquiry.target_group),
            joinedload(Inquiry.district),
            selectinload(Inquiry.forwardings).joinedload(Forwarding.project),
        )
    ).first()
    if inquiry is None:
        raise NotFoundError(GONE)
    return inquiry


def _detail(inquiry: Inquiry) -> InquiryDetail:
    return InquiryDetail(
        id=inquiry.id,
        kind=inquiry.kind,
        kind_label=labels.label(labels.INQUIRY_KIND, inquiry.kind),
        received_on=inquiry.received_on,
        name=inquiry.name,
        email=inquiry.email,
        phone=inquiry.phone,
        message=inquiry.message,
        target_group_id=inquiry.target_group_id,
        target_group=inquiry.target_group.name if inquiry.target_group else "",
        district_id=inquiry.district_id,
        district=inquiry.district.name if inquiry.district else "",
        notes=inquiry.notes,
        status=inquiry.status,
        status_label=labels.label(labels.INQUIRY_STATUS, inquiry.status),
        forwardings=tuple(
            ForwardingRow(
                f.id,
                f.project_id,
                f.project.name,
                f.forwarded_on,
                f.note,
                f.outcome,
                labels.label(labels.FORWARDING_OUTCOME, f.outcome),
                f.outcome_on,
                f.follow_up_on or f.forwarded_on + dt.timedelta(days=14),
            )
            for f in inquiry.forwardings
        ),
        channel=inquiry.channel,
        version=inquiry.version,
    )
