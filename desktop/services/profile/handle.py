"""The handle of an open profile that every service is given: its engine, its sessions, who is logged in.

Kept apart from `opening` (which creates and unlocks profiles) so that a service needs only this small
module, and the device identity can read a profile without importing the code that opens one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop.paths import ProfilePaths
from desktop.services.profile.access import SYSTEM, CurrentUser

if TYPE_CHECKING:
    from desktop.security.keystore import KeyStore

META_DEVICE = "device_id"
# What a profile is, for as long as it lives: set once, the first time this version opens it, to the
# device id it had then (born with the database and, until profile ids existed, never changed, so the
# backups made before name the same value as their device id). Unlike the device id, which sync may one
# day reissue, it never changes; a backup records it, and restoring checks it (services.profile.restoring).
META_PROFILE = "profile_id"
META_COMMUNE = "commune_code"
META_COLLABORATOR = "collaborator"


@dataclass(slots=True)
class Profile:
    """An open profile: the engine, sessions stamped with this device and user, and its facts."""

    paths: ProfilePaths
    engine: Engine
    sessions: sessionmaker[Session]
    device_id: str
    commune_code: str
    collaborator: str
    profile_id: str = ""
    user: CurrentUser = SYSTEM
    keystore: KeyStore | None = None
    data_key: bytes = field(default=b"", repr=False)
    # Seals and opens case content (db/sealed.py); only for a user whose key slot carries it.
    protection_key: bytes | None = field(default=None, repr=False)
    # Unlocked with the recovery code: the user must choose a new passphrase before anything else.
    must_change_passphrase: bool = False

    def today(self) -> date:
        return date.today()

    def close(self) -> None:
        self.engine.dispose()


@dataclass(frozen=True, slots=True)
class Created:
    profile: Profile
    recovery_code: str  # shown once, to be written down or printed; never stored in clear
