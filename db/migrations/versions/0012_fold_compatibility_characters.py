"""search keys fold full-width and other compatibility characters

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""
from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# The folded search keys, as desktop.textnorm.fold made them when this migration was written: NFKC first,
# so a name typed with full-width letters ("ｎｇｕｙｅｎ") is found by "nguyen". Kept here rather than
# imported, so that this migration gives the same result whatever fold becomes later.
_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    if not text:
        return ""
    compatible = unicodedata.normalize("NFKC", text)
    lowered = unicodedata.normalize("NFD", compatible.replace("đ", "d").replace("Đ", "d")).lower()
    stripped = "".join(ch for ch in lowered if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped).strip()


# (table, the text, its search key). Updating a person's name_folded or a household's address_folded
# fires the search triggers of migration 0001, which replace the row's search_entries entry and with it
# both FTS indexes (search_words, search_fts): the index is refolded with the keys, row by row.
FOLDED = (
    ('people', 'full_name', 'name_folded'),
    ('households', 'address', 'address_folded'),
    ('villages', 'name', 'name_folded'),
)


def upgrade() -> None:
    bind = op.get_bind()
    for table, source, key in FOLDED:
        changed = []
        for row_id, text, stored in bind.execute(sa.text(f"SELECT id, {source}, {key} FROM {table}")):
            folded = fold(text)
            if folded != stored:
                changed.append({"id": row_id, "key": folded})
        # Only keys that differ are written: a register typed on ordinary keyboards is left untouched.
        if changed:
            bind.execute(sa.text(f"UPDATE {table} SET {key} = :key WHERE id = :id"), changed)


def downgrade() -> None:
    """Nothing to undo: the keys made here are still valid search keys for the older code, which finds
    less with them."""
