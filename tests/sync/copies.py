"""Copies of one profile, as two laptops of one commune would hold them: same data, other devices."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from sqlalchemy import update

from db.models.profile import ProfileMeta
from desktop.paths import ProfilePaths
from desktop.services.profile import opening
from desktop.services.profile.handle import META_DEVICE, META_PROFILE, Profile
from tests.conftest import PASSPHRASE, USER


def reopen(home: Path) -> Profile:
    return opening.unlock(ProfilePaths(home), USER, PASSPHRASE)


def copy_of(source: Profile, home: Path) -> Profile:
    """The source's folder copied to `home` (the source is closed first), then given a device and profile id
    of its own."""
    source.close()
    shutil.copytree(source.paths.home, home)
    copy = reopen(home)
    with copy.engine.begin() as conn:
        for key in (META_DEVICE, META_PROFILE):
            conn.execute(update(ProfileMeta).where(ProfileMeta.key == key).values(value=str(uuid.uuid4())))
    copy.close()
    return reopen(home)
