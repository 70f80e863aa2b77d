"""task versions: optimistic locking for the Aufgaben of an event too

Revision ID: 0014
Revises: 0008
Create Date: 2026-12-02 05:45:00

Projects, Träger, contacts, persons, events, inquiries and settings got their
version number in 0003; a task edited on two PCs at once was still overwritten
silently. Existing tasks start at version 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("task") as batch:
        batch.add_column(
            sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )


def downgrade() -> None:
    with op.batch_alter_table("task") as batch:
        batch.drop_column("version")
