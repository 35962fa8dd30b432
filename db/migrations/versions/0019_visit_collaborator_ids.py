"""people by id, the rest: a visit names who made it by directory id, an audit event its writer's id

Revision ID: 0019
Revises: 0018
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

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

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


def _name_key(name: str) -> str:
    # As desktop.security.keyslot.user_key compares user names; a migration does not import the app.
    return unicodedata.normalize("NFC", name).strip().casefold()


def upgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        # "" for every event written so far: their hashes do not cover an id, and still verify.
        batch_op.add_column(sa.Column("user_id", sa.String(length=36), nullable=False, server_default=""))
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.alter_column("user_id", existing_type=sa.String(length=36), server_default=None)
        batch_op.create_index("ix_audit_events_writer_id", ["user_id", "id"], unique=False)
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("collaborator_id", sa.Uuid(), nullable=True))
    conn = op.get_bind()
    rows = conn.exec_driver_sql("SELECT id, collaborator FROM visits").all()
    ids = _known_ids(conn)
    _add_unknown(conn, ids, {name for _row_id, name in rows})
    # Row ids as stored: sa.Uuid keeps 32 hex digits, and the collaborator's id is written the same way.
    updates = [(ids[_name_key(name)].hex, row_id) for row_id, name in rows]
    if updates:
        conn.exec_driver_sql("UPDATE visits SET collaborator_id = ? WHERE id = ?", updates)
    with op.batch_alter_table("visits", schema=None, recreate="always") as batch_op:
        batch_op.alter_column("collaborator_id", existing_type=sa.Uuid(), nullable=False)
        batch_op.drop_column("collaborator")
        batch_op.create_index(batch_op.f("ix_visits_collaborator_id"), ["collaborator_id"], unique=False)


def _known_ids(conn: sa.Connection) -> dict[str, uuid.UUID]:
    """Directory ids by name key, as desktop.services.profile.directory.id_of picks among rows of one name:
    a user of this device first, then a row still active, then a disabled one."""
    local = {row.name_key for row in conn.exec_driver_sql("SELECT name_key FROM users").all()}
    rows = conn.execute(sa.select(directory.c.id, directory.c.name, directory.c.disabled_at)).all()
    ranked = sorted(rows, key=lambda row: (_name_key(row.name) not in local, row.disabled_at is not None), reverse=True)
    return {_name_key(row.name): row.id for row in ranked}  # the best row is written last and wins


def _add_unknown(conn: sa.Connection, ids: dict[str, uuid.UUID], names: set[str]) -> None:
    """A disabled directory row (a collaborator) for every visitor's name no row carries, as 0017 does."""
    now = datetime.now(UTC)
    origin = str(conn.exec_driver_sql("SELECT value FROM profile_meta WHERE key = 'device_id'").scalar() or "")
    rows: list[dict[str, Any]] = []
    for name in sorted(names):
        key = _name_key(name)
        if key in ids:
            continue
        ids[key] = uuid.uuid4()
        shown = " ".join(unicodedata.normalize("NFC", name).split())
        rows.append(
            {"id": ids[key], "name": shown, "role": "ctv", "protection": False, "villages": [], "disabled_at": now}
        )
    if not rows:
        return
    # One clock for the rows this migration makes, as db.hlc writes it; pending as this device's changes.
    clock = f"{int(now.timestamp() * 1000):015d}-{0:05d}-{origin or '00000000-0000-0000-0000-000000000000'}"
    stamps = {
        "created_at": now,
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


def downgrade() -> None:
    conn = op.get_bind()
    names = {row.id: row.name for row in conn.execute(sa.select(directory.c.id, directory.c.name)).all()}
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("collaborator", sa.String(length=100), nullable=True))
    rows = conn.exec_driver_sql("SELECT id, collaborator_id FROM visits").all()
    updates = [(names.get(uuid.UUID(found), ""), row_id) for row_id, found in rows]
    if updates:
        conn.exec_driver_sql("UPDATE visits SET collaborator = ? WHERE id = ?", updates)
    with op.batch_alter_table("visits", schema=None, recreate="always") as batch_op:
        batch_op.drop_index(batch_op.f("ix_visits_collaborator_id"))
        batch_op.drop_column("collaborator_id")
        batch_op.alter_column("collaborator", existing_type=sa.String(length=100), nullable=False)
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_writer_id")
        batch_op.drop_column("user_id")
