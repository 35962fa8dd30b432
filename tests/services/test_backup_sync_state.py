"""Backups record the sync state; a restore keeps the clock from going back and says a sync is needed."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.base import PENDING_USN
from db.models.register import Village
from db.stamps import META_CLOCK
from desktop.demo.build import build_demo
from desktop.paths import ProfilePaths
from desktop.services import reference
from desktop.services.profile import backup, restoring
from desktop.services.profile import opening as profile_service
from desktop.services.profile.backup_format import read_layout
from desktop.services.profile.handle import Profile
from desktop.services.profile.restore_sync import (
    META_SYNC_AFTER_RESTORE,
    SyncState,
    clear_sync_needed,
    newest_clock,
    sync_needed_after_restore,
)
from desktop.sync.extract import synced_tables
from tests.conftest import COMMUNE, PASSPHRASE, USER

DAY = date(2025, 6, 30)


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def clock_of(profile: Profile) -> str:
    with profile.engine.connect() as conn:
        return newest_clock(conn)


def meta(profile: Profile, key: str) -> str | None:
    from db.models.profile import ProfileMeta

    with profile.sessions() as session:
        return session.scalar(select(ProfileMeta.value).where(ProfileMeta.key == key))


def add_village(profile: Profile, name: str) -> None:
    with profile.sessions.begin() as session:
        reference.add_village(session, COMMUNE, name)


def village_clock(profile: Profile, name: str) -> str:
    with profile.sessions() as session:
        return session.scalars(select(Village.hlc).where(Village.name == name)).one()


def acknowledge_all(profile: Profile, usn: int) -> None:
    """As the upper level's acknowledgement would: every pending row gets a usn (a test's own engine write)."""
    with profile.engine.begin() as conn:
        for table in synced_tables():
            conn.execute(table.update().where(table.c.usn == PENDING_USN).values(usn=usn))


def test_the_manifest_records_the_clock_pending_rows_and_highest_usn(profile, stick):
    build_demo(profile, households=6, seed=3, today=DAY)
    acknowledge_all(profile, 41)
    add_village(profile, "Thôn Bắc Sơn")  # one change the upper level has not seen
    made = backup.create_backup(profile, stick)

    layout = read_layout(made)
    assert layout.sync == SyncState(clock=clock_of(profile), pending=1, highest_usn=41)
    assert layout.sync.clock.endswith(profile.device_id)
    assert layout.device_id == profile.device_id
    raw = made.read_bytes()
    manifest = json.loads(raw[14 : 14 + int.from_bytes(raw[10:14], "big")])
    assert manifest["sync"] == {"clock": clock_of(profile), "pending": 1, "highest_usn": 41}


def test_a_fresh_profile_records_its_pending_rows_and_no_acknowledged_usn(profile, stick):
    with profile.engine.connect() as conn:
        pending = sum(
            conn.scalar(select(func.count()).select_from(t).where(t.c.usn == PENDING_USN)) or 0 for t in synced_tables()
        )
    made = backup.create_backup(profile, stick)
    state = read_layout(made).sync
    assert state is not None and state.pending == pending > 0  # the first user's directory row at least
    assert state.highest_usn == PENDING_USN  # nothing acknowledged yet


def test_a_manifest_without_the_sync_state_still_reads(profile, stick, tmp_path):
    made = backup.create_backup(profile, stick)
    layout = read_layout(made)
    assert SyncState.from_manifest({k: v for k, v in layout.sealed.manifest.items() if k != "sync"}) is None
    with pytest.raises(TypeError):
        SyncState.from_manifest({"sync": {"clock": "", "pending": -3, "highest_usn": None}})


def test_restoring_an_older_backup_keeps_the_clock_and_says_a_sync_is_needed(profile, stick):
    add_village(profile, "Thôn Cũ")
    made = backup.create_backup(profile, stick)
    backup_clock = read_layout(made).sync.clock
    add_village(profile, "Thôn Sau Sao Lưu")  # sent to the upper level, then lost by the restore
    before = clock_of(profile)
    assert before > backup_clock
    assert not sync_needed_after_restore(profile)
    paths = profile.paths
    profile.close()

    moment = datetime.now(UTC)
    restoring.restore_backup(made, paths, passphrase=PASSPHRASE, replace_newer=True)
    restored = profile_service.unlock(paths, USER, PASSPHRASE)
    try:
        assert clock_of(restored) == before  # not the backup's older clock
        assert sync_needed_after_restore(restored)
        marked = datetime.fromisoformat(meta(restored, META_SYNC_AFTER_RESTORE) or "")
        assert abs((marked - moment).total_seconds()) < 60
        add_village(restored, "Thôn Mới")
        assert village_clock(restored, "Thôn Mới") > before  # sorts after everything the laptop sent
        assert not list(paths.home.glob(".restore-*"))  # nothing of the mark left beside the profile
    finally:
        restored.close()


def test_restoring_into_an_empty_folder_keeps_the_backups_clock(profile, stick, tmp_path):
    made = backup.create_backup(profile, stick)
    paths = ProfilePaths(tmp_path / "new")
    restoring.restore_backup(made, paths, passphrase=PASSPHRASE)
    restored = profile_service.unlock(paths, USER, PASSPHRASE)
    try:
        assert clock_of(restored) == read_layout(made).sync.clock == meta(restored, META_CLOCK)
        assert sync_needed_after_restore(restored)
    finally:
        restored.close()


def test_clearing_the_mark_after_a_sync_lasts_and_keeps_the_clock(profile, stick, tmp_path):
    made = backup.create_backup(profile, stick)
    paths = ProfilePaths(tmp_path / "new")
    restoring.restore_backup(made, paths, passphrase=PASSPHRASE)
    restored = profile_service.unlock(paths, USER, PASSPHRASE)
    clock = clock_of(restored)
    try:
        clear_sync_needed(restored)
        assert not sync_needed_after_restore(restored)
        clear_sync_needed(restored)  # twice is harmless: the transport may retry
    finally:
        restored.close()
    reopened = profile_service.unlock(paths, USER, PASSPHRASE)
    try:
        assert not sync_needed_after_restore(reopened)
        assert clock_of(reopened) == clock
    finally:
        reopened.close()
