"""How the conflict dialog names and shows the fields of an event and its Tagesordnung."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from patenbuero.services.core.labels import EVENT_KIND, EVENT_STATUS
from patenbuero.ui.common.conflict_dialog import default_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("event_conflict", text)


def event_field_labels() -> dict[str, str]:
    return {
        "title": _tr("Titel"),
        "kind": _tr("Art"),
        "status": _tr("Status"),
        "starts_at": _tr("Beginn"),
        "ends_at": _tr("Ende"),
        "all_day": _tr("ganztägig"),
        "location": _tr("Ort"),
        "address": _tr("Adresse"),
        "online_url": _tr("Online-Link"),
        "description": _tr("Beschreibung"),
        "speaker": _tr("Referent:in"),
        "capacity": _tr("Plätze"),
        "registration_deadline": _tr("Anmeldefrist"),
        "responsible_project_id": _tr("Verantwortliches Projekt"),
        "responsible_contact_id": _tr("Ansprechperson"),
        "series_id": _tr("Fortbildungsreihe"),
        "module_number": _tr("Modul"),
        "agenda": _tr("Tagesordnung"),
    }


def show_event_value(field: str, value: Any) -> str:
    if field == "kind":
        return EVENT_KIND.get(value, str(value))
    if field == "status":
        return EVENT_STATUS.get(value, str(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if field == "agenda":
        return (
            "\n".join(
                f"{n}. {item.title} ({item.duration_minutes} min)"
                for n, item in enumerate(value, 1)
            )
            or "–"
        )
    if field.endswith("_id") and value is not None:
        return _tr("Nr. %1").replace("%1", str(value))
    return default_text(value)
