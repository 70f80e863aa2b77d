"""Helpers for the import-undo tests: run an import, read the whole database back."""

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from patenbuero.db.base import Base
from patenbuero.services.core.importing import apply_import, preview_import, read_import_file
from patenbuero.services.registrations.importing import RegistrationImporter

SAMPLE = Path(__file__).parents[1] / "io" / "data" / "anmeldungen_webformular.csv"
NOW = dt.datetime(2026, 8, 10, 12, 0)
JOURNAL = {"import_run", "import_change"}


def clean_sample(tmp_path: Path) -> Path:
    """The web-form sample without its one bad line (an address without a domain)."""
    target = tmp_path / "anmeldungen.csv"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text("".join(line for line in lines if "@example;" not in line), "utf-8")
    return target


def import_registrations(
    db, event_id: int, path: Path, *, rebook: bool = False, check: bool = True
):
    importer = RegistrationImporter(event_id, NOW, rebook_cancelled=rebook)
    table = read_import_file(path)
    preview = preview_import(db, importer, table, source=str(path))
    assert preview.errors == [] or not check
    return apply_import(db, importer, table, preview.mapping, source=path)


def everything(db) -> dict[str, list[tuple]]:
    """Every row of every table (but the journal), without version numbers: an undo
    moves versions on, everything else must be as before."""
    tables = {}
    with db.reading() as session:
        for name, table in Base.metadata.tables.items():
            if name in JOURNAL:
                continue
            columns = [c for c in table.c if c.name != "version"]
            tables[name] = sorted(
                session.execute(select(*columns)).all(), key=lambda row: tuple(map(str, row))
            )
    return tables
