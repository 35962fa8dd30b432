from __future__ import annotations

import sqlite3

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from db.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from db.session import make_engine


def test_empty_database_upgrades_to_head_and_matches_the_models(tmp_path):
    engine = make_engine(tmp_path / "p.db")
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision(engine)
    # Raises if a model changed without a migration.
    command.check(alembic_config(engine))
    tables = set(inspect(engine).get_table_names())
    assert {"households", "people", "visits", "population_events", "search_entries"} <= tables


def test_revision_chain_is_linear():
    script = ScriptDirectory.from_config(alembic_config(make_engine(":memory:")))
    heads = script.get_heads()
    assert len(heads) == 1
    seen = 0
    for revision in script.walk_revisions():
        assert not revision.is_merge_point
        assert len(revision._versioned_down_revisions) <= 1
        seen += 1
    assert seen >= 1


def test_downgrade_to_base_and_back_leaves_no_search_tables(tmp_path):
    engine = make_engine(tmp_path / "p.db")
    cfg = alembic_config(engine)
    upgrade_to_head(engine)
    command.downgrade(cfg, "base")
    with engine.connect() as conn:
        leftovers = conn.execute(
            text("SELECT name FROM sqlite_master WHERE name NOT LIKE 'alembic%' AND name NOT LIKE 'sqlite_%'")
        ).all()
    assert leftovers == []
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision(engine)


def test_connections_enforce_foreign_keys_and_use_wal(tmp_path):
    engine = make_engine(tmp_path / "p.db")
    upgrade_to_head(engine)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    raw = sqlite3.connect(tmp_path / "p.db")
    assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_fts'").fetchone()[0] == 1


def test_start_up_shortcut_agrees_with_alembic_on_the_head(tmp_path):
    from db.migrate import newest_revision

    engine = make_engine(tmp_path / "p.db")
    assert newest_revision() == head_revision(engine)
    assert current_revision(engine) is None
    upgrade_to_head(engine)
    upgrade_to_head(engine)  # already at head: nothing to do, no error
    assert current_revision(engine) == newest_revision()
