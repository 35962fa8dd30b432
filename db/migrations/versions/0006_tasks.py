"""tasks

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.base  # column types of the models

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Two new tables (index operations in batch mode do not copy any table on SQLite).
    op.create_table('task_states',
    sa.Column('task_key', sa.String(length=80), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('snoozed_until', sa.Date(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_states')),
    sa.UniqueConstraint('task_key', name=op.f('uq_task_states_task_key'))
    )
    with op.batch_alter_table('task_states', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_states_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_states_usn'), ['usn'], unique=False)

    op.create_table('manual_tasks',
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=True),
    sa.Column('owner', sa.String(length=100), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_manual_tasks_household_id_households')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_manual_tasks'))
    )
    with op.batch_alter_table('manual_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_manual_tasks_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_manual_tasks_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_manual_tasks_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_manual_tasks_usn'), ['usn'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('manual_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_manual_tasks_usn'))
        batch_op.drop_index(batch_op.f('ix_manual_tasks_updated_at'))
        batch_op.drop_index(batch_op.f('ix_manual_tasks_household_id'))
        batch_op.drop_index(batch_op.f('ix_manual_tasks_due_on'))

    op.drop_table('manual_tasks')
    with op.batch_alter_table('task_states', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_states_usn'))
        batch_op.drop_index(batch_op.f('ix_task_states_updated_at'))

    op.drop_table('task_states')
