"""Odd files in a profile folder and crashes during set-up never strand the user: a lost certificate is made
again, a database that is not this profile's is refused without being replaced, a set-up cut short is
offered again, and every file the profile makes is readable by its owner only."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from desktop.paths import ProfilePaths
from tests.cli_helpers import clean_process_state, run  # noqa: F401 - clean_process_state is autouse

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
