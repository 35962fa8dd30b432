"""One process per profile, and a backup that knows its profile, through `sotay` as a script runs it.

The other process is real (tests/profile_holder.py: the profile unlocked and held by the app's lock),
so the lock is the OS's, as between the app and a command line on a commune PC.
"""

from __future__ import annotations

import json
import subprocess
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from desktop.cli import locking
from desktop.cli.main import _parser
from desktop.demo.build import DEMO_PASSPHRASE
from desktop.paths import ProfilePaths
from desktop.services.profile import opening
from desktop.services.profile.process_lock import LOCK_FILE
from tests import profile_holder
from tests.cli_helpers import clean_process_state, demo_home, run  # noqa: F401 - the fixture is autouse

SMALL = ["demo", "--households", "20", "--seed", "5", "--today", "2025-06-30"]
LARGER = ["demo", "--households", "40", "--seed", "5", "--today", "2025-06-30"]


def held(home: Path) -> AbstractContextManager[subprocess.Popen[str]]:
    return profile_holder.held(home, DEMO_PASSPHRASE)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def stats_json(capsys, home: Path) -> dict[str, int]:
    code, out, err = run(capsys, "--home", str(home), "stats", "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


def backup_of(capsys, home: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    code, out, err = run(capsys, "--home", str(home), "backup", "create", "--to", str(folder))
    assert (code, err) == (0, ""), err
    return Path(out.strip())


def profile_id(home: Path) -> str:
    paths = ProfilePaths(home)
    opened = opening.unlock(paths, opening.user_names(paths)[0], DEMO_PASSPHRASE)
    try:
        return opened.profile_id
    finally:
        opened.close()


@pytest.fixture
def home(tmp_path, capsys) -> Path:
    return demo_home(tmp_path / "home", capsys, SMALL)


# One process per profile ####################################################################


def test_a_restore_while_the_app_holds_the_profile_is_refused_and_later_work_is_kept(home, tmp_path, capsys):
    made = backup_of(capsys, home, tmp_path / "usb")
    villages = stats_json(capsys, home)["villages"]
    with held(home) as app:
        before = snapshot(home)
        code, out, err = run(capsys, "--home", str(home), "--lang", "en", "backup", "restore", str(made), "--yes")
        assert code == 2 and out == ""
        assert "open in another window" in err and len(err.strip().splitlines()) == 1
        assert snapshot(home) == before and not list(home.glob("replaced-*"))
        # The app goes on saving: into the profile, not into a folder a restore moved aside.
        assert app.stdin is not None and app.stdout is not None
        app.stdin.write("village Thôn Sau Khôi Phục\n")
        app.stdin.flush()
        assert app.stdout.readline().strip() == "saved"
        app.stdin.close()
        assert app.wait(timeout=60) == 0
    assert stats_json(capsys, home)["villages"] == villages + 1
    assert (home / LOCK_FILE).stat().st_mode & 0o777 == 0o600


def test_the_lock_goes_with_a_killed_process_and_the_restore_then_works(home, tmp_path, capsys):
    made = backup_of(capsys, home, tmp_path / "usb")
    with held(home) as app:
        assert run(capsys, "--home", str(home), "backup", "restore", str(made), "--yes")[0] == 2
        app.kill()  # SIGKILL: no clean-up of any kind
        app.wait(timeout=60)
        code, out, err = run(capsys, "--home", str(home), "--lang", "en", "backup", "restore", str(made), "--yes")
    assert (code, err) == (0, ""), err
    assert len(list(home.glob("replaced-*"))) == 1 and "was restored" in out


def test_commands_that_write_wait_for_the_app_and_reading_ones_do_not(home, tmp_path, capsys):
    out_file = tmp_path / "monthly.pdf"
    with held(home):
        args = ["--home", str(home), "--lang", "en", "report", "monthly", "--month", "2025-06", "--out", str(out_file)]
        code, out, err = run(capsys, *args)
        assert code == 2 and out == "" and "open in another window" in err and not out_file.exists()
        assert stats_json(capsys, home)["households"] == 20
        code, _out, err = run(capsys, "--home", str(home), "find", "nguyễn")
        assert code == 0, err
    code, _out, err = run(capsys, *args)
    assert code == 0 and out_file.is_file(), err


def test_every_command_says_whether_it_writes():
    """A new command that is in none of the lists would write beside the app unnoticed."""
    runs: list[object] = []

    def leaves(parser) -> None:
        subs = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
        if not subs:
            runs.append(parser.get_default("run"))
        for action in subs:
            for sub in action.choices.values():
                leaves(sub)

    leaves(_parser())
    lists = (locking.WRITING, locking.READING, locking.OWN_LOCK)
    for command in runs:
        assert sum(command in listed for listed in lists) == 1, command
    assert set(runs) == locking.WRITING | locking.READING | locking.OWN_LOCK


def test_a_refused_write_into_a_new_folder_leaves_no_folder(tmp_path, capsys):
    missing = tmp_path / "new"
    code, _out, _err = run(capsys, "--home", str(missing), "backup", "restore", str(tmp_path / "none.sotaybak"))
    assert code == 2 and not missing.exists()


# A backup knows its profile #################################################################


def test_another_profiles_backup_needs_its_own_confirmation_that_names_both(tmp_path, capsys):
    """Two profiles with the same user and passphrase; the other one's backup has the later change."""
    current = demo_home(tmp_path / "current", capsys, LARGER)
    other = demo_home(tmp_path / "other", capsys, SMALL)
    made = backup_of(capsys, other, tmp_path / "usb")
    ids = profile_id(current), profile_id(other)
    assert ids[0] != ids[1]
    before = snapshot(current)
    for extra in ([], ["--yes"], ["--other-profile"]):
        code, out, err = run(capsys, "--home", str(current), "--lang", "en", "backup", "restore", str(made), *extra)
        assert code == 3 and out == "", extra
        assert "another notebook" in err and "--yes --other-profile" in err and "Nothing was restored" in err
        assert ids[0][:8] in err and ids[1][:8] in err and "18673" in err
    assert snapshot(current) == before
    assert stats_json(capsys, current)["households"] == 40

    code, out, err = run(capsys, "--home", str(current), "backup", "restore", str(made), "--yes", "--other-profile")
    assert (code, err) == (0, ""), err
    assert stats_json(capsys, current)["households"] == 20
    [aside] = list(current.glob("replaced-*"))
    assert (aside / "profile.db").read_bytes() == before["profile.db"]


def test_backup_list_shows_the_profile_id(home, tmp_path, capsys):
    made = backup_of(capsys, home, tmp_path / "usb")
    code, out, err = run(capsys, "--home", str(home), "backup", "list", "--from", str(made.parent), "--json")
    assert (code, err) == (0, "")
    [entry] = json.loads(out)
    assert entry["profile_id"] == profile_id(home)
    code, out, _err = run(capsys, "--home", str(home), "--lang", "en", "backup", "list", "--from", str(made.parent))
    assert code == 0 and entry["profile_id"][:8] in out
