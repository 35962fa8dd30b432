"""Creating, protecting and unlocking a profile: the encrypted database, its users and their keyslots.

A profile folder holds ``profile.db`` (SQLCipher, keyed by a random data key) and ``keyslots.json``
(the data key wrapped once per user and once under the recovery code, see desktop.security.keystore).
Nothing opens the database without one of those secrets. A profile made before encryption existed
(a plain SQLite ``profile.db`` and no key file) is converted by `protect_plain`.

Wrong passphrases are counted per user in a state folder outside the profile (`desktop.paths.state_dir`),
so a failed attempt changes no byte of the profile; after five, each attempt waits longer.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from db.audit_head import HeadKeeper
from db.cipher import NotEncryptedError, WrongKeyError, make_encrypted_engine
from db.migrate import upgrade_to_head
from db.models.profile import ProfileMeta, User
from db.session import IDENTITY_KEY, USER_KEY
from desktop.errors import AccessError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths, state_dir
from desktop.security import keyslot, keystore
from desktop.security.keyslot import KdfParams, SlotKeys, user_key
from desktop.security.keystore import KeyStore, WrongPassphraseError
from desktop.security.recovery import format_recovery_code, generate_recovery_code
from desktop.security.throttle import RECOVERY, Throttle
from desktop.services.profile import directory
from desktop.services.profile.access import CurrentUser, Role, village_ids
from desktop.services.profile.folder import SETUP_PREFIX, move_into_place, set_aside_unfinished_setup
from desktop.services.profile.folder import (  # re-exported: callers know them as profile.*
    DamagedProfileError as DamagedProfileError,
)
from desktop.services.profile.folder import LoginThrottledError as LoginThrottledError
from desktop.services.profile.folder import ProfileState as ProfileState
from desktop.services.profile.folder import damaged_pages as _damaged_pages
from desktop.services.profile.folder import emptied as _emptied
from desktop.services.profile.folder import is_damage as is_damage
from desktop.services.profile.folder import plain_collaborator as plain_collaborator
from desktop.services.profile.folder import profile_state as profile_state
from desktop.services.profile.folder import user_names as user_names
from desktop.services.profile.handle import (
    META_COLLABORATOR,
    META_COMMUNE,
    META_DEVICE,
    META_PROFILE,
    Created,
    Profile,
)

log = logging.getLogger(__name__)

# --- creating -------------------------------------------------------------------------------------


def create_profile(
    paths: ProfilePaths,
    *,
    commune_code: str,
    collaborator: str,
    user: str,
    passphrase: str,
    kdf: KdfParams | None = None,
) -> Created:
    """A new encrypted profile for a commune, its first user (a commune officer) and a recovery code."""
    _check_new_user(user, passphrase)
    if profile_state(paths) is not ProfileState.NEW:
        raise AccessError(QT_TRANSLATE_NOOP("Security", "{home} already holds a profile."), home=paths.home)
    paths.ensure()
    set_aside_unfinished_setup(paths)
    data_key, protection_key, code = keyslot.new_data_key(), keyslot.new_data_key(), generate_recovery_code()
    # Built in a folder of its own and moved in only when complete: a set-up cut short at any point
    # leaves no key file in the profile folder, so the next start offers set-up again.
    building = ProfilePaths(Path(tempfile.mkdtemp(dir=paths.home, prefix=SETUP_PREFIX)))
    try:
        profile = _open_database(building, data_key, new=True)
        try:
            keys = SlotKeys(data_key, protection_key)
            _first_user(profile, keys, user=user, passphrase=passphrase, code=code, kdf=kdf)
            set_up(profile, commune_code=commune_code, collaborator=collaborator)
        finally:
            profile.close()
        move_into_place(building, paths)
    finally:
        shutil.rmtree(building.home, ignore_errors=True)
    profile = _open_database(paths, data_key)
    return Created(_logged_in(profile, KeyStore.load(paths.home), keys, user), format_recovery_code(code))


def protect_plain(paths: ProfilePaths, *, user: str, passphrase: str, kdf: KdfParams | None = None) -> Created:
    """Encrypt a profile made before protection existed; its first user becomes a commune officer."""
    from db.cipher import encrypt_plain_database

    _check_new_user(user, passphrase)
    if profile_state(paths) is not ProfileState.PLAIN:
        raise AccessError(QT_TRANSLATE_NOOP("Security", "{home} holds no unprotected profile."), home=paths.home)
    plain = open_plain(paths)  # brought to the newest schema first, so the users table exists
    plain.close()
    data_key, code = keyslot.new_data_key(), generate_recovery_code()
    keys = SlotKeys(data_key, keyslot.new_data_key())
    encrypted = paths.database.with_name(paths.database.name + ".protected")
    encrypt_plain_database(paths.database, encrypted, data_key)
    for suffix in ("-wal", "-shm"):  # the plain file's WAL must not be replayed into the new one
        Path(str(paths.database) + suffix).unlink(missing_ok=True)
    os.replace(encrypted, paths.database)
    profile = _open_database(paths, data_key)
    store = _first_user(profile, keys, user=user, passphrase=passphrase, code=code, kdf=kdf)
    return Created(_logged_in(profile, store, keys, user), format_recovery_code(code))


def _check_new_user(user: str, passphrase: str) -> None:
    from desktop.services.validation import name_problems, raise_if

    raise_if(name_problems("user", user) + keyslot.passphrase_problems(passphrase))


def _first_user(
    profile: Profile, keys: SlotKeys, *, user: str, passphrase: str, code: str, kdf: KdfParams | None
) -> KeyStore:
    name = keyslot.nfc(user).strip()
    with profile.sessions.begin() as session:
        session.info[USER_KEY] = name  # the first user writes their own directory row
        first = User(
            id=uuid.uuid4(), name=name, name_key=user_key(name), role=Role.OFFICER.value, protection=True, villages=[]
        )
        session.info[IDENTITY_KEY] = (name, str(first.id))
        session.add(first)
        session.flush()  # a clash with an existing row fails here, before the key file exists
        directory.mirror(session, first)
        store = keystore.create_store(
            profile.paths.home,
            keys.data_key,
            user=name,
            passphrase=passphrase,
            recovery_code=code,
            kdf=kdf or keystore.DEFAULT_KDF,
            protection_key=keys.protection_key,
        )
    return store


# --- unlocking ------------------------------------------------------------------------------------


def unlock(
    paths: ProfilePaths, user: str, passphrase: str, *, now: float | None = None, check_pages: bool = False
) -> Profile:
    """Open the profile as `user`. Wrong passphrases are throttled; nothing in the folder changes.

    `check_pages` also authenticates every page of the database (about 0.1 s per 20 MB), so damage
    anywhere is found at the door, where the app can offer a backup, not in the middle of work."""
    store = _keystore(paths)
    throttle, moment = _throttle(store), time.time() if now is None else now
    _wait_if_throttled(throttle, user, moment)
    try:
        keys = store.unlock_keys(user, passphrase)
    except WrongPassphraseError:
        throttle.record_failure(user, moment)
        raise
    throttle.record_success(user)
    profile = _open_database(paths, keys.data_key, check_pages=check_pages)
    return _logged_in(profile, store, keys, user, passphrase=passphrase)


def unlock_with_recovery(
    paths: ProfilePaths, user: str, code: str, *, now: float | None = None, check_pages: bool = False
) -> Profile:
    """Open with the recovery code, for desktop.services.profile.recovery, which decides who may."""
    store = _keystore(paths)
    if not any(user_key(name) == user_key(user) for name in store.users()):
        raise WrongPassphraseError()
    throttle, moment = _throttle(store), time.time() if now is None else now
    _wait_if_throttled(throttle, RECOVERY, moment)
    try:
        keys = store.unlock_recovery_keys(code)
    except keystore.WrongRecoveryCodeError:
        throttle.record_failure(RECOVERY, moment)
        raise
    throttle.record_success(RECOVERY)
    profile = _logged_in(_open_database(paths, keys.data_key, check_pages=check_pages), store, keys, user)
    profile.must_change_passphrase = True
    return profile


def verify_passphrase(profile: Profile, passphrase: str, *, now: float | None = None) -> None:
    """Unlocking the idle lock: the logged-in user's passphrase again, throttled like a login."""
    store = _require_store(profile)
    throttle, moment = _throttle(store), time.time() if now is None else now
    _wait_if_throttled(throttle, profile.user.name, moment)
    try:
        store.unlock_with_passphrase(profile.user.name, passphrase)
    except WrongPassphraseError:
        throttle.record_failure(profile.user.name, moment)
        raise
    throttle.record_success(profile.user.name)


def change_passphrase(profile: Profile, old: str, new: str, *, now: float | None = None) -> None:
    """Rewrap the user's slot. A wrong old passphrase counts like a wrong login (a left-open session
    must not become a way to guess)."""
    from desktop.services.validation import raise_if

    store = _require_store(profile)
    raise_if(keyslot.passphrase_problems(new, "new_passphrase"))  # a weak choice is not a failed attempt
    throttle, moment = _throttle(store), time.time() if now is None else now
    _wait_if_throttled(throttle, profile.user.name, moment)
    try:
        profile.keystore = store.change_passphrase(profile.user.name, old, new)
    except WrongPassphraseError:
        throttle.record_failure(profile.user.name, moment)
        raise
    throttle.record_success(profile.user.name)


def _require_store(profile: Profile) -> KeyStore:
    if profile.keystore is None:
        raise ValueError("profile was not unlocked through its keyslots")
    return profile.keystore


def _keystore(paths: ProfilePaths) -> KeyStore:
    if profile_state(paths) is ProfileState.NEW:
        raise AccessError(QT_TRANSLATE_NOOP("Security", "No profile found in {home}."), home=paths.home)
    return KeyStore.load(paths.home)


def _throttle(store: KeyStore) -> Throttle:
    return Throttle(state_dir() / "login" / store.key_id)


def _wait_if_throttled(throttle: Throttle, user: str, now: float) -> None:
    wait = throttle.check(user, now)
    if wait > 0:
        raise LoginThrottledError(math.ceil(wait))


def _logged_in(profile: Profile, store: KeyStore, keys: SlotKeys, user: str, *, passphrase: str = "") -> Profile:
    from desktop.services.profile import audit, protection

    row = _user_row(profile, user)
    store, keys = protection.first_key_if_due(store, keys, row.name, permitted=row.protection, passphrase=passphrase)
    # The permission is the database's word and the key's presence together: a slot without the key
    # (granted before keys existed, or its member damaged) reads no content until granted again.
    current = CurrentUser(
        id=row.id,
        name=row.name,
        role=Role(row.role),
        protection=row.protection and keys.protection_key is not None,
        villages=village_ids(row.villages),
    )
    profile.user, profile.keystore, profile.data_key = current, store, keys.data_key
    profile.protection_key = keys.protection_key  # the recovery slot's too, to carry it into the next code
    keeper = audit.start_keeping_head(profile)  # the audit chain's head, kept in the key file
    content_key = keys.protection_key if current.protection else None
    profile.sessions = _sessions(profile.engine, profile.device_id, current.name, keeper, content_key, current.id)
    if content_key is not None:
        protection.seal_legacy_content(profile)
    return profile


def _user_row(profile: Profile, name: str) -> User:
    with profile.sessions() as session:
        row = session.scalar(select(User).where(User.name_key == user_key(name), User.disabled_at.is_(None)))
    if row is None:
        raise AccessError(
            QT_TRANSLATE_NOOP("Security", "The user {user} has no account in this profile any more."), user=name
        )
    return row


# --- the database ---------------------------------------------------------------------------------


def _open_database(paths: ProfilePaths, data_key: bytes, *, check_pages: bool = False, new: bool = False) -> Profile:
    paths.ensure()
    if not new and _emptied(paths.database):
        # SQLCipher would take a missing or 0-byte file for a new database and make an empty profile
        # with a new device id in its place: the user's notebook would seem wiped, and backups unrelated.
        raise DamagedProfileError(paths.database)
    try:
        engine = make_encrypted_engine(paths.database, data_key)
    except WrongKeyError:
        # The key came out of a keyslot whose key id matched, so the key is right: the file's first
        # page no longer reads (damage, or a database from another profile put in its place).
        raise DamagedProfileError(paths.database) from None
    except NotEncryptedError:
        # A plain SQLite file beside a key file is not this profile's database: another file put in its place.
        raise DamagedProfileError(paths.database) from None
    if check_pages and _damaged_pages(engine):
        engine.dispose()
        raise DamagedProfileError(paths.database)
    return _prepared(paths, engine)


def open_plain(paths: ProfilePaths) -> Profile:
    """A profile in a plain SQLite file, as made before protection existed (created if missing).

    For `protect_plain`, and for benchmarks that compare encrypted with plain; never for users' data.
    """
    from db.session import make_engine

    paths.ensure()
    return _prepared(paths, make_engine(paths.database))


def _prepared(paths: ProfilePaths, engine: Engine) -> Profile:
    """Migrate, load reference data and read the profile's facts; a damaged file is reported as such."""
    from desktop.services import reference

    try:
        upgrade_to_head(engine)
        with _sessions(engine, "", None).begin() as session:
            reference.load_if_needed(session)
            meta = _read_meta(session)
            if META_DEVICE not in meta:
                meta[META_DEVICE] = str(uuid.uuid4())
                session.add(ProfileMeta(key=META_DEVICE, value=meta[META_DEVICE]))
            if META_PROFILE not in meta:  # at set-up, and on the first open of a profile made before
                meta[META_PROFILE] = meta[META_DEVICE]
                session.add(ProfileMeta(key=META_PROFILE, value=meta[META_PROFILE]))
    except DatabaseError as exc:
        engine.dispose()
        if is_damage(exc):
            raise DamagedProfileError(paths.database) from exc
        raise
    device = meta[META_DEVICE]
    profile = Profile(
        paths=paths,
        engine=engine,
        sessions=_sessions(engine, device, None),
        device_id=device,
        profile_id=meta[META_PROFILE],
        commune_code=meta.get(META_COMMUNE, ""),
        collaborator=meta.get(META_COLLABORATOR, ""),
    )
    if is_set_up(profile) and not paths.device_cert.exists():
        from desktop.services.profile import identity

        identity.ensure_if_possible(profile)
    return profile


def _sessions(
    engine: Engine,
    device: str,
    user: str | None,
    head_keeper: HeadKeeper | None = None,
    protection_key: bytes | None = None,
    user_id: uuid.UUID | None = None,
) -> sessionmaker[Session]:
    from db.sealed import ContentCipher
    from db.session import make_sessionmaker

    content = None if protection_key is None else ContentCipher(protection_key)
    writer = "" if user_id is None else str(user_id)
    return make_sessionmaker(
        engine, device_id=device, user=user, head_keeper=head_keeper, content=content, user_id=writer
    )


def is_set_up(profile: Profile) -> bool:
    return bool(profile.commune_code)


def set_up(profile: Profile, *, commune_code: str, collaborator: str) -> None:
    """Name the commune this profile serves and the collaborator who keeps it."""
    from desktop.services import reference
    from desktop.services.validation import name_problems, raise_if

    raise_if(name_problems("collaborator", collaborator))
    with profile.sessions.begin() as session:
        reference.require_commune(session, commune_code)
        for key, value in ((META_COMMUNE, commune_code), (META_COLLABORATOR, collaborator.strip())):
            session.merge(ProfileMeta(key=key, value=value))
    profile.commune_code = commune_code
    profile.collaborator = collaborator.strip()
    from desktop.services.profile import identity

    identity.ensure_identity(profile, identity.secret_store(profile))  # made once the commune is known


def _read_meta(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(ProfileMeta))}
