"""A wheel carries what the program needs at run time: migrations and fonts."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def test_wheel_contains_migrations_and_fonts(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("patenbuero-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "patenbuero/db/migrations/env.py" in names
    assert "patenbuero/db/migrations/script.py.mako" in names
    assert any(n.startswith("patenbuero/db/migrations/versions/0001") for n in names)
    fonts = [n for n in names if n.startswith("patenbuero/resources/fonts/")]
    assert any(n.endswith(".ttf") for n in fonts)
    assert any("OFL" in n or "LICENSE" in n.upper() for n in fonts)
    assert "patenbuero/resources/icons/patenbuero.svg" in names
