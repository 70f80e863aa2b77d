"""desktop conventions: tombstones of deleted events for the calendar export

Revision ID: 0005
Revises: 0001
Create Date: 2026-12-02 03:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_tombstone",
        sa.Column("event_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_event_tombstone")),
    )
    with op.batch_alter_table("event_tombstone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_tombstone_deleted_at"), ["deleted_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("event_tombstone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_tombstone_deleted_at"))
    op.drop_table("event_tombstone")
