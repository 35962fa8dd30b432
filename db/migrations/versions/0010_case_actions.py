"""case actions

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.base  # column types of the models

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table: a case's timeline entries (notes, support, mediation, monitoring visits).
    op.create_table('case_actions',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('result', sa.String(length=30), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['support_cases.id'], name=op.f('fk_case_actions_case_id_support_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_actions'))
    )
    with op.batch_alter_table('case_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_actions_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_actions_follow_up_on'), ['follow_up_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_actions_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_actions_usn'), ['usn'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('case_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_actions_usn'))
        batch_op.drop_index(batch_op.f('ix_case_actions_updated_at'))
        batch_op.drop_index(batch_op.f('ix_case_actions_follow_up_on'))
        batch_op.drop_index(batch_op.f('ix_case_actions_case_id'))

    op.drop_table('case_actions')
