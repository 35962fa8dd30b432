"""The recovery code is a commune officer's, is audited, and is spent by use (docs/key-file.md)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.paths import ProfilePaths
from desktop.security.keystore import KeyStore, WrongPassphraseError, WrongRecoveryCodeError
from desktop.services.profile import audit, recovery, users
from desktop.services.profile import opening as profile_service
from desktop.services.profile.access import PermissionDeniedError, Role
from desktop.services.profile.recovery import RecoveryNotAllowedError
from tests.conftest import COMMUNE, PASSPHRASE, USER

COLLABORATOR, HUB = "Trần Văn Minh", "Lê Thị Hoa"
COLLABORATOR_PASSPHRASE, HUB_PASSPHRASE = "mật khẩu của Minh", "mật khẩu của Hoa"


@pytest.fixture
def created(tmp_path):
    made = profile_service.create_profile(
        ProfilePaths(tmp_path / "home"), commune_code=COMMUNE, collaborator=USER, user=USER, passphrase=PASSPHRASE
    )
    profile = made.profile
    with profile.sessions.begin() as session:
        from desktop.services import reference

        village = reference.add_village(session, COMMUNE, "Thôn Đông Hà")
    users.add_user(profile, users.UserInput(COLLABORATOR, Role.CTV, villages=(village,)), COLLABORATOR_PASSPHRASE)
    users.add_user(profile, users.UserInput(HUB, Role.HUB), HUB_PASSPHRASE)
    profile.close()
    return made


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_reset_is_audited_and_spends_the_code(created):
    paths, code = created.profile.paths, created.recovery_code
    opened = recovery.unlock_with_recovery(paths, USER, code)
    new_code = recovery.reset_passphrase(opened, "mật khẩu mới của Lan")
    assert not opened.must_change_passphrase
    assert new_code != code and len(new_code) == len(code)
    newest = audit.events(opened, limit=1)[0]
    assert (newest.action, newest.table_name, newest.user) == ("update", "users", USER)
    assert newest.summary == {
        "name": [None, USER],
        "passphrase_reset": [None, "recovery_code"],
        "recovery_code": [None, "replaced"],
    }
    assert audit.verify(opened).ok
    events_text = repr(audit.events(opened, limit=10_000))
    for form in (code, code.replace("-", ""), new_code, new_code.replace("-", "")):
        assert form not in events_text
    opened.close()

    assert paths.keyslots.stat().st_mode & 0o777 == 0o600
    with pytest.raises(WrongRecoveryCodeError):  # the used code no longer opens the profile
        recovery.unlock_with_recovery(paths, USER, code)
    with pytest.raises(WrongPassphraseError):
        profile_service.unlock(paths, USER, PASSPHRASE)
    profile_service.unlock(paths, USER, "mật khẩu mới của Lan").close()
    again = recovery.unlock_with_recovery(paths, USER, new_code)  # the new one does
    assert again.must_change_passphrase
    again.close()
    # The other users' slots were not touched.
    profile_service.unlock(paths, COLLABORATOR, COLLABORATOR_PASSPHRASE).close()


@pytest.mark.parametrize("who", [COLLABORATOR, HUB])
def test_the_code_does_not_reset_anyone_but_an_officer(created, who):
    paths, code = created.profile.paths, created.recovery_code
    before = _digest(paths.keyslots)
    with pytest.raises(RecoveryNotAllowedError) as refused:
        recovery.unlock_with_recovery(paths, who, code)
    assert refused.value.exit_code == 2 and refused.value.params == {"user": who}
    assert _digest(paths.keyslots) == before
    # Nothing was spent: the officer's recovery still works, and the user keeps their passphrase.
    passphrase = COLLABORATOR_PASSPHRASE if who == COLLABORATOR else HUB_PASSPHRASE
    profile_service.unlock(paths, who, passphrase).close()
    recovery.unlock_with_recovery(paths, USER, code).close()


def test_a_profile_opened_otherwise_cannot_be_reset_as_if_recovered(created):
    paths = created.profile.paths
    collaborator = profile_service.unlock(paths, COLLABORATOR, COLLABORATOR_PASSPHRASE)
    collaborator.must_change_passphrase = True  # as if a recovery unlock had let them in
    with pytest.raises(RecoveryNotAllowedError):
        recovery.reset_passphrase(collaborator, "chiếm tài khoản này")
    collaborator.close()
    officer = profile_service.unlock(paths, USER, PASSPHRASE)
    with pytest.raises(ValueError):  # not opened with the code
        recovery.reset_passphrase(officer, "mật khẩu mới của Lan")
    officer.close()


def test_an_officer_sets_a_new_passphrase_for_a_user_who_forgot_theirs(created):
    paths = created.profile.paths
    officer = profile_service.unlock(paths, USER, PASSPHRASE)
    minh = users.find_user(officer, "  trần văn minh ")
    users.set_passphrase(officer, minh.id, "Minh đặt lại 2026")
    newest = audit.events(officer, limit=1)[0]
    assert newest.summary["passphrase_reset"] == [None, "officer"] and newest.record_id == str(minh.id)
    assert audit.verify(officer).ok
    officer.close()
    with pytest.raises(WrongPassphraseError):
        profile_service.unlock(paths, COLLABORATOR, COLLABORATOR_PASSPHRASE)
    collaborator = profile_service.unlock(paths, COLLABORATOR, "Minh đặt lại 2026")
    with pytest.raises(PermissionDeniedError):  # a collaborator cannot do it for anyone
        users.set_passphrase(collaborator, users.find_user(collaborator, USER).id, "chiếm tài khoản này")
    collaborator.close()
    profile_service.unlock(paths, USER, PASSPHRASE).close()
    assert len(KeyStore.load(paths.home).users()) == 3
