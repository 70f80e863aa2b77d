"""Where GUI tests save the pictures they take.

Normally a temporary folder, so a test run leaves the work tree unchanged; with
PATENBUERO_SCREENSHOTS=1 the pictures go to docs/screenshots for the README.
"""

import os
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def screenshot(name: str, tmp_path: Path) -> str:
    folder = DOCS if os.environ.get("PATENBUERO_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / name)
