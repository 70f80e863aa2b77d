"""`patenbuero pdf teilnehmerliste` on a SQLite file starts without SQLAlchemy, the ORM
models and reportlab's platypus (the list is drawn straight onto the canvas)."""

import subprocess
import sys

from tests.pdf.pdf_readback import pdftotext_pages


def imported_modules(stderr: str) -> set[str]:
    """Module names from ``python -X importtime`` lines ("import time: … | … | name")."""
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


def test_attendance_list_from_a_sqlite_file_imports_no_sqlalchemy_nor_platypus(
    sqlite_demo_db, tmp_path
):
    target = tmp_path / "liste.pdf"
    command = [sys.executable, "-X", "importtime", "-m", "patenbuero"]
    command += ["--db", str(sqlite_demo_db.location.path), "pdf", "teilnehmerliste"]
    command += ["--event", "1", "-o", str(target)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr[-2000:]
    modules = imported_modules(result.stderr)
    assert "patenbuero.services.printing.attendance_sqlite" in modules  # the check works
    heavy = sorted(
        m for m in modules if m.split(".")[0] in {"sqlalchemy", "alembic", "PySide6", "openpyxl"}
    )
    assert heavy == []
    assert not any(m.startswith("patenbuero.db.models") for m in modules)
    assert "reportlab.platypus" not in modules
    assert "reportlab.pdfgen.canvas" in modules
    text = " ".join(pdftotext_pages(target.read_bytes()))
    assert "Teilnehmerliste" in text and "Seite 1 von" in text
