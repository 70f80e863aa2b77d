"""funders, funding of events and series, internal note on events

Revision ID: 0006
Revises: 0001
Create Date: 2026-12-02 03:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _funding_columns(table: str) -> None:
    with op.batch_alter_table(table, naming_convention=NAMING_CONVENTION) as batch:
        batch.add_column(sa.Column("funder_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("funding_measure", sa.String(length=300), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("funding_code", sa.String(length=100), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("teaching_units", sa.Float(), nullable=True))
        if table == "event":
            batch.add_column(
                sa.Column("internal_note", sa.Text(), nullable=False, server_default="")
            )
        batch.create_foreign_key(
            op.f(f"fk_{table}_funder_id_funders"),
            "funders",
            ["funder_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(op.f(f"ix_{table}_funder_id"), ["funder_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "funders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("logo_png", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funders")),
        sa.UniqueConstraint("name", name=op.f("uq_funders_name")),
    )
    _funding_columns("series")
    _funding_columns("event")
    # the defaults were only needed to fill existing rows; the app always writes them
    for table in ("series", "event"):
        with op.batch_alter_table(table, naming_convention=NAMING_CONVENTION) as batch:
            batch.alter_column("funding_measure", server_default=None)
            batch.alter_column("funding_code", server_default=None)
            if table == "event":
                batch.alter_column("internal_note", server_default=None)


def downgrade() -> None:
    for table in ("event", "series"):
        with op.batch_alter_table(table, naming_convention=NAMING_CONVENTION) as batch:
            batch.drop_index(op.f(f"ix_{table}_funder_id"))
            batch.drop_constraint(op.f(f"fk_{table}_funder_id_funders"), type_="foreignkey")
            if table == "event":
                batch.drop_column("internal_note")
            batch.drop_column("teaching_units")
            batch.drop_column("funding_code")
            batch.drop_column("funding_measure")
            batch.drop_column("funder_id")
    op.drop_table("funders")
