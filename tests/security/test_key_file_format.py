"""docs/key-file.md is right: a slot unwrapped by following only its steps, with `cryptography` and
`argon2-cffi` directly (no function of the app), gives the key that opens the profile's database.

If the code changes the associated data, the KDF call, the secret's normalisation or the key id, these
tests fail until the document says the same.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import unicodedata
from pathlib import Path

import pytest
import sqlcipher3
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.paths import ProfilePaths
from desktop.services.profile import opening as profile_service
from tests.conftest import COMMUNE

USER = "Nguyễn Thị Lan"
# Typed in decomposed Unicode (as some Vietnamese input methods send it): step 1 says NFC first.
PASSPHRASE_AS_TYPED = unicodedata.normalize("NFD", "mật khẩu của Lan")


def wrapping_key(slot: dict, secret: str) -> bytes:
    """Steps 1 and 2 of docs/key-file.md."""
    kdf = slot["kdf"]
    return hash_secret_raw(
        unicodedata.normalize("NFC", secret).encode("utf-8"),
        base64.b64decode(slot["salt"]),
        time_cost=kdf["time_cost"],
        memory_cost=kdf["memory_kib"],
        parallelism=kdf["parallelism"],
        hash_len=32,
        type=Type.ID,
        version=0x13,
    )


def unwrap_as_documented(document: dict, slot: dict, secret: str) -> bytes:
    """Steps 1 to 5 of docs/key-file.md, "Unwrapping a slot, step by step"."""
    assert slot["kdf"]["name"] == "argon2id"
    wrapping = wrapping_key(slot, secret)  # steps 1 and 2
    user = "null" if slot["user"] is None else '"' + slot["user"] + '"'  # step 3, written out by hand
    associated = f'["sotay-keyslot", {slot.get("version", 1)}, "{slot["id"]}", "{slot["kind"]}", {user}]'
    ciphertext = base64.b64decode(slot["ciphertext"])
    assert len(ciphertext) == 48
    data_key = AESGCM(wrapping).decrypt(  # step 4
        base64.b64decode(slot["nonce"]), ciphertext, associated.encode("utf-8")
    )
    key_id = hmac.new(data_key, b"sotay keyslots key id v1", hashlib.sha256).hexdigest()[:32]  # step 5
    assert key_id == document["key_id"]
    return data_key


def read_users_table(database: Path, data_key: bytes) -> list[tuple[str, str]]:
    """ "What the data key opens": SQLCipher 4 keyed with the raw key."""
    connection = sqlcipher3.connect(str(database))
    try:
        connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        return [(row[0], row[1]) for row in connection.execute("SELECT name, role FROM users ORDER BY name")]
    finally:
        connection.close()


@pytest.fixture
def created(tmp_path):
    made = profile_service.create_profile(
        ProfilePaths(tmp_path / "home"),
        commune_code=COMMUNE,
        collaborator=USER,
        user=USER,
        passphrase=unicodedata.normalize("NFC", PASSPHRASE_AS_TYPED),
    )
    made.profile.close()
    return made


def test_a_user_slot_unwraps_by_the_documented_steps_and_opens_the_database(created):
    home = created.profile.paths.home
    document = json.loads((home / "keyslots.json").read_text(encoding="utf-8"))
    assert (document["format"], document["format_version"]) == ("sotay-keyslots", 2)
    slot = next(s for s in document["slots"] if s["kind"] == "user")
    assert slot["user"] == USER and slot["version"] == 2
    data_key = unwrap_as_documented(document, slot, PASSPHRASE_AS_TYPED)
    assert read_users_table(home / "profile.db", data_key) == [(USER, "officer")]
    with pytest.raises(InvalidTag):
        unwrap_as_documented(document, slot, "không phải mật khẩu")
    renamed = {**slot, "user": "Người khác"}  # the user name is in the associated data
    with pytest.raises(InvalidTag):
        unwrap_as_documented(document, renamed, PASSPHRASE_AS_TYPED)


def test_the_recovery_slot_unwraps_with_the_code_without_dashes(created):
    home = created.profile.paths.home
    document = json.loads((home / "keyslots.json").read_text(encoding="utf-8"))
    slot = next(s for s in document["slots"] if s["kind"] == "recovery")
    assert slot["user"] is None
    canonical = created.recovery_code.replace("-", "").upper()
    data_key = unwrap_as_documented(document, slot, canonical)
    assert read_users_table(home / "profile.db", data_key) == [(USER, "officer")]


def test_the_audit_head_authenticates_by_the_documented_steps(created):
    """ "The audit chain's head": HKDF-SHA256 of the data key with its own info, HMAC-SHA256 over the
    JSON array ["audit-head", ID, "HASH"]; a head moved back (events removed) no longer authenticates."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    home = created.profile.paths.home
    document = json.loads((home / "keyslots.json").read_text(encoding="utf-8"))
    slot = next(s for s in document["slots"] if s["kind"] == "user")
    data_key = unwrap_as_documented(document, slot, PASSPHRASE_AS_TYPED)
    head = document["audit_head"]
    mac_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"sotay audit head v1").derive(data_key)

    def tag(number: int, digest: str) -> str:
        return hmac.new(mac_key, f'["audit-head", {number}, "{digest}"]'.encode(), hashlib.sha256).hexdigest()

    connection = sqlcipher3.connect(str(home / "profile.db"))
    try:
        connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        newest = connection.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        connection.close()
    assert (head["id"], head["hash"]) == (newest if newest else (0, "0" * 64))
    assert head["tag"] == tag(head["id"], head["hash"])
    assert head["tag"] != tag(head["id"] - 1, head["hash"])
    assert (
        head["tag"]
        != hmac.new(data_key, f'["audit-head", {head["id"]}, "{head["hash"]}"]'.encode(), "sha256").hexdigest()
    )


def test_the_protection_key_and_a_sealed_case_value_open_by_the_documented_steps(created):
    """ "The protection key": the slot's member under the same Argon2id output with its own associated
    data, checked by `protection_key_id`; then a case's kind, sealed under HKDF of it, bound to its row."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    from desktop.services.casework import cases
    from desktop.services.casework.cases import CaseInput
    from desktop.services.profile import opening
    from desktop.services.register import households
    from desktop.services.register.households import HouseholdInput

    home = created.profile.paths.home
    profile = opening.unlock(ProfilePaths(home), USER, PASSPHRASE_AS_TYPED)
    try:
        with profile.sessions.begin() as session:
            from desktop.services import reference

            village = reference.add_village(session, COMMUNE, "Thôn Một")
        household = households.create(profile, HouseholdInput(code="A1", village_id=village, address="Xóm Một"))
        case_id = cases.open_case(profile, CaseInput("domestic_violence", household, profile.today(), summary="x"))
    finally:
        profile.close()
    document = json.loads((home / "keyslots.json").read_text(encoding="utf-8"))
    for slot in document["slots"]:  # the first user's slot and the recovery slot both carry it
        assert slot["version"] == 2 and "protection_key" in slot
    slot = next(s for s in document["slots"] if s["kind"] == "user")
    member = slot["protection_key"]
    associated = f'["sotay-keyslot-protection", 2, "{slot["id"]}", "user", "{USER}"]'.encode()
    wrapping = wrapping_key(slot, PASSPHRASE_AS_TYPED)
    protection_key = AESGCM(wrapping).decrypt(
        base64.b64decode(member["nonce"]), base64.b64decode(member["ciphertext"]), associated
    )
    label = b"sotay protection key id v1"
    assert hmac.new(protection_key, label, hashlib.sha256).hexdigest()[:32] == document["protection_key_id"]
    with pytest.raises(InvalidTag):  # the data key's associated data does not open the member
        AESGCM(wrapping).decrypt(
            base64.b64decode(member["nonce"]),
            base64.b64decode(member["ciphertext"]),
            f'["sotay-keyslot", 2, "{slot["id"]}", "user", "{USER}"]'.encode(),
        )

    data_key = unwrap_as_documented(document, slot, PASSPHRASE_AS_TYPED)
    connection = sqlcipher3.connect(str(home / "profile.db"))
    try:
        connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        stored = connection.execute("SELECT kind FROM support_cases WHERE id = ?", (case_id.hex,)).fetchone()[0]
    finally:
        connection.close()
    content_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"sotay case content v1").derive(
        protection_key
    )
    assert stored[0] == 1 and len(stored) == 1 + 12 + 32 + 16
    aad = f'["sotay-case-content", 1, "support_cases", "{case_id.hex}", "kind"]'.encode()
    plain = AESGCM(content_key).decrypt(stored[1:13], stored[13:], aad)
    assert plain == b'"domestic_violence"' + b" " * 13
    with pytest.raises(InvalidTag):  # bound to its field
        AESGCM(content_key).decrypt(stored[1:13], stored[13:], aad.replace(b'"kind"', b'"stage"'))
