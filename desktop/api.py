"""The small public face of the sync engine, for the bundle transport, the command line and tests.

Stable: what is named here keeps its meaning across versions; docs/changeset.md documents it. Everything
else in the package may change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.paths import ProfilePaths
from desktop.services.changesets import ApplyReport, SyncStatus, acknowledge, apply, extract, status
from desktop.services.profile import opening, process_lock
from desktop.services.profile.handle import Profile
from desktop.sync.changeset import Changeset, ChangesetError, from_jsonl

__all__ = [
    "ApplyReport",
    "Changeset",
    "ChangesetError",
    "Profile",
    "SyncStatus",
    "acknowledge",
    "apply",
    "extract",
    "from_jsonl",
    "open_profile",
    "status",
]


@contextmanager
def open_profile(home: Path | str, passphrase: str, user: str | None = None) -> Iterator[Profile]:
    """The profile in `home`, unlocked as `user` (the only user when None) and held against other processes
    until the block ends. Raises the services' errors: a wrong passphrase, a profile in use, a damaged file."""
    paths = ProfilePaths(Path(home))
    if not paths.database.is_file():
        raise FileNotFoundError("no profile in that folder")
    with process_lock.acquire(paths.home):
        name = user if user is not None else _only_user(paths)
        profile = opening.unlock(paths, name, passphrase)
        try:
            yield profile
        finally:
            profile.close()


def _only_user(paths: ProfilePaths) -> str:
    names = opening.user_names(paths)
    if len(names) != 1:
        raise ValueError("name the user: this profile has several, or none")
    return names[0]
