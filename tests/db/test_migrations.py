from __future__ import annotations

import csv
import importlib.util
import sqlite3
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

import db
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


def test_0011_gives_existing_poor_and_near_poor_entries_the_standard_of_their_year(tmp_path):
    engine = make_engine(tmp_path / "p.db")
    command.upgrade(alembic_config(engine), "0010")
    raw = sqlite3.connect(tmp_path / "p.db")  # foreign keys off: the rows need no household here
    rows = [
        ("a", "poor", 2019),
        ("b", "near_poor", 2022),
        ("c", "poor", 2026),
        ("d", "near_poor", 2027),
        ("e", "poor", 2010),  # before every known standard: left for the user to see
        ("f", "policy", 2024),  # not decided under a poverty standard
    ]
    raw.executemany(
        "INSERT INTO household_categories (id, household_id, category, year, decision_no, notes, created_at,"
        " updated_at, usn, origin) VALUES (?, 'h', ?, ?, '', '', '2025-01-01', '2025-01-01', 0, 'x')",
        rows,
    )
    raw.commit()
    raw.close()
    upgrade_to_head(engine)
    with engine.connect() as conn:
        found = dict(conn.execute(text("SELECT id, poverty_standard FROM household_categories")).all())
    assert found == {"a": "qd59_2015", "b": "nd07_2021", "c": "nd07_2021", "d": "nd351_2025", "e": "", "f": ""}
    with engine.begin() as conn:  # the copy a downgrade makes checks foreign keys these rows lack
        conn.execute(text("DELETE FROM household_categories"))
    command.downgrade(alembic_config(engine), "0010")
    with engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("household_categories")}
    assert "poverty_standard" not in columns


def test_0011_fills_in_the_periods_the_code_table_gives_each_standard():
    path = Path(db.__file__).parent / "migrations" / "versions" / "0011_poverty_standard.py"
    spec = importlib.util.spec_from_file_location("migration_0011", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    with (Path(db.__file__).parent.parent / "resources" / "reference" / "poverty_standards.csv").open(
        encoding="utf-8"
    ) as handle:
        shipped = {row["code"]: (int(row["first_year"]), int(row["last_year"])) for row in csv.DictReader(handle)}
    assert {code: (first, last) for code, first, last in migration.PERIODS} == shipped
