"""domestic violence measures and referrals

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.base  # column types of the models

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New tables, and new columns with server defaults on support_cases: SQLite adds those in place,
    # so no table is copied (support_cases keeps its rows and indexes as they are).
    op.create_table('case_measures',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('measure', sa.String(length=40), nullable=False),
    sa.Column('decision_no', sa.String(length=60), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('distance_m', sa.Integer(), nullable=True),
    sa.Column('supervisor', sa.String(length=100), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['support_cases.id'], name=op.f('fk_case_measures_case_id_support_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_measures'))
    )
    for column in ('case_id', 'ends_on', 'updated_at', 'usn'):
        op.create_index(op.f(f'ix_case_measures_{column}'), 'case_measures', [column], unique=False)

    op.create_table('case_referrals',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('body', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['support_cases.id'], name=op.f('fk_case_referrals_case_id_support_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_referrals'))
    )
    for column in ('case_id', 'updated_at', 'usn'):
        op.create_index(op.f(f'ix_case_referrals_{column}'), 'case_referrals', [column], unique=False)
    with op.batch_alter_table('support_cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('risk_level', sa.String(length=10), server_default='', nullable=False))
        batch_op.add_column(sa.Column('consent', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('acts', sa.JSON(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('relationship_context', sa.String(length=20), server_default='', nullable=False))
        batch_op.add_column(sa.Column('harm', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('recurrence_12m', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('groups', sa.JSON(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('stage', sa.String(length=30), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('support_cases', schema=None) as batch_op:
        batch_op.drop_column('stage')
        batch_op.drop_column('groups')
        batch_op.drop_column('recurrence_12m')
        batch_op.drop_column('harm')
        batch_op.drop_column('relationship_context')
        batch_op.drop_column('acts')
        batch_op.drop_column('consent')
        batch_op.drop_column('risk_level')

    for column in ('case_id', 'updated_at', 'usn'):
        op.drop_index(op.f(f'ix_case_referrals_{column}'), table_name='case_referrals')
    op.drop_table('case_referrals')
    for column in ('case_id', 'ends_on', 'updated_at', 'usn'):
        op.drop_index(op.f(f'ix_case_measures_{column}'), table_name='case_measures')
    op.drop_table('case_measures')
