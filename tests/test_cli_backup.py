"""`sotay backup create|list|restore` through desktop.cli.main, as a script or an administrator runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop import i18n
from desktop.cli.main import main
from desktop.demo.build import DEMO_COMMUNE, DEMO_PASSPHRASE
from desktop.paths import ProfilePaths
from desktop.services import reference
from desktop.services.profile import opening as profile_service

DEMO_ARGS = ["demo", "--households", "30", "--seed", "5", "--today", "2025-06-30"]
NEW_PASSPHRASE = "một mật khẩu mới"


@pytest.fixture(autouse=True)
def _clean_process_state(monkeypatch):
    # As in tests/test_cli.py: main() stamps SOTAY_T0 and installs a translator for the whole process.
    monkeypatch.setenv("SOTAY_T0", "0")
    monkeypatch.delenv("SOTAY_T0")
    for name in ("SOTAY_HOME", "SOTAY_USER", "SOTAY_RECOVERY_CODE", "SOTAY_NEW_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SOTAY_PASSPHRASE", DEMO_PASSPHRASE)
    yield
    i18n.set_translator(lambda _context, text: text)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stats_json(capsys, home: Path) -> dict[str, int]:
    code, out, err = run(capsys, "--home", str(home), "stats", "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


@pytest.fixture
def demo_home(tmp_path, capsys, monkeypatch) -> tuple[Path, str]:
    """A small demo profile and the recovery code its creation printed."""
    home = tmp_path / "home"
    monkeypatch.delenv("SOTAY_PASSPHRASE")
    code, out, err = run(capsys, "--home", str(home), "--lang", "en", *DEMO_ARGS)
    assert (code, err) == (0, ""), err
    monkeypatch.setenv("SOTAY_PASSPHRASE", DEMO_PASSPHRASE)
    recovery = next(line.strip() for line in out.splitlines() if re.fullmatch(r"\s+[A-Z0-9]{4}(-[A-Z0-9]{4})+", line))
    return home, recovery


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def create(capsys, home: Path, stick: Path) -> Path:
    code, out, err = run(capsys, "--home", str(home), "backup", "create", "--to", str(stick))
    assert (code, err) == (0, ""), err
    lines = out.strip().splitlines()
    assert len(lines) == 1  # the path alone, for scripts
    made = Path(lines[0])
    assert made.parent == stick and made.is_file()
    return made


def test_a_backup_restores_into_an_empty_home_with_the_same_stats(demo_home, stick, tmp_path, capsys):
    home, _code = demo_home
    made = create(capsys, home, stick)
    restored = tmp_path / "empty"
    code, out, err = run(capsys, "--home", str(restored), "--lang", "en", "backup", "restore", str(made))
    assert (code, err) == (0, ""), err
    assert "was restored into" in out and str(restored) in out
    assert out.splitlines()[-1] == "A backup was restored. Sync with the upper level before sending new work."
    assert stats_json(capsys, restored) == stats_json(capsys, home)


def test_a_restore_says_in_vietnamese_to_sync_before_sending_new_work(demo_home, stick, tmp_path, capsys):
    home, _code = demo_home
    made = create(capsys, home, stick)
    code, out, err = run(capsys, "--home", str(tmp_path / "empty"), "--lang", "vi", "backup", "restore", str(made))
    assert (code, err) == (0, ""), err
    assert "Bản sao lưu đã được khôi phục. Hãy đồng bộ với cấp trên trước khi gửi công việc mới." in out.splitlines()


def test_the_recovery_code_restores_and_sets_the_new_passphrase(demo_home, stick, tmp_path, capsys, monkeypatch):
    home, recovery = demo_home
    made = create(capsys, home, stick)
    expected = stats_json(capsys, home)
    restored = tmp_path / "restored"
    monkeypatch.delenv("SOTAY_PASSPHRASE")
    monkeypatch.setenv("SOTAY_RECOVERY_CODE", recovery)
    code, _out, err = run(capsys, "--home", str(restored), "--lang", "en", "backup", "restore", str(made))
    assert code == 2 and "new passphrase" in err and not restored.exists()  # asked for, before anything
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", NEW_PASSPHRASE)
    code, out, err = run(capsys, "--home", str(restored), "--lang", "en", "backup", "restore", str(made))
    assert (code, err) == (0, ""), err
    assert "new passphrase" in out
    monkeypatch.delenv("SOTAY_RECOVERY_CODE")
    monkeypatch.setenv("SOTAY_PASSPHRASE", NEW_PASSPHRASE)
    assert stats_json(capsys, restored) == expected
    monkeypatch.setenv("SOTAY_PASSPHRASE", DEMO_PASSPHRASE)
    assert run(capsys, "--home", str(restored), "stats", "--json")[0] == 2  # the old passphrase no longer opens it


@pytest.mark.parametrize("position", [0, 100, -5000, -1])
def test_a_backup_with_one_changed_byte_is_refused(demo_home, stick, tmp_path, capsys, position):
    home, _code = demo_home
    made = create(capsys, home, stick)
    raw = bytearray(made.read_bytes())
    raw[position] ^= 0x01
    made.write_bytes(bytes(raw))
    restored = tmp_path / "restored"
    code, out, err = run(capsys, "--home", str(restored), "--lang", "en", "backup", "restore", str(made))
    assert code == 3 and out == ""
    assert "damaged or was changed" in err and "Nothing was restored" in err and "Traceback" not in err
    assert not restored.exists()


def test_a_wrong_passphrase_exits_2_and_changes_nothing(demo_home, stick, tmp_path, capsys, monkeypatch):
    home, _code = demo_home
    made = create(capsys, home, stick)
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    monkeypatch.setenv("SOTAY_PASSPHRASE", "không phải mật khẩu")
    code, out, err = run(capsys, "--home", str(home), "--lang", "en", "backup", "restore", str(made))
    assert code == 2 and out == "" and "Wrong user name or passphrase" in err
    assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} == before
    assert run(capsys, "--home", str(tmp_path / "new"), "backup", "restore", str(made))[0] == 2
    assert not (tmp_path / "new").exists()


def test_a_newer_profile_needs_yes_and_is_then_moved_aside(demo_home, stick, capsys):
    home, _code = demo_home
    made = create(capsys, home, stick)
    before = stats_json(capsys, home)
    opened = profile_service.unlock(
        ProfilePaths(home), profile_service.user_names(ProfilePaths(home))[0], DEMO_PASSPHRASE
    )
    with opened.sessions.begin() as session:
        reference.add_village(session, DEMO_COMMUNE, "Thôn Mới Lập")
    opened.close()
    code, out, err = run(capsys, "--home", str(home), "--lang", "en", "backup", "restore", str(made))
    assert code == 3 and out == ""
    assert "--yes" in err and "Nothing was restored" in err
    assert stats_json(capsys, home)["villages"] == before["villages"] + 1
    assert not list(home.glob("replaced-*"))

    code, out, err = run(capsys, "--home", str(home), "--lang", "en", "backup", "restore", str(made), "--yes")
    assert (code, err) == (0, ""), err
    [aside] = list(home.glob("replaced-*"))
    assert str(aside) in out
    assert {"profile.db", "keyslots.json"} <= {p.name for p in aside.iterdir()}
    assert stats_json(capsys, home) == before


def test_list_shows_the_backups_and_finds_a_damaged_one(demo_home, stick, capsys):
    home, _code = demo_home
    made = create(capsys, home, stick)
    code, out, err = run(capsys, "--home", str(home), "backup", "list", "--from", str(stick), "--json")
    assert (code, err) == (0, "")
    [entry] = json.loads(out)
    assert entry["path"] == str(made) and entry["ok"] is True and entry["commune_code"] == DEMO_COMMUNE
    assert entry["size"] == made.stat().st_size and entry["automatic"] is False
    raw = bytearray(made.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    made.write_bytes(bytes(raw))
    code, out, _err = run(capsys, "--home", str(home), "--lang", "en", "backup", "list", "--from", str(stick))
    assert code == 0 and "DAMAGED" in out and str(made) in out


@pytest.mark.parametrize("position", [100, -5000, -1])
def test_list_with_the_passphrase_finds_any_changed_byte_the_hmac_included(demo_home, stick, capsys, position):
    home, _code = demo_home
    made = create(capsys, home, stick)
    raw = bytearray(made.read_bytes())
    raw[position] ^= 0x01
    made.write_bytes(bytes(raw))
    code, out, err = run(capsys, "--home", str(home), "backup", "list", "--from", str(stick), "--json")
    assert (code, err) == (0, ""), err
    [entry] = json.loads(out)
    assert entry["damaged"] is True and entry["ok"] is False
    code, out, _err = run(capsys, "--home", str(home), "--lang", "vi", "backup", "list", "--from", str(stick))
    assert code == 0 and "HỎNG" in out and str(made) in out


def test_list_without_the_passphrase_does_not_call_an_unchecked_backup_good(demo_home, stick, capsys, monkeypatch):
    home, _code = demo_home
    made = create(capsys, home, stick)
    raw = bytearray(made.read_bytes())
    raw[-1] ^= 0x01  # only the HMAC changed: nothing without the key can tell
    made.write_bytes(bytes(raw))
    monkeypatch.delenv("SOTAY_PASSPHRASE")
    code, out, err = run(capsys, "--home", str(home), "backup", "list", "--from", str(stick), "--json")
    assert (code, err) == (0, ""), err
    [entry] = json.loads(out)
    assert entry["damaged"] is False and entry["sealed_checked"] is False
    code, out, _err = run(capsys, "--home", str(home), "--lang", "vi", "backup", "list", "--from", str(stick))
    assert code == 0 and "chưa kiểm tra" in out and " ok " not in out


def test_a_full_stick_during_create_is_a_full_disk_and_leaves_no_partial_file(demo_home, stick, capsys, monkeypatch):
    import errno
    import os

    from desktop.services.profile import backup

    def half_written(out, _sealed, _secret) -> None:
        out.write(b"SOTAYBAK" + bytes(4096))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup, "write_sealed", half_written)
    home, _code = demo_home
    code, out, err = run(capsys, "--home", str(home), "--lang", "vi", "backup", "create", "--to", str(stick))
    assert code == 2 and out == ""
    assert err.strip() == (
        f"Ổ đĩa đã đầy: hãy dọn bớt chỗ ở {stick} (xóa hoặc chuyển đi những tệp không còn cần) rồi thử lại."
    )
    assert list(stick.iterdir()) == []
    assert not list(home.glob(".backup-*"))


def test_a_full_profile_disk_while_copying_is_a_full_disk_not_a_damaged_database(demo_home, stick, capsys, monkeypatch):
    import db.cipher

    connect = db.cipher._keyed_connection

    def small_disk(path, key):
        conn = connect(path, key)
        if Path(path).parent.name.startswith(".backup-"):  # the copy: SQLite finds its disk full
            conn.execute("PRAGMA max_page_count = 3")
        return conn

    monkeypatch.setattr(db.cipher, "_keyed_connection", small_disk)
    home, _code = demo_home
    code, out, err = run(capsys, "--home", str(home), "--lang", "vi", "backup", "create", "--to", str(stick))
    assert code == 2 and out == ""
    assert err.strip().startswith(f"Ổ đĩa đã đầy: hãy dọn bớt chỗ ở {home} "), err
    assert "hỏng" not in err
    assert list(stick.iterdir()) == [] and not list(home.glob(".backup-*"))
    monkeypatch.undo()
    monkeypatch.setenv("SOTAY_PASSPHRASE", DEMO_PASSPHRASE)
    create(capsys, home, stick)  # the profile itself was never touched


class Killed(BaseException):
    """The process stopping where it stands (SIGKILL): nothing of the restore handles it."""


def restore_killed_halfway(home: Path, stick: Path, capsys, monkeypatch) -> dict[str, int]:
    """A restore of a fresh backup stopped dead after its second file move; the profile's stats before it."""
    from desktop.services.profile import restore_journal

    made = create(capsys, home, stick)
    before = stats_json(capsys, home)
    moves = [0]
    move = restore_journal._move

    def killed_on_the_third(source: Path, target: Path) -> None:
        moves[0] += 1
        if moves[0] == 3:  # profile.db and keyslots.json are aside, nothing is in yet: "no key file" on main
            raise Killed
        move(source, target)

    with monkeypatch.context() as patch:
        patch.setattr(restore_journal, "_move", killed_on_the_third)
        with pytest.raises(Killed):
            main(["--home", str(home), "backup", "restore", str(made), "--yes"])
    capsys.readouterr()
    return before


def test_a_restore_killed_halfway_is_completed_by_the_next_backup_command(demo_home, stick, capsys, monkeypatch):
    home, _code = demo_home
    before = restore_killed_halfway(home, stick, capsys, monkeypatch)
    assert not (home / "keyslots.json").exists()
    code, out, err = run(capsys, "--home", str(home), "--lang", "vi", "backup", "list")
    assert code == 0, err
    [aside] = home.glob("replaced-*")
    assert err.strip() == (
        f"Việc khôi phục vào {home} đã bị ngắt giữa chừng; nay đã được làm xong. "
        f"Các tệp có ở đó trước đây nằm trong {aside}."
    )
    assert stats_json(capsys, home) == before
    assert run(capsys, "--home", str(home), "backup", "list")[2] == ""  # said once


def test_any_command_that_opens_the_profile_finishes_a_restore_a_crash_cut_short(demo_home, stick, capsys, monkeypatch):
    home, _code = demo_home
    before = restore_killed_halfway(home, stick, capsys, monkeypatch)
    code, out, err = run(capsys, "--home", str(home), "--lang", "vi", "stats", "--json")  # not a backup command
    assert code == 0, err
    assert err.startswith(f"Việc khôi phục vào {home} đã bị ngắt giữa chừng; nay đã được làm xong.")
    assert json.loads(out) == before


def test_the_app_finishes_a_restore_a_crash_cut_short_and_says_so_once_in_a_window(
    demo_home, stick, capsys, monkeypatch
):
    from desktop.ui import app, modal

    home, _code = demo_home
    before = restore_killed_halfway(home, stick, capsys, monkeypatch)
    told: list[str] = []
    monkeypatch.setattr(modal, "inform", lambda _parent, _title, text: told.append(text))
    monkeypatch.setattr(app, "_log_in", lambda _paths, _lane: 0)
    from desktop.ui import translation

    translation.install("vi")
    assert app._open_profile(ProfilePaths(home), None) == 0  # type: ignore[arg-type]
    [aside] = home.glob("replaced-*")
    assert told == [
        f"Việc khôi phục vào {home} đã bị ngắt giữa chừng; nay đã được làm xong. "
        f"Các tệp có ở đó trước đây nằm trong {aside}."
    ]
    assert app._open_profile(ProfilePaths(home), None) == 0  # type: ignore[arg-type]
    assert len(told) == 1  # said once
    assert stats_json(capsys, home) == before


def test_create_without_to_writes_into_the_profiles_backups_folder(demo_home, capsys):
    home, _code = demo_home
    code, out, _err = run(capsys, "--home", str(home), "backup", "create")
    assert code == 0 and Path(out.strip()).parent == home / "backups"
    code, out, _err = run(capsys, "--home", str(home), "--lang", "en", "backup", "list")
    assert code == 0 and "on demand" in out and "ok" in out


def test_a_missing_folder_exits_2(demo_home, tmp_path, capsys):
    home, _code = demo_home
    code, out, err = run(capsys, "--home", str(home), "--lang", "en", "backup", "create", "--to", str(tmp_path / "x"))
    assert code == 2 and out == "" and "does not exist" in err
    code, _out, _err = run(capsys, "--home", str(home), "backup", "list", "--from", str(tmp_path / "x"))
    assert code == 2


def test_an_empty_backups_folder_is_said(tmp_path, capsys):
    code, out, _err = run(capsys, "--home", str(tmp_path), "--lang", "en", "backup", "list")
    assert code == 0 and "No backups" in out


def test_help_names_the_backup_command(capsys):
    code, out, _err = run(capsys, "--help")
    assert code == 0 and "backup" in out
    code, out, _err = run(capsys, "backup", "restore", "--help")
    assert code == 0 and "--yes" in out and "--recovery-code-file" in out and "--passphrase-file" in out
