"""people by id: a synced user directory, and cases and hand-written tasks owned by a directory id

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

import db.base

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

OWNED = ("support_cases", "manual_tasks")  # their `owner` name becomes `owner_id`
PENDING_USN = -1  # db/base.py: a row the hub has not seen yet

directory = sa.table(
    "directory_users",
    sa.column("id", sa.Uuid()),
    sa.column("name", sa.String()),
    sa.column("role", sa.String()),
    sa.column("protection", sa.Boolean()),
    sa.column("villages", sa.JSON()),
    sa.column("disabled_at", db.base.UTCDateTime()),
    sa.column("created_at", db.base.UTCDateTime()),
    sa.column("updated_at", db.base.UTCDateTime()),
    sa.column("usn", sa.Integer()),
    sa.column("origin", sa.String()),
    sa.column("hlc", sa.String()),
    sa.column("field_clocks", sa.JSON()),
)
sync_changes = sa.table(
    "sync_changes", sa.column("table_name"), sa.column("row_id", sa.Uuid()), sa.column("field"), sa.column("hlc")
)
users = sa.table(
    "users",
    sa.column("id", sa.Uuid()),
    sa.column("name", sa.String()),
    sa.column("name_key", sa.String()),
    sa.column("role", sa.String()),
    sa.column("protection", sa.Boolean()),
    sa.column("villages", sa.JSON()),
    sa.column("created_at", db.base.UTCDateTime()),
    sa.column("disabled_at", db.base.UTCDateTime()),
)


def _name_key(name: str) -> str:
    # As desktop.security.keyslot.user_key compares user names; a migration does not import the app.
    return unicodedata.normalize("NFC", name).strip().casefold()


def _device(conn: sa.Connection) -> str:
    found = conn.exec_driver_sql("SELECT value FROM profile_meta WHERE key = 'device_id'").scalar()
    return str(found or "")


def upgrade() -> None:
    op.create_table(
        "directory_users",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("protection", sa.Boolean(), nullable=False),
        sa.Column("villages", sa.JSON(), nullable=False),
        sa.Column("disabled_at", db.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("usn", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("deleted_at", db.base.UTCDateTime(), nullable=True),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_users")),
    )
    with op.batch_alter_table("directory_users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_directory_users_updated_at"), ["updated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_directory_users_usn"), ["usn"], unique=False)
    ids = _fill_directory()
    for table in OWNED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("owner_id", sa.Uuid(), nullable=True))
        # Row ids as stored: sa.Uuid keeps 32 hex digits, and the owner's id is written the same way.
        conn = op.get_bind()
        rows = conn.exec_driver_sql(f"SELECT id, owner FROM {table}").all()
        updates = [(ids[_name_key(owner)].hex, row_id) for row_id, owner in rows]
        if updates:
            conn.exec_driver_sql(f"UPDATE {table} SET owner_id = ? WHERE id = ?", updates)
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            batch_op.alter_column("owner_id", existing_type=sa.Uuid(), nullable=False)
            batch_op.drop_column("owner")
            batch_op.create_index(batch_op.f(f"ix_{table}_owner_id"), ["owner_id"], unique=False)


def _fill_directory() -> dict[str, uuid.UUID]:
    """A directory row for every user of the device, and one (disabled, a collaborator) for every owner's
    name no user carries, so no case or task loses its owner. Returns the ids by name key."""
    conn = op.get_bind()
    now, origin = datetime.now(UTC), _device(conn)
    ids: dict[str, uuid.UUID] = {}
    rows: list[dict[str, Any]] = []
    for user in conn.execute(sa.select(users)).all():
        ids[user.name_key] = user.id
        rows.append(
            {
                "id": user.id,
                "name": user.name,
                "role": user.role,
                "protection": user.protection,
                "villages": user.villages,
                "disabled_at": user.disabled_at,
                "created_at": user.created_at,
            }
        )
    for table in OWNED:
        for (owner,) in conn.exec_driver_sql(f"SELECT DISTINCT owner FROM {table}").all():
            key = _name_key(owner)
            if key not in ids:
                ids[key] = uuid.uuid4()
                name = " ".join(unicodedata.normalize("NFC", owner).split())
                rows.append(
                    {
                        "id": ids[key],
                        "name": name,
                        "role": "ctv",
                        "protection": False,
                        "villages": [],
                        "disabled_at": now,
                        "created_at": now,
                    }
                )
    if rows:
        # One clock for the rows this migration makes, as db.hlc writes it; pending as this device's changes.
        clock = f"{int(now.timestamp() * 1000):015d}-{0:05d}-{origin or '00000000-0000-0000-0000-000000000000'}"
        stamps = {
            "updated_at": now,
            "usn": PENDING_USN,
            "origin": origin,
            "hlc": clock,
            "field_clocks": {"": [clock, ""]},
        }
        conn.execute(sa.insert(directory), [{**row, **stamps} for row in rows])
        changes = [{"table_name": "directory_users", "row_id": row["id"], "field": "", "hlc": clock} for row in rows]
        conn.execute(sa.insert(sync_changes), changes)
        conn.exec_driver_sql(
            "INSERT INTO profile_meta (key, value) VALUES ('hlc', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)",
            (clock,),
        )
    return ids


def downgrade() -> None:
    conn = op.get_bind()
    names = {row.id: row.name for row in conn.execute(sa.select(directory.c.id, directory.c.name)).all()}
    for table in OWNED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("owner", sa.String(length=100), nullable=True))
        rows = conn.exec_driver_sql(f"SELECT id, owner_id FROM {table}").all()
        updates = [(names.get(uuid.UUID(owner_id), ""), row_id) for row_id, owner_id in rows]
        if updates:
            conn.exec_driver_sql(f"UPDATE {table} SET owner = ? WHERE id = ?", updates)
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_owner_id"))
            batch_op.drop_column("owner_id")
            batch_op.alter_column("owner", existing_type=sa.String(length=100), nullable=False)
    with op.batch_alter_table("directory_users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_directory_users_usn"))
        batch_op.drop_index(batch_op.f("ix_directory_users_updated_at"))
    op.drop_table("directory_users")
