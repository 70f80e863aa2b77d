"""Office settings for printing (badge printer offset), kept in the database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from patenbuero.db.models import Setting
from patenbuero.errors import ValidationError
from patenbuero.services.core.database import Database

OFFSET_LIMIT_MM = 20.0
KEYS = ("badge_offset_x_mm", "badge_offset_y_mm")


@dataclass(frozen=True)
class PrintSettings:
    badge_offset_x_mm: float = 0.0
    badge_offset_y_mm: float = 0.0


def load_print_settings(db: Database) -> PrintSettings:
    with db.reading() as session:
        stored = dict(
            session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(KEYS))).all()
        )
    values = {}
    for key in KEYS:
        try:
            values[key] = float(stored.get(key, "0") or 0)
        except ValueError:
            values[key] = 0.0
    return PrintSettings(**values)


def save_print_settings(db: Database, settings: PrintSettings) -> None:
    for key in KEYS:
        value = getattr(settings, key)
        if abs(value) > OFFSET_LIMIT_MM:
            raise ValidationError(
                f"Der Druckerversatz darf höchstens ±{OFFSET_LIMIT_MM:g} mm betragen.", field=key
            )
    with db.unit_of_work() as session:
        for key in KEYS:
            session.merge(Setting(key=key, value=f"{getattr(settings, key):g}"))
