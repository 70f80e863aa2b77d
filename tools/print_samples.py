"""Render every print document from demo data to PNG (first page; both flyer pages).

Run with `make print-samples`; the images land in docs/print-samples/ for the README.
Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from patenbuero.services.core.database import open_database
from patenbuero.services.demo import fill_demo_data
from patenbuero.services.plan.use_cases import list_events
from patenbuero.services.printing.catalog import DOCUMENTS, build_document
from patenbuero.services.printing.request import FunderOptions, PrintRequest
from patenbuero.services.registrations.series import list_series, series_matrix


def requests(db) -> dict[str, PrintRequest]:  # type: ignore[no-untyped-def]
    year = dt.date.today().year
    events = list_events(db, year) + list_events(db, year + 1)
    busiest = max(events, key=lambda e: e.confirmed)
    meeting = next(e for e in reversed(events) if e.kind == "network_meeting")
    finished = next(s for s in list_series(db) if series_matrix(db, s.id).due)
    return {
        "handzettel": PrintRequest("handzettel"),
        "projektkarten": PrintRequest("projektkarten"),
        "portraet": PrintRequest("portraet"),
        "jahresplan": PrintRequest("jahresplan", year=year),
        "teilnehmerliste": PrintRequest(
            "teilnehmerliste",
            event_id=busiest.id,
            funder=FunderOptions("Stadt Halle (Saale)", "Netzwerkkoordination", "51-2026-07", 6),
        ),
        "namensschilder": PrintRequest("namensschilder", event_id=busiest.id),
        "probedruck": PrintRequest("probedruck"),
        "bescheinigungen": PrintRequest("bescheinigungen", series_id=finished.id),
        "einladung": PrintRequest("einladung", event_id=meeting.id),
        "interessiertenliste": PrintRequest("interessiertenliste"),
    }


def main(target: Path) -> int:
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "demo.sqlite3"))
        fill_demo_data(db, "small")
        for key, request in requests(db).items():
            result = build_document(db, request)
            pdf = Path(folder) / f"{key}.pdf"
            pdf.write_bytes(result.pdf)
            pages = range(1, 3) if DOCUMENTS[key].two_sided else range(1, 2)
            for page in pages:
                name = f"{key}-seite{page}" if DOCUMENTS[key].two_sided else key
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        "70",
                        "-f",
                        str(page),
                        "-l",
                        str(page),
                        "-singlefile",
                        str(pdf),
                        str(target / name),
                    ],
                    check=True,
                )
            print(key, result.file_name, *result.warnings)
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/print-samples")))
