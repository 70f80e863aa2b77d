"""The office's mail texts: stored per kind in the settings, checked, filled in.

Filling in uses ``string.Template`` (``${Name}``): a value is put in as text,
never evaluated. A text may only use the known placeholders; ``$$`` writes a
dollar sign.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Template

from sqlalchemy import select

from patenbuero.db.models import Setting
from patenbuero.errors import ValidationError
from patenbuero.services.core.database import Database
from patenbuero.services.mail.kinds import KINDS, PLACEHOLDERS, kind_info


@dataclass(frozen=True)
class MailTemplate:
    kind: str
    label: str
    subject: str
    body: str
    changed: bool  # differs from the program's default text


def _key(kind: str, part: str) -> str:
    return f"mail.{kind}.{part}"


def load_templates(db: Database) -> list[MailTemplate]:
    """Every kind's text: the office's version where saved, else the default."""
    with db.reading() as session:
        rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.like("mail.%")))
        stored = {key: value for key, value in rows}
    result = []
    for info in KINDS:
        subject = stored.get(_key(info.kind, "subject"), info.subject)
        body = stored.get(_key(info.kind, "body"), info.body)
        changed = (subject, body) != (info.subject, info.body)
        result.append(MailTemplate(info.kind, info.label, subject, body, changed))
    return result


def load_template(db: Database, kind: str) -> MailTemplate:
    check_kind(kind)
    return next(t for t in load_templates(db) if t.kind == kind)


def save_template(db: Database, kind: str, subject: str, body: str) -> None:
    """Store the office's text for one kind; refused with the field when not usable."""
    check_kind(kind)
    subject = " ".join(subject.split())
    if not subject:
        raise ValidationError("Bitte geben Sie einen Betreff an.", field="subject")
    check_text(subject, "subject")
    if not body.strip():
        raise ValidationError("Bitte schreiben Sie einen Text.", field="body")
    check_text(body, "body")
    with db.unit_of_work() as session:
        session.merge(Setting(key=_key(kind, "subject"), value=subject))
        session.merge(Setting(key=_key(kind, "body"), value=body.rstrip()))


def reset_template(db: Database, kind: str) -> None:
    """Back to the program's default text."""
    check_kind(kind)
    with db.unit_of_work() as session:
        for part in ("subject", "body"):
            stored = session.get(Setting, _key(kind, part))
            if stored is not None:
                session.delete(stored)


def check_kind(kind: str) -> None:
    try:
        kind_info(kind)
    except KeyError:
        names = ", ".join(info.kind for info in KINDS)
        raise ValidationError(
            f"Diese Mail-Art gibt es nicht. Möglich sind: {names}.", field="kind"
        ) from None


def check_text(text: str, field: str) -> None:
    """Only known placeholders, each written correctly."""
    template = Template(text)
    if not template.is_valid():
        raise ValidationError(
            "Ein $-Zeichen steht ohne Platzhalter. Schreiben Sie $$ für ein Dollarzeichen "
            "oder z. B. ${Name} für einen Platzhalter.",
            field=field,
        )
    unknown = [name for name in template.get_identifiers() if name not in PLACEHOLDERS]
    if unknown:
        known = ", ".join("${" + name + "}" for name in PLACEHOLDERS)
        raise ValidationError(
            f"Den Platzhalter ${{{unknown[0]}}} gibt es nicht. Möglich sind: {known}.",
            field=field,
        )


def fill(text: str, values: Mapping[str, str]) -> str:
    """The text with every placeholder replaced (missing values become empty)."""
    complete = {name: values.get(name, "") for name in PLACEHOLDERS}
    return Template(text).safe_substitute(complete)
