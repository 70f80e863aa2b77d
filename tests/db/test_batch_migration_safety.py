"""A later batch migration rebuilds a table; child rows must survive it.

SQLite rebuilds a table for most ALTERs (copy, drop, rename). With foreign keys on,
dropping ``member_project`` would cascade-delete its target-group links. The app's
upgrade switches foreign keys off around the migration and checks them afterwards.
"""

import shutil
from pathlib import Path

from sqlalchemy import text

from patenbuero.db import migrate
from patenbuero.services.core.database import open_database

SECOND_REVISION = '''"""rebuild member_project after the newest revision"""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member_project", recreate="always") as batch:
        batch.add_column(sa.Column("motto", sa.String(100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("member_project") as batch:
        batch.drop_column("motto")
'''


def scripts_with_second_revision(folder: Path) -> Path:
    source = Path(migrate.__file__).parent / "migrations"
    target = folder / "migrations"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / "9999_rebuild.py").write_text(
        SECOND_REVISION.replace("{head}", migrate.HEAD_REVISION), encoding="utf-8"
    )
    return target


def test_rebuilding_a_parent_table_keeps_child_rows(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "alt.sqlite3"))
    with db.unit_of_work() as session:
        session.execute(
            text("INSERT INTO target_group (id, name, sort_order) VALUES (100, 'Kinder 6-10', 1)")
        )
        session.execute(
            text(
                "INSERT INTO member_project (id, name, status, serves_whole_city, flyer_text, "
                "portrait_text, logo_mime, seeks_volunteers, time_commitment, languages, "
                "website, email, phone, address, notes) VALUES (1, 'Lesewelt Halle', 'active', "
                "0, '', '', '', 1, '', '', '', '', '', '', '')"
            )
        )
        session.execute(text("INSERT INTO project_target_group VALUES (1, 100)"))
    migrate._upgrade(db.engine, script_location=str(scripts_with_second_revision(tmp_path)))
    with db.reading() as session:
        links = session.execute(text("SELECT count(*) FROM project_target_group")).scalar()
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        columns = [row[1] for row in session.execute(text("PRAGMA table_info(member_project)"))]
        foreign_keys = session.execute(text("PRAGMA foreign_keys")).scalar()
    db.dispose()
    assert revision == "9999" and "motto" in columns
    assert links == 1
    assert foreign_keys == 1
