"""Encrypted backups of a profile: one file holding the database, its key file and the device identity.

The file (format version 1; integers big-endian):

    "SOTAYBAK" | version (2 bytes) | manifest length (4 bytes) | manifest (UTF-8 JSON)
    | the members, one after another, in the manifest's order
    | SHA-256 of every byte before it (32 bytes)
    | HMAC-SHA256 of every byte before it, that SHA-256 included (32 bytes)

The manifest says what the backup is (commune, collaborator, device, when it was made, the newest change
in the profile, the schema revision, the key id, automatic or on demand) and lists the members by name,
size and SHA-256. The database member is an online copy of the SQLCipher database, still encrypted with
the profile's data key; ``keyslots.json`` is the key file as it was then, so a backup opens with the
passphrases and recovery code that were valid when it was made. Without one of those nothing in it can
be read but the manifest and the users' names (which the login screen shows anyway).

The plain SHA-256 lets anyone find accidental damage without a key (listing, the start-up offer of the
newest good backup). The HMAC, keyed through HKDF by the data key, proves that every byte is what this
profile wrote: restoring unlocks the data key from the backup's own key file, checks the HMAC over the
whole file, and only then writes anything. The profile it replaces is moved aside, never deleted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import sqlite3
import struct
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.exc import DatabaseError

from db import cipher
from db.migrate import current_revision, known_revisions
from db.models.profile import AuditEvent
from db.models.synced import SYNCED_MODELS
from desktop import __version__
from desktop.errors import AccessError, SotayError
from desktop.fileio import atomic_stream
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import DEVICE_CERT_FILE, DEVICE_KEY_FILE, ProfilePaths
from desktop.security.device import CA_FILE
from desktop.security.keyslots import (
    KeyStore,
    KeyStoreError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
    key_id,
    user_key,
)
from desktop.services.profile.handle import Profile
from desktop.services.profile.opening import DamagedProfileError, is_damage

EXTENSION = ".sotaybak"
MAGIC = b"SOTAYBAK"
FORMAT = "sotay-backup"
FORMAT_VERSION = 1
_HEADER = struct.Struct(">8sHI")  # magic, format version, manifest length
DIGEST_BYTES = 32
MANIFEST_MAX = 1 << 20  # a forged length must not make listing read a whole file into memory
CHUNK = 1 << 20
HMAC_INFO = b"sotay backup hmac v1"

AUTO_EVERY = timedelta(hours=24)
AUTO_KEEP = 7
AUTO_SUFFIX = "-auto"
STALE_WORK = timedelta(days=1)  # a work folder left by a crash; newer ones may belong to a running backup

DATABASE, KEYSLOTS = "profile.db", "keyslots.json"
OPTIONAL_MEMBERS = (DEVICE_CERT_FILE, DEVICE_KEY_FILE, CA_FILE)
MEMBERS = (DATABASE, KEYSLOTS, *OPTIONAL_MEMBERS)
# What a restore moves aside: the members and the database's own side files, never logs or backups.
PROFILE_FILES = (*MEMBERS, "profile.db-wal", "profile.db-shm", "profile.db-journal")


class Kind(StrEnum):
    MANUAL = "manual"  # `sotay backup create`, a USB stick
    AUTO = "auto"  # made by the app on exit, at most daily; only these are pruned


# --- errors ---------------------------------------------------------------------------------------


class BackupDamagedError(SotayError):
    exit_code = 3

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Backup",
                "The backup {file} is damaged or was changed after it was made, or it is not a backup of "
                "Sổ tay CTV. Nothing was restored.",
            ),
            file=path,
        )


class BackupVersionError(SotayError):
    exit_code = 3

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Backup",
                "The backup {file} was made by a newer version of Sổ tay CTV. Update the app to restore it; "
                "nothing was restored.",
            ),
            file=path,
        )


class NewerProfileError(SotayError):
    """The profile in the folder has changes the backup does not have: replacing it needs a confirmation."""

    exit_code = 3

    def __init__(self, home: Path, current: datetime, backup: datetime | None) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Backup",
                "The profile in {home} was changed on {current}, after this backup was made ({backup}). "
                "Nothing was restored.",
            ),
            home=home,
            current=_local_text(current),
            backup=_local_text(backup),
        )
        self.home = home


class OtherProfileError(SotayError):
    """The folder holds a profile these credentials do not open: we cannot tell whether it is newer."""

    exit_code = 3

    def __init__(self, home: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Backup",
                "{home} holds another profile, which this passphrase does not open, so it cannot be compared "
                "with the backup. Nothing was restored.",
            ),
            home=home,
        )
        self.home = home


class BackupFolderError(AccessError):
    """The folder for a backup is missing or cannot be written (a USB stick that was removed)."""


# --- what callers get -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    size: int
    created_at: datetime  # UTC; the file's own time when its manifest cannot be read
    commune_code: str
    collaborator: str
    automatic: bool
    newest_change: datetime | None
    # The header reads and, when `checked`, the SHA-256 matches. Only restoring checks the HMAC.
    ok: bool
    checked: bool


@dataclass(frozen=True, slots=True)
class RestoreResult:
    home: Path
    user: str  # the user whose passphrase (or whose recovery) opened the backup, as the backup names them
    created_at: datetime
    # Opened with the recovery code: unlock with it again and `profile.set_new_passphrase` before use.
    must_change_passphrase: bool
    replaced: Path | None  # where the profile that was in the folder was moved; None for an empty folder


# --- the format -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Member:
    name: str
    offset: int
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class _Layout:
    kind: Kind
    created_at: datetime
    commune_code: str
    collaborator: str
    device_id: str
    newest_change: datetime | None
    schema_revision: str | None
    key_id: str
    members: tuple[_Member, ...]
    body_end: int  # where the SHA-256 starts; the HMAC follows it and ends the file

    def member(self, name: str) -> _Member:
        return next(m for m in self.members if m.name == name)


class _Unreadable(Exception):
    """Not a backup, or damaged where it says what it holds."""


class _NewerFormat(Exception):
    """A backup written by a newer version of the app (a format version this one does not know)."""


def _hmac_key(data_key: bytes) -> bytes:
    # A key of its own, so the MAC can never be confused with anything else the data key protects.
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=HMAC_INFO).derive(data_key)


def _read_layout(stream: IO[bytes], size: int) -> _Layout:
    head = stream.read(_HEADER.size)
    if len(head) != _HEADER.size:
        raise _Unreadable("too short")
    magic, version, length = _HEADER.unpack(head)
    if magic != MAGIC:
        raise _Unreadable("not a backup")
    if version > FORMAT_VERSION:
        raise _NewerFormat(version)
    if version != FORMAT_VERSION or length > MANIFEST_MAX:
        raise _Unreadable("header")
    raw = stream.read(length)
    if len(raw) != length:
        raise _Unreadable("too short")
    try:
        doc = json.loads(raw.decode("utf-8"))
        layout = _parse_manifest(doc, _HEADER.size + length)
    except (UnicodeDecodeError, ValueError, TypeError, KeyError) as exc:
        raise _Unreadable(f"manifest: {exc}") from None
    if layout.body_end + 2 * DIGEST_BYTES != size:
        raise _Unreadable("size")
    return layout


def _parse_manifest(doc: Any, offset: int) -> _Layout:
    if not isinstance(doc, dict) or doc["format"] != FORMAT:
        raise ValueError("format")
    members: list[_Member] = []
    for item in doc["members"]:
        name, size, digest = item["name"], item["size"], item["sha256"]
        # Names come from a fixed list: a restore must never write anywhere a file tells it to.
        if name not in MEMBERS or any(m.name == name for m in members):
            raise ValueError(f"member {name!r}")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ValueError("size")
        if not isinstance(digest, str) or len(digest) != 64 or digest.strip("0123456789abcdef"):
            raise ValueError("sha256")
        members.append(_Member(name, offset, size, digest))
        offset += size
    if {DATABASE, KEYSLOTS} - {m.name for m in members}:
        raise ValueError("members")
    newest = doc["newest_change"]
    revision = doc["schema_revision"]
    return _Layout(
        kind=Kind(doc["kind"]),
        created_at=_utc(doc["created_at"]),
        commune_code=_str(doc["commune_code"]),
        collaborator=_str(doc["collaborator"]),
        device_id=_str(doc["device_id"]),
        newest_change=None if newest is None else _utc(newest),
        schema_revision=None if revision is None else _str(revision),
        key_id=_str(doc["key_id"]),
        members=tuple(members),
        body_end=offset,
    )


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _utc(value: Any) -> datetime:
    moment = datetime.fromisoformat(_str(value))
    if moment.tzinfo is None:
        raise ValueError("time without a zone")
    return moment.astimezone(UTC)


def _manifest(
    profile: Profile,
    kind: Kind,
    now: datetime,
    facts: tuple[datetime | None, str | None],
    members: list[tuple[str, int, str]],
) -> bytes:
    newest, revision = facts
    doc = {
        "format": FORMAT,
        "kind": kind.value,
        "created_at": now.astimezone(UTC).isoformat(),
        "app_version": __version__,
        "device_id": profile.device_id,
        "commune_code": profile.commune_code,
        "collaborator": profile.collaborator,
        "schema_revision": revision,
        "newest_change": None if newest is None else newest.isoformat(),
        "key_id": key_id(profile.data_key),
        "members": [{"name": name, "size": size, "sha256": digest} for name, size, digest in members],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def _hash_range(path: Path, end: int, *hashers: Any) -> None:
    """Feed bytes [0, end) of the file to every hasher, a chunk at a time (backups can be large)."""
    with path.open("rb") as stream:
        left = end
        while left > 0:
            chunk = stream.read(min(CHUNK, left))
            if not chunk:
                raise _Unreadable("too short")
            for hasher in hashers:
                hasher.update(chunk)
            left -= len(chunk)


def _trailer(path: Path, layout: _Layout) -> tuple[bytes, bytes]:
    with path.open("rb") as stream:
        stream.seek(layout.body_end)
        tail = stream.read(2 * DIGEST_BYTES)
    return tail[:DIGEST_BYTES], tail[DIGEST_BYTES:]


def _checksum_ok(path: Path, layout: _Layout) -> bool:
    digest = hashlib.sha256()
    _hash_range(path, layout.body_end, digest)
    return hmac.compare_digest(digest.digest(), _trailer(path, layout)[0])


def _authentic(path: Path, layout: _Layout, data_key: bytes) -> bool:
    mac = hmac.new(_hmac_key(data_key), digestmod=hashlib.sha256)
    _hash_range(path, layout.body_end + DIGEST_BYTES, mac)
    return hmac.compare_digest(mac.digest(), _trailer(path, layout)[1])


# --- making backups -------------------------------------------------------------------------------


def create_backup(profile: Profile, folder: Path, *, now: datetime | None = None) -> Path:
    """An encrypted backup of the open profile in `folder` (which must exist), made while the app runs."""
    return _write_backup(profile, Path(folder), Kind.MANUAL, now or datetime.now(UTC))


def auto_backup(profile: Profile, *, now: datetime | None = None) -> Path | None:
    """The app's automatic backup (on exit): one a day at most, the newest AUTO_KEEP kept.

    None when the newest automatic backup is less than AUTO_EVERY old. One dated in the future (a clock
    that was wrong) does not count, or a wrong clock could stop backups for good.
    """
    moment = now or datetime.now(UTC)
    folder = profile.paths.backups
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise _folder_error(folder) from None
    autos = [b for b in list_backups(folder, verify=False) if b.automatic]
    if any(timedelta(0) <= moment - b.created_at < AUTO_EVERY for b in autos):
        return None
    made = _write_backup(profile, folder, Kind.AUTO, moment)
    _prune(folder)
    return made


def _prune(folder: Path) -> None:
    autos = [b for b in list_backups(folder, verify=False) if b.automatic]  # newest first
    for old in autos[AUTO_KEEP:]:
        old.path.unlink(missing_ok=True)


def _write_backup(profile: Profile, folder: Path, kind: Kind, now: datetime) -> Path:
    if not profile.data_key:
        raise ValueError("the profile was not unlocked through its key file")
    _require_writable(folder)
    _remove_stale_work(profile.paths.home)
    # The copy is made beside the profile (same disk, no second copy on a slow stick) and removed after.
    work = Path(tempfile.mkdtemp(prefix=".backup-", dir=profile.paths.home))
    try:
        copy = work / DATABASE
        try:
            cipher.copy_encrypted_database(profile.paths.database, copy, profile.data_key)
        except cipher.CipherError:
            raise DamagedProfileError(profile.paths.database) from None
        facts = _facts_of_copy(copy, profile.data_key)  # before hashing: opening it must not change it after
        sources = _member_sources(profile.paths, copy)
        listed = [(name, *_size_and_digest(source)) for name, source in sources]
        manifest = _manifest(profile, kind, now, facts, listed)
        target = _free_name(folder, _file_stem(profile.commune_code, kind, now))
        try:
            with atomic_stream(target, private=True) as out:
                _write_file(out, manifest, sources, _hmac_key(profile.data_key))
        except OSError:
            raise _folder_error(folder) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _member_sources(paths: ProfilePaths, database_copy: Path) -> list[tuple[str, Path | bytes]]:
    # The small files are read now, so a change while the backup is written cannot tear them.
    sources: list[tuple[str, Path | bytes]] = [(DATABASE, database_copy), (KEYSLOTS, paths.keyslots.read_bytes())]
    for name in OPTIONAL_MEMBERS:
        path = paths.home / name
        if path.is_file():
            sources.append((name, path.read_bytes()))
    return sources


def _size_and_digest(source: Path | bytes) -> tuple[int, str]:
    if isinstance(source, bytes):
        return len(source), hashlib.sha256(source).hexdigest()
    digest = hashlib.sha256()
    _hash_range(source, source.stat().st_size, digest)
    return source.stat().st_size, digest.hexdigest()


def _write_file(out: BinaryIO, manifest: bytes, sources: list[tuple[str, Path | bytes]], mac_key: bytes) -> None:
    digest, mac = hashlib.sha256(), hmac.new(mac_key, digestmod=hashlib.sha256)

    def put(data: bytes) -> None:
        out.write(data)
        digest.update(data)
        mac.update(data)

    put(_HEADER.pack(MAGIC, FORMAT_VERSION, len(manifest)))
    put(manifest)
    for _name, source in sources:
        if isinstance(source, bytes):
            put(source)
            continue
        with source.open("rb") as stream:
            while chunk := stream.read(CHUNK):
                put(chunk)
    checksum = digest.digest()
    out.write(checksum)
    mac.update(checksum)
    out.write(mac.digest())


def _file_stem(commune_code: str, kind: Kind, now: datetime) -> str:
    # Local time in the name: it is what the collaborator reads on the stick; the manifest keeps UTC.
    commune = "".join(ch for ch in commune_code if ch.isalnum()) or "profile"
    return f"sotay-{commune}-{now.astimezone():%Y%m%d-%H%M%S}{AUTO_SUFFIX if kind is Kind.AUTO else ''}"


def _free_name(folder: Path, stem: str) -> Path:
    target, number = folder / f"{stem}{EXTENSION}", 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{number}{EXTENSION}"
    return target


def _require_writable(folder: Path) -> None:
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise _folder_error(folder)


def _folder_error(folder: Path) -> BackupFolderError:
    if not folder.is_dir():
        return BackupFolderError(
            QT_TRANSLATE_NOOP("Backup", "The folder {folder} does not exist. Is the USB stick plugged in?"),
            folder=folder,
        )
    return BackupFolderError(
        QT_TRANSLATE_NOOP("Backup", "Cannot write a backup to {folder}: it is read-only or full. No backup was made."),
        folder=folder,
    )


def _remove_stale_work(home: Path) -> None:
    """Work folders a crash left behind (encrypted, but as big as the database)."""
    cutoff = time.time() - STALE_WORK.total_seconds()
    for folder in [*home.glob(".backup-*"), *home.glob(".restore-*")]:
        try:
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def _facts_of_copy(copy: Path, data_key: bytes) -> tuple[datetime | None, str | None]:
    """The newest change and schema revision, read from the copy: they describe exactly that snapshot.

    Not from the profile's own engine: its pool hands this thread the app's connection, and returning
    it would roll back a transaction the app has open.
    """
    engine = cipher.make_encrypted_engine(copy, data_key)
    try:
        return _newest_change(engine), current_revision(engine)
    finally:
        engine.dispose()


def _newest_change(engine: Engine) -> datetime | None:
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


# --- listing --------------------------------------------------------------------------------------


def list_backups(folder: Path, *, verify: bool = True) -> list[BackupInfo]:
    """The backups in a folder, newest first. `verify` checks each one's SHA-256 (reads every byte)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = [_info(path, verify) for path in folder.glob(f"*{EXTENSION}") if path.is_file()]
    return sorted(found, key=lambda info: (info.created_at, info.path.name), reverse=True)


def newest_good_backup(paths: ProfilePaths) -> BackupInfo | None:
    """For a profile whose database is damaged: the newest of its backups whose checksum holds.

    Only the checksum is checked here (no key yet); restoring checks the HMAC before writing anything.
    """
    for info in list_backups(paths.backups, verify=False):
        if info.ok:
            checked = _info(info.path, verify=True)
            if checked.ok:
                return checked
    return None


def _info(path: Path, verify: bool) -> BackupInfo:
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            layout = _read_layout(stream, size)
        ok = _checksum_ok(path, layout) if verify else True
    except (OSError, _Unreadable, _NewerFormat):
        return _unreadable_info(path, verify)
    return BackupInfo(
        path=path,
        size=size,
        created_at=layout.created_at,
        commune_code=layout.commune_code,
        collaborator=layout.collaborator,
        automatic=layout.kind is Kind.AUTO,
        newest_change=layout.newest_change,
        ok=ok,
        checked=verify,
    )


def _unreadable_info(path: Path, verify: bool) -> BackupInfo:
    try:
        stat = path.stat()
        size, moment = stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC)
    except OSError:
        size, moment = 0, datetime.fromtimestamp(0, UTC)
    return BackupInfo(
        path=path,
        size=size,
        created_at=moment,
        commune_code="",
        collaborator="",
        automatic=path.stem.endswith(AUTO_SUFFIX),
        newest_change=None,
        ok=False,
        checked=verify,
    )


# --- restoring ------------------------------------------------------------------------------------


def restore_backup(
    file: Path,
    paths: ProfilePaths,
    *,
    user: str | None = None,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    replace_newer: bool = False,
) -> RestoreResult:
    """Put the profile in the backup into `paths.home`, opened by a user's passphrase or the recovery code.

    Refused before anything is written when: the file is damaged or changed (any byte), the secret does
    not open it (the same errors as logging in), or the folder holds a profile with newer changes
    (`NewerProfileError`) or one these credentials do not open (`OtherProfileError`) and `replace_newer`
    is not set. A profile already in the folder is moved to ``replaced-<time>/`` inside it.
    """
    if (passphrase is None) == (recovery_code is None):
        raise ValueError("give either a passphrase or a recovery code")
    file = Path(file)
    layout = _checked_layout(file)
    store = _backup_store(file, layout, paths.home)
    name = _backup_user(store, user)
    # Not throttled like a login: whoever holds the file can try passphrases offline anyway;
    # the Argon2id cost of each slot is what protects a backup.
    if recovery_code is not None:
        data_key = store.unlock_with_recovery(recovery_code)
    else:
        data_key = store.unlock_with_passphrase(name, passphrase or "")
    if store.key_id != layout.key_id or not _authentic(file, layout, data_key):
        raise BackupDamagedError(file)
    if not replace_newer:
        _refuse_to_lose_changes(paths, layout, data_key, name, passphrase, recovery_code)
    replaced = _install(file, layout, paths)
    return RestoreResult(
        home=paths.home,
        user=name,
        created_at=layout.created_at,
        must_change_passphrase=recovery_code is not None,
        replaced=replaced,
    )


def backup_users(file: Path) -> list[str]:
    """The users who can open a backup with their passphrase (readable without a key, like the login list)."""
    file = Path(file)
    layout = _checked_layout(file, checksum=False)
    return _backup_store(file, layout, file.parent).users()


def _checked_layout(file: Path, *, checksum: bool = True) -> _Layout:
    try:
        size = file.stat().st_size
        with file.open("rb") as stream:
            layout = _read_layout(stream, size)
        if checksum and not _checksum_ok(file, layout):
            raise _Unreadable("checksum")
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise AccessError(QT_TRANSLATE_NOOP("Backup", "Cannot read the file {file}."), file=file) from None
    except _NewerFormat:
        raise BackupVersionError(file) from None
    except (_Unreadable, OSError):
        raise BackupDamagedError(file) from None
    if layout.schema_revision is not None and layout.schema_revision not in known_revisions():
        raise BackupVersionError(file)
    return layout


def _backup_store(file: Path, layout: _Layout, folder: Path) -> KeyStore:
    member = layout.member(KEYSLOTS)
    with file.open("rb") as stream:
        stream.seek(member.offset)
        raw = stream.read(member.size)
    # Checked before unlocking, so a damaged key file is reported as damage, not as a wrong passphrase.
    if hashlib.sha256(raw).hexdigest() != member.sha256:
        raise BackupDamagedError(file)
    try:
        return KeyStore.parse(folder, raw)
    except KeyStoreError:
        raise BackupDamagedError(file) from None


def _backup_user(store: KeyStore, user: str | None) -> str:
    users = store.users()
    if user:
        found = next((name for name in users if user_key(name) == user_key(user)), None)
        if found is None:
            raise WrongPassphraseError()  # as at login: no hint whether the name or the passphrase was wrong
        return found
    if len(users) == 1:
        return users[0]
    raise AccessError(
        QT_TRANSLATE_NOOP("Backup", "This backup has several users ({users}); say which one you are."),
        users=", ".join(users),
    )


def _refuse_to_lose_changes(
    paths: ProfilePaths,
    layout: _Layout,
    data_key: bytes,
    user: str,
    passphrase: str | None,
    recovery_code: str | None,
) -> None:
    """Refuse when the folder's profile has changes newer than the backup, or cannot be compared."""
    if not paths.database.is_file():
        return  # an empty folder, or a key file without its database: nothing there can be lost
    if cipher.is_plain_sqlite(paths.database):
        current = _newest_if_readable(lambda: _plain_engine(paths.database))
    else:
        key = _current_key(paths, layout, data_key, user, passphrase, recovery_code)
        if key is None:  # its key file is missing or damaged: nothing can open the database
            return
        current = _newest_if_readable(lambda: cipher.make_encrypted_engine(paths.database, key))
    # A damaged database, or one without changes, has nothing to lose.
    if current is not None and (layout.newest_change is None or current > layout.newest_change):
        raise NewerProfileError(paths.home, current, layout.newest_change)


def _newest_if_readable(make: Callable[[], Engine]) -> datetime | None:
    """The newest change in a database; None when it has none or its pages cannot be read."""
    try:
        engine = make()
    except cipher.WrongKeyError:  # the key is the right one (its key id matched): the file is damaged
        return None
    except DatabaseError as exc:
        if is_damage(exc):
            return None
        raise
    try:
        return _newest_change(engine)
    except DatabaseError as exc:
        if is_damage(exc):
            return None
        raise
    finally:
        engine.dispose()


def _plain_engine(path: Path) -> Engine:
    # Read-only, so looking at a plain profile cannot change it (no WAL switch, no journal).
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(f"file:{path}?mode=ro", uri=True))


def _current_key(
    paths: ProfilePaths,
    layout: _Layout,
    data_key: bytes,
    user: str,
    passphrase: str | None,
    recovery_code: str | None,
) -> bytes | None:
    """The data key of the profile in the folder: the backup's when it is the same profile, else the one
    the same credentials open. None when its key file is unusable; `OtherProfileError` when it is fine
    but closed to these credentials."""
    try:
        current = KeyStore.load(paths.home)
    except KeyStoreError:
        return None
    if hmac.compare_digest(current.key_id, layout.key_id):
        return data_key
    try:
        if recovery_code is not None:
            return current.unlock_with_recovery(recovery_code)
        return current.unlock_with_passphrase(user, passphrase or "")
    except (WrongPassphraseError, WrongRecoveryCodeError):
        raise OtherProfileError(paths.home) from None


def _present_files(paths: ProfilePaths) -> list[Path]:
    return [paths.home / name for name in PROFILE_FILES if (paths.home / name).exists()]


def _install(file: Path, layout: _Layout, paths: ProfilePaths) -> Path | None:
    """Write the members beside the profile, move the old files aside, then move the new ones in."""
    paths.home.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=paths.home))
    try:
        try:
            for member in layout.members:
                _extract(file, member, staging / member.name)
        except _Unreadable:
            raise BackupDamagedError(file) from None
        replaced = _move_aside(paths)
        for member in layout.members:
            os.replace(staging / member.name, paths.home / member.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    paths.ensure()
    return replaced


def _extract(file: Path, member: _Member, target: Path) -> None:
    # The member's SHA-256 is in the manifest the HMAC covered: this catches a file changed since then.
    digest = hashlib.sha256()
    # Owner-only like the key files it holds; created with that mode, so no byte is ever more readable.
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with file.open("rb") as stream, os.fdopen(descriptor, "wb") as out:
        stream.seek(member.offset)
        for chunk in _chunks(stream, member.size):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != member.sha256:
        raise BackupDamagedError(file)


def _chunks(stream: IO[bytes], size: int) -> Iterator[bytes]:
    left = size
    while left > 0:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            raise _Unreadable("too short")
        left -= len(chunk)
        yield chunk


def _move_aside(paths: ProfilePaths) -> Path | None:
    present = _present_files(paths)
    if not present:
        return None
    aside = _free_folder(paths.home, f"replaced-{datetime.now():%Y%m%d-%H%M%S}")
    for path in present:
        os.replace(path, aside / path.name)
    return aside


def _free_folder(parent: Path, stem: str) -> Path:
    number = 1
    while True:
        folder = parent / (stem if number == 1 else f"{stem}-{number}")
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            number += 1


def _local_text(moment: datetime | None) -> str:
    return "?" if moment is None else f"{moment.astimezone():%Y-%m-%d %H:%M}"
