"""mail records and forwarding follow-up (date due, outcome date, more outcomes)

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-02 04:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
OLD_OUTCOMES = "'unknown', 'started', 'not_started'"
OUTCOMES = "'unknown', 'contacted', 'started', 'not_started', 'no_reply'"


def upgrade() -> None:
    with op.batch_alter_table("forwarding", naming_convention=NAMING_CONVENTION) as batch:
        batch.add_column(sa.Column("follow_up_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("outcome_on", sa.Date(), nullable=True))
        batch.drop_constraint("outcome", type_="check")
        batch.create_check_constraint("outcome", f"outcome IN ({OUTCOMES})")
    op.create_table(
        "mail_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("way", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("error", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_mail_record_event_id_event"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_record")),
    )
    op.create_index("ix_mail_record_event_id", "mail_record", ["event_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_mail_record_event_id", table_name="mail_record")
    op.drop_table("mail_record")
    op.execute(
        "UPDATE forwarding SET outcome = 'unknown' WHERE outcome IN ('contacted', 'no_reply')"
    )
    with op.batch_alter_table("forwarding", naming_convention=NAMING_CONVENTION) as batch:
        batch.drop_constraint("outcome", type_="check")
        batch.create_check_constraint("outcome", f"outcome IN ({OLD_OUTCOMES})")
        batch.drop_column("outcome_on")
        batch.drop_column("follow_up_on")
