"""An encrypted profile as its users meet it: create, log in, fail, recover, copy to another PC."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desktop.errors import AccessError, ValidationError
from desktop.paths import ProfilePaths
from desktop.security.keystore import KeyStore, WrongPassphraseError, WrongRecoveryCodeError
from desktop.security.throttle import FREE_ATTEMPTS
from desktop.services import reference, stats
from desktop.services.profile import opening as profile_service
from desktop.services.profile import recovery
from desktop.services.profile.opening import LoginThrottledError, ProfileState
from desktop.services.register import households
from desktop.services.register.households import HouseholdInput
from tests.conftest import COMMUNE, PASSPHRASE, USER

NOW = 1_800_000_000.0


@pytest.fixture
def created(tmp_path):
    made = profile_service.create_profile(
        ProfilePaths(tmp_path / "created"), commune_code=COMMUNE, collaborator=USER, user=USER, passphrase=PASSPHRASE
    )
    yield made
    made.profile.close()


def _fingerprints(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_database_is_not_sqlite_and_plain_sqlite_cannot_read_it(created):
    paths = created.profile.paths
    created.profile.close()
    assert not paths.database.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(paths.database) as conn:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert profile_service.profile_state(paths) is ProfileState.LOCKED
    assert profile_service.user_names(paths) == [USER]


def test_a_wrong_passphrase_changes_no_byte_of_the_profile_even_when_throttled(created):
    paths = created.profile.paths
    created.profile.close()
    before = _fingerprints(paths.home)
    for attempt in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassphraseError) as wrong:
            profile_service.unlock(paths, USER, "sai mật khẩu rồi", now=NOW + attempt / 10)
        assert wrong.value.exit_code == 2
    with pytest.raises(LoginThrottledError) as throttled:
        profile_service.unlock(paths, USER, PASSPHRASE, now=NOW + 0.5)  # even the right one waits
    assert throttled.value.seconds == 1 and throttled.value.exit_code == 2
    assert _fingerprints(paths.home) == before


def test_throttling_survives_a_restart_and_a_success_clears_it(created):
    paths = created.profile.paths
    created.profile.close()
    for attempt in range(FREE_ATTEMPTS + 2):
        with pytest.raises((WrongPassphraseError, LoginThrottledError)):
            profile_service.unlock(paths, USER, "sai mật khẩu rồi", now=NOW + attempt * 10)
    # A new process reads the same per-computer state: the wait grows (1 s, 2 s, 4 s…).
    last = NOW + (FREE_ATTEMPTS + 1) * 10
    with pytest.raises(LoginThrottledError) as throttled:
        profile_service.unlock(paths, USER, PASSPHRASE, now=last + 1)
    assert throttled.value.seconds == 3
    profile_service.unlock(paths, USER, PASSPHRASE, now=last + 5).close()
    with pytest.raises(WrongPassphraseError):  # counting starts again from zero: no wait
        profile_service.unlock(paths, USER, "sai mật khẩu rồi", now=last + 6)


def test_user_names_compare_like_people_type_them(created):
    paths = created.profile.paths
    created.profile.close()
    decomposed = "Nguye\u0302\u0303n Thi\u0323 Lan"  # NFD, as some input methods send it
    profile_service.unlock(paths, f"  {decomposed.upper()} ", PASSPHRASE).close()


def test_the_recovery_code_opens_and_then_demands_a_new_passphrase(created):
    paths, code = created.profile.paths, created.recovery_code
    created.profile.close()
    with pytest.raises(WrongRecoveryCodeError):
        recovery.unlock_with_recovery(paths, USER, _other_valid_code(code))
    recovered = recovery.unlock_with_recovery(paths, USER, code.lower().replace("-", " "))
    assert recovered.must_change_passphrase
    with pytest.raises(ValidationError):
        recovery.reset_passphrase(recovered, "ngắn")
    recovery.reset_passphrase(recovered, "mật khẩu mới của Lan")
    assert not recovered.must_change_passphrase
    recovered.close()
    with pytest.raises(WrongPassphraseError):
        profile_service.unlock(paths, USER, PASSPHRASE)
    profile_service.unlock(paths, USER, "mật khẩu mới của Lan").close()


def _other_valid_code(code: str) -> str:
    from desktop.security.recovery import format_recovery_code, generate_recovery_code

    other = format_recovery_code(generate_recovery_code())
    return other if other != code else _other_valid_code(code)


def _village(profile) -> object:
    with profile.sessions.begin() as session:
        return reference.add_village(session, COMMUNE, "Thôn Đông Hà")


def test_changing_a_passphrase_rewraps_one_slot_and_never_touches_the_database(created):
    profile = created.profile
    households.create(profile, HouseholdInput(code="001", village_id=_village(profile)))
    before_db = hashlib.sha256(profile.paths.database.read_bytes()).hexdigest()
    before_slots = {slot.id: slot for slot in KeyStore.load(profile.paths.home).slots}
    profile_service.change_passphrase(profile, PASSPHRASE, "một mật khẩu khác hẳn")
    after_slots = {slot.id: slot for slot in KeyStore.load(profile.paths.home).slots}
    changed = [sid for sid in before_slots if before_slots[sid] != after_slots[sid]]
    assert len(changed) == 1 and after_slots[changed[0]].user == USER
    assert hashlib.sha256(profile.paths.database.read_bytes()).hexdigest() == before_db
    with pytest.raises(WrongPassphraseError):
        profile_service.change_passphrase(profile, PASSPHRASE, "thêm một lần nữa")


def test_a_copied_profile_opens_on_a_pc_without_a_keyring(created, tmp_path, monkeypatch):
    profile = created.profile
    households.create(profile, HouseholdInput(code="001", village_id=_village(profile), address="Xóm 1"))
    expected = stats.counts(profile)
    profile.close()
    copy = ProfilePaths(tmp_path / "another-pc")
    shutil.copytree(profile.paths.home, copy.home)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("SOTAY_STATE_DIR", str(tmp_path / "another-pc-state"))
    try:
        opened = profile_service.unlock(copy, USER, PASSPHRASE)
        assert stats.counts(opened) == expected
        opened.close()
        recovered = recovery.unlock_with_recovery(copy, USER, created.recovery_code)
        assert recovered.must_change_passphrase and stats.counts(recovered) == expected
        recovery.reset_passphrase(recovered, "mật khẩu trên máy mới")
        recovered.close()
        profile_service.unlock(copy, USER, "mật khẩu trên máy mới").close()
    finally:
        keyring.set_keyring(previous)


def test_a_new_profile_refuses_bad_input_and_leaves_nothing_behind(tmp_path):
    paths = ProfilePaths(tmp_path / "home")
    for kwargs in (
        {"user": USER, "passphrase": "ngắn"},
        {"user": "", "passphrase": PASSPHRASE},
        {"user": USER, "passphrase": PASSPHRASE, "commune_code": "99999"},
        {"user": USER, "passphrase": "        "},
    ):
        arguments = {"commune_code": COMMUNE, "collaborator": USER, **kwargs}
        with pytest.raises((ValidationError, Exception)) as refused:
            profile_service.create_profile(paths, **arguments).profile.close()
        assert refused.value.exit_code in (2, 3)
        assert profile_service.profile_state(paths) is ProfileState.NEW
        assert not paths.keyslots.exists() and not paths.database.exists()


def test_a_profile_is_never_created_over_another(created):
    with pytest.raises(AccessError):
        profile_service.create_profile(
            created.profile.paths, commune_code=COMMUNE, collaborator=USER, user="Ai đó", passphrase=PASSPHRASE
        )


def test_unlocking_an_empty_folder_says_there_is_no_profile(tmp_path):
    with pytest.raises(AccessError) as missing:
        profile_service.unlock(ProfilePaths(tmp_path), USER, PASSPHRASE)
    assert missing.value.exit_code == 2


def test_checking_pages_at_login_finds_damage_deep_in_the_file(created, tmp_path):
    profile = created.profile
    with profile.sessions.begin() as session:
        village = reference.add_village(session, COMMUNE, "Thôn Đông Hà")
    for number in range(300):  # enough rows for pages well past the schema
        households.create(profile, HouseholdInput(code=f"{number:03d}", village_id=village, address="Xóm " * 20))
    profile.engine.dispose()
    with profile.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    profile.close()
    data = bytearray(profile.paths.database.read_bytes())
    data[len(data) // 2] ^= 0x01
    profile.paths.database.write_bytes(bytes(data))
    profile_service.unlock(profile.paths, USER, PASSPHRASE).close()  # the schema still reads
    with pytest.raises(profile_service.DamagedProfileError) as damaged:
        profile_service.unlock(profile.paths, USER, PASSPHRASE, check_pages=True)
    assert damaged.value.exit_code == 2


def test_a_wrong_old_passphrase_when_changing_it_is_throttled_like_a_login(created):
    profile = created.profile
    for attempt in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassphraseError):
            profile_service.change_passphrase(profile, "đoán bừa thôi", "mật khẩu mới dài", now=NOW + attempt / 10)
    with pytest.raises(LoginThrottledError):
        profile_service.change_passphrase(profile, PASSPHRASE, "mật khẩu mới dài", now=NOW + 0.5)
    with pytest.raises(ValidationError):  # a weak new one is refused before anything is counted
        profile_service.change_passphrase(profile, PASSPHRASE, "ngắn", now=NOW + 100)
    profile_service.change_passphrase(profile, PASSPHRASE, "mật khẩu mới dài", now=NOW + 100)


def test_only_an_officer_adds_or_renames_villages(created, tmp_path):
    from desktop.services.profile import users
    from desktop.services.profile.access import PermissionDeniedError, Role
    from desktop.services.profile.users import UserInput
    from desktop.services.register import villages

    officer = created.profile
    village = villages.add(officer, "Thôn Đông Hà")
    users.add_user(officer, UserInput("Trần Thị Hoa", Role.CTV, villages=(village,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(officer.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        with pytest.raises(PermissionDeniedError):
            villages.add(ctv, "Thôn Mới")
        with pytest.raises(PermissionDeniedError):
            villages.rename(ctv, village, "Thôn Đổi Tên")
    finally:
        ctv.close()
    villages.rename(officer, village, "Thôn Đông Hà Mới")
