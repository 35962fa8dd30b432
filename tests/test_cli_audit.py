"""`sotay audit verify` and `sotay audit list`, run in-process through a parser built with `register`."""

from __future__ import annotations

import argparse
import json
from datetime import date

import pytest
from sqlalchemy import text

from desktop import i18n
from desktop.cli import audit as audit_command
from desktop.paths import ProfilePaths
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("SOTAY_PASSPHRASE", PASSPHRASE)
    i18n.set_translator(lambda _context, source: source)
    yield
    i18n.set_translator(lambda _context, source: source)


def parser() -> argparse.ArgumentParser:
    built = argparse.ArgumentParser(prog="sotay")
    built.add_argument("--lang", default="en")
    register_commands = built.add_subparsers(dest="command")
    audit_command.register(register_commands)
    return built


def run(paths: ProfilePaths, capsys, *args: str) -> tuple[int, str, str]:
    parsed = parser().parse_args(list(args))
    code = parsed.run(parsed, paths)
    out, err = capsys.readouterr()
    return code, out, err


# A new profile's chain starts with its first user's row in the synced user directory; then the register
# fixture's two villages, and the household and person below.
@pytest.fixture
def written(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 3"))
    pid = members.add_member(p, hid, PersonInput("Lê Văn Nam", "1", date(1990, 1, 1), "other"))
    return p, hid, pid


def test_verify_exits_0_and_counts_the_events(written, capsys):
    p, *_ = written
    code, out, err = run(p.paths, capsys, "audit", "verify")
    assert (code, err) == (0, "")
    assert out.strip() == "The audit chain is intact: 5 event(s) checked."


def test_verify_exits_3_naming_the_changed_event(written, capsys):
    p, hid, _pid = written
    with p.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET user = 'Ai đó' WHERE id = 4"))
    code, out, err = run(p.paths, capsys, "audit", "verify")
    assert (code, out) == (3, "")
    assert err.startswith("The audit chain is broken at event 4 (")
    assert f"table households, record {hid}" in err
    assert "this event was changed after it was written." in err
    assert "The 3 event(s) before it are intact." in err


def test_verify_exits_3_on_a_removed_event(written, capsys):
    p, *_ = written
    with p.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events WHERE id = 2"))
    code, _out, err = run(p.paths, capsys, "audit", "verify")
    assert code == 3 and "event 3 (" in err and "one or more events before it were removed." in err


def test_list_json_filters_by_record_and_user(written, capsys):
    p, _hid, pid = written
    code, out, _err = run(p.paths, capsys, "audit", "list", "--record", str(pid), "--json")
    [event] = json.loads(out)
    assert code == 0
    assert (event["action"], event["table"], event["record_id"]) == ("create", "people", str(pid))
    assert event["summary"]["full_name"] == [None, "Lê Văn Nam"]
    _code, out, _err = run(p.paths, capsys, "audit", "list", "--user", "Nguyễn Thị Lan", "--json")
    assert [e["id"] for e in json.loads(out)] == [5, 4, 3, 2, 1]
    _code, out, _err = run(p.paths, capsys, "audit", "list", "--user", "Không ai", "--json")
    assert json.loads(out) == []


def test_list_lines_newest_first_with_a_limit(written, capsys):
    p, _hid, pid = written
    code, out, _err = run(p.paths, capsys, "audit", "list", "--limit", "2")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[0].startswith("#5 ") and f"created  people {pid}" in lines[0] and "full_name: Lê Văn Nam" in lines[0]
    assert lines[-1] == "Showing the first 2; use --limit for more."


def test_list_refuses_a_bad_limit_and_a_missing_profile(written, tmp_path, capsys):
    from desktop.errors import AccessError, ValidationError

    p, *_ = written
    with pytest.raises(ValidationError):
        run(p.paths, capsys, "audit", "list", "--limit", "0")
    with pytest.raises(AccessError):  # exit 2 through cli.main, like the other reading commands
        run(ProfilePaths(tmp_path / "nowhere"), capsys, "audit", "verify")


def test_audit_needs_a_subcommand(capsys):
    with pytest.raises(SystemExit) as done:
        parser().parse_args(["audit"])
    assert done.value.code == 2


def test_a_row_changed_with_the_key_outside_the_app_breaks_the_chain_at_that_event(written, capsys):
    """What someone holding the data key could do with any SQLCipher tool, the app closed."""
    from sqlcipher3 import dbapi2 as sqlcipher

    p, hid, _pid = written
    key, database = p.data_key, p.paths.database
    p.close()
    conn = sqlcipher.connect(str(database))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("UPDATE audit_events SET summary = '{}' WHERE id = 2")
        conn.commit()
    finally:
        conn.close()
    code, out, err = run(p.paths, capsys, "audit", "verify")
    assert (code, out) == (3, "")
    assert err.startswith("The audit chain is broken at event 2 (")
