"""Who may see and change what (architecture.md §6), checked in the services, never only hidden in the UI.

* A **CTV** (cộng tác viên) reads and writes the households of the villages they keep, nothing else.
* A **commune officer** works on the whole commune and manages the users of this device.
* A **hub operator** reads everything the profile holds and changes nothing of the register.
* The **protection** permission, on top of a role, opens and writes the content of support cases, which is
  sealed under a key only its holders have (db/sealed.py). Without it a user sees that a household has a
  case, who owns it, its state and its dates, and cannot open a case.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, true
from sqlalchemy.orm import Session

from db.models.register import Household
from desktop.errors import SotayError
from desktop.i18n import QT_TRANSLATE_NOOP


class Role(StrEnum):
    CTV = "ctv"
    OFFICER = "officer"
    HUB = "hub"


ROLE_LABELS = {
    Role.CTV: QT_TRANSLATE_NOOP("Access", "Collaborator (own villages)"),
    Role.OFFICER: QT_TRANSLATE_NOOP("Access", "Commune officer (whole commune)"),
    Role.HUB: QT_TRANSLATE_NOOP("Access", "Hub operator (read only)"),
}


class PermissionDeniedError(SotayError):
    """The logged-in user may not do this. Nothing was read or saved."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class CurrentUser:
    """The user a profile was unlocked by. Services read it from `Profile.user`."""

    name: str
    role: Role
    protection: bool = False
    villages: frozenset[uuid.UUID] = frozenset()
    # The user's id in the user directory; None for SYSTEM, which owns nothing.
    id: uuid.UUID | None = None

    @property
    def whole_commune(self) -> bool:
        return self.role in (Role.OFFICER, Role.HUB)

    @property
    def manages_users(self) -> bool:
        return self.role == Role.OFFICER

    def sees_village(self, village_id: uuid.UUID) -> bool:
        return self.whole_commune or village_id in self.villages

    def writes_village(self, village_id: uuid.UUID) -> bool:
        return self.role != Role.HUB and self.sees_village(village_id)

    def sees_case_content(self, owner_id: uuid.UUID | None = None) -> bool:
        """Only with the permission: the content is sealed under a key only its holders have (db/sealed.py).
        A case's owner opened it holding the permission; taken away, it takes their own cases' content too."""
        return self.protection


# The writer of set-up and maintenance work done before anyone logs in (tests, the demo builder).
SYSTEM = CurrentUser(name="", role=Role.OFFICER, protection=True)


def household_filter(user: CurrentUser) -> ColumnElement[bool]:
    """A WHERE clause on Household limiting a query to what `user` may see."""
    if user.whole_commune:
        return true()
    return Household.village_id.in_(sorted(user.villages))


def village_sql(user: CurrentUser, alias: str) -> tuple[str, dict[str, str]]:
    """An ``AND <alias>.village_id IN (...)`` fragment and its parameters, for the hand-written SQL."""
    if user.whole_commune:
        return "", {}
    params = {f"scope{n}": village.hex for n, village in enumerate(sorted(user.villages))}
    if not params:
        return " AND 0", {}
    names = ", ".join(f":{name}" for name in params)
    return f" AND {alias}.village_id IN ({names})", params


def require_write(user: CurrentUser, village_id: uuid.UUID) -> None:
    if user.role == Role.HUB:
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP("Access", "A hub operator can read this profile but not change the register.")
        )
    if not user.sees_village(village_id):
        raise _other_village()


def require_read(user: CurrentUser, village_id: uuid.UUID) -> None:
    if not user.sees_village(village_id):
        raise _other_village()


def require_household(session: Session, user: CurrentUser, household_id: uuid.UUID, *, write: bool) -> None:
    """Refuse a household outside the user's villages (a missing household is the caller's NotFound)."""
    village = session.get(Household, household_id)
    if village is None:
        return
    (require_write if write else require_read)(user, village.village_id)


def require_manager(user: CurrentUser) -> None:
    if not user.manages_users:
        raise PermissionDeniedError(QT_TRANSLATE_NOOP("Access", "Only a commune officer can manage the users."))


def require_manager_of_villages(user: CurrentUser) -> None:
    if not user.manages_users:
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP("Access", "Only a commune officer can add or rename the villages of the commune.")
        )


def village_ids(values: Iterable[str]) -> frozenset[uuid.UUID]:
    return frozenset(uuid.UUID(value) for value in values)


def _other_village() -> PermissionDeniedError:
    return PermissionDeniedError(
        QT_TRANSLATE_NOOP(
            "Access",
            "This household is in a village you do not keep. "
            "Ask the commune officer to add the village to your account.",
        )
    )
