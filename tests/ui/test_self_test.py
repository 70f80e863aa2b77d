"""PATENBUERO_SELFTEST: the start check that the frozen build runs without a screen.

Run in a child process, as `make package-test` runs the frozen program: the check ends
the application's event loop, which a test inside the shared QApplication must not do.
"""

import os
import subprocess
import sys
from pathlib import Path

from patenbuero.ui.self_test import VARIABLE
from tests.helpers.databases import target_of


def run_self_test(db_target: Path | str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, VARIABLE: "1", "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "patenbuero", "--db", str(db_target)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_window_opens_reports_german_buttons_and_quits(demo_db) -> None:
    result = run_self_test(target_of(demo_db))
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert "Fenster: Patenbüro – Patenschaftsnetzwerk Halle" in out
    assert "sichtbar: ja" in out
    assert "Abbrechen-Knopf: Abbrechen" in out
    assert any(line.startswith("Reiter: Mitgliedsprojekte, Jahresplanung") for line in out)
    assert "Symbolgrößen: 16 24 32 48 64 128 256" in out
    assert "None-Verlust nach 2000 Qt-Aufrufen: 0" in out


def test_an_empty_database_does_not_ask_for_demo_data_in_the_check(tmp_path) -> None:
    result = run_self_test(tmp_path / "leer.sqlite3")
    assert result.returncode == 0, result.stderr
    assert "sichtbar: ja" in result.stdout
