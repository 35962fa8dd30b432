"""Encrypted backups: the round trip, format version 1 byte for byte, refusing any changed byte, wrong
secrets and newer profiles, automatic backups, and copying a database that is being written to."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import struct
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select, text

from db import cipher
from db.models.register import Person
from desktop.demo.build import build_demo
from desktop.errors import AccessError
from desktop.paths import ProfilePaths
from desktop.security.keyslot import key_id
from desktop.security.keystore import WrongPassphraseError, WrongRecoveryCodeError
from desktop.services import reference, stats
from desktop.services.profile import backup, recovery, restoring
from desktop.services.profile import opening as profile_service
from desktop.services.profile.backup import BackupFolderError
from desktop.services.profile.handle import META_PROFILE, Profile
from desktop.services.profile.process_lock import LOCK_FILE
from desktop.services.profile.restoring import (
    BackupDamagedError,
    BackupVersionError,
    NewerProfileError,
    OtherProfileError,
)
from tests.conftest import COMMUNE, PASSPHRASE, USER, make_profile

DAY = date(2025, 6, 30)
T0 = datetime(2025, 7, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def filled(profile: Profile) -> Profile:
    build_demo(profile, households=25, seed=3, today=DAY)
    return profile


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes: to show that a refused restore changed nothing.

    Not the lock file, which a restore makes if it is missing (empty, and no part of the profile)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != LOCK_FILE
    }


def unlocked(home: Path, passphrase: str = PASSPHRASE) -> Profile:
    return profile_service.unlock(ProfilePaths(home), USER, passphrase)


def layout_offsets(file: Path) -> dict[str, tuple[int, int]]:
    """Where each part of a backup lies, read the way the format says (for flipping bytes in them)."""
    raw = file.read_bytes()
    _magic, _version, length = struct.unpack(">8sHI", raw[:14])
    manifest = json.loads(raw[14 : 14 + length])
    parts, offset = {"manifest": (14, length)}, 14 + length
    for member in manifest["members"]:
        parts[member["name"]] = (offset, member["size"])
        offset += member["size"]
    parts["checksum"], parts["hmac"] = (offset, 32), (offset + 32, 32)
    assert offset + 64 == len(raw)
    return parts


def flipped(file: Path, position: int, target: Path) -> Path:
    raw = bytearray(file.read_bytes())
    raw[position] ^= 0x01
    target.write_bytes(bytes(raw))
    return target


# Round trip #################################################################################


def test_a_backup_restores_into_an_empty_home_with_the_same_records(filled, stick, tmp_path):
    before = stats.counts(filled)
    made = backup.create_backup(filled, stick)
    assert made.parent == stick and made.name.startswith(f"sotay-{COMMUNE}-") and made.suffix == ".sotaybak"
    assert [p.name for p in stick.iterdir()] == [made.name]  # no temporary file left behind
    assert not list(filled.paths.home.glob(".backup-*"))

    home = tmp_path / "restored"
    result = restoring.restore_backup(made, ProfilePaths(home), passphrase=PASSPHRASE)
    assert (result.user, result.must_change_passphrase, result.replaced) == (USER, False, None)
    for name in ("keyslots.json", "device-cert.pem", "device-key.pem"):
        assert (home / name).read_bytes() == (filled.paths.home / name).read_bytes()
    restored = unlocked(home)
    try:
        assert stats.counts(restored) == before
        assert (restored.device_id, restored.commune_code) == (filled.device_id, filled.commune_code)
        assert cipher.integrity_problems(restored.engine) == []
    finally:
        restored.close()


def test_the_backup_is_encrypted_and_names_no_one_from_the_register(filled, stick):
    with filled.sessions() as session:
        names = [n for n in session.scalars(select(Person.full_name).limit(50)) if n != filled.collaborator]
    raw = backup.create_backup(filled, stick).read_bytes()
    assert cipher.SQLITE_HEADER not in raw
    assert names
    for name in names:
        assert name.encode("utf-8") not in raw
    assert b"CREATE TABLE" not in raw


def test_the_copy_is_made_while_another_connection_is_writing(filled, stick, tmp_path):
    with filled.engine.connect() as conn:
        conn.begin()
        conn.exec_driver_sql("INSERT INTO profile_meta (key, value) VALUES ('written-during-backup', 'x')")
        made = backup.create_backup(filled, stick)  # does not wait for, nor break, the open transaction
        conn.commit()
    with filled.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT value FROM profile_meta WHERE key = 'written-during-backup'").scalar()
    restoring.restore_backup(made, ProfilePaths(tmp_path / "restored"), passphrase=PASSPHRASE)
    restored = unlocked(tmp_path / "restored")
    try:
        with restored.engine.connect() as conn:
            found = conn.execute(text("SELECT value FROM profile_meta WHERE key = 'written-during-backup'")).scalar()
        assert found is None  # a consistent snapshot: the uncommitted row is not in it
    finally:
        restored.close()


# Refusals ###################################################################################


@pytest.mark.parametrize(
    "where",
    ["first byte", "manifest", "keyslots.json", "database start", "database middle", "checksum", "last byte"],
)
def test_one_changed_byte_anywhere_is_refused_and_nothing_is_written(filled, stick, tmp_path, where):
    made = backup.create_backup(filled, stick)
    parts = layout_offsets(made)
    position = {
        "first byte": 0,
        "manifest": parts["manifest"][0] + parts["manifest"][1] // 2,
        "keyslots.json": parts["keyslots.json"][0] + 40,
        "database start": parts["profile.db"][0],
        "database middle": parts["profile.db"][0] + parts["profile.db"][1] // 2,
        "checksum": parts["checksum"][0] + 5,
        "last byte": made.stat().st_size - 1,
    }[where]
    changed = flipped(made, position, tmp_path / "changed.sotaybak")
    home = tmp_path / "restored"
    with pytest.raises(BackupDamagedError) as refused:
        restoring.restore_backup(changed, ProfilePaths(home), passphrase=PASSPHRASE)
    assert refused.value.exit_code == 3 and "Nothing was restored" in refused.value.message
    assert not home.exists()


def test_a_change_with_a_recomputed_checksum_is_still_refused(filled, stick, tmp_path):
    """The plain SHA-256 only catches accidents; the HMAC, keyed by the data key, catches the rest."""
    made = backup.create_backup(filled, stick)
    parts = layout_offsets(made)
    raw = bytearray(made.read_bytes())
    start, size = parts["profile.db"]
    raw[start + size // 3] ^= 0x80
    manifest = json.loads(raw[14 : 14 + parts["manifest"][1]])
    manifest["members"][0]["sha256"] = hashlib.sha256(raw[start : start + size]).hexdigest()
    body = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    assert len(body) == parts["manifest"][1]
    raw[14 : 14 + len(body)] = body
    end = parts["checksum"][0]
    raw[end : end + 32] = hashlib.sha256(raw[:end]).digest()
    forged = tmp_path / "forged.sotaybak"
    forged.write_bytes(bytes(raw))
    assert backup.list_backups(tmp_path)[0].ok  # passes the checksum...
    with pytest.raises(BackupDamagedError):  # ...but not the HMAC
        restoring.restore_backup(forged, ProfilePaths(tmp_path / "restored"), passphrase=PASSPHRASE)
    assert not (tmp_path / "restored").exists()


def test_a_wrong_passphrase_is_refused_as_at_login_and_changes_nothing(filled, stick, tmp_path):
    made = backup.create_backup(filled, stick)
    other = make_profile(tmp_path / "other", passphrase="một mật khẩu khác")
    other.close()
    before = snapshot(tmp_path / "other")
    with pytest.raises(WrongPassphraseError) as refused:
        restoring.restore_backup(made, ProfilePaths(tmp_path / "other"), passphrase="không đúng đâu")
    assert refused.value.exit_code == 2
    with pytest.raises(WrongPassphraseError):
        restoring.restore_backup(made, ProfilePaths(tmp_path / "other"), user="Người Lạ", passphrase=PASSPHRASE)
    assert snapshot(tmp_path / "other") == before
    with pytest.raises(WrongRecoveryCodeError):
        restoring.restore_backup(made, ProfilePaths(tmp_path / "new"), recovery_code="0" * 22 + "00")
    assert not (tmp_path / "new").exists()


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    (tmp_path / "notes.sotaybak").write_bytes(b"just some notes" * 10)
    with pytest.raises(BackupDamagedError):
        restoring.restore_backup(tmp_path / "notes.sotaybak", ProfilePaths(tmp_path / "h"), passphrase=PASSPHRASE)
    with pytest.raises(AccessError):
        restoring.restore_backup(tmp_path / "missing.sotaybak", ProfilePaths(tmp_path / "h"), passphrase=PASSPHRASE)


def test_a_backup_from_a_newer_schema_is_refused(filled, stick, tmp_path, monkeypatch):
    made = backup.create_backup(filled, stick)
    monkeypatch.setattr(restoring, "known_revisions", lambda: set())
    with pytest.raises(BackupVersionError):
        restoring.restore_backup(made, ProfilePaths(tmp_path / "h"), passphrase=PASSPHRASE)


def test_a_cut_backup_is_refused_as_damaged(filled, stick, tmp_path):
    made = backup.create_backup(filled, stick)
    cut = tmp_path / "cut.sotaybak"
    cut.write_bytes(made.read_bytes()[:-1])
    with pytest.raises(BackupDamagedError):
        restoring.restore_backup(cut, ProfilePaths(tmp_path / "h"), passphrase=PASSPHRASE)
    assert not backup.list_backups(tmp_path)[0].ok


def test_a_backup_in_a_newer_format_version_is_refused_as_newer(filled, stick, tmp_path):
    raw = bytearray(backup.create_backup(filled, stick).read_bytes())
    raw[8:10] = struct.pack(">H", 2)
    newer = tmp_path / "newer.sotaybak"
    newer.write_bytes(bytes(raw))
    with pytest.raises(BackupVersionError):
        restoring.restore_backup(newer, ProfilePaths(tmp_path / "h"), passphrase=PASSPHRASE)
    assert not (tmp_path / "h").exists()


# Format version 1, byte for byte ############################################################


def version_1_file(manifest: dict, members: list[bytes], data_key: bytes) -> bytes:
    """A backup laid out exactly as format version 1 says, built without the app's writer."""
    text = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    body = struct.pack(">8sHI", b"SOTAYBAK", 1, len(text)) + text + b"".join(members)
    checksum = hashlib.sha256(body).digest()
    mac_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"sotay backup hmac v1").derive(data_key)
    return body + checksum + hmac.new(mac_key, body + checksum, hashlib.sha256).digest()


def test_a_version_1_backup_built_by_hand_restores(filled, stick, tmp_path):
    before = stats.counts(filled)
    copy = tmp_path / "copy.db"
    cipher.copy_encrypted_database(filled.paths.database, copy, filled.data_key)
    members = {
        "profile.db": copy.read_bytes(),
        "keyslots.json": filled.paths.keyslots.read_bytes(),
        "device-cert.pem": (filled.paths.home / "device-cert.pem").read_bytes(),
    }
    manifest = {
        "format": "sotay-backup",
        "kind": "auto",
        "created_at": "2025-07-01T08:00:00+00:00",
        "app_version": "0.1.0",
        "device_id": filled.device_id,
        "commune_code": filled.commune_code,
        "collaborator": filled.collaborator,
        "schema_revision": None,
        "newest_change": "2025-06-30T10:00:00+00:00",
        "key_id": key_id(filled.data_key),
        "members": [
            {"name": name, "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()} for name, raw in members.items()
        ],
    }
    file = stick / "sotay-by-hand.sotaybak"
    file.write_bytes(version_1_file(manifest, list(members.values()), filled.data_key))

    [listed] = backup.list_backups(stick)
    assert listed.ok and listed.automatic and listed.created_at == T0 and listed.commune_code == COMMUNE
    result = restoring.restore_backup(file, ProfilePaths(tmp_path / "restored"), passphrase=PASSPHRASE)
    assert result.created_at == T0 and result.user == USER
    assert (tmp_path / "restored" / "device-cert.pem").read_bytes() == members["device-cert.pem"]
    restored = unlocked(tmp_path / "restored")
    try:
        assert stats.counts(restored) == before
    finally:
        restored.close()


def test_the_app_writes_format_version_1_byte_for_byte(filled, stick):
    made = backup.create_backup(filled, stick, now=T0)
    raw = made.read_bytes()
    parts = layout_offsets(made)
    start, length = parts["manifest"]
    manifest = json.loads(raw[start : start + length])
    assert list(manifest) == [
        "format",
        "kind",
        "created_at",
        "app_version",
        "profile_id",
        "device_id",
        "commune_code",
        "collaborator",
        "schema_revision",
        "newest_change",
        "key_id",
        "sync",
        "members",
    ]
    assert (manifest["format"], manifest["kind"], manifest["created_at"]) == ("sotay-backup", "manual", T0.isoformat())
    assert manifest["profile_id"] == filled.profile_id
    members = [raw[parts[m["name"]][0] : sum(parts[m["name"]])] for m in manifest["members"]]
    assert raw == version_1_file(manifest, members, filled.data_key)


# Replacing a profile ########################################################################


def test_a_newer_profile_is_kept_unless_confirmed_then_moved_aside(register, stick):
    p = register.profile
    made = backup.create_backup(p, stick)
    with p.sessions.begin() as session:
        reference.add_village(session, COMMUNE, "Thôn Bắc Sơn")  # a change the backup does not have
    villages = stats.counts(p)["villages"]
    p.close()
    before = snapshot(p.paths.home)
    with pytest.raises(NewerProfileError) as refused:
        restoring.restore_backup(made, p.paths, passphrase=PASSPHRASE)
    assert refused.value.exit_code == 3
    assert snapshot(p.paths.home) == before

    result = restoring.restore_backup(made, p.paths, passphrase=PASSPHRASE, replace_newer=True)
    assert result.replaced is not None and result.replaced.parent == p.paths.home
    assert result.replaced.name.startswith("replaced-")
    kept = snapshot(result.replaced)
    for name in ("profile.db", "keyslots.json", "device-key.pem", "device-cert.pem"):
        assert kept[name] == before[name]
    restored = unlocked(p.paths.home)
    try:
        assert stats.counts(restored)["villages"] == villages - 1
    finally:
        restored.close()


def test_a_profile_without_newer_changes_is_replaced_without_asking(filled, stick):
    made = backup.create_backup(filled, stick)
    filled.close()
    result = restoring.restore_backup(made, filled.paths, passphrase=PASSPHRASE)
    assert result.replaced is not None and (result.replaced / "profile.db").is_file()


def test_a_damaged_profile_is_replaced_and_kept_aside(filled, stick):
    made = backup.create_backup(filled, stick)
    with filled.sessions.begin() as session:
        reference.add_village(session, COMMUNE, "Thôn Bắc Sơn")  # newer, but no longer readable
    filled.close()
    database = filled.paths.database
    raw = bytearray(database.read_bytes())
    raw[: len(raw)] = bytes(len(raw))  # every page gone
    database.write_bytes(bytes(raw))
    result = restoring.restore_backup(made, filled.paths, passphrase=PASSPHRASE)
    assert result.replaced is not None and (result.replaced / "profile.db").read_bytes() == bytes(raw)
    restored = unlocked(filled.paths.home)
    restored.close()


def test_another_profile_the_passphrase_does_not_open_needs_its_own_confirmation(filled, stick, tmp_path):
    made = backup.create_backup(filled, stick)
    other = make_profile(tmp_path / "other", passphrase="một mật khẩu khác")
    other.close()
    home = ProfilePaths(tmp_path / "other")
    for newer in (False, True):  # "replace a newer profile" is not "replace another profile"
        with pytest.raises(OtherProfileError) as refused:
            restoring.restore_backup(made, home, passphrase=PASSPHRASE, replace_newer=newer)
        assert refused.value.current.profile_id == ""  # closed to this passphrase: which one it is cannot be read
        assert refused.value.params["current_id"] == "?"
    result = restoring.restore_backup(made, home, passphrase=PASSPHRASE, replace_other=True)
    assert result.replaced is not None


def test_another_profiles_backup_with_the_same_passphrase_is_refused_naming_both(filled, stick, tmp_path):
    """Finding 6: the same user and passphrase, and a backup with a later change, once replaced it silently."""
    current = make_profile(tmp_path / "current")
    with current.sessions.begin() as session:
        reference.add_village(session, COMMUNE, "Thôn Hiện Tại")
    current_id = current.profile_id
    current.close()
    with filled.sessions.begin() as session:
        reference.add_village(session, COMMUNE, "Thôn Sau Cùng")  # the backup has the later change
    made = backup.create_backup(filled, stick)
    before = snapshot(current.paths.home)
    with pytest.raises(OtherProfileError) as refused:
        restoring.restore_backup(made, current.paths, passphrase=PASSPHRASE, replace_newer=True)
    assert refused.value.exit_code == 3 and snapshot(current.paths.home) == before
    params = refused.value.params
    assert (params["backup_id"], params["current_id"]) == (filled.profile_id[:8], current_id[:8])
    assert (params["backup_commune"], params["current_commune"]) == (COMMUNE, COMMUNE)
    assert params["backup_collaborator"] == params["current_collaborator"] == USER
    restoring.restore_backup(made, current.paths, passphrase=PASSPHRASE, replace_other=True)
    restored = unlocked(current.paths.home)
    try:
        assert restored.profile_id == filled.profile_id
    finally:
        restored.close()


def test_the_profile_id_is_made_at_set_up_and_given_on_first_open_to_an_older_profile(profile, tmp_path):
    assert profile.profile_id and profile.profile_id == profile.device_id
    other = make_profile(tmp_path / "other")
    assert other.profile_id != profile.profile_id
    with other.sessions.begin() as session:  # as a profile made before profile ids existed
        session.execute(text("DELETE FROM profile_meta WHERE key = :key"), {"key": META_PROFILE})
    other.close()
    again = unlocked(tmp_path / "other")
    try:
        assert again.profile_id == again.device_id == other.device_id
    finally:
        again.close()


def version_1_without_profile_id(profile: Profile, folder: Path, *, device_id: str) -> Path:
    """A backup as made before profile ids existed: no `profile_id` in the manifest."""
    copy = folder / "copy.db"
    cipher.copy_encrypted_database(profile.paths.database, copy, profile.data_key)
    members = {"profile.db": copy.read_bytes(), "keyslots.json": profile.paths.keyslots.read_bytes()}
    copy.unlink()
    manifest = {
        "format": "sotay-backup",
        "kind": "manual",
        "created_at": "2025-07-01T08:00:00+00:00",
        "app_version": "0.1.0",
        "device_id": device_id,
        "commune_code": profile.commune_code,
        "collaborator": profile.collaborator,
        "schema_revision": None,
        "newest_change": "2099-01-01T00:00:00+00:00",
        "key_id": key_id(profile.data_key),
        "members": [
            {"name": name, "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()} for name, raw in members.items()
        ],
    }
    file = folder / f"old-{device_id or 'none'}.sotaybak"
    file.write_bytes(version_1_file(manifest, list(members.values()), profile.data_key))
    return file


def test_an_older_backup_is_known_by_its_device_id_and_one_without_any_id_needs_the_confirmation(
    filled, stick, tmp_path
):
    other = make_profile(tmp_path / "other")
    old_of_other = version_1_without_profile_id(other, stick, device_id=other.device_id)
    unknown = version_1_without_profile_id(other, stick, device_id="")
    other.close()
    assert {info.path.name: info.profile_id for info in backup.list_backups(stick)} == {
        old_of_other.name: other.device_id,
        unknown.name: "",
    }
    filled.close()
    before = snapshot(filled.paths.home)
    with pytest.raises(OtherProfileError):  # an old backup of another profile
        restoring.restore_backup(old_of_other, filled.paths, passphrase=PASSPHRASE)
    with pytest.raises(OtherProfileError) as refused:  # a backup of no known profile
        restoring.restore_backup(unknown, filled.paths, passphrase=PASSPHRASE, replace_newer=True)
    assert refused.value.params["backup_id"] == "?" and snapshot(filled.paths.home) == before
    # Over their own profile neither asks: the old one names its id, and the data key, born with the
    # profile and never changed, is the same as the one in the folder.
    assert restoring.restore_backup(old_of_other, other.paths, passphrase=PASSPHRASE).replaced is not None
    assert restoring.restore_backup(unknown, other.paths, passphrase=PASSPHRASE).replaced is not None


def test_the_recovery_code_restores_and_then_demands_a_new_passphrase(tmp_path, stick):
    created = profile_service.create_profile(
        ProfilePaths(tmp_path / "home"), commune_code=COMMUNE, collaborator=USER, user=USER, passphrase=PASSPHRASE
    )
    made = backup.create_backup(created.profile, stick)
    created.profile.close()
    home = ProfilePaths(tmp_path / "restored")
    result = restoring.restore_backup(made, home, recovery_code=created.recovery_code)
    assert result.must_change_passphrase and result.user == USER
    opened = recovery.unlock_with_recovery(home, result.user, created.recovery_code)
    assert opened.must_change_passphrase
    recovery.reset_passphrase(opened, "một mật khẩu mới hơn")
    opened.close()
    unlocked(home.home, "một mật khẩu mới hơn").close()
    with pytest.raises(WrongPassphraseError):
        unlocked(home.home)


# Automatic backups, listing #################################################################


def test_automatic_backups_are_daily_and_the_last_seven_are_kept(profile):
    folder = profile.paths.backups
    first = backup.auto_backup(profile, now=T0)
    assert first is not None and first.parent == folder and first.stem.endswith("-auto")
    assert backup.auto_backup(profile, now=T0 + timedelta(hours=23, minutes=59)) is None
    manual = backup.create_backup(profile, folder, now=T0 + timedelta(hours=1))
    made = [first]
    for day in range(1, 10):
        again = backup.auto_backup(profile, now=T0 + timedelta(days=day))
        assert again is not None
        made.append(again)
    autos = [b for b in backup.list_backups(folder) if b.automatic]
    assert [b.path for b in autos] == list(reversed(made[-7:]))
    assert all(b.ok and b.checked for b in autos)
    assert autos[0].created_at == T0 + timedelta(days=9)
    assert manual.exists()  # only automatic backups are pruned


def test_a_backup_dated_in_the_future_does_not_stop_automatic_backups(profile):
    assert backup.auto_backup(profile, now=T0 + timedelta(days=30)) is not None
    assert backup.auto_backup(profile, now=T0) is not None


def test_listing_finds_damage_and_the_start_up_offer_skips_it(profile):
    older = backup.auto_backup(profile, now=T0)
    newer = backup.auto_backup(profile, now=T0 + timedelta(days=1))
    assert older and newer
    assert backup.newest_good_backup(profile.paths).path == newer
    raw = bytearray(newer.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    newer.write_bytes(bytes(raw))
    listed = backup.list_backups(profile.paths.backups)
    assert [(b.path, b.ok) for b in listed] == [(newer, False), (older, True)]
    assert listed[1].commune_code == COMMUNE and listed[1].collaborator == USER
    offer = backup.newest_good_backup(profile.paths)
    assert offer is not None and offer.path == older


def test_no_backups_no_offer(tmp_path):
    assert backup.list_backups(tmp_path / "none") == []
    assert backup.newest_good_backup(ProfilePaths(tmp_path)) is None


def test_a_missing_or_unusable_folder_is_refused(profile, tmp_path):
    with pytest.raises(BackupFolderError) as refused:
        backup.create_backup(profile, tmp_path / "unplugged")
    assert refused.value.exit_code == 2 and not (tmp_path / "unplugged").exists()
    file = tmp_path / "a-file"
    file.write_text("x")
    with pytest.raises(BackupFolderError):
        backup.create_backup(profile, file)


def test_a_failed_write_leaves_no_partial_backup(profile, stick, monkeypatch):
    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "write_sealed", full_disk)
    with pytest.raises(BackupFolderError):
        backup.create_backup(profile, stick)
    assert list(stick.iterdir()) == []
    assert not list(profile.paths.home.glob(".backup-*"))


def test_the_users_of_a_backup_are_readable_without_a_key(profile, stick):
    assert restoring.backup_users(backup.create_backup(profile, stick)) == [USER]


def test_restoring_keeps_logs_and_backups_of_the_folder(filled, tmp_path):
    made = backup.auto_backup(filled, now=T0)
    assert made is not None
    (filled.paths.logs / "old.log").write_text("kept")
    filled.close()
    copy = shutil.copy(made, tmp_path / "copy.sotaybak")
    restoring.restore_backup(Path(copy), filled.paths, passphrase=PASSPHRASE)
    assert (filled.paths.logs / "old.log").read_text() == "kept" and made.exists()


def test_a_backup_with_several_users_needs_a_name(profile, stick, tmp_path):
    assert profile.keystore is not None
    profile.keystore.add_user(profile.data_key, "Trần Văn Hùng", "mật khẩu của hùng")
    made = backup.create_backup(profile, stick)
    assert sorted(restoring.backup_users(made)) == sorted([USER, "Trần Văn Hùng"])
    with pytest.raises(AccessError):
        restoring.restore_backup(made, ProfilePaths(tmp_path / "h"), passphrase=PASSPHRASE)
    result = restoring.restore_backup(
        made, ProfilePaths(tmp_path / "h"), user="trần văn hùng", passphrase="mật khẩu của hùng"
    )
    assert result.user == "Trần Văn Hùng"


def test_work_folders_left_by_a_crash_are_cleared(profile, stick):
    stale = profile.paths.home / ".backup-crashed"
    stale.mkdir()
    (stale / "profile.db").write_bytes(b"x")
    old = time.time() - 2 * 86400
    os.utime(stale, (old, old))
    fresh = profile.paths.home / ".backup-running"
    fresh.mkdir()
    backup.create_backup(profile, stick)
    assert not stale.exists() and fresh.exists()
