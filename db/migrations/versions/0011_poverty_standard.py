"""poverty standard of a household category

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# The periods of resources/reference/poverty_standards.csv as they stood when this migration was written
# (domain.md §7.1): a migration must give the same result whatever the code tables hold later.
PERIODS = (('qd59_2015', 2016, 2021), ('nd07_2021', 2022, 2026), ('nd351_2025', 2027, 2030))
DECIDED_BY_STANDARD = ('poor', 'near_poor')


def upgrade() -> None:
    with op.batch_alter_table('household_categories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('poverty_standard', sa.String(length=20), server_default='', nullable=False))
    # Existing poor and near-poor entries get the standard their year fell under; a year outside every
    # known period stays empty, for the user to see. The row is not re-stamped: this is what it always meant.
    table = sa.table(
        'household_categories',
        sa.column('category', sa.String),
        sa.column('year', sa.Integer),
        sa.column('poverty_standard', sa.String),
    )
    for code, first, last in PERIODS:
        op.execute(
            table.update()
            .where(table.c.category.in_(DECIDED_BY_STANDARD), table.c.year.between(first, last))
            .values(poverty_standard=code)
        )


def downgrade() -> None:
    with op.batch_alter_table('household_categories', schema=None) as batch_op:
        batch_op.drop_column('poverty_standard')
