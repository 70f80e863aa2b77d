"""Small helpers of the Anmeldungen tab: the event header and saving a table to a file."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from patenbuero.private_files import write_private
from patenbuero.services.plan.use_cases import EventRow
from patenbuero.services.registrations.attendance import EventCounts
from patenbuero.ui.common import folders
from patenbuero.ui.common.formatting import format_date


def header_html(widget: QWidget, row: EventRow, counts: EventCounts) -> str:
    """Title, date, counts and free places of the chosen event."""
    if row.capacity is None:
        places = widget.tr("ohne Platzbegrenzung")
    elif row.free_places:
        places = (
            widget.tr("%1 von %2 Plätzen frei")
            .replace("%1", str(row.free_places))
            .replace("%2", str(row.capacity))
        )
    else:
        places = widget.tr("<b>ausgebucht</b> (%1 Plätze)").replace("%1", str(row.capacity))
    return f"<b>{html.escape(row.title)}</b> · {format_date(row.starts_at.date())}<br>" + (
        widget.tr(
            "%1 bestätigt · %2 auf der Warteliste · %3 storniert · %4<br>"
            "Anwesend: %5 · nicht erschienen: %6 · offen: %7"
        )
        .replace("%1", str(counts.confirmed))
        .replace("%2", str(counts.waitlisted))
        .replace("%3", str(counts.cancelled))
        .replace("%4", places)
        .replace("%5", str(counts.attended))
        .replace("%6", str(counts.no_shows))
        .replace("%7", str(counts.open))
    )


def save_table(parent: QWidget, title: str, name: str, build: Callable[[str], bytes]) -> str | None:
    """Ask where to save (XLSX or CSV for Excel), write it; the path, or None if cancelled.

    Raises OSError when the file cannot be written.
    """
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        folders.start_path(folders.EXPORT, name),
        parent.tr("Excel-Datei (*.xlsx);;CSV für Excel (*.csv)"),
    )
    if not path:
        return None
    file_format = "csv" if path.lower().endswith(".csv") else "xlsx"
    write_private(Path(path), build(file_format))
    folders.remember(folders.EXPORT, path)
    return path
