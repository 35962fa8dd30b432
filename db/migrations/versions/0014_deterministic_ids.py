"""task states and villages take the ids every device gives them, so copies of a commune's notebook meet

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# The namespaces and names of db.models.casework.task_state_id and db.models.register.village_id when this
# migration was written. Kept here rather than imported, so that it gives the same ids whatever the models
# become later (tests/db/test_migrations.py checks they still agree).
TASK_STATE_NAMESPACE = uuid.UUID("5cbd764c-b321-4134-94c6-23d96398d196")
VILLAGE_NAMESPACE = uuid.UUID("56087b61-0d96-4f4e-89b9-3f46354d1595")

# Every column that holds a village's id (sa.Uuid: 32 hex digits in SQLite). users.villages, a JSON list of
# hex ids, is rewritten apart. The audit log keeps the ids it was written with: its events are hash-linked,
# and rewriting them would break the chain it exists to keep.
VILLAGE_REFERENCES = (("households", "village_id"), ("communication_activities", "village_id"))


def task_state_id(task_key: str) -> uuid.UUID:
    return uuid.uuid5(TASK_STATE_NAMESPACE, task_key)


def village_id(commune_code: str, name_folded: str) -> uuid.UUID:
    return uuid.uuid5(VILLAGE_NAMESPACE, f"{commune_code}:{name_folded}")


def upgrade() -> None:
    bind = op.get_bind()
    states = bind.execute(sa.text("SELECT id, task_key FROM task_states")).all()
    # task_key is unique, so no two rows are given one id.
    _rename(bind, "task_states", {old: task_state_id(key).hex for old, key in states})
    moved = _village_ids(bind)
    _rename(bind, "villages", moved)
    for table, column in VILLAGE_REFERENCES:
        for old, new in ((old, new) for old, new in moved.items() if old != new):
            bind.execute(sa.text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old"), {"old": old, "new": new})
    _rewrite_user_villages(bind, moved)


def _village_ids(bind: Any) -> dict[str, str]:
    """Old hex id to new, village by village.

    Two villages of one commune whose names fold alike cannot both take the id of that name: the first
    (live before removed, active before inactive, then the older) takes it, the second keeps its random id.
    Both stay, with everything that points at them; the user may merge them by hand.
    """
    rows = bind.execute(
        sa.text(
            "SELECT id, commune_code, name_folded FROM villages"
            " ORDER BY deleted_at IS NOT NULL, active = 0, created_at, id"
        )
    ).all()
    taken: set[str] = set()
    moved: dict[str, str] = {}
    for old, commune_code, folded in rows:
        new = village_id(commune_code, folded).hex
        if new in taken:
            continue
        taken.add(new)
        moved[old] = new
    return moved


def _rename(bind: Any, table: str, moved: dict[str, str]) -> None:
    """Give rows their new ids in two steps, so no new id meets an old one still in place."""
    changed = {old: new for old, new in moved.items() if old != new}
    for old in changed:
        bind.execute(sa.text(f"UPDATE {table} SET id = :temp WHERE id = :old"), {"old": old, "temp": "~" + old})
    for old, new in changed.items():
        bind.execute(sa.text(f"UPDATE {table} SET id = :new WHERE id = :temp"), {"temp": "~" + old, "new": new})


def _rewrite_user_villages(bind: Any, moved: dict[str, str]) -> None:
    for user_id, stored in bind.execute(sa.text("SELECT id, villages FROM users")).all():
        kept = json.loads(stored) if stored else []
        if not isinstance(kept, list):
            continue  # not a list of ids: nothing this migration knows how to rewrite
        # Stored as 32 hex digits (desktop.services.profile.users); a dashed form is matched as well.
        rewritten = [moved.get(str(value).replace("-", "").lower(), value) for value in kept]
        if rewritten != kept:
            bind.execute(
                sa.text("UPDATE users SET villages = :villages WHERE id = :id"),
                {"id": user_id, "villages": json.dumps(rewritten)},
            )


def downgrade() -> None:
    """Nothing to undo: the derived ids are valid ids for the older code, which never reads meaning into
    them, and the random ids they replaced are not kept anywhere to go back to."""
