"""The audit chain's head kept in the key file: removing the newest events, or rewriting and rehashing the
chain, with nothing but the data key and SQLCipher shows in `sotay audit verify` (exit 3, one sentence);
normal work, reopening, old key files, slot changes and backups keep a head that matches."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from db import audit as chain
from desktop import i18n
from desktop.cli.main import main
from desktop.paths import ProfilePaths
from desktop.security import audit_head, keystore
from desktop.services.profile import audit, backup, restoring, users
from desktop.services.profile import opening as profile_service
from desktop.services.profile.access import Role
from desktop.services.profile.handle import Profile
from desktop.services.profile.users import UserInput
from desktop.services.register import households
from desktop.services.register.households import HouseholdInput
from tests.conftest import PASSPHRASE, USER

MISSING_VI = "Các mục mới nhất của nhật ký đã bị xóa hoặc nhật ký đã bị viết lại"


@pytest.fixture(autouse=True)
def _cli_state(monkeypatch):
    for name in ("SOTAY_HOME", "SOTAY_USER", "SOTAY_RECOVERY_CODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SOTAY_PASSPHRASE", PASSPHRASE)
    yield
    i18n.set_translator(lambda _context, source: source)


def save_households(profile: Profile, register, first: int, count: int) -> None:
    for number in range(first, first + count):
        households.create(profile, HouseholdInput(code=f"{number:03d}", village_id=register.village_a))


@pytest.fixture
def worked(register) -> Profile:
    save_households(register.profile, register, 1, 6)
    return register.profile


@pytest.fixture
def later(register):
    """More saves, later in a test."""
    return lambda first, count: save_households(register.profile, register, first, count)


def verify_cli(home: Path, capsys) -> tuple[int, str]:
    code = main(["--home", str(home), "--lang", "vi", "audit", "verify"])
    out, err = capsys.readouterr()
    return code, (out + err).strip()


def key_document(profile: Profile) -> dict:
    return json.loads(profile.paths.keyslots.read_text(encoding="utf-8"))


def kept(profile: Profile) -> tuple[int, str]:
    stored = audit_head.read_audit_head(profile.paths.home, profile.data_key)
    assert stored.status is audit_head.HeadStatus.AUTHENTIC and stored.head is not None
    return stored.head.id, stored.head.hash


def newest(profile: Profile) -> tuple[int, str]:
    with profile.sessions() as session:
        row = session.execute(text("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")).one()
    return int(row.id), str(row.hash)


def outside_the_app(profile: Profile, *statements: tuple[str, tuple]) -> None:
    """What anyone holding the data key can do: SQLCipher directly, no hook of the app."""
    connection = sqlcipher3.connect(str(profile.paths.database))
    try:
        connection.execute(f"PRAGMA key = \"x'{profile.data_key.hex()}'\"")
        for sql, parameters in statements:
            connection.execute(sql, parameters)
        connection.commit()
    finally:
        connection.close()


def rows(profile: Profile) -> list[dict]:
    from sqlalchemy import select

    from db.models.profile import AuditEvent

    with profile.sessions() as session:
        found = session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        return [{c: getattr(row, c) for c in AuditEvent.__table__.c.keys() if c != "hash"} for row in found]


# Tampering ##################################################################################


@pytest.mark.parametrize("removed", [1, 3])
def test_removing_the_newest_events_with_sqlcipher_makes_verify_exit_3(worked, capsys, removed):
    assert verify_cli(worked.paths.home, capsys)[0] == 0
    last = newest(worked)[0]
    outside_the_app(worked, ("DELETE FROM audit_events WHERE id > ?", (last - removed,)))
    code, said = verify_cli(worked.paths.home, capsys)
    assert code == 3
    assert said.startswith(MISSING_VI) and f"mục {last} là mục mới nhất" in said
    assert said.count(".") == 1  # one sentence


def test_rewriting_an_event_and_rehashing_the_whole_chain_is_detected(worked, capsys):
    events, prev, updates = rows(worked), chain.GENESIS_HASH, []
    events[1]["user"] = "Ai đó"  # an event rewritten, then every hash after it recomputed
    for event in events:
        event["prev_hash"] = prev
        prev = chain.event_hash(**event)
        updates.append(
            ("UPDATE audit_events SET user = ?, prev_hash = ?, hash = ? WHERE id = ?",
             (event["user"], event["prev_hash"], prev, event["id"]))
        )  # fmt: skip
    outside_the_app(worked, *updates)
    with worked.sessions() as session:
        assert chain.verify_chain(session).ok  # the chain alone links up again
    code, said = verify_cli(worked.paths.home, capsys)
    assert code == 3 and said.startswith(MISSING_VI)
    report = audit.verify(worked)
    assert (report.ok, report.reason, report.broken_id) == (False, chain.HEAD_MISMATCH, events[-1]["id"])


def test_a_head_changed_in_the_key_file_is_reported_and_never_repaired(worked, later, capsys):
    document = key_document(worked)
    document["audit_head"]["id"] -= 2  # pretend the log ended earlier, without the key to sign it
    worked.paths.keyslots.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, said = verify_cli(worked.paths.home, capsys)
    assert code == 3 and said.startswith(MISSING_VI) and "không khớp" in said
    forged = worked.paths.keyslots.read_bytes()
    later(50, 1)  # a save after it
    reopened = profile_service.unlock(worked.paths, USER, PASSPHRASE)  # an open after it
    reopened.close()
    assert json.loads(worked.paths.keyslots.read_bytes())["audit_head"] == json.loads(forged)["audit_head"]
    assert verify_cli(worked.paths.home, capsys)[0] == 3


def test_after_removing_events_new_saves_do_not_paper_over_the_gap(worked, later, capsys):
    head_before = kept(worked)
    outside_the_app(worked, ("DELETE FROM audit_events WHERE id > ?", (head_before[0] - 2,)))
    later(60, 5)  # the chain grows past the kept id again, from a cut
    assert newest(worked)[0] > head_before[0]
    assert kept(worked) == head_before  # the head was not moved onto the rewritten chain
    assert verify_cli(worked.paths.home, capsys)[0] == 3


# Keeping the head ###########################################################################


def test_every_save_moves_the_head_and_verify_passes_after_many_saves_and_a_reopen(register, capsys):
    p = register.profile
    for first in range(1, 31, 5):
        save_households(p, register, first, 5)
        assert kept(p) == newest(p)
    assert audit.verify(p).ok
    p.close()
    again = profile_service.unlock(p.paths, USER, PASSPHRASE)
    try:
        save_households(again, register, 40, 2)
        assert kept(again) == newest(again)
        assert audit.verify(again).ok
    finally:
        again.close()
    # 32 households and a village each side of the reopen, plus the first user's directory row at creation
    assert verify_cli(p.paths.home, capsys) == (0, "Chuỗi nhật ký nguyên vẹn: đã kiểm tra 35 mục.")


def test_a_rolled_back_save_leaves_the_head_where_it_was(register):
    from db.models.register import Household

    p = register.profile
    save_households(p, register, 1, 2)
    before = kept(p)
    with pytest.raises(RuntimeError), p.sessions.begin() as session:
        session.add(Household(code="999", commune_code=p.commune_code, village_id=register.village_a))
        session.flush()  # its event is written, then rolled back with it
        raise RuntimeError("cancelled")
    assert kept(p) == before and audit.verify(p).ok
    save_households(p, register, 3, 1)
    assert kept(p) == newest(p)


def test_a_key_file_without_a_head_gets_one_at_the_next_open(worked, capsys):
    document = key_document(worked)
    document.pop("audit_head")  # a profile made before heads were kept
    worked.paths.keyslots.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    worked.close()
    assert verify_cli(worked.paths.home, capsys)[0] == 0  # opened, no complaint
    reopened = profile_service.unlock(worked.paths, USER, PASSPHRASE)
    try:
        assert kept(reopened) == newest(reopened)
    finally:
        reopened.close()


def test_the_key_file_stays_private_and_keeps_its_slots_through_saves_and_slot_changes(worked):
    assert stat.S_IMODE(os.stat(worked.paths.keyslots).st_mode) == 0o600
    users.add_user(worked, UserInput("Trần Văn Bình", Role.OFFICER, False, ()), "mật khẩu của Bình")
    assert kept(worked) == newest(worked)  # the user's event too
    profile_service.change_passphrase(worked, PASSPHRASE, "mật khẩu mới của Lan")
    assert kept(worked) == newest(worked)  # not lost by the rewrap
    assert stat.S_IMODE(os.stat(worked.paths.keyslots).st_mode) == 0o600
    assert sorted(keystore.KeyStore.load(worked.paths.home).users()) == ["Nguyễn Thị Lan", "Trần Văn Bình"]
    assert audit.verify(worked).ok


# Backups ####################################################################################


def test_a_restored_backup_carries_the_head_of_its_own_copy(register, tmp_path):
    p = register.profile
    save_households(p, register, 1, 4)
    at_backup = newest(p)
    stick = tmp_path / "stick"
    stick.mkdir()
    made = backup.create_backup(p, stick)
    save_households(p, register, 10, 4)  # later work the backup does not have
    assert kept(p)[0] > at_backup[0]
    p.close()
    restoring.restore_backup(made, p.paths, passphrase=PASSPHRASE, replace_newer=True)
    restored = profile_service.unlock(p.paths, USER, PASSPHRASE)
    try:
        assert kept(restored) == at_backup
        assert audit.verify(restored).ok
        save_households(restored, register, 20, 1)
        assert audit.verify(restored).ok and kept(restored)[0] == at_backup[0] + 1
    finally:
        restored.close()


def test_a_backup_taken_while_the_key_file_is_ahead_of_the_copy_still_matches(register, tmp_path, monkeypatch):
    """The head moves after each commit: one landing between the database copy and the key file read
    must not put a head the copy lacks into the backup."""
    p = register.profile
    save_households(p, register, 1, 2)
    real_copy = backup.cipher.copy_encrypted_database

    def copy_then_save(source, target, key):
        real_copy(source, target, key)
        save_households(p, register, 30, 2)  # committed after the copy was taken

    monkeypatch.setattr(backup.cipher, "copy_encrypted_database", copy_then_save)
    stick = tmp_path / "stick"
    stick.mkdir()
    made = backup.create_backup(p, stick)
    home = tmp_path / "restored"
    restoring.restore_backup(made, ProfilePaths(home), passphrase=PASSPHRASE)
    restored = profile_service.unlock(ProfilePaths(home), USER, PASSPHRASE)
    try:
        assert audit.verify(restored).ok
    finally:
        restored.close()
