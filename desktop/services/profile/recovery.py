"""The recovery code: a commune officer's way back in after a forgotten passphrase, used once.

Who may use it: the recovery code opens the profile for a **commune officer** only (a user whose role is
``officer`` in access.py, the role of the profile's first user and the only one that manages users).
A collaborator or a hub operator who forgets a passphrase asks an officer, who sets a new one for them
(`users.set_passphrase`); the code must not let whoever holds it take over someone else's account.

Using it is an audit event (who used it and whose passphrase was reset; never the code), and it is
spent: the same write of the key file that replaces the officer's slot removes the old recovery slot
and adds one under a new code, which the caller shows once, as at set-up. docs/key-file.md.
"""

from __future__ import annotations

from sqlalchemy import select

from db.audit import append_event
from db.models.profile import User
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths
from desktop.security import keyslot
from desktop.security.recovery import format_recovery_code, generate_recovery_code
from desktop.services.profile import opening
from desktop.services.profile.access import CurrentUser, PermissionDeniedError, Role
from desktop.services.profile.handle import Profile
from desktop.services.validation import raise_if

USERS_TABLE = "users"
# The audit summary of a reset: which way the passphrase was replaced, and that the code was replaced.
RESET_FIELD, RECOVERY_FIELD = "passphrase_reset", "recovery_code"
BY_RECOVERY_CODE, BY_OFFICER, REPLACED = "recovery_code", "officer", "replaced"


class RecoveryNotAllowedError(PermissionDeniedError):
    """The recovery code was right, but the user it was used for is not a commune officer."""

    def __init__(self, user: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Security",
                "The recovery code sets a new passphrase only for a commune officer, and {user} is not one. "
                "Ask a commune officer of this notebook to set a new passphrase for {user}.",
            ),
            user=user,
        )


def may_use_recovery(user: CurrentUser) -> bool:
    return user.role is Role.OFFICER


def unlock_with_recovery(
    paths: ProfilePaths, user: str, code: str, *, now: float | None = None, check_pages: bool = False
) -> Profile:
    """Open the profile with the recovery code for an officer, who must then call `reset_passphrase`.

    Wrong codes are throttled as at login. The role is in the encrypted database, so it is checked once
    the code has opened it; for anyone but an officer the profile is closed again and nothing changes."""
    profile = opening.unlock_with_recovery(paths, user, code, now=now, check_pages=check_pages)
    if not may_use_recovery(profile.user):
        profile.close()
        raise RecoveryNotAllowedError(profile.user.name)
    return profile


def reset_passphrase(profile: Profile, new_passphrase: str) -> str:
    """After `unlock_with_recovery`: the officer's new passphrase and a new recovery code, in one write
    of the key file, recorded in the audit chain. Returns the new code, formatted, to be shown once;
    the used code and the old passphrase no longer open the profile."""
    if not profile.must_change_passphrase or profile.keystore is None:
        raise ValueError("the profile was not opened with the recovery code")
    if not may_use_recovery(profile.user):
        raise RecoveryNotAllowedError(profile.user.name)
    raise_if(keyslot.passphrase_problems(new_passphrase, "new_passphrase"))
    code = generate_recovery_code()
    store = profile.keystore
    with profile.sessions.begin() as session:
        row = session.scalar(select(User).where(User.name_key == keyslot.user_key(profile.user.name)))
        if row is None:  # pragma: no cover - unlocking read the same row a moment ago
            raise ValueError("the logged-in user has no row")
        append_event(
            session,
            action="update",
            table=USERS_TABLE,
            record_id=row.id,
            summary={"name": row.name, RESET_FIELD: BY_RECOVERY_CODE, RECOVERY_FIELD: REPLACED},
        )
        # Written inside the transaction: should the key file fail, the event is rolled back with it.
        profile.keystore = store.recover(
            profile.data_key,
            profile.user.name,
            new_passphrase,
            code,
            profile.protection_key,
            user_protected=row.protection,
        )
    profile.must_change_passphrase = False
    return format_recovery_code(code)


def replace_code(profile: Profile) -> str:
    """A new recovery code in place of the current one, by a logged-in officer holding the protection
    permission (so the new recovery slot carries the protection key, as set-up's did). For a profile made
    before the protection key existed, whose recovery slot does not carry it: until this is done the
    recovery code opens everything but the content of support cases. Returns the code, formatted, to be
    shown once; the old code stops working in the same write of the key file."""
    from desktop.services.profile.access import require_manager
    from desktop.services.profile.protection import require_key

    require_manager(profile.user)
    key = require_key(profile)
    if profile.keystore is None:
        raise ValueError("the profile was not unlocked through its keyslots")
    code = generate_recovery_code()
    with profile.sessions.begin() as session:
        row = session.scalar(select(User).where(User.name_key == keyslot.user_key(profile.user.name)))
        append_event(
            session,
            action="update",
            table=USERS_TABLE,
            record_id=row.id if row is not None else "",
            summary={"name": profile.user.name, RECOVERY_FIELD: REPLACED},
        )
        profile.keystore = profile.keystore.replace_recovery(profile.data_key, code, key)
    return format_recovery_code(code)
