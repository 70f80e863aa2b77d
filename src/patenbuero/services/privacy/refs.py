"""Everyone the office holds data about, named by one reference: P12, A3, K5.

P is a participant (Teilnehmer:in), A an inquirer (Anfrage), K a contact
(Ansprechpartner:in). A bare number means a participant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from patenbuero.db.enums import SubjectKind
from patenbuero.errors import ValidationError

PREFIXES = {
    SubjectKind.PERSON.value: "P",
    SubjectKind.INQUIRY.value: "A",
    SubjectKind.CONTACT.value: "K",
}
_KINDS = {prefix: kind for kind, prefix in PREFIXES.items()}
_PATTERN = re.compile(r"^\s*([PAKpak]?)\s*-?\s*(\d{1,9})\s*$")


@dataclass(frozen=True, order=True)
class SubjectRef:
    kind: str
    id: int

    def __str__(self) -> str:
        return f"{PREFIXES[self.kind]}{self.id}"


def parse_ref(text: str) -> SubjectRef:
    """``P12``, ``A3``, ``K5`` or ``12``; raises ValidationError with one German line."""
    match = _PATTERN.match(text)
    if match is None:
        raise ValidationError(
            f"„{text}“ ist keine Personennummer; erwartet wird z. B. P12, A3 oder K5.",
            field="person",
        )
    prefix, number = match.group(1).upper() or "P", int(match.group(2))
    return SubjectRef(_KINDS[prefix], number)
