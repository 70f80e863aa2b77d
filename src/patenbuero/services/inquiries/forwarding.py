"""Weiterleitung: record that an inquiry went to member projects, and the e-mail to send.

Each project gets an inquiry once; forwarding it again is refused by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from patenbuero.db.enums import ConsentPurpose, InquiryStatus, ProjectStatus, SubjectKind
from patenbuero.db.models import Forwarding, MemberProject
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.io.mail import WINDOWS_MAILTO_LIMIT
from patenbuero.services.core import field_checks, labels
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import NetworkTexts, load_texts
from patenbuero.services.inquiries.follow_up import FOLLOW_UP_DAYS
from patenbuero.services.inquiries.use_cases import (
    ForwardingRow,
    InquiryDetail,
    get_inquiry,
    load_inquiry,
)
from patenbuero.services.privacy import SubjectRef, has_basis


@dataclass(frozen=True)
class ForwardResult:
    """What happened: the new forwardings and those that existed already."""

    forwarded: tuple[ForwardingRow, ...]
    already: tuple[ForwardingRow, ...]

    def message(self) -> str:
        """One German sentence or two, for the status bar or the command line."""
        parts = []
        if self.forwarded:
            names = ", ".join(f"„{f.project_name}“" for f in self.forwarded)
            parts.append(f"Weitergeleitet an {names}.")
        parts.extend(_already_text(f) for f in self.already)
        return " ".join(parts)


@dataclass(frozen=True)
class ForwardingMail:
    """The e-mail that hands an inquiry to one project."""

    project_id: int
    project_name: str
    to: str  # the project's e-mail, else its first contact's; may be empty
    subject: str
    body: str

    @property
    def mailto_url(self) -> str:
        return mailto_url(self.to, self.subject, self.body)

    @property
    def body_in_link(self) -> bool:
        return "&body=" in self.mailto_url


def mailto_url(to: str, subject: str, body: str) -> str:
    """A mailto: link; without the text when it would be too long for Windows."""
    head = "mailto:" + quote(to.strip(), safe="@") + "?subject=" + quote(subject, safe="")
    full = head + "&body=" + quote(body, safe="")
    return full if len(full) <= WINDOWS_MAILTO_LIMIT else head


def forward_inquiry(
    db: Database,
    inquiry_id: int,
    project_ids: Sequence[int],
    forwarded_on: dt.date | None,
    note: str = "",
    *,
    today: dt.date | None = None,
) -> ForwardResult:
    """Record a Weiterleitung per project and mark the inquiry weitergeleitet.

    Projects that already got the inquiry are skipped and reported in
    ``already``; if none is left, ValidationError(field="projects") says so and
    nothing changes. Other errors name the field: projects, forwarded_on.
    """
    today = today or dt.date.today()
    wanted = list(dict.fromkeys(project_ids))
    if not wanted:
        raise ValidationError("Bitte wählen Sie mindestens ein Projekt.", field="projects")
    if forwarded_on is None:
        raise ValidationError(
            "Bitte geben Sie das Datum der Weiterleitung an.", field="forwarded_on"
        )
    field_checks.not_in_future(forwarded_on, "forwarded_on", "Das Datum der Weiterleitung", today)
    with db.unit_of_work() as session:
        inquiry = load_inquiry(session, inquiry_id)
        if inquiry.status == InquiryStatus.CLOSED:
            raise ValidationError(
                "Die Anfrage ist erledigt. Öffnen Sie sie wieder, um sie weiterzuleiten.",
                field="projects",
            )
        if forwarded_on < inquiry.received_on:
            raise ValidationError(
                f"Die Weiterleitung kann nicht vor dem Eingang der Anfrage "
                f"({inquiry.received_on:%d.%m.%Y}) liegen.",
                field="forwarded_on",
            )
        existing = {f.project_id: f for f in inquiry.forwardings}
        already = tuple(_forwarding_row(existing[pid]) for pid in wanted if pid in existing)
        new_ids = [pid for pid in wanted if pid not in existing]
        if not new_ids:
            raise ValidationError(
                " ".join(_already_text(f) for f in already) + " Es wurde nichts weitergeleitet.",
                field="projects",
            )
        projects = {p.id: p for p in session.scalars(_projects(new_ids))}
        forwarded = []
        for project_id in new_ids:
            project = projects.get(project_id)
            if project is None:
                raise NotFoundError("Ein gewähltes Projekt gibt es nicht mehr.")
            if project.status != ProjectStatus.ACTIVE:
                state = labels.label(labels.PROJECT_STATUS, project.status)
                raise ValidationError(
                    f"„{project.name}“ ist {state} und bekommt keine Anfragen.", field="projects"
                )
            forwarding = Forwarding(
                project=project,
                forwarded_on=forwarded_on,
                note=note.strip(),
                follow_up_on=forwarded_on + dt.timedelta(days=FOLLOW_UP_DAYS),
            )
            inquiry.forwardings.append(forwarding)
            forwarded.append(forwarding)
        inquiry.status = InquiryStatus.FORWARDED.value
        session.flush()
        return ForwardResult(tuple(_forwarding_row(f) for f in forwarded), already)


def forwarding_mail(db: Database, inquiry_id: int, project_id: int) -> ForwardingMail:
    """The e-mail text handing the inquiry to one project, with its address."""
    inquiry = get_inquiry(db, inquiry_id)
    with db.reading() as session:
        project = session.scalars(_projects([project_id])).first()
        if project is None:
            raise NotFoundError("Das Projekt gibt es nicht mehr.")
        contact_emails = [c.email for c in project.contacts if c.email]
        to = project.email or (contact_emails[0] if contact_emails else "")
        name = project.name
    texts = load_texts(db)
    note = next((f.note for f in inquiry.forwardings if f.project_id == project_id), "")
    with db.reading() as session:
        may_pass_on = has_basis(
            session, SubjectRef(SubjectKind.INQUIRY.value, inquiry_id), ConsentPurpose.PASS_ON
        )
    if not may_pass_on:
        return _mail_without_personal_data(project_id, name, to, inquiry, note, texts)
    lines = [
        f"Liebe Kolleg:innen von {name},",
        "",
        "bei uns ist eine Anfrage eingegangen, die gut zu Ihrem Projekt passen könnte. "
        "Die Person ist einverstanden, dass wir ihre Angaben an Sie weitergeben. "
        "Bitte nehmen Sie direkt Kontakt mit ihr auf.",
        "",
        f"Anliegen: {inquiry.kind_label}",
        f"Eingegangen am: {inquiry.received_on:%d.%m.%Y}",
        f"Name: {inquiry.name}",
    ]
    details = (
        ("E-Mail", inquiry.email),
        ("Telefon", inquiry.phone),
        ("Zielgruppe", inquiry.target_group),
        ("Stadtteil", inquiry.district),
    )
    lines.extend(f"{label}: {value}" for label, value in details if value)
    if inquiry.message:
        lines += ["", "Nachricht:", inquiry.message]
    if note:
        lines += ["", f"Hinweis von uns: {note}"]
    lines += [
        "",
        "Geben Sie uns gern kurz Bescheid, ob eine Patenschaft zustande kommt.",
        "",
        "Mit freundlichen Grüßen",
        texts.office_name or texts.network_name,
    ]
    return ForwardingMail(
        project_id=project_id,
        project_name=name,
        to=to,
        subject=f"Anfrage aus dem {texts.network_name}: {inquiry.name}",
        body="\n".join(lines),
    )


def _mail_without_personal_data(
    project_id: int, name: str, to: str, inquiry: InquiryDetail, note: str, texts: NetworkTexts
) -> ForwardingMail:
    """Without consent to pass on, the project learns that there is someone, not who."""
    lines = [
        f"Liebe Kolleg:innen von {name},",
        "",
        "bei uns ist eine Anfrage eingegangen, die gut zu Ihrem Projekt passen könnte. "
        "Die Person hat der Weitergabe ihrer Daten noch nicht zugestimmt; diese Mail "
        "enthält deshalb keine personenbezogenen Angaben. Wenn Sie Interesse haben, "
        "antworten Sie uns bitte: Wir fragen die Person und vermitteln den Kontakt.",
        "",
        f"Anliegen: {inquiry.kind_label}",
        f"Eingegangen am: {inquiry.received_on:%d.%m.%Y}",
    ]
    lines.extend(
        f"{label}: {value}"
        for label, value in (("Zielgruppe", inquiry.target_group), ("Stadtteil", inquiry.district))
        if value
    )
    if note:
        lines += ["", f"Hinweis von uns: {note}"]
    lines += ["", "Mit freundlichen Grüßen", texts.office_name or texts.network_name]
    return ForwardingMail(
        project_id=project_id,
        project_name=name,
        to=to,
        subject=f"Anfrage aus dem {texts.network_name} (ohne Personendaten)",
        body="\n".join(lines),
    )


def _projects(project_ids: Sequence[int]) -> Select[MemberProject]:
    return (
        select(MemberProject)
        .where(MemberProject.id.in_(project_ids))
        .options(selectinload(MemberProject.contacts))
    )


def _forwarding_row(forwarding: Forwarding) -> ForwardingRow:
    return ForwardingRow(
        forwarding.id,
        forwarding.project_id,
        forwarding.project.name,
        forwarding.forwarded_on,
        forwarding.note,
    )


def _already_text(forwarding: ForwardingRow) -> str:
    return (
        f"„{forwarding.project_name}“ hat diese Anfrage schon am "
        f"{forwarding.forwarded_on:%d.%m.%Y} bekommen."
    )
