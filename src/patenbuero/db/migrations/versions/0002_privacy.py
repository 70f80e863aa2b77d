"""privacy: consents per purpose, deletion log, funded events, restriction and erasure marks

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 03:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "consent_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_kind", sa.String(length=12), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("basis", sa.String(length=24), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("text_version", sa.String(length=60), nullable=False),
        sa.Column("given_by", sa.String(length=200), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "subject_kind IN ('person', 'inquiry', 'contact')",
            name=op.f("ck_consent_record_subject_kind"),
        ),
        sa.CheckConstraint(
            "purpose IN ('events', 'mailing_list', 'photos', 'pass_on', 'follow_up')",
            name=op.f("ck_consent_record_purpose"),
        ),
        sa.CheckConstraint(
            "basis IN ('contract', 'consent', 'legitimate_interest', 'refused')",
            name=op.f("ck_consent_record_basis"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_record")),
    )
    op.create_index(
        "ix_consent_record_subject", "consent_record", ["subject_kind", "subject_id"], unique=False
    )
    op.create_table(
        "deletion_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("record_kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deletion_log")),
    )
    op.create_index(op.f("ix_deletion_log_at"), "deletion_log", ["at"], unique=False)
    op.create_table(
        "event_funding",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("funder", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_funding_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_event_funding")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("restricted_until", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("inquiry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("inquiry", schema=None) as batch_op:
        batch_op.drop_column("closed_on")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
        batch_op.drop_column("restricted_until")
    op.drop_table("event_funding")
    op.drop_index(op.f("ix_deletion_log_at"), table_name="deletion_log")
    op.drop_table("deletion_log")
    op.drop_index("ix_consent_record_subject", table_name="consent_record")
    op.drop_table("consent_record")
