"""import journal: every import's created and changed records, so it can be undone

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-02 05:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("created_count", sa.Integer(), nullable=False),
        sa.Column("updated_count", sa.Integer(), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undo_summary", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
    )
    op.create_index("ix_import_run_at", "import_run", ["at"], unique=False)
    op.create_table(
        "import_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after_version", sa.Integer(), nullable=True),
        sa.Column("after_state", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["import_run.id"],
            name=op.f("fk_import_change_run_id_import_run"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_change")),
    )
    op.create_index("ix_import_change_run_id", "import_change", ["run_id"], unique=False)
    op.create_index(
        "ix_import_change_table_row", "import_change", ["table_name", "row_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_import_change_table_row", table_name="import_change")
    op.drop_index("ix_import_change_run_id", table_name="import_change")
    op.drop_table("import_change")
    op.drop_index("ix_import_run_at", table_name="import_run")
    op.drop_table("import_run")
