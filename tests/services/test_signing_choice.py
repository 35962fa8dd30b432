"""Choosing a USB token's key: which certificates are offered, and the signer made of the choice.

The token itself is replaced by a list of certificates; tests/security and tests/test_cli_report.py
sign with a SoftHSM token.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.security.pdf.tokens import CertInfo
from desktop.services.documents import signing

NOW = dt.datetime.now(dt.UTC)
EXPIRED = CertInfo("cu", "Lê Thị Ngọc Ánh", NOW - dt.timedelta(days=30), b"\x02")
VALID = CertInfo("ky-so", "Lê Thị Ngọc Ánh", NOW + dt.timedelta(days=300), b"\x01")
NAMELESS = CertInfo("", "Không tên", NOW + dt.timedelta(days=300), b"")
BY_ID = CertInfo("", "Trần Văn Bình", NOW + dt.timedelta(days=100), b"\x07")


@pytest.fixture
def on_token(monkeypatch) -> list[str]:
    """The PINs the token was opened with."""
    opened: list[str] = []

    def certificates(module: str, label: str, pin: str) -> list[CertInfo]:
        opened.append(pin)
        return [EXPIRED, NAMELESS, VALID, BY_ID]

    monkeypatch.setattr(signing, "list_certificates", certificates)
    return opened


def test_valid_certificates_come_first_and_one_naming_no_key_is_left_out(on_token):
    offered = signing.certificates("/usr/lib/libcastle.so.1.0.0", "VNPT-CA 0042", "2468")
    assert [(c.info, c.expired) for c in offered] == [(VALID, False), (BY_ID, False), (EXPIRED, True)]
    assert on_token == ["2468"]


def test_a_listed_certificate_signs_by_its_label_or_its_id_with_its_holder_on_the_stamp():
    chosen = signing.token_signer("/usr/lib/libcastle.so.1.0.0", "VNPT-CA 0042", VALID, "2468")
    assert not chosen.uses_device_key and chosen.token_label == "VNPT-CA 0042"
    assert (chosen.signer.cert_label, chosen.signer.key_id) == ("ky-so", b"\x01")
    assert chosen.signer_name == "Lê Thị Ngọc Ánh" and "2468" not in repr(chosen)
    by_id = signing.token_signer("/usr/lib/libcastle.so.1.0.0", "VNPT-CA 0042", BY_ID, "2468").signer
    assert (by_id.cert_label, by_id.key_id) == (None, b"\x07")


def test_a_certificate_named_by_its_label_gets_its_holder_from_the_token(on_token):
    chosen = signing.token_signer_by_label("/usr/lib/libcastle.so.1.0.0", "VNPT-CA 0042", "ky-so", "2468")
    assert (chosen.signer.cert_label, chosen.signer.key_id, chosen.signer.pin) == ("ky-so", None, "2468")
    assert chosen.signer_name == "Lê Thị Ngọc Ánh" and on_token == ["2468"]
    missing = signing.token_signer_by_label("/usr/lib/libcastle.so.1.0.0", "VNPT-CA 0042", "khac", "2468")
    assert missing.signer_name == "" and missing.signer.cert_label == "khac"


def test_the_device_key_is_the_default_choice():
    assert signing.SignChoice().uses_device_key
