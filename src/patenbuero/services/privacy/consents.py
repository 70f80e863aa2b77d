"""Consent and legal basis per person and purpose, with the whole history kept.

The newest entry per subject and purpose counts. Nothing is overwritten: a change
or a withdrawal is a new entry, so the office can prove what was given when
(Art. 7(1) DSGVO) and withdrawing is as easy as giving.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from patenbuero.db.enums import ACTIVE_LEGAL_BASES, ConsentPurpose, LegalBasis, SubjectKind
from patenbuero.db.models import ConsentRecord, Contact
from patenbuero.errors import ValidationError
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database
from patenbuero.services.privacy.purposes import BASIS_LABELS, purpose, purpose_label
from patenbuero.services.privacy.refs import SubjectRef

ACTIVE_BASES = ACTIVE_LEGAL_BASES


@dataclass(frozen=True)
class ConsentInput:
    purpose: str
    basis: str
    given_on: dt.date | None = None
    source: str = ""
    text_version: str = ""
    given_by: str = ""  # a parent or guardian for children under 16; empty: the person


@dataclass(frozen=True)
class ConsentRow:
    id: int
    purpose: str
    purpose_label: str
    basis: str
    basis_label: str
    given_on: dt.date | None
    source: str
    text_version: str
    given_by: str
    withdrawn_on: dt.date | None
    recorded_at: dt.datetime

    @property
    def active(self) -> bool:
        return self.basis in ACTIVE_BASES and self.withdrawn_on is None

    @property
    def state_label(self) -> str:
        if self.withdrawn_on is not None:
            return f"widerrufen am {self.withdrawn_on:%d.%m.%Y}"
        return self.basis_label


def validated(data: ConsentInput, today: dt.date) -> ConsentInput:
    try:
        entry = purpose(data.purpose)
    except KeyError:
        raise ValidationError(f"Unbekannter Zweck „{data.purpose}“.", field="purpose") from None
    if data.basis not in BASIS_LABELS:
        raise ValidationError(f"Unbekannte Rechtsgrundlage „{data.basis}“.", field="basis")
    if data.basis == LegalBasis.CONTRACT.value and entry.needs_consent:
        raise ValidationError(
            f"Für „{entry.label}“ reicht die Teilnahme nicht; nötig ist eine Einwilligung.",
            field="basis",
        )
    if data.basis == LegalBasis.LEGITIMATE_INTEREST.value and (
        data.purpose != ConsentPurpose.MAILING_LIST.value
    ):
        raise ValidationError(
            "Berechtigtes Interesse gilt nur für Netzwerk-Mails an Mitarbeitende von "
            "Mitgliedsorganisationen.",
            field="basis",
        )
    if data.basis == LegalBasis.CONSENT.value:
        if data.given_on is None:
            raise ValidationError("Bitte geben Sie an, wann eingewilligt wurde.", field="given_on")
        if not data.source.strip():
            raise ValidationError(
                "Bitte geben Sie an, wie eingewilligt wurde (z. B. Webformular, Papier).",
                field="source",
            )
    if data.given_on is not None:
        field_checks.not_in_future(data.given_on, "given_on", "Das Datum der Einwilligung", today)
    return ConsentInput(
        purpose=data.purpose,
        basis=data.basis,
        given_on=data.given_on,
        source=" ".join(data.source.split())[:40],
        text_version=" ".join(data.text_version.split())[:60],
        given_by=" ".join(data.given_by.split())[:200],
    )


def record_consent(
    db: Database, ref: SubjectRef, data: ConsentInput, now: dt.datetime | None = None
) -> int:
    """Add an entry to the history of ``ref`` for one purpose. Returns its id."""
    now = now or dt.datetime.now()
    data = validated(data, now.date())
    with db.unit_of_work() as session:
        return add_consent(session, ref, data, now)


def add_consent(session: Session, ref: SubjectRef, data: ConsentInput, now: dt.datetime) -> int:
    entry = ConsentRecord(
        subject_kind=ref.kind,
        subject_id=ref.id,
        purpose=data.purpose,
        basis=data.basis,
        given_on=data.given_on,
        source=data.source,
        text_version=data.text_version,
        given_by=data.given_by,
        recorded_at=now,
    )
    session.add(entry)
    session.flush()
    return entry.id


def add_consents(
    session: Session, entries: Sequence[tuple[SubjectRef, ConsentInput, dt.datetime]]
) -> list[int]:
    """Add many entries (subject, consent, recorded at) in one statement, e.g. an import;
    their new ids (in no particular order)."""
    if not entries:
        return []
    result = session.execute(
        insert(ConsentRecord).returning(ConsentRecord.id),
        [
            {
                "subject_kind": ref.kind,
                "subject_id": ref.id,
                "purpose": data.purpose,
                "basis": data.basis,
                "given_on": data.given_on,
                "source": data.source,
                "text_version": data.text_version,
                "given_by": data.given_by,
                "withdrawn_on": None,
                "recorded_at": now,
            }
            for ref, data, now in entries
        ],
    )
    return list(result.scalars())


def withdraw_consent(
    db: Database, ref: SubjectRef, purpose_key: str, on: dt.date, now: dt.datetime | None = None
) -> None:
    """Record a withdrawal; the earlier entries stay as history."""
    now = now or dt.datetime.now()
    field_checks.not_in_future(on, "withdrawn_on", "Das Datum des Widerrufs", now.date())
    with db.unit_of_work() as session:
        add_withdrawal(session, ref, purpose_key, on, now)


def add_withdrawal(
    session: Session, ref: SubjectRef, purpose_key: str, on: dt.date, now: dt.datetime
) -> None:
    current = current_consents(session, [ref]).get(ref, {}).get(purpose_key)
    if current is None or not current.active:
        raise ValidationError(
            f"Für „{purpose_label(purpose_key)}“ liegt keine Einwilligung vor, "
            "die widerrufen werden könnte.",
            field="purpose",
        )
    session.add(
        ConsentRecord(
            subject_kind=ref.kind,
            subject_id=ref.id,
            purpose=purpose_key,
            basis=current.basis,
            given_on=current.given_on,
            source=current.source,
            text_version=current.text_version,
            given_by=current.given_by,
            withdrawn_on=on,
            recorded_at=now,
        )
    )


def consent_history(session: Session, ref: SubjectRef) -> list[ConsentRow]:
    """Every entry for ``ref``, newest first."""
    entries = session.scalars(
        select(ConsentRecord)
        .where(ConsentRecord.subject_kind == ref.kind, ConsentRecord.subject_id == ref.id)
        .order_by(ConsentRecord.recorded_at.desc(), ConsentRecord.id.desc())
    )
    return [consent_row(e) for e in entries]


def current_consents(
    session: Session, refs: Iterable[SubjectRef]
) -> dict[SubjectRef, dict[str, ConsentRow]]:
    """The entry that counts, per subject and purpose."""
    wanted = list(refs)
    result: dict[SubjectRef, dict[str, ConsentRow]] = {ref: {} for ref in wanted}
    by_kind: dict[str, list[int]] = {}
    for ref in wanted:
        by_kind.setdefault(ref.kind, []).append(ref.id)
    for kind, ids in by_kind.items():
        for start in range(0, len(ids), 500):
            entries = session.scalars(
                select(ConsentRecord)
                .where(
                    ConsentRecord.subject_kind == kind,
                    ConsentRecord.subject_id.in_(ids[start : start + 500]),
                )
                .order_by(ConsentRecord.recorded_at, ConsentRecord.id)
            )
            for entry in entries:
                result[SubjectRef(kind, entry.subject_id)][entry.purpose] = consent_row(entry)
    return result


def has_basis(session: Session, ref: SubjectRef, purpose_key: str) -> bool:
    current = current_consents(session, [ref])[ref].get(purpose_key)
    return current is not None and current.active


def persons_without_photos(session: Session, person_ids: Iterable[int]) -> set[int]:
    """Participants who did not consent to photos or said no: a discreet mark in print."""
    refs = [SubjectRef(SubjectKind.PERSON.value, pid) for pid in person_ids]
    current = current_consents(session, refs)
    return {
        ref.id
        for ref, purposes in current.items()
        if (row := purposes.get(ConsentPurpose.PHOTOS.value)) is not None and not row.active
    }


def consent_row(entry: ConsentRecord) -> ConsentRow:
    return ConsentRow(
        id=entry.id,
        purpose=entry.purpose,
        purpose_label=purpose_label(entry.purpose),
        basis=entry.basis,
        basis_label=BASIS_LABELS.get(entry.basis, entry.basis),
        given_on=entry.given_on,
        source=entry.source,
        text_version=entry.text_version,
        given_by=entry.given_by,
        withdrawn_on=entry.withdrawn_on,
        recorded_at=entry.recorded_at,
    )


def delete_consents(session: Session, ref: SubjectRef) -> int:
    entries = session.scalars(
        select(ConsentRecord).where(
            ConsentRecord.subject_kind == ref.kind, ConsentRecord.subject_id == ref.id
        )
    ).all()
    for entry in entries:
        session.delete(entry)
    return len(entries)


def contacts_with_mailing_basis(session: Session, contacts: Iterable[Contact]) -> set[int]:
    """Contacts that may get network mail: consent or legitimate interest, not withdrawn.

    Without any recorded entry, the contact's own "Einwilligung am" date counts as
    consent (how the office recorded it before consents per purpose existed).
    """
    listed = list(contacts)
    refs = {c.id: SubjectRef(SubjectKind.CONTACT.value, c.id) for c in listed}
    current = current_consents(session, refs.values())
    allowed = set()
    for contact in listed:
        entry = current[refs[contact.id]].get(ConsentPurpose.MAILING_LIST.value)
        if entry is None:
            if contact.consent_on is not None:
                allowed.add(contact.id)
        elif entry.active:
            allowed.add(contact.id)
    return allowed
