"""Odd files in a profile folder and crashes during set-up never strand the user: a lost certificate is made
again, a database that is not this profile's is refused without being replaced, a set-up cut short is
offered again, and every file the profile makes is readable by its owner only."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from desktop.paths import ProfilePaths
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
