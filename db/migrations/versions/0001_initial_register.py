"""initial register

Revision ID: 0001
Revises: 
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.base  # column types of the models

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('admin_units',
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('unit_type', sa.String(length=20), nullable=False),
    sa.Column('parent_code', sa.String(length=10), nullable=True),
    sa.Column('legacy', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['parent_code'], ['admin_units.code'], name=op.f('fk_admin_units_parent_code_admin_units')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_admin_units'))
    )
    op.create_table('code_items',
    sa.Column('table', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name_vi', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=False),
    sa.Column('version', sa.String(length=40), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('table', 'code', name=op.f('pk_code_items'))
    )
    op.create_table('graves',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('ref_id', sa.Uuid(), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_graves'))
    )
    with op.batch_alter_table('graves', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_graves_ref_id'), ['ref_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_graves_usn'), ['usn'], unique=False)

    op.create_table('profile_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_profile_meta'))
    )
    op.create_table('villages',
    sa.Column('commune_code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_folded', sa.String(length=100), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['commune_code'], ['admin_units.code'], name=op.f('fk_villages_commune_code_admin_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_villages'))
    )
    with op.batch_alter_table('villages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_villages_commune_code'), ['commune_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_villages_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_villages_usn'), ['usn'], unique=False)

    op.create_table('households',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('commune_code', sa.String(length=10), nullable=False),
    sa.Column('village_id', sa.Uuid(), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('address_folded', sa.String(length=200), nullable=False),
    sa.Column('head_person_id', sa.Uuid(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('dissolved_on', sa.Date(), nullable=True),
    sa.Column('dissolved_reason', sa.String(length=200), nullable=False),
    sa.Column('legacy_district', sa.String(length=10), nullable=False),
    sa.Column('legacy_commune_code', sa.String(length=10), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['commune_code'], ['admin_units.code'], name=op.f('fk_households_commune_code_admin_units')),
    sa.ForeignKeyConstraint(['head_person_id'], ['people.id'], name=op.f('fk_households_head_person_id_people'), use_alter=True),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_households_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_households'))
    )
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_households_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_households_commune_code'), ['commune_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_households_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_households_usn'), ['usn'], unique=False)
        batch_op.create_index(batch_op.f('ix_households_village_id'), ['village_id'], unique=False)

    op.create_table('household_categories',
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('decision_no', sa.String(length=60), nullable=False),
    sa.Column('notes', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_household_categories_household_id_households')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_categories'))
    )
    with op.batch_alter_table('household_categories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_categories_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_categories_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_categories_usn'), ['usn'], unique=False)

    op.create_table('people',
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('full_name', sa.String(length=100), nullable=False),
    sa.Column('name_folded', sa.String(length=100), nullable=False),
    sa.Column('sex', sa.String(length=4), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=False),
    sa.Column('relationship', sa.String(length=40), nullable=False),
    sa.Column('ethnicity', sa.String(length=4), nullable=False),
    sa.Column('education', sa.String(length=40), nullable=False),
    sa.Column('marital_status', sa.String(length=40), nullable=False),
    sa.Column('residence_status', sa.String(length=40), nullable=False),
    sa.Column('insurance_no', sa.String(length=20), nullable=False),
    sa.Column('national_id', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('death_date', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_people_household_id_households')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index('ix_people_dup', ['name_folded', 'birth_year'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_usn'), ['usn'], unique=False)

    op.create_table('visits',
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('collaborator', sa.String(length=100), nullable=False),
    sa.Column('persons_met', sa.JSON(), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_visits_household_id_households')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_follow_up_on'), ['follow_up_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_usn'), ['usn'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_visited_on'), ['visited_on'], unique=False)

    op.create_table('population_events',
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('reporting_month', sa.String(length=7), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(), nullable=False),
    sa.Column('usn', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_population_events_household_id_households')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_population_events_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_population_events'))
    )
    with op.batch_alter_table('population_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_population_events_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_population_events_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_population_events_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_population_events_reporting_month'), ['reporting_month'], unique=False)
        batch_op.create_index(batch_op.f('ix_population_events_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_population_events_usn'), ['usn'], unique=False)


    create_search_index()


def downgrade() -> None:
    drop_search_index()
    with op.batch_alter_table('population_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_population_events_usn'))
        batch_op.drop_index(batch_op.f('ix_population_events_updated_at'))
        batch_op.drop_index(batch_op.f('ix_population_events_reporting_month'))
        batch_op.drop_index(batch_op.f('ix_population_events_person_id'))
        batch_op.drop_index(batch_op.f('ix_population_events_kind'))
        batch_op.drop_index(batch_op.f('ix_population_events_household_id'))

    op.drop_table('population_events')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_visited_on'))
        batch_op.drop_index(batch_op.f('ix_visits_usn'))
        batch_op.drop_index(batch_op.f('ix_visits_updated_at'))
        batch_op.drop_index(batch_op.f('ix_visits_household_id'))
        batch_op.drop_index(batch_op.f('ix_visits_follow_up_on'))

    op.drop_table('visits')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_usn'))
        batch_op.drop_index(batch_op.f('ix_people_updated_at'))
        batch_op.drop_index(batch_op.f('ix_people_household_id'))
        batch_op.drop_index('ix_people_dup')

    op.drop_table('people')
    with op.batch_alter_table('household_categories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_categories_usn'))
        batch_op.drop_index(batch_op.f('ix_household_categories_updated_at'))
        batch_op.drop_index(batch_op.f('ix_household_categories_household_id'))

    op.drop_table('household_categories')
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_households_village_id'))
        batch_op.drop_index(batch_op.f('ix_households_usn'))
        batch_op.drop_index(batch_op.f('ix_households_updated_at'))
        batch_op.drop_index(batch_op.f('ix_households_commune_code'))
        batch_op.drop_index(batch_op.f('ix_households_code'))

    op.drop_table('households')
    with op.batch_alter_table('villages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_villages_usn'))
        batch_op.drop_index(batch_op.f('ix_villages_updated_at'))
        batch_op.drop_index(batch_op.f('ix_villages_commune_code'))

    op.drop_table('villages')
    op.drop_table('profile_meta')
    with op.batch_alter_table('graves', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_graves_usn'))
        batch_op.drop_index(batch_op.f('ix_graves_ref_id'))

    op.drop_table('graves')
    op.drop_table('code_items')
    op.drop_table('admin_units')


# Search index (architecture.md §5): one row per searchable record in search_entries, whose stable INTEGER
# PRIMARY KEY feeds an FTS5 trigram index over the folded text. Triggers keep both in step with the
# register, so no code path can forget to index. Queries: desktop.services.register.search.
SEARCH_INDEX_SQL = [
    """CREATE TABLE search_entries (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        ref_id CHAR(32) NOT NULL UNIQUE,
        household_id CHAR(32) NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX ix_search_entries_household ON search_entries (household_id)",
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        text, content='search_entries', content_rowid='id', tokenize='trigram'
    )""",
    """CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
        INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
        INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER people_search_ai AFTER INSERT ON people WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO search_entries(kind, ref_id, household_id, text)
        VALUES ('person', new.id, new.household_id, new.name_folded);
    END""",
    """CREATE TRIGGER people_search_au AFTER UPDATE OF name_folded, household_id, deleted_at ON people
    BEGIN
        DELETE FROM search_entries WHERE ref_id = old.id;
        INSERT INTO search_entries(kind, ref_id, household_id, text)
        SELECT 'person', new.id, new.household_id, new.name_folded WHERE new.deleted_at IS NULL;
    END""",
    """CREATE TRIGGER people_search_ad AFTER DELETE ON people BEGIN
        DELETE FROM search_entries WHERE ref_id = old.id;
    END""",
    """CREATE TRIGGER households_search_ai AFTER INSERT ON households WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO search_entries(kind, ref_id, household_id, text)
        VALUES ('household', new.id, new.id, new.code || ' ' || new.address_folded);
    END""",
    """CREATE TRIGGER households_search_au AFTER UPDATE OF code, address_folded, deleted_at ON households
    BEGIN
        DELETE FROM search_entries WHERE ref_id = old.id;
        INSERT INTO search_entries(kind, ref_id, household_id, text)
        SELECT 'household', new.id, new.id, new.code || ' ' || new.address_folded
        WHERE new.deleted_at IS NULL;
    END""",
    """CREATE TRIGGER households_search_ad AFTER DELETE ON households BEGIN
        DELETE FROM search_entries WHERE ref_id = old.id;
    END""",
]

SEARCH_INDEX_DROP = [
    "DROP TRIGGER IF EXISTS households_search_ad",
    "DROP TRIGGER IF EXISTS households_search_au",
    "DROP TRIGGER IF EXISTS households_search_ai",
    "DROP TRIGGER IF EXISTS people_search_ad",
    "DROP TRIGGER IF EXISTS people_search_au",
    "DROP TRIGGER IF EXISTS people_search_ai",
    "DROP TABLE IF EXISTS search_fts",
    "DROP TABLE IF EXISTS search_entries",
]


def create_search_index() -> None:
    for statement in SEARCH_INDEX_SQL:
        op.execute(statement)


def drop_search_index() -> None:
    for statement in SEARCH_INDEX_DROP:
        op.execute(statement)
