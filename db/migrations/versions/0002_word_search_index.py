"""word search index with prefixes; indexes for the household list

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""
from __future__ import annotations

from alembic import op

import db.base  # noqa: F401  (column types of the models)

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# A word index answers "nguyen* AND thi*" by reading one posting list per word, and its prefix
# indexes make one- and two-letter words ("le", "ha") cheap instead of a LIKE scan of every row.
WORDS_SQL = [
    """CREATE VIRTUAL TABLE search_words USING fts5(
        text, content='search_entries', content_rowid='id', tokenize='unicode61', prefix='1 2 3'
    )""",
    "DROP TRIGGER search_entries_ai",
    "DROP TRIGGER search_entries_ad",
    """CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
        INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text);
        INSERT INTO search_words(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
        INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO search_words(search_words, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    "INSERT INTO search_words(search_words) VALUES ('rebuild')",
]

WORDS_DROP = [
    "DROP TRIGGER search_entries_ai",
    "DROP TRIGGER search_entries_ad",
    """CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
        INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
        INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    "DROP TABLE search_words",
]


def upgrade() -> None:
    # Plain CREATE INDEX: a batch (copy-and-move) rebuild of households would drop its search triggers.
    op.create_index('ix_households_head_person_id', 'households', ['head_person_id'], unique=False)
    op.create_index('ix_households_village_code', 'households', ['village_id', 'code'], unique=False)
    for statement in WORDS_SQL:
        op.execute(statement)


def downgrade() -> None:
    for statement in WORDS_DROP:
        op.execute(statement)
    op.drop_index('ix_households_village_code', table_name='households')
    op.drop_index('ix_households_head_person_id', table_name='households')
