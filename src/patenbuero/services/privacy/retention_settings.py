"""How long the office keeps data, per purpose (Art. 5(1)(e) DSGVO), kept in the database.

The defaults and why they were chosen are in the README (section Datenschutz).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from patenbuero.db.models import Setting
from patenbuero.errors import ValidationError
from patenbuero.services.core.database import Database

KEY = "privacy_retention"
MAX_YEARS = 30


@dataclass(frozen=True)
class RetentionSettings:
    participants_years: int = 2  # after the last event, events without a funder
    # after the end of the year of a funded event (ANBest-P 6.5), unless the funder has
    # its own proof period (Bearbeiten → Fördermittelgeber)
    funded_years: int = 5
    inquiries_years: int = 1  # after the inquiry was closed

    def years_for(self, proof_years: int | None) -> int:
        """The proof period of a funder: its own years, else the default."""
        return self.funded_years if proof_years is None else proof_years


def load_retention(session: Session) -> RetentionSettings:
    stored = session.get(Setting, KEY)
    if stored is None or not stored.value:
        return RetentionSettings()
    try:
        data = json.loads(stored.value)
        return RetentionSettings(
            int(data.get("participants_years", 2)),
            int(data.get("funded_years", 5)),
            int(data.get("inquiries_years", 1)),
        )
    except (ValueError, TypeError, AttributeError):
        return RetentionSettings()


def retention_settings(db: Database) -> RetentionSettings:
    with db.reading() as session:
        return load_retention(session)


def save_retention(db: Database, settings: RetentionSettings) -> None:
    checks = (
        ("participants_years", settings.participants_years, 0),
        ("funded_years", settings.funded_years, 1),
        ("inquiries_years", settings.inquiries_years, 0),
    )
    for name, years, low in checks:
        if not low <= years <= MAX_YEARS:
            raise ValidationError(
                f"Die Aufbewahrungsfrist muss zwischen {low} und {MAX_YEARS} Jahren liegen.",
                field=name,
            )
    value = json.dumps(
        {
            "participants_years": settings.participants_years,
            "funded_years": settings.funded_years,
            "inquiries_years": settings.inquiries_years,
        },
        ensure_ascii=False,
    )
    with db.unit_of_work() as session:
        session.merge(Setting(key=KEY, value=value))
