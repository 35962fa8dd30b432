"""The command line on a protected profile: passphrases from the environment or a file, wrong ones,
several users, the recovery code, and protecting a profile made before encryption."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop import i18n
from desktop.cli.main import main
from desktop.demo.build import build_demo
from desktop.paths import ProfilePaths
from desktop.services.profile import opening as profile_service
from desktop.services.profile.process_lock import LOCK_FILE
from tests.conftest import PASSPHRASE, USER, make_profile


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch):
    for name in ("SOTAY_HOME", "SOTAY_PASSPHRASE", "SOTAY_USER", "SOTAY_RECOVERY_CODE", "SOTAY_NEW_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SOTAY_T0", "0")
    yield
    i18n.set_translator(lambda _context, text: text)


@pytest.fixture
def home(tmp_path) -> Path:
    profile = make_profile(tmp_path / "home")
    profile.close()
    return profile.paths.home


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _fingerprints(folder: Path) -> dict[str, str]:
    """The profile's files and their contents; the empty lock file a writing command may leave is not data."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file() and p.name != LOCK_FILE
    }


def test_the_passphrase_comes_from_the_environment_or_a_file(home, capsys, monkeypatch, tmp_path):
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code, out, err = run(capsys, "--home", str(home), "--passphrase-file", str(secret), "stats", "--json")
    assert (code, err) == (0, "") and json.loads(out)["households"] == 0
    code, out, _err = run(capsys, "--home", str(home), "stats", "--json", "--passphrase-file", str(secret))
    assert code == 0  # after the command too
    monkeypatch.setenv("SOTAY_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "--home", str(home), "audit", "verify")[0] == 0


def test_a_wrong_passphrase_exits_2_in_vietnamese_and_changes_no_file(home, capsys, monkeypatch):
    before = _fingerprints(home)
    # One instant for every attempt: on a loaded machine the first wait (1 s) could pass between two commands.
    monkeypatch.setattr(profile_service, "time", SimpleNamespace(time=lambda: 1_900_000_000.0))
    monkeypatch.setenv("SOTAY_PASSPHRASE", "không phải mật khẩu này")
    for command in (
        ["stats"],
        ["find", "nguyen"],
        ["audit", "verify"],
        ["audit", "list"],
        ["demo", "--households", "5"],
    ):
        code, out, err = run(capsys, "--home", str(home), *command)
        assert (code, out) == (2, "")
        assert err.strip() == "Sai tên người dùng hoặc mật khẩu."
    assert _fingerprints(home) == before
    code, _out, err = run(capsys, "--home", str(home), "stats")  # the sixth attempt waits
    assert code == 2 and "giây" in err
    assert _fingerprints(home) == before


def test_without_a_passphrase_a_script_is_told_what_to_set(home, capsys):
    code, out, err = run(capsys, "--home", str(home), "--lang", "en", "stats")
    assert (code, out) == (2, "")
    assert "SOTAY_PASSPHRASE" in err and "--passphrase-file" in err


def test_several_users_need_a_name(home, capsys, monkeypatch):
    from desktop.services.profile import users
    from desktop.services.profile.access import Role
    from desktop.services.profile.users import UserInput

    profile = profile_service.unlock(ProfilePaths(home), USER, PASSPHRASE)
    users.add_user(profile, UserInput("Cán bộ tuyến trên", Role.HUB), "mật khẩu tuyến trên")
    profile.close()
    monkeypatch.setenv("SOTAY_PASSPHRASE", "mật khẩu tuyến trên")
    code, _out, err = run(capsys, "--home", str(home), "--lang", "en", "stats")
    assert code == 2 and USER in err and "--user" in err
    assert run(capsys, "--home", str(home), "--user", "cán bộ tuyến trên", "stats", "--json")[0] == 0
    monkeypatch.setenv("SOTAY_USER", "Cán bộ tuyến trên")
    assert run(capsys, "--home", str(home), "stats", "--json")[0] == 0


def test_a_plain_profile_is_protected_with_the_protect_command(tmp_path, capsys, monkeypatch):
    paths = ProfilePaths(tmp_path / "old")
    plain = profile_service.open_plain(paths)
    profile_service.set_up(plain, commune_code="18673", collaborator=USER)
    build_demo(plain, households=10, seed=3)
    plain.close()
    monkeypatch.setenv("SOTAY_PASSPHRASE", PASSPHRASE)
    code, _out, err = run(capsys, "--home", str(paths.home), "--lang", "en", "stats")
    assert code == 2 and "protect" in err
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "--home", str(paths.home), "--lang", "en", "protect")
    assert (code, err) == (0, "") and USER in out and "Recovery code" in out
    assert not paths.database.read_bytes().startswith(b"SQLite format 3")
    code, out, _err = run(capsys, "--home", str(paths.home), "stats", "--json")
    assert code == 0 and json.loads(out)["households"] == 10
    assert run(capsys, "--home", str(paths.home), "protect")[0] == 2  # only once


def test_passphrase_reset_refuses_a_wrong_code_and_a_weak_passphrase(home, capsys, monkeypatch):
    monkeypatch.setenv("SOTAY_RECOVERY_CODE", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", "mật khẩu mới toanh")
    code, _out, err = run(capsys, "--home", str(home), "--lang", "en", "passphrase", "reset")
    assert code in (2, 3) and "Traceback" not in err
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", "ngắn")
    code, _out, err = run(capsys, "--home", str(home), "--lang", "en", "passphrase", "reset")
    assert code == 3 and "8" in err
    monkeypatch.setenv("SOTAY_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "--home", str(home), "stats")[0] == 0  # the old passphrase still works


def test_a_damaged_database_is_reported_with_the_newest_good_backup(home, capsys, monkeypatch):
    from desktop.services.profile import backup

    monkeypatch.setenv("SOTAY_PASSPHRASE", PASSPHRASE)
    profile = profile_service.unlock(ProfilePaths(home), USER, PASSPHRASE)
    made = backup.auto_backup(profile)
    profile.close()
    database = home / "profile.db"
    data = bytearray(database.read_bytes())
    data[:4096] = bytes(4096)  # the first page: the schema cannot be read
    database.write_bytes(bytes(data))
    code, out, err = run(capsys, "--home", str(home), "--lang", "en", "stats")
    assert (code, out) == (2, "")
    assert "damaged" in err and str(made) in err and "backup restore" in err and "Traceback" not in err
    code, _out, err = run(capsys, "--home", str(home), "--lang", "en", "backup", "restore", str(made), "--yes")
    assert code == 0, err
    assert run(capsys, "--home", str(home), "stats", "--json")[0] == 0


def test_a_copied_folder_opens_on_a_pc_without_a_keyring_with_the_passphrase_or_the_recovery_code(tmp_path):
    """The done-when of the protection issue, end to end in fresh processes with no keyring at all."""
    import os
    import shutil
    import subprocess
    import sys

    created = profile_service.create_profile(
        ProfilePaths(tmp_path / "pc1"), commune_code="18673", collaborator=USER, user=USER, passphrase=PASSPHRASE
    )
    created.profile.close()
    copy = tmp_path / "pc2"
    shutil.copytree(created.profile.paths.home, copy)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOTAY_")}
    env.update(
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        SOTAY_STATE_DIR=str(tmp_path / "pc2-state"),
        PYTHONPATH=str(Path(__file__).resolve().parent.parent),
    )

    def sotay(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop", "--home", str(copy), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**env, **extra},
            timeout=120,
        )

    opened = sotay("stats", "--json", SOTAY_PASSPHRASE=PASSPHRASE)
    assert opened.returncode == 0, opened.stderr
    assert json.loads(opened.stdout)["households"] == 0
    reset = sotay(
        "passphrase", "reset", SOTAY_RECOVERY_CODE=created.recovery_code, SOTAY_NEW_PASSPHRASE="mật khẩu ở máy mới"
    )
    assert reset.returncode == 0, reset.stderr
    assert sotay("stats", SOTAY_PASSPHRASE=PASSPHRASE).returncode == 2  # the old one no longer opens it
    assert sotay("stats", "--json", SOTAY_PASSPHRASE="mật khẩu ở máy mới").returncode == 0
