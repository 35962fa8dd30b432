"""What a backup file is: a sealed file (desktop.security.sealed) holding a profile, and what its manifest says.

The members are an online copy of the SQLCipher database, still encrypted with the profile's data key;
``keyslots.json``, the key file as it was then, so a backup opens with the passphrases and recovery code
that were valid when it was made; and the device identity when there is one. Without one of those
secrets nothing in it can be read but the manifest and the users' names (which the login screen shows
anyway). The HMAC is keyed by the data key.

The manifest says what the backup is: the profile's id, commune, collaborator, device, when it was
made, the newest change in the profile, the schema revision, the key id, automatic or on demand. A
backup made before profile ids existed has no ``profile_id``: its ``device_id`` is that profile's id
(desktop.services.profile.handle.META_PROFILE says why). Readers of version 1 ignore fields they do
not know, so the id needed no new format version.

The manifest also records the copy's sync state, so that what a restore undoes can be told (the
restore itself marks the profile: desktop.services.profile.restore_sync). Its object ``sync`` holds
``clock``, the profile's newest clock (profile_meta ``hlc``, "" for none), ``pending``, the rows changed
on this device that the upper level had not acknowledged (usn = -1 over the synced tables), and
``highest_usn``, the highest usn over the synced tables (null when they hold no row); the device they
belong to is the manifest's ``device_id``. A backup made before has no ``sync``: its state is unknown
(`Layout.sync` is None), and it restores as any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, text

from db.models.profile import AuditEvent
from db.models.synced import SYNCED_MODELS
from desktop import __version__
from desktop.paths import DEVICE_CERT_FILE, DEVICE_KEY_FILE
from desktop.security.device import CA_FILE
from desktop.security.keyslot import key_id
from desktop.security.sealed import SealedFile, SealedFormat, UnreadableError, open_sealed
from desktop.services.profile.handle import Profile
from desktop.services.profile.restore_sync import MANIFEST_KEY, SyncState

EXTENSION = ".sotaybak"
DATABASE, KEYSLOTS = "profile.db", "keyslots.json"
OPTIONAL_MEMBERS = (DEVICE_CERT_FILE, DEVICE_KEY_FILE, CA_FILE)
MEMBERS = (DATABASE, KEYSLOTS, *OPTIONAL_MEMBERS)

BACKUP = SealedFormat(
    magic=b"SOTAYBAK",
    name="sotay-backup",
    version=1,
    mac_info=b"sotay backup hmac v1",
    members=MEMBERS,
    required=(DATABASE, KEYSLOTS),
)


class Kind(StrEnum):
    MANUAL = "manual"  # `sotay backup create`, a USB stick
    AUTO = "auto"  # made by the app on exit, at most daily; only these are pruned


@dataclass(frozen=True, slots=True)
class ProfileFacts:
    """Which profile a backup or a folder holds: its id ("" when it cannot be known), commune, collaborator."""

    profile_id: str
    commune_code: str
    collaborator: str

    def same_profile(self, other: ProfileFacts) -> bool:
        return bool(self.profile_id) and self.profile_id == other.profile_id


UNKNOWN = ProfileFacts("", "", "")


def short_id(profile_id: str) -> str:
    """The first 8 characters of a profile id, as people compare them ("?" when unknown)."""
    return profile_id[:8] or "?"


@dataclass(frozen=True, slots=True)
class Layout:
    """A backup whose manifest reads: what it says about itself, and where its members are."""

    kind: Kind
    created_at: datetime
    commune_code: str
    collaborator: str
    device_id: str
    profile_id: str  # "" when the manifest names none (then it is of an unknown profile)
    newest_change: datetime | None
    schema_revision: str | None
    key_id: str
    sealed: SealedFile
    sync: SyncState | None = None  # None: made before backups recorded it

    @property
    def facts(self) -> ProfileFacts:
        return ProfileFacts(self.profile_id, self.commune_code, self.collaborator)


def manifest_facts(
    profile: Profile, kind: Kind, now: datetime, newest: datetime | None, revision: str | None, sync: SyncState
) -> dict[str, object]:
    """What the manifest says about a backup of `profile`, in the order it is written."""
    return {
        "kind": kind.value,
        "created_at": now.astimezone(UTC).isoformat(),
        "app_version": __version__,
        "profile_id": profile.profile_id,
        "device_id": profile.device_id,
        "commune_code": profile.commune_code,
        "collaborator": profile.collaborator,
        "schema_revision": revision,
        "newest_change": None if newest is None else newest.isoformat(),
        "key_id": key_id(profile.data_key),
        MANIFEST_KEY: sync.manifest(),
    }


def read_layout(path: Path) -> Layout:
    """The backup's header and manifest. `UnreadableError`, `NewerFormatError`, or `OSError` as files raise."""
    sealed = open_sealed(path, BACKUP)
    doc = sealed.manifest
    try:
        newest, revision = doc["newest_change"], doc["schema_revision"]
        return Layout(
            kind=Kind(doc["kind"]),
            created_at=_utc(doc["created_at"]),
            commune_code=_str(doc["commune_code"]),
            collaborator=_str(doc["collaborator"]),
            device_id=_str(doc["device_id"]),
            profile_id=_str(doc.get("profile_id", doc["device_id"])),
            newest_change=None if newest is None else _utc(newest),
            schema_revision=None if revision is None else _str(revision),
            key_id=_str(doc["key_id"]),
            sealed=sealed,
            sync=SyncState.from_manifest(doc),
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise UnreadableError(f"manifest: {exc}") from None


def newest_change(engine: Engine) -> datetime | None:
    """When the profile last changed: its newest audit event or the newest row stamp, whichever is later."""
    with engine.connect() as conn:
        tables = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
        stamps: list[datetime | None] = []
        if AuditEvent.__tablename__ in tables:  # the chain's order is its id; `at` has no index
            stamps.append(conn.scalar(select(AuditEvent.at).order_by(AuditEvent.id.desc()).limit(1)))
        for model in SYNCED_MODELS:
            if model.__table__.name in tables:  # type: ignore[attr-defined]  # the mixin declares no table
                stamps.append(conn.scalar(select(func.max(model.updated_at))))  # an indexed column
    found = [stamp for stamp in stamps if stamp is not None]
    return max(found) if found else None


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _utc(value: Any) -> datetime:
    moment = datetime.fromisoformat(_str(value))
    if moment.tzinfo is None:
        raise ValueError("time without a zone")
    return moment.astimezone(UTC)
