"""child plan items

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.base  # column types of the models

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table (index operations in batch mode do not copy any table on SQLite).
    op.create_table('case_plan_items',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('action', sa.String(length=200), nullable=False),
    sa.Column('responsible', sa.String(length=100), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['support_cases.id'], name=op.f('fk_case_plan_items_case_id_support_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_plan_items'))
    )
    with op.batch_alter_table('case_plan_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_plan_items_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_plan_items_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_plan_items_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_plan_items_usn'), ['usn'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('case_plan_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_plan_items_usn'))
        batch_op.drop_index(batch_op.f('ix_case_plan_items_updated_at'))
        batch_op.drop_index(batch_op.f('ix_case_plan_items_due_on'))
        batch_op.drop_index(batch_op.f('ix_case_plan_items_case_id'))

    op.drop_table('case_plan_items')
