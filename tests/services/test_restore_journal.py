"""A restore killed at any step is finished on the next start: forward or back, never half of each.

A kill is simulated by raising, at the n-th step (each journal write and each file moved), an exception
the restore does not handle, as SIGKILL would stop it there; n runs until a restore is no longer reached.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models.register import Village
from desktop import i18n
from desktop.services import reference
from desktop.services.profile import backup, restore_journal, restoring
from desktop.services.profile import opening as profile_service
from desktop.services.profile.handle import Profile
from desktop.services.profile.process_lock import LOCK_FILE
from tests.conftest import COMMUNE, PASSPHRASE, USER


@pytest.fixture(autouse=True)
def _in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_translate", lambda _context, text: text)  # an earlier test may leave Vietnamese


class Killed(BaseException):
    """The process stopping where it stands: no except clause of the restore sees it."""


def villages(home: Path) -> tuple[set[str], str]:
    opened = profile_service.unlock(profile_service.ProfilePaths(home), USER, PASSPHRASE)
    try:
        with opened.sessions() as session:
            return set(session.scalars(select(Village.name))), opened.device_id
    finally:
        opened.close()


@pytest.fixture
def template(profile: Profile, tmp_path: Path) -> tuple[Path, Path]:
    """A closed profile with one change its backup does not have, and that backup."""
    with profile.sessions.begin() as session:
        reference.add_village(session, COMMUNE, "Thôn Cũ")
    stick = tmp_path / "stick"
    stick.mkdir()
    made = backup.create_backup(profile, stick)
    with profile.sessions.begin() as session:
        reference.add_village(session, COMMUNE, "Thôn Mới Hơn")
    profile.close()
    return profile.paths.home, made


def killing_at(monkeypatch: pytest.MonkeyPatch, n: int) -> list[int]:
    steps = [0]

    def step() -> None:
        steps[0] += 1
        if steps[0] == n:
            raise Killed

    move, write = restore_journal._move, restore_journal.Journal.write

    def killed_move(source: Path, target: Path) -> None:
        step()
        move(source, target)

    def killed_write(self: restore_journal.Journal, home: Path) -> None:
        step()
        write(self, home)

    monkeypatch.setattr(restore_journal, "_move", killed_move)
    monkeypatch.setattr(restore_journal.Journal, "write", killed_write)
    return steps


def test_a_restore_killed_at_any_step_is_finished_on_the_next_start(template, tmp_path, monkeypatch):
    pristine, made = template
    old, device = villages(pristine)
    assert "Thôn Mới Hơn" in old
    new = old - {"Thôn Mới Hơn"}
    outcomes: set[str] = set()
    n = 1
    while True:
        home = tmp_path / f"run-{n}"
        shutil.copytree(pristine, home)
        with monkeypatch.context() as patch:
            steps = killing_at(patch, n)
            try:
                restoring.restore_backup(
                    made, profile_service.ProfilePaths(home), passphrase=PASSPHRASE, replace_newer=True
                )
            except Killed:
                pass  # stopped at step n: the next start below must finish it
            else:
                assert steps[0] < n
                break
        said = restoring.finish_interrupted_restore(home)
        assert restoring.finish_interrupted_restore(home) is None  # once only
        found, device_after = villages(home)  # opens: a key file, and the same device
        assert device_after == device
        assert found in (old, new), f"killed at step {n}: a mix of the two"
        outcomes.add("new" if found == new else "old")
        if said is None:  # killed before the journal was written: nothing had been touched
            assert found == old and not list(home.glob("replaced-*"))
        elif found == new:
            assert str(home) in said
            [aside] = home.glob("replaced-*")
            assert str(aside) in said
            assert (aside / "profile.db").is_file() and (aside / "keyslots.json").is_file()
        else:
            assert "back as it was" in said
        assert not (home / restoring.JOURNAL_FILE).exists() and not list(home.glob(".restore-*"))
        n += 1
    assert n > 8  # every step of a real restore was tried
    assert outcomes == {"old", "new"}  # untouched before the journal; forward after it (the files were complete)


def test_a_restore_whose_new_files_are_lost_rolls_back(template, tmp_path, monkeypatch):
    home, made = template
    old, device = villages(home)
    with monkeypatch.context() as patch:
        killing_at(patch, 4)  # the journal, then two old files moved aside
        with pytest.raises(Killed):
            restoring.restore_backup(
                made, profile_service.ProfilePaths(home), passphrase=PASSPHRASE, replace_newer=True
            )
    assert not (home / "keyslots.json").exists() or not (home / "profile.db").exists()
    [staging] = home.glob(".restore-*")
    (staging / "profile.db").unlink()  # the new files are no longer complete: forward is impossible
    said = restoring.finish_interrupted_restore(home)
    assert said is not None and "back as it was" in said
    assert villages(home) == (old, device)
    assert not list(home.glob("replaced-*")) and not list(home.glob(".restore-*"))


def test_a_kill_while_the_backup_is_unpacked_leaves_the_profile_untouched(template, monkeypatch):
    home, made = template
    before = {p.name: p.read_bytes() for p in home.iterdir() if p.is_file() and p.name != LOCK_FILE}

    def killed(*_args: object) -> None:
        raise Killed

    monkeypatch.setattr("desktop.security.sealed.SealedFile.extract", killed)
    with pytest.raises(Killed):
        restoring.restore_backup(made, profile_service.ProfilePaths(home), passphrase=PASSPHRASE, replace_newer=True)
    assert restoring.finish_interrupted_restore(home) is None
    assert {p.name: p.read_bytes() for p in home.iterdir() if p.is_file() and p.name != LOCK_FILE} == before
    assert not list(home.glob(".restore-*")) and not list(home.glob("replaced-*"))
