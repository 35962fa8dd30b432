"""The key file of a profile, ``keyslots.json``: its key slots, one per user and one for recovery.

Each slot wraps the same random data key (desktop.security.keyslot). Changing a passphrase rewraps one
slot; the database is never re-encrypted. The file also holds ``key_id``, an HMAC of the data key, so a
caller adding a slot cannot wrap a wrong key by mistake, and ``audit_head``, the audit chain's newest
event (desktop.security.audit_head), which a slot change keeps as it finds it on disk.

A missing, damaged or foreign file raises `KeyStoreError`; `create_store` refuses to overwrite an
existing file.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.errors import FieldProblem, SotayError, ValidationError
from desktop.fileio import write_json_atomically
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.security import key_file
from desktop.security.keyslot import (
    FORMAT_VERSION,
    KEY_BYTES,
    NONCE_BYTES,
    SLOT_VERSION,
    SLOT_VERSIONS,
    KdfParams,
    KeySlot,
    key_id,
    nfc,
    passphrase_problems,
    unwrap,
    user_key,
    wrap,
)
from desktop.security.recovery import parse_recovery_code

FILENAME = "keyslots.json"
FORMAT = "sotay-keyslots"


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


class KeyStoreError(SotayError):
    """keyslots.json is missing, damaged or not ours: the profile cannot be opened as it is."""

    exit_code = 2


# --- the cost of new slots ------------------------------------------------------------------------


# Measured on the 2-core development machine (per derivation, idle / while other jobs ran):
#   t=3, 64 MiB: 0.28 s / 0.5 s    t=3, 128 MiB: 0.55 s / 0.93 s    t=3, 256 MiB: 1.1 s
# 128 MiB came too close to the 1 s unlock budget on a busy machine, and commune laptops are often
# slower than this one, so the default is RFC 9106's second recommended option (t=3, 64 MiB) with
# both cores. tests/security/test_keyslots.py prints the measured unlock time.
DEFAULT_KDF = KdfParams(time_cost=3, memory_kib=64 * 1024, parallelism=2)

# Loading refuses parameters outside these bounds: a forged file must not make unlocking take hours.
_KDF_LIMITS = {"time_cost": (1, 32), "memory_kib": (8, 1024 * 1024), "parallelism": (1, 16)}


# --- the store ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyStore:
    """The keyslots of one profile folder. Changes write the file and return the new store."""

    folder: Path
    key_id: str
    slots: tuple[KeySlot, ...]
    kdf: KdfParams = DEFAULT_KDF  # for new slots; existing slots keep their own

    @property
    def path(self) -> Path:
        return self.folder / FILENAME

    @staticmethod
    def exists(folder: Path) -> bool:
        return (Path(folder) / FILENAME).exists()

    @classmethod
    def load(cls, folder: Path, *, kdf: KdfParams | None = None) -> KeyStore:
        path = Path(folder) / FILENAME
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KeyStoreError(
                QT_TRANSLATE_NOOP("Security", "This profile has no key file (keyslots.json).")
            ) from None
        except OSError as exc:
            raise KeyStoreError(
                QT_TRANSLATE_NOOP("Security", "The key file of this profile cannot be read: {reason}"), reason=str(exc)
            ) from exc
        return cls.parse(folder, raw, kdf=kdf)

    @classmethod
    def parse(cls, folder: Path, raw: bytes, *, kdf: KdfParams | None = None) -> KeyStore:
        """A store from the bytes of a key file that is not (yet) in `folder`: one inside a backup."""
        key, slots = parse_document(raw)
        return cls(Path(folder), key, slots, kdf or DEFAULT_KDF)

    # reading

    def users(self) -> list[str]:
        return [slot.user for slot in self.slots if slot.kind == "user" and slot.user is not None]

    def has_recovery(self) -> bool:
        return any(slot.kind == "recovery" for slot in self.slots)

    def _user_slot(self, user: str) -> KeySlot | None:
        wanted = user_key(user)
        return next(
            (s for s in self.slots if s.kind == "user" and s.user is not None and user_key(s.user) == wanted), None
        )

    def unlock_with_passphrase(self, user: str, passphrase: str) -> bytes:
        slot = self._user_slot(user)
        if slot is None:
            raise WrongPassphraseError()
        data_key = unwrap(slot, passphrase)
        if data_key is None or key_id(data_key) != self.key_id:
            raise WrongPassphraseError()
        return data_key

    def unlock_with_recovery(self, code: str) -> bytes:
        canonical = parse_recovery_code(code)  # a mistyped code fails here, before any KDF work
        for slot in self.slots:
            if slot.kind == "recovery":
                data_key = unwrap(slot, canonical)
                if data_key is not None and key_id(data_key) == self.key_id:
                    return data_key
        raise WrongRecoveryCodeError()

    # changing

    def add_user(self, data_key: bytes, user: str, passphrase: str) -> KeyStore:
        self._require_key(data_key)
        name = _clean_user(user)
        if self._user_slot(name) is not None:
            raise ValidationError(
                [FieldProblem("user", QT_TRANSLATE_NOOP("Security", "A user with this name already exists."))]
            )
        _raise_if(passphrase_problems(passphrase))
        slot = wrap(data_key, passphrase, kind="user", user=name, kdf=self.kdf)
        return self._saved(self.slots + (slot,))

    def set_passphrase(self, data_key: bytes, user: str, new: str) -> KeyStore:
        """Replace a user's slot given the data key: after unlocking with the recovery code."""
        self._require_key(data_key)
        old_slot = self._user_slot(user)
        if old_slot is None:
            raise WrongPassphraseError()
        _raise_if(passphrase_problems(new, "new_passphrase"))
        slot = wrap(data_key, new, kind="user", user=old_slot.user, kdf=self.kdf, slot_id=old_slot.id)
        return self._saved(tuple(slot if s.id == old_slot.id else s for s in self.slots))

    def change_passphrase(self, user: str, old: str, new: str) -> KeyStore:
        """Rewrap one user's slot; the data key, the database and every other slot stay as they are."""
        _raise_if(passphrase_problems(new, "new_passphrase"))  # before the costly unlock
        data_key = self.unlock_with_passphrase(user, old)
        return self.set_passphrase(data_key, user, new)

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

    def recover(self, data_key: bytes, user: str, new_passphrase: str, new_code: str) -> KeyStore:
        """After the recovery code was used: `user`'s new slot and a new recovery slot, in one write.

        The old recovery slot goes in the same atomic replace of the file as the user's old slot, so
        there is never a moment when the used code still opens the profile beside the new passphrase."""
        self._require_key(data_key)
        old_slot = self._user_slot(user)
        if old_slot is None:
            raise WrongPassphraseError()
        _raise_if(passphrase_problems(new_passphrase, "new_passphrase"))
        user_slot = wrap(data_key, new_passphrase, kind="user", user=old_slot.user, kdf=self.kdf, slot_id=old_slot.id)
        recovery = wrap(data_key, parse_recovery_code(new_code), kind="recovery", user=None, kdf=self.kdf)
        kept = tuple(user_slot if s.id == old_slot.id else s for s in self.slots if s.kind != "recovery")
        return self._saved(kept + (recovery,))

    def replace_recovery(self, data_key: bytes, new_code: str) -> KeyStore:
        self._require_key(data_key)
        slot = wrap(data_key, parse_recovery_code(new_code), kind="recovery", user=None, kdf=self.kdf)
        return self._saved(tuple(s for s in self.slots if s.kind != "recovery") + (slot,))

    def with_kdf(self, kdf: KdfParams) -> KeyStore:
        return replace(self, kdf=kdf)

    def _require_key(self, data_key: bytes) -> None:
        if len(data_key) != KEY_BYTES or not hmac.compare_digest(key_id(data_key), self.key_id):
            raise ValueError("data key does not belong to this key store")  # a programming error, not the user's

    def _saved(self, slots: tuple[KeySlot, ...]) -> KeyStore:
        store = replace(self, slots=slots)
        key_file.write_keeping_head(store.path, _document(store.key_id, slots))
        return store


def create_store(
    folder: Path,
    data_key: bytes,
    *,
    user: str,
    passphrase: str,
    recovery_code: str,
    kdf: KdfParams = DEFAULT_KDF,
) -> KeyStore:
    """Write a new keyslots.json with the first user's slot and the recovery slot. Never overwrites."""
    if len(data_key) != KEY_BYTES:
        raise ValueError("data key must be 32 bytes")
    folder = Path(folder)
    if (folder / FILENAME).exists():
        raise KeyStoreError(QT_TRANSLATE_NOOP("Security", "This profile already has a key file; it was not replaced."))
    name = _clean_user(user)
    _raise_if(passphrase_problems(passphrase))
    code = parse_recovery_code(recovery_code)
    slots = (
        wrap(data_key, passphrase, kind="user", user=name, kdf=kdf),
        wrap(data_key, code, kind="recovery", user=None, kdf=kdf),
    )
    store = KeyStore(folder, key_id(data_key), slots, kdf)
    folder.mkdir(parents=True, exist_ok=True)
    write_json_atomically(store.path, _document(store.key_id, slots), exclusive=True)
    return store


def _clean_user(user: str) -> str:
    name = nfc(user).strip()
    if not name or any(unicodedata.category(ch) == "Cc" for ch in name):
        raise ValidationError([FieldProblem("user", QT_TRANSLATE_NOOP("Security", "Enter a user name."))])
    return name


def _raise_if(problems: list[FieldProblem]) -> None:
    if problems:
        raise ValidationError(problems)


# --- file format ----------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _document(kid: str, slots: tuple[KeySlot, ...]) -> dict[str, object]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "key_id": kid,
        "slots": [
            {
                "id": s.id,
                "kind": s.kind,
                "user": s.user,
                "kdf": s.kdf.as_json(),
                "salt": _b64(s.salt),
                "nonce": _b64(s.nonce),
                "ciphertext": _b64(s.ciphertext),
                "created_at": s.created_at,
                "version": s.version,
            }
            for s in slots
        ],
    }


def _damaged(detail: str) -> KeyStoreError:
    return KeyStoreError(
        QT_TRANSLATE_NOOP("Security", "The key file of this profile is damaged or not from Sổ tay CTV ({detail})."),
        detail=detail,
    )


def parse_document(raw: bytes) -> tuple[str, tuple[KeySlot, ...]]:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _damaged("not JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _damaged("unknown format")
    if doc.get("format_version") != FORMAT_VERSION:
        raise KeyStoreError(
            QT_TRANSLATE_NOOP(
                "Security", "The key file has version {version}; this version of the app cannot read it."
            ),
            version=doc.get("format_version"),
        )
    kid = doc.get("key_id")
    slots_doc = doc.get("slots")
    if not isinstance(kid, str) or not isinstance(slots_doc, list) or not slots_doc:
        raise _damaged("no key slots")
    slots = tuple(_parse_slot(item, index) for index, item in enumerate(slots_doc))
    if len({s.id for s in slots}) != len(slots):
        raise _damaged("duplicate slot ids")
    users = [user_key(s.user) for s in slots if s.user is not None]
    if len(set(users)) != len(users):
        raise _damaged("duplicate users")
    return kid, slots


def _parse_slot(item: Any, index: int) -> KeySlot:
    where = f"slot {index + 1}"
    if not isinstance(item, dict):
        raise _damaged(where)
    kind, user = item.get("kind"), item.get("user")
    if kind not in ("user", "recovery") or (kind == "user") != isinstance(user, str):
        raise _damaged(f"{where}: kind")
    slot_id, created = item.get("id"), item.get("created_at")
    if not isinstance(slot_id, str) or not slot_id or not isinstance(created, str):
        raise _damaged(f"{where}: id")
    version = item.get("version", SLOT_VERSION)  # files written before slots carried it hold version 1
    if not isinstance(version, int) or isinstance(version, bool):
        raise _damaged(f"{where}: version")
    if version not in SLOT_VERSIONS:
        raise KeyStoreError(
            QT_TRANSLATE_NOOP(
                "Security", "The key file has version {version}; this version of the app cannot read it."
            ),
            version=version,
        )
    kdf = _parse_kdf(item.get("kdf"), where)
    salt, nonce, ciphertext = (_unb64(item.get(name), f"{where}: {name}") for name in ("salt", "nonce", "ciphertext"))
    if len(nonce) != NONCE_BYTES or len(salt) < 8 or len(ciphertext) != KEY_BYTES + 16:
        raise _damaged(f"{where}: sizes")
    return KeySlot(slot_id, kind, user, kdf, salt, nonce, ciphertext, created, version)


def _parse_kdf(doc: Any, where: str) -> KdfParams:
    if not isinstance(doc, Mapping) or doc.get("name") != "argon2id":
        raise _damaged(f"{where}: kdf")
    values: dict[str, int] = {}
    for name, (low, high) in _KDF_LIMITS.items():
        value = doc.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise _damaged(f"{where}: kdf {name}")
        values[name] = value
    if values["memory_kib"] < 8 * values["parallelism"]:
        raise _damaged(f"{where}: kdf memory")
    return KdfParams(**values)


def _unb64(value: Any, where: str) -> bytes:
    if not isinstance(value, str):
        raise _damaged(where)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise _damaged(where) from None
