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


def _insert(raw: sqlite3.Connection, table: str, **values: object) -> None:
    """A row with the values given and a plain value in every other required column."""
    for _cid, name, kind, notnull, default, _pk in raw.execute(f"PRAGMA table_info({table})").fetchall():
        if notnull and default is None and name not in values:
            values[name] = (
                0 if kind.upper() in ("INTEGER", "BOOLEAN") else "2025-01-01" if "DATE" in kind.upper() else "x"
            )
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    raw.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values()))


def _entries(engine, match: str, index: str = "search_words") -> list[str]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    f"SELECT e.ref_id FROM {index} JOIN search_entries e ON e.id = {index}.rowid"
                    f" WHERE {index} MATCH :match"
                ),
                {"match": match},
            ).scalars()
        )


def test_0012_refolds_names_typed_in_full_width_and_search_finds_them(tmp_path):
    engine = make_engine(tmp_path / "p.db")
    command.upgrade(alembic_config(engine), "0011")
    raw = sqlite3.connect(tmp_path / "p.db")  # foreign keys off: the rows need no village here
    # The keys as the fold before 0012 made them: full-width letters kept, only lowered.
    _insert(raw, "villages", id="v1", name="Ｔｈôｎ Đông", name_folded="ｔｈon dong")
    _insert(raw, "households", id="h1", village_id="v1", code="007", address="Ｘóm Ｂắc", address_folded="ｘom ｂac")
    _insert(
        raw, "people", id="p1", household_id="h1", full_name="Ｎｇｕｙễｎ Văn An", name_folded="ｎｇｕｙｅｎ van an"
    )
    _insert(raw, "people", id="p2", household_id="h1", full_name="Lê Thị Hồng", name_folded="le thi hong")
    raw.commit()
    with raw:
        untouched_entry = raw.execute("SELECT id FROM search_entries WHERE ref_id = 'p2'").fetchone()
    raw.close()
    assert _entries(engine, '"nguyen"*') == []

    command.upgrade(alembic_config(engine), "0012")

    with engine.connect() as conn:
        keys = dict(conn.execute(text("SELECT id, name_folded FROM people")).all())
        address = conn.execute(text("SELECT address_folded FROM households")).scalar()
        village = conn.execute(text("SELECT name_folded FROM villages")).scalar()
        kept_entry = conn.execute(text("SELECT id FROM search_entries WHERE ref_id = 'p2'")).fetchone()
    assert keys == {"p1": "nguyen van an", "p2": "le thi hong"}
    assert (address, village) == ("xom bac", "thon dong")
    assert _entries(engine, '"nguyen"*') == ["p1"]  # the word index
    assert _entries(engine, '"guye"', "search_fts") == ["p1"]  # the trigram index
    assert _entries(engine, '"xom"*') == ["h1"]
    assert tuple(kept_entry) == tuple(untouched_entry)  # a key already right is not rewritten


def test_0012_folds_as_the_app_does_today():
    path = Path(db.__file__).parent / "migrations" / "versions" / "0012_fold_compatibility_characters.py"
    spec = importlib.util.spec_from_file_location("migration_0012", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    from desktop.textnorm import fold

    for sample in ("Ｎｇｕｙễｎ Thị Hường", "ĐẶNG Văn Đức", "ﬁ ①　Ａ", "Trần\u3000Thị", ""):
        assert migration.fold(sample) == fold(sample)
