"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 09:02:22.234553
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "district",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district")),
        sa.UniqueConstraint("name", name=op.f("uq_district_name")),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.CheckConstraint(
            "kind IN ('verein', 'stiftung', 'kommune', 'kirche', 'migrantenorganisation', 'freiwilligenagentur', 'sonstige')",
            name=op.f("ck_organisation_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
        sa.UniqueConstraint("name", name=op.f("uq_organisation_name")),
    )
    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("module_count", sa.Integer(), nullable=False),
        sa.Column("required_modules", sa.Integer(), nullable=False),
        sa.CheckConstraint("module_count >= 1", name=op.f("ck_series_module_count_positive")),
        sa.CheckConstraint(
            "required_modules >= 1 AND required_modules <= module_count",
            name=op.f("ck_series_required_modules_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "target_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_group")),
        sa.UniqueConstraint("name", name=op.f("uq_target_group_name")),
    )
    op.create_table(
        "inquiry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("target_group_id", sa.Integer(), nullable=True),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('become_volunteer', 'seek_mentorship', 'join_network', 'other')",
            name=op.f("ck_inquiry_kind"),
        ),
        sa.CheckConstraint(
            "status IN ('open', 'forwarded', 'closed')", name=op.f("ck_inquiry_status")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["district.id"],
            name=op.f("fk_inquiry_district_id_district"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["target_group_id"],
            ["target_group.id"],
            name=op.f("fk_inquiry_target_group_id_target_group"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inquiry")),
    )
    with op.batch_alter_table("inquiry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inquiry_received_on"), ["received_on"], unique=False)

    op.create_table(
        "member_project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("member_since", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("leitbild_signed_on", sa.Date(), nullable=True),
        sa.Column("serves_whole_city", sa.Boolean(), nullable=False),
        sa.Column("flyer_text", sa.Text(), nullable=False),
        sa.Column("portrait_text", sa.Text(), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("logo_mime", sa.String(length=40), nullable=False),
        sa.Column("seeks_volunteers", sa.Boolean(), nullable=False),
        sa.Column("time_commitment", sa.String(length=200), nullable=False),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('active', 'paused', 'left')", name=op.f("ck_member_project_status")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_member_project_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_project")),
        sa.UniqueConstraint("name", name=op.f("uq_member_project_name")),
    )
    with op.batch_alter_table("member_project", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_member_project_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("partner_name", sa.String(length=200), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("on_mailing_list", sa.Boolean(), nullable=False),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("consent_source", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_contact_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["member_project.id"],
            name=op.f("fk_contact_project_id_member_project"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_project_id"), ["project_id"], unique=False)

    op.create_table(
        "forwarding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inquiry_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("forwarded_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inquiry_id"],
            ["inquiry.id"],
            name=op.f("fk_forwarding_inquiry_id_inquiry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["member_project.id"],
            name=op.f("fk_forwarding_project_id_member_project"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forwarding")),
    )
    with op.batch_alter_table("forwarding", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_forwarding_inquiry_id"), ["inquiry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_forwarding_project_id"), ["project_id"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("latin_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("email_key", sa.String(length=254), nullable=True),
        sa.Column("name_key", sa.String(length=220), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('volunteer', 'coordinator', 'interested', 'speaker')",
            name=op.f("ck_person_role"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["member_project.id"],
            name=op.f("fk_person_project_id_member_project"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("email_key", name=op.f("uq_person_email_key")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_last_name"), ["last_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_project_id"), ["project_id"], unique=False)

    op.create_table(
        "project_district",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["district.id"],
            name=op.f("fk_project_district_district_id_district"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["member_project.id"],
            name=op.f("fk_project_district_project_id_member_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "district_id", name=op.f("pk_project_district")),
    )
    op.create_table(
        "project_target_group",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("target_group_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["member_project.id"],
            name=op.f("fk_project_target_group_project_id_member_project"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_group_id"],
            ["target_group.id"],
            name=op.f("fk_project_target_group_target_group_id_target_group"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "project_id", "target_group_id", name=op.f("pk_project_target_group")
        ),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("online_url", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(length=200), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("registration_deadline", sa.Date(), nullable=True),
        sa.Column("responsible_project_id", sa.Integer(), nullable=True),
        sa.Column("responsible_contact_id", sa.Integer(), nullable=True),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("module_number", sa.Integer(), nullable=True),
        sa.Column("recurrence_id", sa.String(length=40), nullable=True),
        sa.Column("ics_sequence", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('network_meeting', 'specialist_day', 'coordinator_training', 'series_module', 'info_stand', 'online', 'other')",
            name=op.f("ck_event_kind"),
        ),
        sa.CheckConstraint(
            "status IN ('idea', 'planned', 'confirmed', 'done', 'cancelled')",
            name=op.f("ck_event_status"),
        ),
        sa.CheckConstraint(
            "capacity IS NULL OR capacity >= 0", name=op.f("ck_event_capacity_not_negative")
        ),
        sa.CheckConstraint("ends_at >= starts_at", name=op.f("ck_event_ends_after_start")),
        sa.CheckConstraint(
            "module_number IS NULL OR module_number >= 1",
            name=op.f("ck_event_module_number_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["responsible_contact_id"],
            ["contact.id"],
            name=op.f("fk_event_responsible_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["responsible_project_id"],
            ["member_project.id"],
            name=op.f("fk_event_responsible_project_id_member_project"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_event_series_id_series"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("series_id", "module_number", name="uq_event_series_module"),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_recurrence_id"), ["recurrence_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_event_responsible_project_id"), ["responsible_project_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_event_series_id"), ["series_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "duration_minutes >= 0", name=op.f("ck_agenda_item_duration_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_agenda_item_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
        sa.UniqueConstraint("event_id", "position", name="uq_agenda_item_event_position"),
    )
    op.create_table(
        "registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "status IN ('confirmed', 'waitlisted', 'cancelled')",
            name=op.f("ck_registration_status"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_registration_event_id_event"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_registration_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration")),
        sa.UniqueConstraint("person_id", "event_id", name="uq_registration_person_event"),
    )
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_registration_event_id"), ["event_id"], unique=False)

    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_task_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_task_event_id_event"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["member_project.id"],
            name=op.f("fk_task_project_id_member_project"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_project_id"), ["project_id"], unique=False)

    op.create_table(
        "registration_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(length=12), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "change IN ('registered', 'waitlisted', 'moved_up', 'cancelled', 'attended', 'absent', 'merged')",
            name=op.f("ck_registration_history_change"),
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registration.id"],
            name=op.f("fk_registration_history_registration_id_registration"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration_history")),
    )
    with op.batch_alter_table("registration_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_registration_history_registration_id"), ["registration_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("registration_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registration_history_registration_id"))

    op.drop_table("registration_history")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_project_id"))
        batch_op.drop_index(batch_op.f("ix_task_event_id"))

    op.drop_table("task")
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registration_event_id"))

    op.drop_table("registration")
    op.drop_table("agenda_item")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_starts_at"))
        batch_op.drop_index(batch_op.f("ix_event_series_id"))
        batch_op.drop_index(batch_op.f("ix_event_responsible_project_id"))
        batch_op.drop_index(batch_op.f("ix_event_recurrence_id"))
        batch_op.drop_index(batch_op.f("ix_event_kind"))

    op.drop_table("event")
    op.drop_table("project_target_group")
    op.drop_table("project_district")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_project_id"))
        batch_op.drop_index(batch_op.f("ix_person_name_key"))
        batch_op.drop_index(batch_op.f("ix_person_last_name"))

    op.drop_table("person")
    with op.batch_alter_table("forwarding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forwarding_project_id"))
        batch_op.drop_index(batch_op.f("ix_forwarding_inquiry_id"))

    op.drop_table("forwarding")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_project_id"))
        batch_op.drop_index(batch_op.f("ix_contact_organisation_id"))

    op.drop_table("contact")
    with op.batch_alter_table("member_project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_project_organisation_id"))

    op.drop_table("member_project")
    with op.batch_alter_table("inquiry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inquiry_received_on"))

    op.drop_table("inquiry")
    op.drop_table("target_group")
    op.drop_table("setting")
    op.drop_table("series")
    op.drop_table("organisation")
    op.drop_table("district")
