"""An in-memory OS keyring, and the fail backend, for tests that must not touch the real keyring.

CI runs with PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring, so a test that forgets these
fixtures takes the fallback path instead of writing to the developer's keychain.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import keyring.backend
import pytest
from keyring.backends import fail

from desktop.security.secrets import ProfileMetaStore, SecretStore
from desktop.services.profile.handle import Profile


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives as long as the test: a dict keyed by (service, username)."""

    priority = 1  # type: ignore[assignment]  # keyring declares it as a class property

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@contextmanager
def _use_backend(backend: keyring.backend.KeyringBackend) -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    with _use_backend(backend):
        yield backend


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """What a headless Linux has: keyring's fail backend."""
    with _use_backend(fail.Keyring()):
        yield


@pytest.fixture
def secrets(profile: Profile) -> SecretStore:
    return SecretStore(profile.device_id, ProfileMetaStore(profile.sessions))
