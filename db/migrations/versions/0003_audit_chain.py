"""audit chain: one hash-chained row per write (architecture.md §5)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.base  # column types of the models

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table: plain CREATE, no batch copy-and-move needed. Existing records get no back-dated
    # events; the chain starts with the first write after the upgrade.
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', db.base.UTCDateTime(), nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('device', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    op.create_index(op.f('ix_audit_events_record_id'), 'audit_events', ['record_id'], unique=False)
    op.create_index('ix_audit_events_user_id', 'audit_events', ['user', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_events_user_id', table_name='audit_events')
    op.drop_index(op.f('ix_audit_events_record_id'), table_name='audit_events')
    op.drop_table('audit_events')
