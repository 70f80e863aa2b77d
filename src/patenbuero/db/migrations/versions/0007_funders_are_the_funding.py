"""funders carry the proof period; event_funding moves into the funders model

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 04:30:00

One place says "this event is funded": ``event.funder_id`` (or its series'). The
privacy table ``event_funding`` (event, funder name) and the per-funder years in the
retention setting move into ``funders`` (``proof_years``) and are dropped.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
RETENTION_KEY = "privacy_retention"


def _funder_id(connection: sa.Connection, name: str) -> int | None:
    """The id of the funder called ``name`` (spaces and case ignored), created if new."""
    name = " ".join(name.split())[:200]
    if not name:
        return None
    found = connection.execute(
        sa.text("SELECT id FROM funders WHERE lower(name) = lower(:name)"), {"name": name}
    ).scalar()
    if found is None:
        connection.execute(sa.text("INSERT INTO funders (name) VALUES (:name)"), {"name": name})
        found = connection.execute(
            sa.text("SELECT id FROM funders WHERE name = :name"), {"name": name}
        ).scalar()
    return found


def _retention(connection: sa.Connection) -> dict | None:  # type: ignore[type-arg]
    value = connection.execute(
        sa.text("SELECT value FROM setting WHERE key = :key"), {"key": RETENTION_KEY}
    ).scalar()
    try:
        data = json.loads(value) if value else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _store_retention(connection: sa.Connection, data: dict) -> None:  # type: ignore[type-arg]
    connection.execute(
        sa.text("UPDATE setting SET value = :value WHERE key = :key"),
        {"value": json.dumps(data, ensure_ascii=False), "key": RETENTION_KEY},
    )


def upgrade() -> None:
    with op.batch_alter_table("funders", naming_convention=NAMING_CONVENTION) as batch:
        batch.add_column(sa.Column("proof_years", sa.Integer(), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT event_id, funder FROM event_funding")).all()
    for event_id, funder in rows:
        funder_id = _funder_id(connection, funder)
        if funder_id is not None:
            connection.execute(
                sa.text("UPDATE event SET funder_id = :f WHERE id = :e AND funder_id IS NULL"),
                {"f": funder_id, "e": event_id},
            )
    data = _retention(connection)
    if data is not None:
        per_funder = data.pop("funder_years", None)
        if isinstance(per_funder, dict):
            for name, years in per_funder.items():
                funder_id = _funder_id(connection, str(name))
                if funder_id is not None and isinstance(years, int):
                    connection.execute(
                        sa.text("UPDATE funders SET proof_years = :y WHERE id = :f"),
                        {"y": years, "f": funder_id},
                    )
        _store_retention(connection, data)
    op.drop_table("event_funding")


def downgrade() -> None:
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
    connection = op.get_bind()
    connection.execute(
        sa.text(
            "INSERT INTO event_funding (event_id, funder) "
            "SELECT event.id, funders.name FROM event "
            "LEFT JOIN series ON series.id = event.series_id "
            "JOIN funders ON funders.id = COALESCE(event.funder_id, series.funder_id)"
        )
    )
    data = _retention(connection)
    longer = connection.execute(
        sa.text("SELECT name, proof_years FROM funders WHERE proof_years IS NOT NULL")
    ).all()
    if data is not None:
        data["funder_years"] = {name: years for name, years in longer}
        _store_retention(connection, data)
    with op.batch_alter_table("funders", naming_convention=NAMING_CONVENTION) as batch:
        batch.drop_column("proof_years")
