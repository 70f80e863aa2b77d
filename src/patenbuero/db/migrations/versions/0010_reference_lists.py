"""editable Träger and event kinds, retired list entries, Halle's Stadtteile on a new database

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-02 05:45:00

Träger kinds and event kinds move from fixed CHECK lists into the tables
``organisation_kind`` and ``event_kind``; records keep the stored value, which is now
the kind's ``key`` (a foreign key). Target groups and districts get ``retired``.

An empty district list is filled with the Stadtteile and Stadtviertel of Halle (Saale)
and an empty target-group list with the target groups the network works with; lists
that already hold entries stay as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The built-in kinds: the keys code relies on, and their first labels.
EVENT_KINDS = (
    ("network_meeting", "Vernetzungstreffen"),
    ("specialist_day", "Fachtag"),
    ("coordinator_training", "Fortbildung für Koordinator:innen"),
    ("series_module", "Modul der Fortbildungsreihe"),
    ("info_stand", "Infostand"),
    ("online", "Online-Veranstaltung"),
    ("other", "Sonstiges"),
)
ORGANISATION_KINDS = (
    ("verein", "Verein"),
    ("stiftung", "Stiftung"),
    ("kommune", "Kommune"),
    ("kirche", "Kirche"),
    ("migrantenorganisation", "Migrantenorganisation"),
    ("freiwilligenagentur", "Freiwilligen-Agentur"),
    ("sonstige", "Sonstige"),
)

# The Stadtteile and Stadtviertel of the Großräumige Gliederung der Stadt Halle (Saale)
# (5 Stadtbezirke; the 17 Stadtteile without Stadtviertel and the Stadtviertel of
# Halle, Trotha, Ammendorf, Neustadt and Lettin), named as the city's statistics office
# (Fachbereich Einwohnerwesen, Abteilung Statistik und Wahlen) names them. Sources:
# https://halle.de/leben-in-halle/stadtentwicklung/stadtteile-und-stadtviertel/stadtteile
# and .../stadtviertel (Stadt Halle (Saale)); the list per Stadtbezirk as in the city
# council's division of 26 November 2008 (halle-waehlt.de/wahlen/stadtrat-2009/
# wahlbereiche) and de.wikipedia.org "Stadtbezirke und Stadtteile von Halle (Saale)"
# (figures of 31 Dec 2020). "Gebiet der DR" (railway land, about 130 inhabitants) is
# left out, as in the city's figures since 2020.
HALLE_DISTRICTS = (
    # Mitte
    "Altstadt",
    "Südliche Innenstadt",
    "Nördliche Innenstadt",
    # Nord
    "Paulusviertel",
    "Am Wasserturm/Thaerviertel",
    "Landrain",
    "Frohe Zukunft",
    "Ortslage Trotha",
    "Industriegebiet Nord",
    "Gottfried-Keller-Siedlung",
    "Giebichenstein",
    "Seeben",
    "Tornau",
    "Mötzlich",
    # Ost
    "Freiimfelde/Kanenaer Weg",
    "Dieselstraße",
    "Diemitz",
    "Dautzsch",
    "Reideburg",
    "Büschdorf",
    "Kanena/Bruckdorf",
    # Süd
    "Lutherplatz/Thüringer Bahnhof",
    "Gesundbrunnen",
    "Südstadt",
    "Damaschkestraße",
    "Ortslage Ammendorf/Beesen",
    "Radewell/Osendorf",
    "Planena",
    "Böllberg/Wörmlitz",
    "Silberhöhe",
    # West
    "Nördliche Neustadt",
    "Südliche Neustadt",
    "Westliche Neustadt",
    "Gewerbegebiet Neustadt",
    "Ortslage Lettin",
    "Heide-Nord/Blumenau",
    "Saaleaue",
    "Kröllwitz",
    "Heide-Süd",
    "Nietleben",
    "Dölauer Heide",
    "Dölau",
)

# The target groups the network works with (docs/DOMAIN.md, glossary "Zielgruppe").
TARGET_GROUPS = (
    "Kinder",
    "Jugendliche",
    "Familien",
    "Familien mit schwer erkrankten Kindern",
    "Senior:innen",
    "Geflüchtete/Zugewanderte",
    "Menschen mit Behinderung",
    "Arbeitsuchende",
    "Umwelt/Grünflächen",
)

OLD_EVENT_KINDS = ", ".join(f"'{key}'" for key, _name in EVENT_KINDS)
OLD_ORGANISATION_KINDS = ", ".join(f"'{key}'" for key, _name in ORGANISATION_KINDS)


def _kind_table(name: str) -> sa.TableClause:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("builtin", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("retired", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("key", name=op.f(f"uq_{name}_key")),
        sa.UniqueConstraint("name", name=op.f(f"uq_{name}_name")),
    )
    return sa.table(
        name,
        sa.column("key", sa.String),
        sa.column("name", sa.String),
        sa.column("sort_order", sa.Integer),
        sa.column("builtin", sa.Boolean),
        sa.column("retired", sa.Boolean),
    )


def _seed_kinds(table: sa.TableClause, kinds: tuple[tuple[str, str], ...]) -> None:
    op.bulk_insert(
        table,
        [
            {
                "key": key,
                "name": name,
                "sort_order": 10 * (n + 1),
                "builtin": True,
                "retired": False,
            }
            for n, (key, name) in enumerate(kinds)
        ],
    )


def _fill_if_empty(table: str, names: Sequence[str], sort_order: bool) -> None:
    bind = op.get_bind()
    if bind.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar():
        return
    columns: list[sa.ColumnClause[object]] = [sa.column("name", sa.String)]
    if sort_order:
        columns.append(sa.column("sort_order", sa.Integer))
    rows = [
        {"name": name, **({"sort_order": 10 * (n + 1)} if sort_order else {})}
        for n, name in enumerate(names)
    ]
    op.bulk_insert(sa.table(table, *columns), rows)


def upgrade() -> None:
    _seed_kinds(_kind_table("event_kind"), EVENT_KINDS)
    _seed_kinds(_kind_table("organisation_kind"), ORGANISATION_KINDS)
    with op.batch_alter_table("event", naming_convention=NAMING_CONVENTION) as batch:
        batch.drop_constraint("kind", type_="check")
        batch.create_foreign_key(
            "fk_event_kind_event_kind", "event_kind", ["kind"], ["key"], ondelete="RESTRICT"
        )
    with op.batch_alter_table("organisation", naming_convention=NAMING_CONVENTION) as batch:
        batch.drop_constraint("kind", type_="check")
        batch.create_foreign_key(
            "fk_organisation_kind_organisation_kind",
            "organisation_kind",
            ["kind"],
            ["key"],
            ondelete="RESTRICT",
        )
    for table in ("target_group", "district"):
        with op.batch_alter_table(table, naming_convention=NAMING_CONVENTION) as batch:
            batch.add_column(
                sa.Column("retired", sa.Boolean(), server_default=sa.false(), nullable=False)
            )
    _fill_if_empty("district", HALLE_DISTRICTS, sort_order=False)
    _fill_if_empty("target_group", TARGET_GROUPS, sort_order=True)


def downgrade() -> None:
    # Records of kinds the office added fall back to "Sonstiges"/"Sonstige".
    op.execute(sa.text(f"UPDATE event SET kind = 'other' WHERE kind NOT IN ({OLD_EVENT_KINDS})"))
    op.execute(
        sa.text(
            "UPDATE organisation SET kind = 'sonstige' "
            f"WHERE kind NOT IN ({OLD_ORGANISATION_KINDS})"
        )
    )
    for table in ("district", "target_group"):
        with op.batch_alter_table(table, naming_convention=NAMING_CONVENTION) as batch:
            batch.drop_column("retired")
    with op.batch_alter_table("organisation", naming_convention=NAMING_CONVENTION) as batch:
        batch.drop_constraint("fk_organisation_kind_organisation_kind", type_="foreignkey")
        batch.create_check_constraint("kind", f"kind IN ({OLD_ORGANISATION_KINDS})")
    with op.batch_alter_table("event", naming_convention=NAMING_CONVENTION) as batch:
        batch.drop_constraint("fk_event_kind_event_kind", type_="foreignkey")
        batch.create_check_constraint("kind", f"kind IN ({OLD_EVENT_KINDS})")
    op.drop_table("organisation_kind")
    op.drop_table("event_kind")
