"""Render every print document from demo data to PNG (first page; both flyer pages).

Run with `make print-samples`; the images land in docs/print-samples/ for the README.
Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

from patenbuero.services.core.database import open_database
from patenbuero.services.core.funders import Funding, save_funder, set_event_funding
from patenbuero.services.demo import fill_demo_data
from patenbuero.services.plan.use_cases import list_events
from patenbuero.services.printing.catalog import DOCUMENTS, build_document
from patenbuero.services.printing.request import PrintRequest
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
        "teilnehmerliste": PrintRequest("teilnehmerliste", event_id=busiest.id, show_contact=True),
        "namensschilder": PrintRequest("namensschilder", event_id=busiest.id),
        "probedruck": PrintRequest("probedruck"),
        "bescheinigungen": PrintRequest("bescheinigungen", series_id=finished.id),
        "einladung": PrintRequest("einladung", event_id=meeting.id),
        "interessiertenliste": PrintRequest("interessiertenliste"),
    }


def store_funder(db, event_id: int) -> None:  # type: ignore[no-untyped-def]
    """The funder of the busiest event, with a small logo, as the office would enter it."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 80), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 70, 80), fill=(29, 92, 110))
    draw.text((85, 30), "Stadt Halle (Saale)", fill=(29, 92, 110))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    funder_id = save_funder(db, None, "Stadt Halle (Saale)", buffer.getvalue())
    set_event_funding(db, event_id, Funding(funder_id, "Netzwerkkoordination", "51-2026-07", 6))


def main(target: Path) -> int:
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "demo.sqlite3"))
        fill_demo_data(db, "small")
        wanted = requests(db)
        store_funder(db, wanted["teilnehmerliste"].event_id or 0)
        wanted["handzettel-kinder"] = PrintRequest("handzettel", target_group="Kinder")
        for key, request in wanted.items():
            result = build_document(db, request)
            pdf = Path(folder) / f"{key}.pdf"
            pdf.write_bytes(result.pdf)
            two_sided = DOCUMENTS[request.document].two_sided
            count = len(PdfReader(io.BytesIO(result.pdf)).pages)
            pages = range(1, count + 1) if two_sided else range(1, 2)
            for page in pages:
                name = f"{key}-seite{page}" if two_sided else key
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
