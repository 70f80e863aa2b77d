"""inquiry channel and forwarding outcome (Sachbericht figures)

Revision ID: 0004
Revises: 0001
Create Date: 2026-12-02 03:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
CHANNELS = "'unknown', 'phone', 'email', 'web_form', 'in_person', 'info_stand', 'other'"
OUTCOMES = "'unknown', 'started', 'not_started'"


def upgrade() -> None:
    with op.batch_alter_table("inquiry", naming_convention=NAMING_CONVENTION) as batch:
        batch.add_column(
            sa.Column("channel", sa.String(length=20), server_default="unknown", nullable=False)
        )
        batch.create_check_constraint("channel", f"channel IN ({CHANNELS})")
    with op.batch_alter_table("forwarding", naming_convention=NAMING_CONVENTION) as batch:
        batch.add_column(
            sa.Column("outcome", sa.String(length=20), server_default="unknown", nullable=False)
        )
        batch.create_check_constraint("outcome", f"outcome IN ({OUTCOMES})")


def downgrade() -> None:
    with op.batch_alter_table("forwarding", naming_convention=NAMING_CONVENTION) as batch:
        batch.drop_constraint(op.f("ck_forwarding_outcome"), type_="check")
        batch.drop_column("outcome")
    with op.batch_alter_table("inquiry", naming_convention=NAMING_CONVENTION) as batch:
        batch.drop_constraint(op.f("ck_inquiry_channel"), type_="check")
        batch.drop_column("channel")
