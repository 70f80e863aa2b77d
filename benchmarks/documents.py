"""PDF, import and command-line figures, each with its baseline from the same run."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from measure import Timing, repeat

IMPORT_ROWS = 10_000


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "patenbuero", *args]


def run_timed(command: list[str], times: int) -> Timing:
    def once() -> None:
        subprocess.run(command, check=True, capture_output=True)

    return repeat(once, times)


def attendance_list(db_path: Path, event_id: int, times: int) -> tuple[Timing, Timing, int]:
    """The 1,000-row attendance list in process, and a plain reportlab canvas of the rows."""
    from patenbuero.services.core.database import open_database
    from patenbuero.services.printing.catalog import build_document
    from patenbuero.services.printing.request import PrintRequest
    from patenbuero.services.registrations.use_cases import list_registrations

    db = open_database(str(db_path))
    try:
        request = PrintRequest("teilnehmerliste", event_id=event_id)
        rows = [r for r in list_registrations(db, event_id) if r.status == "confirmed"]
        names = [(f"{r.last_name}, {r.first_name}", r.organisation or "") for r in rows]
        ours, plain = Timing(), Timing()
        for _ in range(times):  # taken in turns: a busy machine slows both alike
            ours.runs += repeat(lambda: build_document(db, request), 1).runs
            plain.runs += repeat(lambda: plain_canvas(names), 1).runs
    finally:
        db.dispose()
    return ours, plain, len(rows)


def plain_canvas(rows: list[tuple[str, str]]) -> bytes:
    """The least a PDF of these rows costs: one canvas, text and lines, no layout.

    Saved with the same stream settings as the attendance list (compressed, no ASCII85),
    so the ratio compares the work of laying out, not the encoding.
    """
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from patenbuero.pdf.fonts import SANS, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    y = 780.0
    for number, (name, organisation) in enumerate(rows, 1):
        if y < 60:
            page.showPage()
            y = 780.0
        page.setFont(SANS, 9)
        page.drawString(40, y, str(number))
        page.drawString(70, y, name)
        page.drawString(260, y, organisation)
        page.line(40, y - 5, 555, y - 5)
        y -= 22
    encoded = rl_config.useA85
    rl_config.useA85 = 0
    try:
        page.save()
    finally:
        rl_config.useA85 = encoded
    return buffer.getvalue()


def attendance_list_cli(db_path: Path, event_id: int, folder: Path, times: int) -> Timing:
    target = folder / "liste.pdf"
    command = cli("--db", str(db_path), "pdf", "teilnehmerliste", "--event", str(event_id))
    return run_timed([*command, "-o", str(target)], times)


def libreoffice_sheet(rows: int, folder: Path, times: int) -> Timing | None:
    """LibreOffice converting an equivalent sheet to PDF, where it is installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    sheet = folder / "liste.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Nr.", "Name", "Organisation", "Unterschrift"])
        for number in range(1, rows + 1):
            writer.writerow([number, f"Nachname{number}, Vorname", "Projekt", ""])
    command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(sheet)]
    return run_timed(command, times)


def import_file(folder: Path) -> Path:
    path = folder / "anmeldungen-10000.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Vorname", "Nachname", "E-Mail", "Telefon"])
        for number in range(IMPORT_ROWS):
            writer.writerow(
                [f"Vorname{number}", f"Import{number}", f"import{number}@example.org", ""]
            )
    return path


def new_event(db_path: Path) -> int:
    from patenbuero.services.core.database import open_database
    from patenbuero.services.plan.events import EventInput, create_event

    db = open_database(str(db_path))
    try:
        start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=40), dt.time(10))
        data = EventInput(
            f"Importprobe {time.perf_counter_ns()}",
            "other",
            start,
            start + dt.timedelta(hours=2),
            capacity=9_500,
        )
        return create_event(db, data)
    finally:
        db.dispose()


def registration_import(template: Path, folder: Path, times: int) -> tuple[Timing, Timing]:
    """10,000 registrations through `registrations import`, and plain sqlite3 inserts."""
    source = import_file(folder)
    ours = Timing()
    for attempt in range(times):
        work = folder / f"import-{attempt}.sqlite3"
        shutil.copyfile(template, work)
        event_id = new_event(work)
        command = cli("--db", str(work), "registrations", "import", "--event", str(event_id))
        start = time.perf_counter()
        subprocess.run([*command, str(source)], check=True, capture_output=True)
        ours.runs.append(time.perf_counter() - start)
        work.unlink()
    plain = repeat(lambda: plain_inserts(folder / "plain.sqlite3"), times)
    return ours, plain


def plain_inserts(path: Path) -> None:
    """The same rows as the import file with the plain sqlite3 module: person and booking."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute(
            "CREATE TABLE person (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT,"
            " email TEXT UNIQUE, phone TEXT)"
        )
        connection.execute(
            "CREATE TABLE registration (id INTEGER PRIMARY KEY, person_id INTEGER,"
            " event_id INTEGER, status TEXT, registered_at TEXT)"
        )
        now = dt.datetime.now().isoformat()
        with connection:
            connection.executemany(
                "INSERT INTO person VALUES (?, ?, ?, ?, '')",
                (
                    (n, f"Vorname{n}", f"Import{n}", f"import{n}@example.org")
                    for n in range(IMPORT_ROWS)
                ),
            )
            connection.executemany(
                "INSERT INTO registration VALUES (?, ?, 1, 'confirmed', ?)",
                ((n, n, now) for n in range(IMPORT_ROWS)),
            )
    finally:
        connection.close()


def info_command(db_path: Path, times: int) -> tuple[Timing, Timing]:
    """`patenbuero info`, and a Python interpreter that starts and imports sqlite3."""
    ours = run_timed(cli("--db", str(db_path), "info"), times)
    bare = run_timed([sys.executable, "-c", "import sqlite3"], times)
    return ours, bare
