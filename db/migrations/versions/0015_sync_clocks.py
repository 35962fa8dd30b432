"""sync clocks: a hybrid logical clock on every synced row and field, the changes a device has not yet had
acknowledged, and the conflicts merges keep

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.base

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# The synced tables as this revision knows them (db.models.synced.SYNCED_MODELS at 0014).
SYNCED = (
    "villages",
    "households",
    "household_categories",
    "people",
    "population_events",
    "visits",
    "support_cases",
    "case_measures",
    "case_referrals",
    "manual_tasks",
    "task_states",
    "case_parties",
    "case_plan_items",
    "case_actions",
    "campaign_years",
    "communication_activities",
)

# A row made before clocks existed gets the clock of its last change, from updated_at, on this device: the
# same text db.hlc writes (15 digits of milliseconds, a 5-digit counter, the device id).
_CLOCK_OF_ROW = (
    "printf('%015d-%05d-%s', CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,"
    " coalesce((SELECT value FROM profile_meta WHERE key = 'device_id'), '00000000-0000-0000-0000-000000000000'))"
)


def upgrade() -> None:
    for table in SYNCED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("hlc", sa.String(64), nullable=False, server_default=""))
            batch.add_column(sa.Column("field_clocks", sa.JSON(), nullable=False, server_default="{}"))
        op.execute(f"UPDATE {table} SET hlc = {_CLOCK_OF_ROW} WHERE updated_at IS NOT NULL")
        op.execute(f"UPDATE {table} SET field_clocks = json_object('', json_array(hlc, ''))")
    _create_sync_tables()
    # Deletes are soft and the soft-deleted row is the tombstone; `graves` never had a writer (architecture.md §5).
    with op.batch_alter_table("graves") as batch:
        batch.drop_index("ix_graves_ref_id")
        batch.drop_index("ix_graves_usn")
    op.drop_table("graves")
    for table in SYNCED:
        # Rows still pending are changes the upper level has never seen: all their fields at once.
        op.execute(
            f"INSERT INTO sync_changes (table_name, row_id, field, hlc) "
            f"SELECT '{table}', id, '', hlc FROM {table} WHERE usn = -1"
        )
    newest = " UNION ALL ".join(f"SELECT max(hlc) AS hlc FROM {table}" for table in SYNCED)
    op.execute(
        f"INSERT OR REPLACE INTO profile_meta (key, value) SELECT 'hlc', m FROM (SELECT max(hlc) AS m FROM ({newest})) "
        "WHERE m IS NOT NULL AND m != ''"
    )


def _create_sync_tables() -> None:
    op.create_table(
        "sync_changes",
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field", name=op.f("pk_sync_changes")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(12), nullable=False),
        sa.Column("kept_value", sa.Text(), nullable=False),
        sa.Column("kept_clock", sa.String(64), nullable=False),
        sa.Column("other_value", sa.Text(), nullable=False),
        sa.Column("other_clock", sa.String(64), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("usn", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(36), nullable=False),
        sa.Column("deleted_at", db.base.UTCDateTime(), nullable=True),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.create_index(batch.f("ix_sync_conflicts_row_id"), ["row_id"], unique=False)
        batch.create_index(batch.f("ix_sync_conflicts_updated_at"), ["updated_at"], unique=False)
        batch.create_index(batch.f("ix_sync_conflicts_usn"), ["usn"], unique=False)


def downgrade() -> None:
    op.create_table(
        "graves",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("ref_id", sa.Uuid(), nullable=False),
        sa.Column("deleted_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("usn", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_graves"),
    )
    with op.batch_alter_table("graves") as batch:
        batch.create_index("ix_graves_ref_id", ["ref_id"], unique=False)
        batch.create_index("ix_graves_usn", ["usn"], unique=False)
    op.drop_table("sync_conflicts")
    op.drop_table("sync_changes")
    op.execute("DELETE FROM profile_meta WHERE key = 'hlc'")
    for table in SYNCED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("field_clocks")
            batch.drop_column("hlc")
