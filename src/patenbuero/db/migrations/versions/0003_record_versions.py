"""record versions: a version number on every record two people can edit

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-02 03:30:00

Optimistic locking: each save checks the version the user started from, so a change
made meanwhile on another PC is never silently overwritten.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED_TABLES = (
    "member_project",
    "organisation",
    "contact",
    "person",
    "event",
    "inquiry",
    "setting",
)


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
            )


def downgrade() -> None:
    for table in reversed(VERSIONED_TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
