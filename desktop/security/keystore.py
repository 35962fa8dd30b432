"""The key file of a profile, ``keyslots.json``: its key slots, one per user and one for recovery.

Each slot wraps the same random data key (desktop.security.keyslot). The slots of users holding the
protection permission, and the recovery slot, also wrap the protection key, which seals the content of
support cases (db/sealed.py). Changing a passphrase rewraps one slot; the database is never re-encrypted.
The file also holds ``key_id`` and ``protection_key_id``, HMACs of the two keys, so a caller adding a slot
cannot wrap a wrong key by mistake, and ``audit_head``, the audit chain's newest event
(desktop.security.audit_head), which a slot change keeps as it finds it on disk. The document itself is
desktop.security.key_document.

A missing, damaged or foreign file raises `KeyStoreError`; `create_store` refuses to overwrite an
existing file.
"""

from __future__ import annotations

import hmac
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.errors import FieldProblem, SotayError, ValidationError
from desktop.fileio import write_json_atomically
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.security import key_file
from desktop.security.key_document import FILENAME as FILENAME
from desktop.security.key_document import KeyStoreError as KeyStoreError
from desktop.security.key_document import document, parse_document, read_key_file
from desktop.security.keyslot import (
    KEY_BYTES,
    KdfParams,
    KeySlot,
    SlotKeys,
    key_id,
    nfc,
    passphrase_problems,
    protection_key_id,
    unwrap_keys,
    user_key,
    wrap,
)
from desktop.security.recovery import parse_recovery_code

# --- errors ---------------------------------------------------------------------------------------


class WrongPassphraseError(SotayError):
    """The passphrase does not open this user's slot (or there is no such user)."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Security", "Wrong user name or passphrase."))


class WrongRecoveryCodeError(SotayError):
    """A well-formed recovery code that is not this profile's."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Security", "This recovery code does not belong to this profile."))


# --- the cost of new slots ------------------------------------------------------------------------


# Measured on the 2-core development machine (per derivation, idle / while other jobs ran):
#   t=3, 64 MiB: 0.28 s / 0.5 s    t=3, 128 MiB: 0.55 s / 0.93 s    t=3, 256 MiB: 1.1 s
# 128 MiB came too close to the 1 s unlock budget on a busy machine, and commune laptops are often
# slower than this one, so the default is RFC 9106's second recommended option (t=3, 64 MiB) with
# both cores. tests/security/test_keyslots.py prints the measured unlock time.
DEFAULT_KDF = KdfParams(time_cost=3, memory_kib=64 * 1024, parallelism=2)


# --- the store ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyStore:
    """The keyslots of one profile folder. Changes write the file and return the new store."""

    folder: Path
    key_id: str
    slots: tuple[KeySlot, ...]
    kdf: KdfParams = DEFAULT_KDF  # for new slots; existing slots keep their own
    protection_key_id: str | None = None  # None until a protection key exists (profiles made before it)

    @property
    def path(self) -> Path:
        return self.folder / FILENAME

    @staticmethod
    def exists(folder: Path) -> bool:
        return (Path(folder) / FILENAME).exists()

    @classmethod
    def load(cls, folder: Path, *, kdf: KdfParams | None = None) -> KeyStore:
        return cls.parse(folder, read_key_file(Path(folder) / FILENAME), kdf=kdf)

    @classmethod
    def parse(cls, folder: Path, raw: bytes, *, kdf: KdfParams | None = None) -> KeyStore:
        """A store from the bytes of a key file that is not (yet) in `folder`: one inside a backup."""
        doc = parse_document(raw)
        return cls(Path(folder), doc.key_id, doc.slots, kdf or DEFAULT_KDF, doc.protection_key_id)

    # reading

    def users(self) -> list[str]:
        return [slot.user for slot in self.slots if slot.kind == "user" and slot.user is not None]

    def has_recovery(self) -> bool:
        return any(slot.kind == "recovery" for slot in self.slots)

    def carries_protection(self, user: str) -> bool:
        """Whether `user`'s slot wraps the protection key (without opening it)."""
        slot = self._user_slot(user)
        return slot is not None and slot.protection is not None

    def recovery_carries_protection(self) -> bool:
        return any(slot.kind == "recovery" and slot.protection is not None for slot in self.slots)

    def _user_slot(self, user: str) -> KeySlot | None:
        wanted = user_key(user)
        return next(
            (s for s in self.slots if s.kind == "user" and s.user is not None and user_key(s.user) == wanted), None
        )

    def unlock_with_passphrase(self, user: str, passphrase: str) -> bytes:
        return self.unlock_keys(user, passphrase).data_key

    def unlock_keys(self, user: str, passphrase: str) -> SlotKeys:
        """The data key and, when `user`'s slot carries it, the protection key."""
        slot = self._user_slot(user)
        if slot is None:
            raise WrongPassphraseError()
        keys = unwrap_keys(slot, passphrase)
        if keys is None or key_id(keys.data_key) != self.key_id:
            raise WrongPassphraseError()
        return self._checked(keys)

    def unlock_with_recovery(self, code: str) -> bytes:
        return self.unlock_recovery_keys(code).data_key

    def unlock_recovery_keys(self, code: str) -> SlotKeys:
        canonical = parse_recovery_code(code)  # a mistyped code fails here, before any KDF work
        for slot in self.slots:
            if slot.kind == "recovery":
                keys = unwrap_keys(slot, canonical)
                if keys is not None and key_id(keys.data_key) == self.key_id:
                    return self._checked(keys)
        raise WrongRecoveryCodeError()

    def _checked(self, keys: SlotKeys) -> SlotKeys:
        wanted = self.protection_key_id
        if keys.protection_key is None or (
            wanted and hmac.compare_digest(protection_key_id(keys.protection_key), wanted)
        ):
            return keys
        return SlotKeys(keys.data_key, None)  # not this profile's protection key: as if the slot had none

    # changing

    def add_user(self, data_key: bytes, user: str, passphrase: str, protection_key: bytes | None = None) -> KeyStore:
        self._require_key(data_key, protection_key)
        name = _clean_user(user)
        if self._user_slot(name) is not None:
            raise ValidationError(
                [FieldProblem("user", QT_TRANSLATE_NOOP("Security", "A user with this name already exists."))]
            )
        _raise_if(passphrase_problems(passphrase))
        slot = wrap(data_key, passphrase, kind="user", user=name, kdf=self.kdf, protection_key=protection_key)
        return self._saved(self.slots + (slot,))

    def set_passphrase(self, data_key: bytes, user: str, new: str, protection_key: bytes | None = None) -> KeyStore:
        """Replace a user's slot given the data key (after the recovery code, or by an officer); it carries
        the protection key only when given it."""
        self._require_key(data_key, protection_key)
        old_slot = self._user_slot(user)
        if old_slot is None:
            raise WrongPassphraseError()
        _raise_if(passphrase_problems(new, "new_passphrase"))
        slot = self._rewrapped(old_slot, data_key, new, protection_key)
        return self._saved(tuple(slot if s.id == old_slot.id else s for s in self.slots))

    def change_passphrase(self, user: str, old: str, new: str) -> KeyStore:
        """Rewrap one user's slot, with what it carried; the database and every other slot stay as they are."""
        _raise_if(passphrase_problems(new, "new_passphrase"))  # before the costly unlock
        keys = self.unlock_keys(user, old)
        return self.set_passphrase(keys.data_key, user, new, keys.protection_key)

    def grant_protection(self, data_key: bytes, protection_key: bytes, user: str, passphrase: str) -> KeyStore:
        """`user`'s slot rewrapped to carry the protection key: their passphrase is needed to wrap it."""
        self._require_key(data_key, protection_key)
        self.unlock_keys(user, passphrase)  # a wrong passphrase changes nothing
        return self.set_passphrase(data_key, user, passphrase, protection_key)

    def revoke_protection(self, user: str) -> KeyStore:
        """Drop the protection key from `user`'s slot; the data key stays wrapped as it was."""
        slot = self._user_slot(user)
        if slot is None:
            raise WrongPassphraseError()
        bare = replace(slot, protection=None)
        return self._saved(tuple(bare if s.id == slot.id else s for s in self.slots))

    def with_protection_key(self, protection_key: bytes) -> KeyStore:
        """The first protection key of a profile made before it existed: its id, written with the next change."""
        if self.protection_key_id is not None:
            raise ValueError("this profile already has a protection key")
        return replace(self, protection_key_id=protection_key_id(protection_key))

    def remove_user(self, data_key: bytes, user: str) -> KeyStore:
        """Drop a user's slot. The last user slot stays: the recovery code alone must not be all that is left."""
        self._require_key(data_key)
        slot = self._user_slot(user)
        if slot is None:
            raise WrongPassphraseError()
        if len(self.users()) == 1:
            raise ValidationError(
                [FieldProblem("user", QT_TRANSLATE_NOOP("Security", "The last user of a profile cannot be removed."))]
            )
        return self._saved(tuple(s for s in self.slots if s.id != slot.id))

    def recover(
        self,
        data_key: bytes,
        user: str,
        new_passphrase: str,
        new_code: str,
        protection_key: bytes | None = None,
        *,
        user_protected: bool = False,
    ) -> KeyStore:
        """After the recovery code was used: `user`'s new slot and a new recovery slot, in one write.

        The old recovery slot goes in the same atomic replace of the file as the user's old slot, so
        there is never a moment when the used code still opens the profile beside the new passphrase.
        The new recovery slot carries `protection_key`; the user's slot too when `user_protected`."""
        self._require_key(data_key, protection_key)
        old_slot = self._user_slot(user)
        if old_slot is None:
            raise WrongPassphraseError()
        _raise_if(passphrase_problems(new_passphrase, "new_passphrase"))
        user_slot = self._rewrapped(old_slot, data_key, new_passphrase, protection_key if user_protected else None)
        recovery = self._recovery_slot(data_key, new_code, protection_key)
        kept = tuple(user_slot if s.id == old_slot.id else s for s in self.slots if s.kind != "recovery")
        return self._saved(kept + (recovery,))

    def replace_recovery(self, data_key: bytes, new_code: str, protection_key: bytes | None = None) -> KeyStore:
        self._require_key(data_key, protection_key)
        slot = self._recovery_slot(data_key, new_code, protection_key)
        return self._saved(tuple(s for s in self.slots if s.kind != "recovery") + (slot,))

    def _rewrapped(self, old: KeySlot, data_key: bytes, secret: str, protection_key: bytes | None) -> KeySlot:
        """`old` (same id and user) wrapped anew under `secret`, carrying `protection_key` if given."""
        return wrap(
            data_key, secret, kind=old.kind, user=old.user, kdf=self.kdf, slot_id=old.id, protection_key=protection_key
        )

    def _recovery_slot(self, data_key: bytes, code: str, protection_key: bytes | None) -> KeySlot:
        return wrap(
            data_key, parse_recovery_code(code), kind="recovery", user=None, kdf=self.kdf, protection_key=protection_key
        )

    def with_kdf(self, kdf: KdfParams) -> KeyStore:
        return replace(self, kdf=kdf)

    def _require_key(self, data_key: bytes, protection_key: bytes | None = None) -> None:
        # Programming errors, not the user's: a key that is not this profile's must never be wrapped.
        if len(data_key) != KEY_BYTES or not hmac.compare_digest(key_id(data_key), self.key_id):
            raise ValueError("data key does not belong to this key store")
        if protection_key is not None and not (
            self.protection_key_id and hmac.compare_digest(protection_key_id(protection_key), self.protection_key_id)
        ):
            raise ValueError("protection key does not belong to this key store")

    def _saved(self, slots: tuple[KeySlot, ...]) -> KeyStore:
        store = replace(self, slots=slots)
        key_file.write_keeping_head(store.path, document(store.key_id, slots, store.protection_key_id))
        return store


def create_store(
    folder: Path,
    data_key: bytes,
    *,
    user: str,
    passphrase: str,
    recovery_code: str,
    kdf: KdfParams = DEFAULT_KDF,
    protection_key: bytes | None = None,
) -> KeyStore:
    """Write a new keyslots.json with the first user's slot and the recovery slot, both carrying the
    protection key when given. Never overwrites."""
    if len(data_key) != KEY_BYTES:
        raise ValueError("data key must be 32 bytes")
    folder = Path(folder)
    if (folder / FILENAME).exists():
        raise KeyStoreError(QT_TRANSLATE_NOOP("Security", "This profile already has a key file; it was not replaced."))
    name = _clean_user(user)
    _raise_if(passphrase_problems(passphrase))
    code = parse_recovery_code(recovery_code)
    slots = (
        wrap(data_key, passphrase, kind="user", user=name, kdf=kdf, protection_key=protection_key),
        wrap(data_key, code, kind="recovery", user=None, kdf=kdf, protection_key=protection_key),
    )
    pkid = None if protection_key is None else protection_key_id(protection_key)
    store = KeyStore(folder, key_id(data_key), slots, kdf, pkid)
    folder.mkdir(parents=True, exist_ok=True)
    write_json_atomically(store.path, document(store.key_id, slots, pkid), exclusive=True)
    return store


def _clean_user(user: str) -> str:
    name = nfc(user).strip()
    if not name or any(unicodedata.category(ch) == "Cc" for ch in name):
        raise ValidationError([FieldProblem("user", QT_TRANSLATE_NOOP("Security", "Enter a user name."))])
    return name


def _raise_if(problems: list[FieldProblem]) -> None:
    if problems:
        raise ValidationError(problems)
