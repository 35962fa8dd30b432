from __future__ import annotations

import json
import time
import unicodedata

import pytest

from desktop.errors import SotayError, ValidationError
from desktop.security import recovery
from desktop.security.keyslot import KdfParams, new_data_key, passphrase_problems
from desktop.security.keystore import (
    DEFAULT_KDF,
    FILENAME,
    KeyStore,
    KeyStoreError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
    create_store,
)
from desktop.security.recovery import RecoveryCodeMistypedError

FAST = KdfParams(time_cost=1, memory_kib=1024, parallelism=1)  # real Argon2id, cheap enough for the suite
USER = "Nguyễn Thị Lan"
PASSPHRASE = "mật khẩu của Lan"


@pytest.fixture
def code():
    return recovery.generate_recovery_code()


@pytest.fixture
def setup(tmp_path, code):
    key = new_data_key()
    store = create_store(tmp_path, key, user=USER, passphrase=PASSPHRASE, recovery_code=code, kdf=FAST)
    return store, key


def test_data_keys_are_random_256_bit():
    a, b = new_data_key(), new_data_key()
    assert len(a) == 32 and a != b


def test_default_parameters_unlock_within_a_second(tmp_path, code):
    key = new_data_key()
    create_store(tmp_path, key, user=USER, passphrase=PASSPHRASE, recovery_code=code)
    store = KeyStore.load(tmp_path)
    started = time.perf_counter()
    assert store.unlock_with_passphrase(USER, PASSPHRASE) == key
    elapsed = time.perf_counter() - started
    print(f"\nArgon2id {DEFAULT_KDF}: unlock took {elapsed:.3f} s")
    assert elapsed <= 1.0
    slot = json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))["slots"][0]
    assert slot["kdf"] == {"name": "argon2id", "time_cost": 3, "memory_kib": 65536, "parallelism": 2}


def test_file_layout(setup, tmp_path):
    doc = json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))
    assert doc["format"] == "sotay-keyslots" and doc["format_version"] == 2
    kinds = [(s["kind"], s["user"]) for s in doc["slots"]]
    assert kinds == [("user", USER), ("recovery", None)]
    for slot in doc["slots"]:  # made without a protection key: no member
        assert set(slot) == {"id", "kind", "user", "kdf", "salt", "nonce", "ciphertext", "created_at", "version"}
        assert slot["kdf"]["name"] == "argon2id" and slot["version"] == 2
    assert setup[1].hex() not in (tmp_path / FILENAME).read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [FILENAME]  # no temporary file left


def test_unlock_with_passphrase_after_reload(setup, tmp_path):
    _, key = setup
    store = KeyStore.load(tmp_path)
    assert store.users() == [USER]
    assert store.unlock_with_passphrase(USER, PASSPHRASE) == key
    assert store.unlock_with_passphrase("  nguyễn thị lan ", PASSPHRASE) == key  # names compare folded


def test_wrong_passphrase_and_unknown_user(setup, tmp_path):
    store, _ = setup
    before = (tmp_path / FILENAME).read_bytes()
    with pytest.raises(WrongPassphraseError) as caught:
        store.unlock_with_passphrase(USER, "mật khẩu của Lam")
    assert isinstance(caught.value, SotayError) and caught.value.exit_code == 2
    assert caught.value.message == "Wrong user name or passphrase."
    with pytest.raises(WrongPassphraseError):
        store.unlock_with_passphrase("Someone Else", PASSPHRASE)
    assert (tmp_path / FILENAME).read_bytes() == before


def test_decomposed_unicode_passphrase_still_unlocks(setup):
    store, key = setup
    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    assert decomposed != PASSPHRASE
    assert store.unlock_with_passphrase(unicodedata.normalize("NFD", USER), decomposed) == key


def test_unlock_with_recovery_code_in_any_typed_form(setup, code):
    store, key = setup
    typed = recovery.format_recovery_code(code).lower().replace("-", " ")
    assert store.unlock_with_recovery(typed) == key


def test_wrong_and_mistyped_recovery_codes(setup, code):
    store, _ = setup
    with pytest.raises(WrongRecoveryCodeError):
        store.unlock_with_recovery(recovery.generate_recovery_code())
    mistyped = ("Z" if code[3] != "Z" else "Y").join((code[:3], code[4:]))
    with pytest.raises(RecoveryCodeMistypedError):
        store.unlock_with_recovery(mistyped)


def test_change_passphrase_rewraps_one_slot_only(setup, tmp_path):
    store, key = setup
    store = store.add_user(key, "Trần Văn Minh", "minh-passphrase")
    before = json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))
    store = store.change_passphrase(USER, PASSPHRASE, "mật khẩu mới 2026")
    after = json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))
    assert after["key_id"] == before["key_id"]
    changed = [i for i, (a, b) in enumerate(zip(before["slots"], after["slots"], strict=True)) if a != b]
    assert changed == [0]
    assert before["slots"][0]["id"] == after["slots"][0]["id"]
    reloaded = KeyStore.load(tmp_path)
    assert reloaded.unlock_with_passphrase(USER, "mật khẩu mới 2026") == key
    assert reloaded.unlock_with_passphrase("Trần Văn Minh", "minh-passphrase") == key
    with pytest.raises(WrongPassphraseError):
        reloaded.unlock_with_passphrase(USER, PASSPHRASE)


def test_change_passphrase_needs_the_old_one_and_a_valid_new_one(setup):
    store, _ = setup
    with pytest.raises(WrongPassphraseError):
        store.change_passphrase(USER, "not the passphrase", "another good one")
    with pytest.raises(ValidationError):
        store.change_passphrase(USER, PASSPHRASE, "short")


def test_recovery_then_new_passphrase(setup, code, tmp_path):
    store, key = setup
    recovered = store.unlock_with_recovery(code)
    store.set_passphrase(recovered, USER, "a brand new passphrase")
    assert KeyStore.load(tmp_path).unlock_with_passphrase(USER, "a brand new passphrase") == key


def test_add_user_and_users(setup, tmp_path):
    store, key = setup
    store = store.add_user(key, "Trần Văn Minh", "minh-passphrase")
    assert store.users() == [USER, "Trần Văn Minh"]
    assert KeyStore.load(tmp_path).users() == [USER, "Trần Văn Minh"]
    with pytest.raises(ValidationError):
        store.add_user(key, "trần văn minh", "other-passphrase")
    with pytest.raises(ValidationError):
        store.add_user(key, "   ", "other-passphrase")


def test_slots_refuse_a_data_key_that_is_not_this_profiles(setup):
    store, _ = setup
    with pytest.raises(ValueError):
        store.add_user(new_data_key(), "Trần Văn Minh", "minh-passphrase")
    with pytest.raises(ValueError):
        store.replace_recovery(new_data_key(), recovery.generate_recovery_code())


def test_replace_recovery(setup, code, tmp_path):
    store, key = setup
    new_code = recovery.generate_recovery_code()
    store = store.replace_recovery(key, new_code)
    reloaded = KeyStore.load(tmp_path)
    assert [s.kind for s in reloaded.slots].count("recovery") == 1
    assert reloaded.unlock_with_recovery(new_code) == key
    with pytest.raises(WrongRecoveryCodeError):
        reloaded.unlock_with_recovery(code)


def test_create_store_never_overwrites(setup, tmp_path, code):
    before = (tmp_path / FILENAME).read_bytes()
    with pytest.raises(KeyStoreError):
        create_store(tmp_path, new_data_key(), user="X Y", passphrase="long enough", recovery_code=code, kdf=FAST)
    assert (tmp_path / FILENAME).read_bytes() == before


def test_create_store_validates_before_writing(tmp_path, code):
    with pytest.raises(ValidationError):
        create_store(tmp_path, new_data_key(), user=USER, passphrase="short", recovery_code=code, kdf=FAST)
    with pytest.raises(RecoveryCodeMistypedError):
        create_store(tmp_path, new_data_key(), user=USER, passphrase=PASSPHRASE, recovery_code="ABCD", kdf=FAST)
    assert not (tmp_path / FILENAME).exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: b"\x00\xff not json",
        lambda doc: b"[]",
        lambda doc: json.dumps({"hello": "world"}).encode(),
        lambda doc: json.dumps({**doc, "slots": []}).encode(),
        lambda doc: json.dumps({**doc, "slots": [{**doc["slots"][0], "salt": "!!notbase64"}]}).encode(),
        lambda doc: json.dumps({**doc, "slots": [{**doc["slots"][0], "kind": "admin"}]}).encode(),
        lambda doc: json.dumps({**doc, "slots": [{**doc["slots"][0], "kdf": {"name": "pbkdf2"}}]}).encode(),
        lambda doc: json.dumps(
            {**doc, "slots": [{**doc["slots"][0], "kdf": {**doc["slots"][0]["kdf"], "time_cost": 10**9}}]}
        ).encode(),
        lambda doc: json.dumps({**doc, "slots": [doc["slots"][0], doc["slots"][0]]}).encode(),
        lambda doc: json.dumps({**doc, "slots": [{**doc["slots"][0], "ciphertext": "AAAA"}]}).encode(),
    ],
    ids=["bytes", "list", "foreign", "no-slots", "base64", "kind", "kdf", "kdf-cost", "duplicate", "truncated"],
)
def test_damaged_or_foreign_file_is_a_clear_error(setup, tmp_path, damage):
    path = tmp_path / FILENAME
    path.write_bytes(damage(json.loads(path.read_text(encoding="utf-8"))))
    with pytest.raises(KeyStoreError) as caught:
        KeyStore.load(tmp_path)
    assert isinstance(caught.value, SotayError)


def test_newer_format_version_and_missing_file(setup, tmp_path):
    path = tmp_path / FILENAME
    doc = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**doc, "format_version": 3}), encoding="utf-8")
    with pytest.raises(KeyStoreError, match="version"):
        KeyStore.load(tmp_path)
    path.unlink()
    with pytest.raises(KeyStoreError):
        KeyStore.load(tmp_path)


def test_a_file_written_before_slots_carried_a_version_still_opens(code, tmp_path, monkeypatch):
    from desktop.security import keyslot

    monkeypatch.setattr(keyslot, "SLOT_VERSION", 1)  # slots as version 1 wrapped them
    key = new_data_key()
    create_store(tmp_path, key, user=USER, passphrase=PASSPHRASE, recovery_code=code, kdf=FAST)
    monkeypatch.undo()
    path = tmp_path / FILENAME
    doc = json.loads(path.read_text(encoding="utf-8"))
    for slot in doc["slots"]:
        del slot["version"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert KeyStore.load(tmp_path).unlock_with_passphrase(USER, PASSPHRASE) == key


def test_a_slot_of_a_newer_version_is_refused_not_dropped(setup, tmp_path):
    """A reader that rewrote a slot it cannot read would drop what a newer version put in it."""
    path = tmp_path / FILENAME
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["slots"][1]["version"] = 3
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(KeyStoreError, match="version"):
        KeyStore.load(tmp_path)


def test_recover_replaces_the_users_slot_and_the_recovery_slot_in_one_write(setup, code, tmp_path):
    store, key = setup
    new_code = recovery.generate_recovery_code()
    store.recover(store.unlock_with_recovery(code), USER, "mật khẩu sau khi khôi phục", new_code)
    reloaded = KeyStore.load(tmp_path)
    assert [s.kind for s in reloaded.slots] == ["user", "recovery"]
    assert reloaded.unlock_with_passphrase(USER, "mật khẩu sau khi khôi phục") == key
    assert reloaded.unlock_with_recovery(new_code) == key
    with pytest.raises(WrongRecoveryCodeError):
        reloaded.unlock_with_recovery(code)
    with pytest.raises(WrongPassphraseError):
        reloaded.unlock_with_passphrase(USER, PASSPHRASE)
    assert (tmp_path / FILENAME).stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [FILENAME]


def test_a_tampered_slot_does_not_unlock(setup, tmp_path):
    path = tmp_path / FILENAME
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["slots"][0]["user"] = "Mallory"  # the user name is authenticated data
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(WrongPassphraseError):
        KeyStore.load(tmp_path).unlock_with_passphrase("Mallory", PASSPHRASE)


@pytest.mark.parametrize(
    ("passphrase", "count"),
    [("good passphrase", 0), ("1234567", 1), ("        ", 1), ("", 1), ("tab\there ok", 1), ("ab\x00", 2)],
)
def test_passphrase_problems(passphrase, count):
    problems = passphrase_problems(passphrase)
    assert len(problems) == count
    assert all(p.field == "passphrase" for p in problems)


def test_passphrase_length_counts_composed_characters():
    eight = "Đường đi"  # eight characters once composed, more when decomposed
    assert passphrase_problems(eight) == []
    assert passphrase_problems(unicodedata.normalize("NFD", "Đường"))[0].params == {"minimum": 8}


# --- recovery codes (desktop/security/recovery.py) -------------------------------------------------


def test_gf32_tables_are_a_field():
    assert sorted(recovery._EXP) == list(range(1, 32))


def test_recovery_code_shape_and_randomness():
    codes = {recovery.generate_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code) == 24 and set(code) <= set(recovery.ALPHABET)
        shown = recovery.format_recovery_code(code)
        assert len(shown.split("-")) == 6 and all(len(group) == 4 for group in shown.split("-"))
        assert recovery.parse_recovery_code(shown) == code


def test_recovery_code_normalisation():
    code = recovery.generate_recovery_code()
    shown = recovery.format_recovery_code(code)
    sloppy = " " + shown.lower().replace("-", " - ").replace("0", "o").replace("1", "l") + "\n"
    assert recovery.parse_recovery_code(sloppy) == code
    fullwidth = "".join(chr(ord(ch) + 0xFEE0) if ch.isalnum() else ch for ch in shown)  # IME full-width forms
    assert recovery.parse_recovery_code(fullwidth) == code
    assert recovery.parse_recovery_code(code.replace("1", "I")) == code


def test_every_single_substitution_and_adjacent_swap_is_reported_as_mistyped():
    for _ in range(5):
        code = recovery.generate_recovery_code()
        for i in range(len(code)):
            for symbol in recovery.ALPHABET:
                if symbol != code[i]:
                    assert recovery.recovery_code_problems(code[:i] + symbol + code[i + 1 :]), (code, i, symbol)
            if i + 1 < len(code) and code[i] != code[i + 1]:
                swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
                assert recovery.recovery_code_problems(swapped), (code, i)


@pytest.mark.parametrize(
    ("typed", "params"),
    [("", {}), ("ABCD-EFGH", {"expected": 24, "count": 8}), ("ABCD-EFGH-U", {"symbol": "U"})],
)
def test_recovery_code_problems_say_what_is_wrong(typed, params):
    problems = recovery.recovery_code_problems(typed)
    assert len(problems) == 1 and problems[0].field == "recovery_code"
    assert problems[0].params == params
    with pytest.raises(RecoveryCodeMistypedError) as caught:
        recovery.parse_recovery_code(typed)
    assert caught.value.exit_code == 2 and caught.value.problems == problems
