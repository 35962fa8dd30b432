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


def test_0013_keeps_case_content_as_it_was_until_it_is_sealed_and_a_downgrade_gives_it_back(tmp_path):
    """Migration 0013 turns the content columns into BLOBs holding each value as JSON behind a 0 byte
    (db/sealed.py LEGACY), which the first holder of the protection key seals; back at 0012 the values
    are the same as before."""
    import json
    import uuid

    engine = make_engine(tmp_path / "p.db")
    command.upgrade(alembic_config(engine), "0012")
    person = uuid.uuid4()
    raw = sqlite3.connect(tmp_path / "p.db")  # foreign keys off: the rows need no household here
    raw.execute(  # the victim, whom the case points at (a downgrade checks the link again)
        "INSERT INTO people (household_id, full_name, name_folded, sex, birth_date, birth_year, relationship,"
        " ethnicity, education, marital_status, residence_status, insurance_no, national_id, status, sort_order,"
        " notes, id, created_at, updated_at, usn, origin) VALUES ('h', 'Phan Thị Đông', 'phan thi dong', '2',"
        " '1990-05-01', 1990, 'head', '01', '', '', '', '', '', 'present', 0, '', ?, '2025-01-01', '2025-01-01',"
        " 0, 'x')",
        (person.hex,),
    )
    raw.execute(
        "INSERT INTO support_cases (id, kind, household_id, person_id, owner, opened_on, state, summary, details,"
        " risk_level, consent, acts, relationship_context, harm, recurrence_12m, groups, stage, created_at,"
        " updated_at, usn, origin) VALUES ('c1', 'domestic_violence', 'h', ?, 'Lan', '2025-03-01', 'open',"
        " 'Chồng đánh vợ', '{\"steps\": {}}', 'high', 1, '[\"a\", \"b\"]', 'spouse', '', 2, '[]', '',"
        " '2025-01-01', '2025-01-01', 0, 'x')",
        (person.hex,),
    )
    raw.execute(
        "INSERT INTO case_parties (id, case_id, role, person_id, name, sex, birth_year, anonymous, relationship,"
        " contact, notes, created_at, updated_at, usn, origin) VALUES ('p1', 'c1', 'perpetrator', NULL,"
        " 'Dương Văn Hùng', '1', 1985, 0, 'chồng', '', '', '2025-01-01', '2025-01-01', 0, 'x')"
    )
    raw.commit()
    before = (
        raw.execute("SELECT * FROM support_cases").fetchall() + raw.execute("SELECT * FROM case_parties").fetchall()
    )
    raw.close()

    upgrade_to_head(engine)
    with engine.connect() as conn:
        kind, person_id, details, consent = conn.execute(
            text("SELECT kind, person_id, details, consent FROM support_cases")
        ).one()
        name, birth_year = conn.execute(text("SELECT name, birth_year FROM case_parties")).one()
        indexes = {index["name"] for index in inspect(conn).get_indexes("support_cases")}
    assert kind == b'\x00"domestic_violence"'
    assert json.loads(person_id[1:]) == str(person) and json.loads(details[1:]) == {"steps": {}}
    assert consent == b"\x00true" and name == '\x00"Dương Văn Hùng"'.encode() and birth_year == b"\x001985"
    assert "ix_support_cases_person_id" not in indexes  # nothing to index in a sealed value

    command.downgrade(alembic_config(engine), "0012")
    raw = sqlite3.connect(tmp_path / "p.db")
    after = raw.execute("SELECT * FROM support_cases").fetchall() + raw.execute("SELECT * FROM case_parties").fetchall()
    raw.close()
    assert sorted(map(sorted, map(lambda row: map(str, row), after))) == sorted(
        map(sorted, map(lambda row: map(str, row), before))
    )


def _migration_0014():
    path = Path(db.__file__).parent / "migrations" / "versions" / "0014_deterministic_ids.py"
    spec = importlib.util.spec_from_file_location("migration_0014", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    return migration


def test_0014_gives_task_states_and_villages_the_ids_every_device_gives_them(tmp_path):
    """Existing task states and villages take their derived ids, and everything pointing at a village
    follows it; of two villages whose names fold alike, the second keeps its own id."""
    import json
    import uuid

    from db.models.casework import task_state_id
    from db.models.register import village_id

    engine = make_engine(tmp_path / "p.db")
    command.upgrade(alembic_config(engine), "0013")
    east, east_again, west = (uuid.uuid4().hex for _ in range(3))
    raw = sqlite3.connect(tmp_path / "p.db")  # foreign keys off: the rows need no commune here
    _insert(raw, "villages", id=east, commune_code="18673", name="Thôn Đông", name_folded="thon dong", active=1,
            created_at="2025-01-01")  # fmt: skip
    _insert(raw, "villages", id=east_again, commune_code="18673", name="thôn đông", name_folded="thon dong",
            active=1, created_at="2025-02-01")  # fmt: skip
    _insert(raw, "villages", id=west, commune_code="18673", name="Thôn Tây", name_folded="thon tay", active=1,
            deleted_at="2025-03-01")  # fmt: skip
    _insert(raw, "households", id="h1", village_id=east, code="001", commune_code="18673")
    _insert(raw, "households", id="h2", village_id=east_again, code="002", commune_code="18673")
    _insert(raw, "households", id="h3", village_id=west, code="003", commune_code="18673")
    _insert(raw, "communication_activities", id="a1", village_id=east, held_on="2025-04-01")
    _insert(raw, "users", id=uuid.uuid4().hex, name="Lan", villages=json.dumps([east, west, east_again]))
    _insert(raw, "task_states", id="t1", task_key="priority_visit:h1:2025-05-01")
    _insert(raw, "task_states", id="t2", task_key="manual:m1", deleted_at="2025-05-02")
    raw.commit()
    raw.close()

    upgrade_to_head(engine)

    new_east, new_west = village_id("18673", "thon dong").hex, village_id("18673", "thon tay").hex
    with engine.connect() as conn:
        villages = dict(conn.execute(text("SELECT name, id FROM villages")).all())
        homes = dict(conn.execute(text("SELECT id, village_id FROM households")).all())
        activity = conn.execute(text("SELECT village_id FROM communication_activities")).scalar()
        kept = json.loads(conn.execute(text("SELECT villages FROM users")).scalar())
        states = dict(conn.execute(text("SELECT task_key, id FROM task_states")).all())
        broken = [row for row in conn.execute(text("PRAGMA foreign_key_check")) if row[2] == "villages"]
    assert villages == {"Thôn Đông": new_east, "thôn đông": east_again, "Thôn Tây": new_west}
    assert homes == {"h1": new_east, "h2": east_again, "h3": new_west}
    assert activity == new_east and kept == [new_east, new_west, east_again]
    assert broken == []  # every household and activity still points at its village
    assert states == {
        "priority_visit:h1:2025-05-01": task_state_id("priority_visit:h1:2025-05-01").hex,
        "manual:m1": task_state_id("manual:m1").hex,
    }

    command.downgrade(alembic_config(engine), "0013")  # the ids stay: nothing is un-derived
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id FROM villages WHERE name = 'Thôn Đông'")).scalar() == new_east


def test_0014_derives_ids_as_the_models_do():
    migration = _migration_0014()
    from db.models.casework import task_state_id
    from db.models.register import village_id

    assert migration.task_state_id("follow_up:h:2025-01-01") == task_state_id("follow_up:h:2025-01-01")
    assert migration.village_id("18673", "thon dong") == village_id("18673", "thon dong")


def test_0016_makes_every_reference_row_shipped_and_a_downgrade_drops_the_columns(tmp_path):
    """Rows a profile held before 0016 came from the app's files: shipped, no upper-level clock, in use."""
    engine = make_engine(tmp_path / "p.db")
    command.upgrade(alembic_config(engine), "0013")
    raw = sqlite3.connect(tmp_path / "p.db")
    raw.execute(
        "INSERT INTO admin_units (code, name, level, unit_type, legacy) VALUES ('42', 'Hà Tĩnh', 'province', '', 0)"
    )
    raw.execute(
        'INSERT INTO code_items ("table", code, name_vi, name_en, sort_order, extra, version, usn)'
        " VALUES ('sex', '1', 'Nam', 'Male', 1, '{}', 'v1', 0)"
    )
    raw.commit()
    raw.close()
    command.upgrade(alembic_config(engine), "0016")
    with engine.connect() as conn:
        unit = conn.execute(text("SELECT origin, hlc, retired FROM admin_units")).one()
        item = conn.execute(text("SELECT name_vi, origin, hlc, retired FROM code_items")).one()
    assert tuple(unit) == ("shipped", "", 0)
    assert tuple(item) == ("Nam", "shipped", "", 0)
    command.downgrade(alembic_config(engine), "0013")
    with engine.connect() as conn:
        for table in ("code_items", "admin_units"):
            columns = {c["name"] for c in inspect(conn).get_columns(table)}
            assert not {"origin", "hlc", "retired"} & columns
        assert conn.execute(text("SELECT name_vi FROM code_items")).scalar() == "Nam"


def test_0017_gives_owners_ids_from_the_users_and_keeps_an_unknown_owner_as_a_directory_row(tmp_path):
    """Owners named " hoa " and "HOA" are the user Hoa; "Ngô Văn Cũ", whom no user carries, gets a
    disabled directory row of its own; back at 0013 every case and task names its owner as before."""
    import uuid

    engine = make_engine(tmp_path / "p.db")
    command.upgrade(alembic_config(engine), "0013")
    hoa, lan = uuid.uuid4(), uuid.uuid4()
    raw = sqlite3.connect(tmp_path / "p.db")  # foreign keys off: the rows need no household here
    for user_id, name, role in ((hoa, "Hoa", "ctv"), (lan, "Lan", "officer")):
        raw.execute(
            "INSERT INTO users (id, name, name_key, role, protection, villages, created_at, disabled_at)"
            " VALUES (?, ?, ?, ?, 1, '[]', '2025-01-01 00:00:00', NULL)",
            (user_id.hex, name, name.casefold(), role),
        )
    blank = ", ".join(["x'00'"] * 12)
    for case_id, owner in (("c1", " hoa "), ("c2", "Ngô Văn Cũ"), ("c3", "Lan")):
        raw.execute(
            "INSERT INTO support_cases (id, household_id, owner, opened_on, state, closed_on, kind, person_id,"
            " summary, details, risk_level, consent, acts, relationship_context, harm, recurrence_12m, groups,"
            f" stage, created_at, updated_at, usn, origin) VALUES (?, 'h', ?, '2025-03-01', 'open', NULL, {blank},"
            " '2025-01-01', '2025-01-01', 0, 'x')",
            (case_id, owner),
        )
    raw.execute(
        "INSERT INTO manual_tasks (id, title, due_on, household_id, owner, notes, created_at, updated_at, usn,"
        " origin) VALUES ('t1', 'Mang thuốc', '2025-04-01', NULL, 'HOA', '', '2025-01-01', '2025-01-01', 0, 'x')"
    )
    raw.commit()
    raw.close()

    upgrade_to_head(engine)
    with engine.connect() as conn:
        owners = dict(conn.execute(text("SELECT id, owner_id FROM support_cases")).all())
        task_owner = conn.execute(text("SELECT owner_id FROM manual_tasks")).scalar_one()
        directory = {
            row.id: row for row in conn.execute(text("SELECT id, name, role, disabled_at, usn FROM directory_users"))
        }
    assert owners["c1"] == task_owner == hoa.hex and owners["c3"] == lan.hex
    assert {directory[hoa.hex].name, directory[lan.hex].name} == {"Hoa", "Lan"}
    unknown = directory[owners["c2"]]
    assert (unknown.name, unknown.role) == ("Ngô Văn Cũ", "ctv") and unknown.disabled_at is not None
    assert directory[hoa.hex].disabled_at is None and len(directory) == 3
    assert {row.usn for row in directory.values()} == {-1}  # new rows, for the hub to learn

    command.downgrade(alembic_config(engine), "0013")
    raw = sqlite3.connect(tmp_path / "p.db")
    assert dict(raw.execute("SELECT id, owner FROM support_cases").fetchall()) == {
        "c1": "Hoa",
        "c2": "Ngô Văn Cũ",
        "c3": "Lan",
    }
    assert raw.execute("SELECT owner FROM manual_tasks").fetchone() == ("Hoa",)
    assert "directory_users" not in {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
    raw.close()


def test_0018_adds_review_items_as_a_synced_table_and_a_downgrade_drops_it(tmp_path):
    """A profile at 0017 keeps its households and gains an empty review_items table with the sync columns a
    changeset carries; back at 0017 the table is gone and the households stay."""
    engine = make_engine(tmp_path / "p.db")
    command.upgrade(alembic_config(engine), "0017")
    raw = sqlite3.connect(tmp_path / "p.db")
    raw.execute("INSERT INTO profile_meta (key, value) VALUES ('probe', 'kept')")
    raw.commit()
    raw.close()
    upgrade_to_head(engine)
    with engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("review_items")}
        indexes = {i["name"] for i in inspect(conn).get_indexes("review_items")}
        assert conn.execute(text("SELECT count(*) FROM review_items")).scalar() == 0
    assert {"kind", "record_ids", "table_name", "state", "hlc", "field_clocks", "usn", "deleted_at"} <= columns
    assert {"ix_review_items_usn", "ix_review_items_updated_at"} <= indexes
    command.downgrade(alembic_config(engine), "0017")
    raw = sqlite3.connect(tmp_path / "p.db")
    assert "review_items" not in {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
    assert raw.execute("SELECT value FROM profile_meta WHERE key = 'probe'").fetchone() == ("kept",)
    raw.close()


def test_0019_gives_visits_their_collaborator_s_id_and_audit_events_an_empty_user_id(tmp_path):
    """Visits by " hoa " and "HOA" are the user Hoa's; "Ngô Văn Cũ", whom nobody carries, gets a disabled
    directory row, pending for the hub; older audit events keep verifying with no user id; back at 0018 every
    visit names its collaborator again."""
    import uuid
    from datetime import UTC, datetime

    from db.audit import event_hash, verify_chain
    from db.audit_head import GENESIS_HASH
    from db.session import make_sessionmaker

    engine = make_engine(tmp_path / "p.db")
    command.upgrade(alembic_config(engine), "0018")
    hoa = uuid.uuid4()
    raw = sqlite3.connect(tmp_path / "p.db")  # foreign keys off: the visits need no household here
    raw.execute(
        "INSERT INTO users (id, name, name_key, role, protection, villages, created_at, disabled_at)"
        " VALUES (?, 'Hoa', 'hoa', 'ctv', 1, '[]', '2025-01-01 00:00:00', NULL)",
        (hoa.hex,),
    )
    raw.execute(
        "INSERT INTO directory_users (id, name, role, protection, villages, disabled_at, created_at, updated_at,"
        " usn, origin, deleted_at, hlc, field_clocks) VALUES (?, 'Hoa', 'ctv', 1, '[]', NULL, '2025-01-01',"
        " '2025-01-01', 0, 'x', NULL, '', '{}')",
        (hoa.hex,),
    )
    for visit_id, name in (("v1", " hoa "), ("v2", "HOA"), ("v3", "Ngô Văn Cũ")):
        raw.execute(
            "INSERT INTO visits (id, household_id, visited_on, collaborator, persons_met, topics, notes,"
            " follow_up_on, created_at, updated_at, usn, origin, hlc, field_clocks) VALUES (?, 'h', '2025-03-01',"
            " ?, '[]', '[]', '', NULL, '2025-01-01', '2025-01-01', 0, 'x', '', '{}')",
            (visit_id, name),
        )
    # An event written before ids were logged, hashed as it was then
    at = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
    old = {"id": 1, "at": at, "user": "Hoa", "device": "d", "action": "create", "table_name": "households"}
    old |= {"record_id": "r", "summary": '{"code":[null,"001"]}', "prev_hash": GENESIS_HASH}
    raw.execute(
        "INSERT INTO audit_events (id, at, user, device, action, table_name, record_id, summary, prev_hash, hash)"
        " VALUES (1, '2025-03-01 08:00:00.000000', 'Hoa', 'd', 'create', 'households', 'r', ?, ?, ?)",
        (old["summary"], GENESIS_HASH, event_hash(**old)),
    )
    raw.commit()
    raw.close()

    upgrade_to_head(engine)
    with engine.connect() as conn:
        by_visit = dict(conn.execute(text("SELECT id, collaborator_id FROM visits")).all())
        directory = {
            row.id: row for row in conn.execute(text("SELECT id, name, disabled_at, usn FROM directory_users"))
        }
        pending = conn.execute(text("SELECT row_id FROM sync_changes WHERE table_name = 'directory_users'")).all()
        assert conn.execute(text("SELECT user_id FROM audit_events")).scalars().all() == [""]
    assert by_visit["v1"] == by_visit["v2"] == hoa.hex
    unknown = directory[by_visit["v3"]]
    assert unknown.name == "Ngô Văn Cũ" and unknown.disabled_at is not None and unknown.usn == -1
    assert [row.row_id for row in pending] == [by_visit["v3"]] and len(directory) == 2
    with make_sessionmaker(engine)() as session:
        assert verify_chain(session).ok

    command.downgrade(alembic_config(engine), "0018")
    raw = sqlite3.connect(tmp_path / "p.db")
    assert dict(raw.execute("SELECT id, collaborator FROM visits").fetchall()) == {
        "v1": "Hoa",
        "v2": "Hoa",
        "v3": "Ngô Văn Cũ",
    }
    assert "user_id" not in {row[1] for row in raw.execute("PRAGMA table_info(audit_events)")}
    raw.close()
