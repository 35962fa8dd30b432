from __future__ import annotations

from pathlib import Path

import keyring.errors
import pytest

from db.models.profile import ProfileMeta
from desktop.security import secrets as secrets_module
from desktop.security.secrets import (
    FALLBACK_NOTICE,
    NOTICE_SHOWN_KEY,
    SERVICE,
    ProfileMetaStore,
    SecretStore,
    keyring_usable,
)
from desktop.services.profile.handle import Profile
from tests.security.conftest import MemoryKeyring

SECRET = "mật-khẩu-bí-mật-7f3a9c"


def _listing(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in sorted(folder.rglob("*")) if p.is_file()}


def _meta(profile: Profile, key: str) -> str | None:
    with profile.sessions() as session:
        row = session.get(ProfileMeta, key)
        return row.value if row else None


def test_memory_keyring_holds_the_secret_keyed_by_device(
    memory_keyring: MemoryKeyring, profile: Profile, secrets: SecretStore
) -> None:
    secrets.set("device-key-password", SECRET)

    assert secrets.get("device-key-password") == SECRET
    assert memory_keyring.entries == {(SERVICE, f"{profile.device_id}/device-key-password"): SECRET}
    assert _meta(profile, "secret.device-key-password") is None  # nothing in the database
    assert not secrets.uses_fallback
    assert secrets.fallback_notice() is None


def test_two_profiles_do_not_collide(memory_keyring: MemoryKeyring, profile: Profile) -> None:
    store = ProfileMetaStore(profile.sessions)
    first, second = SecretStore("device-a", store), SecretStore("device-b", store)
    first.set("hub", "a")
    second.set("hub", "b")

    assert (first.get("hub"), second.get("hub")) == ("a", "b")


def test_without_keyring_the_secret_goes_into_the_profile_database_only(
    no_keyring: None, profile: Profile, secrets: SecretStore
) -> None:
    home = profile.paths.home
    before = _listing(home)

    secrets.set("device-key-password", SECRET)

    assert secrets.uses_fallback
    assert secrets.get("device-key-password") == SECRET
    assert _meta(profile, "secret.device-key-password") == SECRET
    after = _listing(home)
    new_files = set(after) - set(before)
    assert all(name.startswith("profile.db") for name in new_files), new_files
    for name in after:
        if not name.startswith("profile.db"):
            assert SECRET.encode() not in (home / name).read_bytes(), name


def test_a_keyring_that_fails_on_use_falls_back(
    memory_keyring: MemoryKeyring, profile: Profile, secrets: SecretStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(memory_keyring, "set_password", broken)
    secrets.set("hub", SECRET)

    assert secrets.uses_fallback
    assert _meta(profile, "secret.hub") == SECRET
    assert secrets.get("hub") == SECRET


def test_a_secret_saved_without_keyring_is_still_found_when_a_keyring_appears(
    memory_keyring: MemoryKeyring, profile: Profile, secrets: SecretStore
) -> None:
    # The profile was made on a headless PC, then moved to a desktop with a keyring.
    ProfileMetaStore(profile.sessions).set("secret.hub", SECRET)

    assert secrets.get("hub") == SECRET


def test_fallback_notice_is_given_once_and_remembered(no_keyring: None, profile: Profile) -> None:
    first = SecretStore(profile.device_id, ProfileMetaStore(profile.sessions))

    assert first.fallback_notice() == FALLBACK_NOTICE
    assert first.fallback_notice() is None
    assert _meta(profile, NOTICE_SHOWN_KEY) == "1"
    # A later start of the app (a new store on the same profile) stays quiet too.
    assert SecretStore(profile.device_id, ProfileMetaStore(profile.sessions)).fallback_notice() is None


def test_fallback_notice_is_plain_english_for_translation() -> None:
    assert "keyring" in FALLBACK_NOTICE and "notebook" in FALLBACK_NOTICE


def test_keyring_usable_recognises_the_empty_answers(memory_keyring: MemoryKeyring) -> None:
    from keyring.backends import chainer, fail

    assert keyring_usable(memory_keyring)
    assert not keyring_usable(fail.Keyring())
    empty_chain = chainer.ChainerBackend()
    if not empty_chain.backends:  # on a developer's desktop the chain may find a real keyring
        assert not keyring_usable(empty_chain)


def test_in_ci_the_environment_points_at_the_fail_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    # What CI sets: a test without the fixture must take the fallback, never a real keychain.
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    backend = keyring.core.load_env()
    assert backend is not None and not keyring_usable(backend)


def test_module_never_mentions_plain_text_backends() -> None:
    source = Path(secrets_module.__file__).read_text(encoding="utf-8")
    assert "import keyrings" not in source and "from keyrings" not in source
