"""review items: rules broken by copies that merged, kept for the user to settle

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.base

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_items",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_ids", sa.JSON(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("usn", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("deleted_at", db.base.UTCDateTime(), nullable=True),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_items")),
    )
    with op.batch_alter_table("review_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_items_updated_at"), ["updated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_items_usn"), ["usn"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_items_usn"))
        batch_op.drop_index(batch_op.f("ix_review_items_updated_at"))
    op.drop_table("review_items")
