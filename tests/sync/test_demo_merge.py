"""Demo profiles as sync meets them: every synced table filled, and two demos merging without error."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import func, select

from desktop.demo.build import build_demo, create_demo_profile
from desktop.paths import ProfilePaths
from desktop.services import changesets
from desktop.sync.extract import codec, synced_tables
from tests.cli_helpers import run

# Made by a merge or a scan after one, never by a person's own work: a demo has none of them.
ONLY_AFTER_A_MERGE = {"sync_conflicts", "review_items"}


def _demo(home, seed, households=40):
    profile = create_demo_profile(ProfilePaths(home), seed=seed, passphrase="sotay-demo").profile
    build_demo(profile, households=households, seed=seed)
    return profile


def _counts(profile) -> dict[str, int]:
    with profile.sessions() as session:
        conn = session.connection()
        return {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one() for table in synced_tables()
        }


def test_the_demo_fills_every_synced_table_and_sync_status_counts_it_all_as_pending(tmp_path, capsys, monkeypatch):
    profile = _demo(tmp_path / "demo", seed=2, households=300)  # large enough for every kind of case
    counts = _counts(profile)
    profile.close()
    empty = {table for table, count in counts.items() if count == 0} - ONLY_AFTER_A_MERGE
    assert not empty, f"the demo leaves these synced tables empty: {sorted(empty)}"
    monkeypatch.setenv("SOTAY_PASSPHRASE", "sotay-demo")
    code, out, _err = run(capsys, "--home", str(tmp_path / "demo"), "sync", "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["open_conflicts"] == 0
    assert status["pending"] == {table: count for table, count in counts.items() if count}
    assert status["pending_total"] == sum(counts.values())


def test_two_demo_profiles_made_with_different_seeds_merge_both_ways(tmp_path):
    first, second = _demo(tmp_path / "one", seed=1), _demo(tmp_path / "two", seed=2)
    try:
        changesets.apply(second, changesets.extract(first))
        changesets.apply(first, changesets.extract(second))
        changesets.apply(second, changesets.extract(first))
        one, two = _counts(first), _counts(second)
        assert one == two
        assert one["households"] == 80 and one["villages"] >= 1  # both registers, the villages met by name
    finally:
        first.close()
        second.close()


def test_extract_reads_stored_values_as_the_column_types_do(tmp_path):
    """Extract turns the driver's stored values into JSON directly; they must be what the types give."""
    profile = _demo(tmp_path / "demo", seed=5, households=60)
    try:
        changeset = changesets.extract(profile)
        tables = {table.name: table for table in synced_tables()}
        with profile.sessions() as session:
            conn = session.connection()
            for row in changeset.rows:
                table = tables[row.table]
                stored = conn.execute(select(table).where(table.c.id == uuid.UUID(row.id))).mappings().one()
                typed = codec(table).encode(dict(stored))
                assert row.values == {name: typed[name] for name in row.values}, row.table
                assert (row.created_at, row.updated_at, row.field_clocks) == (
                    typed["created_at"],
                    typed["updated_at"],
                    typed["field_clocks"],
                )
    finally:
        profile.close()


def test_every_code_a_demo_uses_is_known_to_another_copy(tmp_path):
    """The table names that list a row's codes are right: a demo's codes are all known to a fresh copy."""
    first, second = _demo(tmp_path / "one", seed=1), _demo(tmp_path / "two", seed=2)
    try:
        uses = list(changesets.code_uses(changesets.extract(first)))
        assert {table for table, _code in uses} >= {"sex", "relationship", "ethnic_groups", "visit_topics"}
        assert changesets.apply(second, changesets.extract(first)).unknown_codes == []
    finally:
        first.close()
        second.close()
