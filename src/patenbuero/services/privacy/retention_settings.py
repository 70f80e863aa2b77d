"""How long the office keeps data, per purpose (Art. 5(1)(e) DSGVO), kept in the database.

The defaults and why they were chosen are in the README (section Datenschutz).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from patenbuero.db.models import Setting
from patenbuero.errors import ValidationError
from patenbuero.services.core.database import Database

KEY = "privacy_retention"
MAX_YEARS = 30


@dataclass(frozen=True)
class RetentionSettings:
    participants_years: int = 2  # after the last event, events without a funder
    funded_years: int = 5  # after the end of the year of a funded event (ANBest-P 6.5)
    inquiries_years: int = 1  # after the inquiry was closed
    funder_years: dict[str, int] = field(default_factory=dict)  # longer for some funders

    def years_for(self, funder: str) -> int:
        return self.funder_years.get(funder, self.funded_years)


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
            {str(k): int(v) for k, v in dict(data.get("funder_years", {})).items()},
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
    for funder, years in settings.funder_years.items():
        if not funder.strip() or not 1 <= years <= MAX_YEARS:
            raise ValidationError(
                f"Die Frist für „{funder}“ muss zwischen 1 und {MAX_YEARS} Jahren liegen.",
                field="funder_years",
            )
    value = json.dumps(
        {
            "participants_years": settings.participants_years,
            "funded_years": settings.funded_years,
            "inquiries_years": settings.inquiries_years,
            "funder_years": settings.funder_years,
        },
        ensure_ascii=False,
    )
    with db.unit_of_work() as session:
        session.merge(Setting(key=KEY, value=value))
