"""Secrets the operating system should guard: the device key's password, later the hub credentials.

They go to the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service) under the
service "sotay", keyed by the profile's device id so two profiles on one PC never share an entry.
Where no keyring exists (headless Linux, a locked-down PC) they are kept in the profile database,
which is encrypted, and the user is told once. Never a plain-text file: that is why `keyrings.alt`
is not a dependency.
"""

from __future__ import annotations

from typing import Protocol

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail
from sqlalchemy.orm import Session, sessionmaker

from db.models.profile import ProfileMeta
from desktop.i18n import QT_TRANSLATE_NOOP

SERVICE = "sotay"
SECRET_PREFIX = "secret."
NOTICE_SHOWN_KEY = "keyring.fallback_notice_shown"
FALLBACK_NOTICE = QT_TRANSLATE_NOOP(
    "Security",
    "This computer has no system keyring (a safe place for passwords) that the app can use, so the "
    "password of the key that signs your reports is kept inside this notebook, which your passphrase "
    "locks. Nothing is lost and you can work as usual. Keep your passphrase to yourself: whoever knows "
    "it can also sign reports with this notebook.",
)

# Backends can fail in their own ways (D-Bus gone, keychain locked); KeyringError covers keyring's own.
_KEYRING_FAILURES = (keyring.errors.KeyringError, RuntimeError, OSError)


class FallbackStore(Protocol):
    """Key/value storage inside the encrypted profile, used when the OS has no keyring."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...


class ProfileMetaStore:
    """The FallbackStore of a profile: rows of its ProfileMeta table (inside the SQLCipher database)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self, key: str) -> str | None:
        with self._sessions() as session:
            row = session.get(ProfileMeta, key)
            return row.value if row is not None else None

    def set(self, key: str, value: str) -> None:
        with self._sessions.begin() as session:
            session.merge(ProfileMeta(key=key, value=value))


def keyring_usable(backend: keyring.backend.KeyringBackend | None = None) -> bool:
    """False for keyring's "nothing found" answers: the fail backend or a chainer with no backends."""
    backend = backend if backend is not None else keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    return not (isinstance(backend, chainer.ChainerBackend) and not backend.backends)


class SecretStore:
    """Named secrets of one profile, in the OS keyring when there is one, else in the profile."""

    def __init__(self, device_id: str, fallback: FallbackStore) -> None:
        if not device_id:
            raise ValueError("a SecretStore needs the profile's device id")
        self._device_id = device_id
        self._fallback = fallback
        self._use_fallback: bool | None = None  # decided on first use, so tests can set the keyring first

    @property
    def uses_fallback(self) -> bool:
        if self._use_fallback is None:
            self._use_fallback = not keyring_usable()
        return self._use_fallback

    def get(self, name: str) -> str | None:
        if not self.uses_fallback:
            try:
                value = keyring.get_password(SERVICE, self._username(name))
            except _KEYRING_FAILURES:
                self._use_fallback = True
            else:
                if value is not None:
                    return value
        # Also consulted when the keyring answers "nothing": the secret may have been saved while
        # this profile lived on a PC without a keyring.
        return self._fallback.get(SECRET_PREFIX + name)

    def set(self, name: str, value: str) -> None:
        if not self.uses_fallback:
            try:
                keyring.set_password(SERVICE, self._username(name), value)
                return
            except _KEYRING_FAILURES:
                self._use_fallback = True  # a keyring that fails on use is no keyring
        self._fallback.set(SECRET_PREFIX + name, value)

    def fallback_notice(self) -> str | None:
        """The plain-words notice (English source, marked "Security"), only the first time it applies."""
        if not self.uses_fallback or self._fallback.get(NOTICE_SHOWN_KEY):
            return None
        self._fallback.set(NOTICE_SHOWN_KEY, "1")
        return FALLBACK_NOTICE

    def _username(self, name: str) -> str:
        return f"{self._device_id}/{name}"
