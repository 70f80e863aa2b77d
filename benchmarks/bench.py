"""`make bench`: what users wait for, on the large demo, against baselines of the same run.

    python benchmarks/bench.py [--repeat 5] [--db build/large-demo.sqlite3] [--only start]

Every row gives the median and the minimum of several runs and its ratio to a
baseline measured in the same run (a bare Qt window, a plain reportlab canvas,
plain sqlite3 inserts, LibreOffice where installed), the longest time the GUI thread
was blocked (gap between two turns of the event loop) and the target of issue 16.
The table goes to stdout and to benchmarks/results/latest.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import documents  # noqa: E402
from large_demo import DEFAULT_PATH, ensure_large_demo, working_copy  # noqa: E402
from measure import Timing  # noqa: E402


@dataclass
class Row:
    what: str
    timing: Timing | None
    baseline: Timing | None
    baseline_name: str
    target: str
    unit: str = "s"
    note: str = ""

    def cells(self) -> list[str]:
        if self.timing is None:
            return [self.what, "–", "–", "–", "–", self.target, self.note]
        t = self.timing
        if self.unit == "MB":
            measured = f"{t.median:.0f} MB"
            minimum = f"{t.minimum:.0f} MB"
        else:
            measured = _ms(t.median)
            minimum = _ms(t.minimum)
        ratio = ""
        if self.baseline is not None:
            base = self.baseline.median
            shown = f"{base:.0f} MB" if self.unit == "MB" else _ms(base)
            ratio = f"{t.median / base:.2f}× {self.baseline_name} ({shown})"
        stall = _ms(t.stall) if t.stall is not None else ""
        return [self.what, measured, minimum, ratio, stall, self.target, self.note]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def _cold_note(cold: Timing | None) -> str:
    if cold is None:
        return ""
    return (
        f"Handzettel neu gesetzt (nach einer Änderung an Projekten): Median {_ms(cold.median)}, "
        f"Minimum {_ms(cold.minimum)}, längste Blockade {_ms(cold.stall or 0)}"
    )


def window_timings(db_path: Path, repeat: int, *, memory: bool = True) -> dict[str, Timing]:
    """Start-up until painted / rows shown, and memory, each in a fresh process."""
    found: dict[str, Timing] = defaultdict(Timing)
    child = str(HERE / "window_child.py")
    stalls: list[float] = []
    for _ in range(repeat):
        for mode in ("bare", "app"):
            start = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, child, mode, str(db_path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            assert process.stdout is not None
            for line in process.stdout:
                word = line.split()[0]
                if word in ("painted", "rows"):
                    found[f"{mode}_{word}"].runs.append(time.perf_counter() - start)
                elif word == "rss":
                    found[f"{mode}_rss"].runs.append(float(line.split()[1]))
                elif word == "stall":
                    stalls.append(float(line.split()[1]))
            process.wait()
    if stalls:
        found["app_rows"].stall = max(stalls)
    for _ in range(max(1, repeat // 2) if memory else 0):
        output = subprocess.run(
            [sys.executable, child, "app-tabs", str(db_path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for line in output.splitlines():
            if line.startswith("rss"):
                found["app_rss"].runs.append(float(line.split()[1]))
    return dict(found)


def gui_timings(db_path: Path, repeat: int, child: str = "gui_child.py") -> dict[str, Timing]:
    output = subprocess.run(
        [sys.executable, str(HERE / child), str(db_path), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found: dict[str, Timing] = defaultdict(Timing)
    stalls: dict[str, list[float]] = defaultdict(list)
    for line in output.splitlines():
        key, seconds, stall = line.split()
        found[key].runs.append(float(seconds))
        stalls[key].append(float(stall))
    for key, timing in found.items():
        timing.stall = max(stalls[key])
    return dict(found)


def big_event_id(db_path: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(db_path)
    try:
        return int(
            connection.execute(
                "SELECT event_id FROM registration GROUP BY event_id ORDER BY count(*) DESC"
            ).fetchone()[0]
        )
    finally:
        connection.close()


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from PySide6 import __version__ as qt

    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} Kerne, "
        f"Python {platform.python_version()}, PySide6 {qt}"
    )


def start_rows(windows: dict[str, Timing]) -> list[Row]:
    bare = windows["bare_painted"]
    return [
        Row(
            "Start bis Fenster gezeichnet", windows["app_painted"], bare, "leeres Fenster", "≤ 1,5×"
        ),
        Row(
            "Start bis erste Projektzeilen",
            windows["app_rows"],
            bare,
            "leeres Fenster",
            "≤ 3×",
            note="Längste Blockade: nach den ersten Zeilen, bis alles geladen ist",
        ),
    ]


def build_rows(db_template: Path, repeat: int, folder: Path, only: str | None) -> list[Row]:
    work = working_copy(db_template, folder)
    windows = window_timings(work, repeat, memory=only is None)
    if only == "start":
        return start_rows(windows)
    gui = gui_timings(working_copy(db_template, folder, "gui.sqlite3"), repeat)
    long_work = gui_timings(
        working_copy(db_template, folder, "long.sqlite3"), repeat, "long_work_child.py"
    )
    event_id = big_event_id(work)
    pdf_ours, pdf_plain, pdf_rows = documents.attendance_list(work, event_id, repeat)
    pdf_cli = documents.attendance_list_cli(work, event_id, folder, repeat)
    office = documents.libreoffice_sheet(pdf_rows, folder, repeat)
    import_times = max(1, repeat // 3)
    imported, inserts = documents.registration_import(db_template, folder, import_times)
    info, bare_python = documents.info_command(work, repeat)
    rows = [
        *start_rows(windows),
        Row("Veranstaltung mit 1.000 Anmeldungen öffnen", gui["open_event"], None, "", "≤ 50 ms"),
        Row("Stornieren mit Nachrücken", gui["cancel_move_up"], None, "", "≤ 50 ms"),
        Row("Jahresübersicht: Jahr wechseln", gui["change_year"], None, "", "≤ 50 ms"),
        Row("F5 Mitgliedsprojekte", gui["refresh_projects"], None, "", "≤ 50 ms"),
        Row("F5 Jahresplanung", gui["refresh_plan"], None, "", "≤ 50 ms"),
        Row("F5 Anmeldungen", gui["refresh_registrations"], None, "", "≤ 50 ms"),
        Row("F5 Anfragen", gui["refresh_inquiries"], None, "", "≤ 50 ms"),
        Row(
            "Reiter Druck bis Vorschau",
            gui["print_preview"],
            None,
            "",
            "erste Seite ≤ 300 ms",
            note=_cold_note(gui.get("print_preview_cold")),
        ),
        Row(
            f"Teilnehmerliste {pdf_rows} Zeilen im Programm",
            pdf_ours,
            pdf_plain,
            "reportlab-Canvas",
            "≤ 1,5×",
        ),
        Row(
            "Teilnehmerliste über die Kommandozeile",
            pdf_cli,
            office,
            "LibreOffice",
            "≤ 0,5×",
            note="" if office else "LibreOffice nicht installiert: kein Vergleich",
        ),
        Row(
            "Datensicherung zurückspielen (Menü bis Fenster neu geladen)",
            long_work["restore"],
            None,
            "",
            "Blockade ≤ 100 ms",
        ),
        Row(
            f"Teilnehmerliste {pdf_rows} Zeilen drucken "
            f"({long_work['print_pages'].minimum:.0f} Seiten, PDF-Drucker)",
            long_work["print"],
            None,
            "",
            "Blockade ≤ 100 ms",
        ),
        Row(
            f"{documents.IMPORT_ROWS} Anmeldungen importieren (Kommandozeile)",
            imported,
            inserts,
            "sqlite3-Inserts",
            "≤ 2 s",
        ),
        Row(
            "Speicher, alle Reiter besucht",
            windows["app_rss"],
            windows["bare_rss"],
            "leeres Fenster",
            "≤ 2×",
            unit="MB",
        ),
        Row("`patenbuero info`", info, bare_python, "python + sqlite3", "≤ 0,3 s"),
    ]
    return rows


def render(rows: list[Row], repeat: int, seconds: float) -> str:
    header = ["Was", "Median", "Minimum", "Verhältnis", "Längste Blockade", "Ziel", "Anmerkung"]
    lines = [
        f"# Benchmark – {dt.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"Rechner: {machine()}  ",
        f"Große Beispieldatenbank, {repeat} Läufe je Zeile (Import: {max(1, repeat // 3)}), "
        f"Gesamtdauer {seconds / 60:.1f} min.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    stalls = [r.timing.stall for r in rows if r.timing and r.timing.stall is not None]
    if stalls:
        lines += ["", f"Längste Blockade des GUI-Threads über alle Aktionen: {_ms(max(stalls))}."]
    return "\n".join(lines) + "\n"


def compile_bytecode() -> None:
    """The program's bytecode, as an installed program has it (pip writes it when it
    installs). With PYTHONDONTWRITEBYTECODE set, as on the development machines, every
    child process would compile the program's modules again at each start (the libraries
    and the bare Qt window of the baselines have their bytecode from pip)."""
    import compileall

    import patenbuero

    compileall.compile_dir(Path(patenbuero.__file__).parent, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark der Wartezeiten")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.md")
    parser.add_argument(
        "--only", choices=["start"], help="nur die Zeilen des Programmstarts messen"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    compile_bytecode()
    template = ensure_large_demo(args.db)
    with tempfile.TemporaryDirectory(prefix="patenbuero-bench-") as folder:
        rows = build_rows(template, args.repeat, Path(folder), args.only)
    table = render(rows, args.repeat, time.perf_counter() - started)
    print(table)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(table, encoding="utf-8")
    print(f"Geschrieben: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
