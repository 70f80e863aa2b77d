"""A wheel carries what the program needs at run time: migrations and fonts."""

import importlib.util
import shutil
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


def _render_icons_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "render_icons", ROOT / "tools" / "render_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_icons_are_rendered_from_the_current_svg(qapp) -> None:
    from PIL import Image
    from PySide6.QtGui import QImage

    tool = _render_icons_tool()
    for size in tool.PNG_SIZES:
        committed = QImage(str(tool.png_path(size)))
        assert (committed.width(), committed.height()) == (size, size)
        fresh = tool.render(size).convertToFormat(committed.format())
        differing = sum(
            1
            for y in range(size)
            for x in range(size)
            if abs(committed.pixelColor(x, y).red() - fresh.pixelColor(x, y).red()) > 8
        )
        assert differing <= size * size // 50, f"{size}px: make icons"
    ico = Image.open(ROOT / "resources" / "icons" / "patenbuero.ico")
    assert set(ico.info["sizes"]) == {(s, s) for s in tool.ICO_SIZES}


LINUX = ROOT / "packaging" / "linux"
APP_ID = "de.freiwilligen_agentur.Patenbuero"


def test_desktop_entry_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    desktop = LINUX / f"{APP_ID}.desktop"
    result = subprocess.run([tool, str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_appstream_metainfo_validates(tmp_path: Path) -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (apt-get install appstream)")
    text = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    filled = tmp_path / f"{APP_ID}.metainfo.xml"
    filled.write_text(text.replace("@VERSION@", "0.2.0").replace("@DATE@", "2026-12-02"))
    result = subprocess.run(
        [tool, "validate", "--no-net", str(filled)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
