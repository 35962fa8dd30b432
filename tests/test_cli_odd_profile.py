"""Odd files in a profile folder and crashes during set-up never strand the user: a lost certificate is made
again, a database that is not this profile's is refused without being replaced, a set-up cut short is
offered again, and every file the profile makes is readable by its owner only."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from db.cipher import make_encrypted_engine
from desktop.paths import ProfilePaths
from desktop.services.profile.folder import ProfileState, profile_state
from tests.cli_helpers import clean_process_state, run  # noqa: F401 - clean_process_state is autouse
from tests.conftest import make_profile

DEMO_ARGS = ["demo", "--households", "5", "--seed", "3", "--today", "2025-06-30"]


def demo(capsys: pytest.CaptureFixture[str], home: Path) -> ProfilePaths:
    code, _out, err = run(capsys, "--home", str(home), *DEMO_ARGS)
    assert (code, err) == (0, ""), err
    return ProfilePaths(home)


def public_key(path: Path) -> bytes:
    certificate = x509.load_pem_x509_certificate(path.read_bytes())
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    return certificate.public_key().public_bytes(*spki)


def test_a_lost_certificate_is_made_again_from_the_device_key_and_blocks_nothing(capsys, tmp_path):
    paths = demo(capsys, tmp_path / "home")
    before = public_key(paths.device_cert)
    paths.device_cert.unlink()
    code, out, err = run(capsys, "--home", str(paths.home), "--lang", "en", "device", "show")  # files only
    assert (code, out) == (2, "") and "sotay stats" in err and "missing" in err

    code, out, err = run(capsys, "--home", str(paths.home), "stats")
    assert (code, err) == (0, ""), err
    assert paths.device_cert.exists()
    assert public_key(paths.device_cert) == before
    assert stat.S_IMODE(paths.device_cert.stat().st_mode) == 0o600
    code, _out, err = run(capsys, "--home", str(paths.home), "backup", "create")
    assert (code, err) == (0, ""), err


def plain_sqlite(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.commit()


@pytest.mark.parametrize("odd", ["empty", "foreign"])
def test_a_database_that_is_not_this_profiles_is_refused_offering_the_newest_backup(capsys, tmp_path, odd):
    paths = demo(capsys, tmp_path / "home")
    code, _out, err = run(capsys, "--home", str(paths.home), "backup", "create")
    assert (code, err) == (0, ""), err
    (backup,) = paths.backups.glob("*")
    certificate = paths.device_cert.read_bytes()
    paths.database.unlink()
    if odd == "empty":
        paths.database.write_bytes(b"")
    else:
        plain_sqlite(paths.database)
    odd_bytes = paths.database.read_bytes()

    code, out, err = run(capsys, "--home", str(paths.home), "stats")
    assert code == 2
    assert out == ""
    assert "bị hỏng. Bản sao lưu còn tốt mới nhất được tạo lúc" in err
    assert f"backup restore {backup} --yes" in err
    assert err.count("\n") == 1
    assert paths.database.read_bytes() == odd_bytes  # nothing written over it: no new, empty profile
    assert paths.device_cert.read_bytes() == certificate
    assert sorted(p.name for p in paths.home.glob("profile.db*")) == ["profile.db"]


def test_every_file_a_new_profile_makes_is_readable_by_its_owner_only(capsys, tmp_path):
    profile = make_profile(tmp_path / "made")
    try:
        made = sorted(p for p in profile.paths.home.rglob("*") if p.is_file())
        assert profile.paths.database in made
        assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in made} == {p.name: "0o600" for p in made}
    finally:
        profile.close()
    paths = demo(capsys, tmp_path / "demo")
    files = [p for p in paths.home.rglob("*") if p.is_file()]
    assert {paths.database, paths.keyslots, paths.device_cert} <= set(files)
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {p.name: "0o600" for p in files}


# A set-up cut short ########################################################################

REPO = Path(__file__).resolve().parent.parent
# A real set-up in a process killed outright (SIGKILL: no exception handler, no clean-up runs) at a hook.
KILLED_SETUP = """
import os, signal, sys
from pathlib import Path
from desktop.paths import ProfilePaths
from desktop.security import keystore
from desktop.security.keyslot import KdfParams
from desktop.services.profile import folder, opening

keystore.DEFAULT_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)
hook = sys.argv[2]
if hook == "after-set-up":
    original = opening.set_up
    def set_up(*args, **kwargs):
        original(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
    opening.set_up = set_up
else:  # after the database is in the profile folder, before its key file
    def fsync_folder(path):
        os.kill(os.getpid(), signal.SIGKILL)
    folder.fsync_folder = fsync_folder
opening.create_profile(
    ProfilePaths(Path(sys.argv[1])), commune_code="18673", collaborator="Lê Văn An", user="Lê Văn An",
    passphrase="mật khẩu thử nghiệm",
)
"""


@pytest.mark.parametrize("hook", ["after-set-up", "after-database-moved"])
def test_a_set_up_killed_midway_leaves_no_half_profile_and_is_offered_again(capsys, tmp_path, hook):
    home = tmp_path / "home"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    killed = subprocess.run([sys.executable, "-c", KILLED_SETUP, str(home), hook], env=env, check=False)
    assert killed.returncode == -signal.SIGKILL
    paths = ProfilePaths(home)
    assert not paths.keyslots.exists()
    assert paths.database.exists() == (hook == "after-database-moved")
    assert profile_state(paths) is ProfileState.NEW

    (building,) = home.glob(".setup-*")  # where it was being built, with its key file
    assert (building / "keyslots.json").exists()  # the key file moves in last

    demo(capsys, home)
    code, _out, err = run(capsys, "--home", str(home), "stats")
    assert (code, err) == (0, ""), err
    assert not list(home.glob(".setup-*"))  # the next set-up moved it aside with the half database
    (aside,) = home.glob("unfinished-setup-*")
    assert (aside / building.name).is_dir() and (aside / "profile.db").exists() == (hook == "after-database-moved")


def half_profile_of_an_older_version(paths: ProfilePaths) -> bytes:
    """What a set-up killed right after its database was made left behind: the database, no key file."""
    paths.home.mkdir(parents=True)
    make_encrypted_engine(paths.database, os.urandom(32)).dispose()
    return paths.database.read_bytes()


def test_a_half_profile_left_by_an_older_version_is_moved_aside_and_set_up_offered(capsys, tmp_path):
    paths = ProfilePaths(tmp_path / "home")
    stray = half_profile_of_an_older_version(paths)
    assert profile_state(paths) is ProfileState.NEW

    demo(capsys, paths.home)
    (aside,) = paths.home.glob("unfinished-setup-*/profile.db")
    assert aside.read_bytes() == stray
    code, _out, err = run(capsys, "--home", str(paths.home), "stats")
    assert (code, err) == (0, ""), err


def test_the_app_shows_set_up_for_a_half_profile(tmp_path, monkeypatch):
    from desktop.ui import app

    paths = ProfilePaths(tmp_path / "home")
    half_profile_of_an_older_version(paths)
    shown: list[str] = []
    monkeypatch.setattr(app, "_set_up", lambda _paths, _lane: shown.append("set-up") or 0)
    monkeypatch.setattr(app, "_log_in", lambda _paths, _lane: shown.append("log-in") or 0)
    assert app._open_profile(paths, None) == 0
    assert shown == ["set-up"]


# Damage found at the door ##################################################################


def test_a_damaged_page_is_found_when_a_command_opens_the_profile_as_the_app_finds_it(capsys, tmp_path):
    paths = demo(capsys, tmp_path / "home")
    code, _out, err = run(capsys, "--home", str(paths.home), "backup", "create")
    assert (code, err) == (0, ""), err
    data = bytearray(paths.database.read_bytes())
    data[-100] ^= 0xFF  # inside the last page, which a count of households does not read
    paths.database.write_bytes(bytes(data))

    code, out, err = run(capsys, "--home", str(paths.home), "stats")
    assert code == 2
    assert out == ""
    assert "bị hỏng. Bản sao lưu còn tốt mới nhất được tạo lúc" in err
    assert paths.database.read_bytes() == bytes(data)
