"""reference data knows its origin: shipped with the app or sent by the upper level, with its clock

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

TABLES = ("code_items", "admin_units")


def upgrade() -> None:
    # Every row a profile holds so far came from the app's reference files: it becomes "shipped".
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("origin", sa.String(length=10), server_default="shipped", nullable=False))
            batch_op.add_column(sa.Column("hlc", sa.String(length=64), server_default="", nullable=False))
            batch_op.add_column(sa.Column("retired", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("retired")
            batch_op.drop_column("hlc")
            batch_op.drop_column("origin")
