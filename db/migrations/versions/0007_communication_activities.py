"""communication activities

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.base  # column types of the models

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Two new tables (index operations in batch mode do not copy any table on SQLite).
    op.create_table('campaign_years',
    sa.Column('campaign', sa.String(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('theme', sa.String(length=400), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_years'))
    )
    with op.batch_alter_table('campaign_years', schema=None) as batch_op:
        batch_op.create_index('ix_campaign_years_campaign_year', ['campaign', 'year'], unique=True)
        batch_op.create_index(batch_op.f('ix_campaign_years_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_campaign_years_usn'), ['usn'], unique=False)

    op.create_table('communication_activities',
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('village_id', sa.Uuid(), nullable=False),
    sa.Column('form', sa.String(length=40), nullable=False),
    sa.Column('topic', sa.String(length=40), nullable=False),
    sa.Column('campaign_id', sa.Uuid(), nullable=True),
    sa.Column('participants_male', sa.Integer(), nullable=False),
    sa.Column('participants_female', sa.Integer(), nullable=False),
    sa.Column('materials', sa.String(length=200), nullable=False),
    sa.Column('materials_count', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign_years.id'], name=op.f('fk_communication_activities_campaign_id_campaign_years')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_communication_activities_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communication_activities'))
    )
    with op.batch_alter_table('communication_activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_communication_activities_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_communication_activities_held_on'), ['held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_communication_activities_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_communication_activities_usn'), ['usn'], unique=False)
        batch_op.create_index(batch_op.f('ix_communication_activities_village_id'), ['village_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('communication_activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_communication_activities_village_id'))
        batch_op.drop_index(batch_op.f('ix_communication_activities_usn'))
        batch_op.drop_index(batch_op.f('ix_communication_activities_updated_at'))
        batch_op.drop_index(batch_op.f('ix_communication_activities_held_on'))
        batch_op.drop_index(batch_op.f('ix_communication_activities_campaign_id'))

    op.drop_table('communication_activities')
    with op.batch_alter_table('campaign_years', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_years_usn'))
        batch_op.drop_index(batch_op.f('ix_campaign_years_updated_at'))
        batch_op.drop_index('ix_campaign_years_campaign_year')

    op.drop_table('campaign_years')
