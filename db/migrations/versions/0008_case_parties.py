"""case parties

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.base  # column types of the models

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table (index operations in batch mode do not copy any table on SQLite).
    op.create_table('case_parties',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('sex', sa.String(length=4), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('relationship', sa.String(length=40), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['support_cases.id'], name=op.f('fk_case_parties_case_id_support_cases')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_case_parties_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_parties'))
    )
    with op.batch_alter_table('case_parties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_parties_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_parties_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_parties_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_parties_usn'), ['usn'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('case_parties', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_parties_usn'))
        batch_op.drop_index(batch_op.f('ix_case_parties_updated_at'))
        batch_op.drop_index(batch_op.f('ix_case_parties_person_id'))
        batch_op.drop_index(batch_op.f('ix_case_parties_case_id'))

    op.drop_table('case_parties')
