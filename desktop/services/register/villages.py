"""Villages (thôn / tổ dân phố) of the commune: added and renamed by a commune officer only.

A collaborator keeps some villages; the list itself is the commune's, so changing it is the officer's
work (desktop.services.profile.access). The session-level helpers live in desktop.services.reference.
"""

from __future__ import annotations

import uuid

from desktop.services import reference
from desktop.services.profile import access
from desktop.services.profile.handle import Profile
from desktop.textnorm import fold


def add(profile: Profile, name: str) -> uuid.UUID:
    access.require_manager_of_villages(profile.user)
    with profile.sessions.begin() as session:
        return reference.add_village(session, profile.commune_code, name)


def add_missing(profile: Profile, names: list[str]) -> None:
    """At set-up: the villages typed, skipping any the commune already has (compared without diacritics).

    One the commune had set inactive, or removed, comes back under its id (reference.add_village)."""
    access.require_manager_of_villages(profile.user)
    with profile.sessions.begin() as session:
        existing = {fold(v.name) for v in reference.villages(session, profile.commune_code)}
        for name in names:
            if fold(name) not in existing:
                reference.add_village(session, profile.commune_code, name)
                existing.add(fold(name))


def rename(profile: Profile, village_id: uuid.UUID, name: str) -> None:
    access.require_manager_of_villages(profile.user)
    with profile.sessions.begin() as session:
        reference.rename_village(session, village_id, name)
