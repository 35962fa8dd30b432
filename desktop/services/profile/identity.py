"""The profile's device identity and secret store, built from an open Profile.

Lives in services because it reads the Profile and the commune's name; desktop.security must not
import services (see the import-linter layers in pyproject.toml).
"""

from __future__ import annotations

import logging

from db.models.reference import AdminUnit
from desktop.security import device
from desktop.security.device import DeviceInfo
from desktop.security.secrets import ProfileMetaStore, SecretStore
from desktop.services.profile.handle import Profile

log = logging.getLogger(__name__)


def secret_store(profile: Profile) -> SecretStore:
    """The profile's secrets: OS keyring first, the profile's own (encrypted) ProfileMeta otherwise."""
    return SecretStore(profile.device_id, ProfileMetaStore(profile.sessions))


def ensure_identity(profile: Profile, secrets: SecretStore) -> DeviceInfo | None:
    """Describe the identity, creating it first if missing.

    None while the profile is not set up: the certificate must carry the collaborator's name and the
    commune, so it is made on the first open after set-up rather than with an empty subject.
    """
    folder = profile.paths.home
    if device.lost_certificate(folder) and profile.commune_code and profile.collaborator:
        return _rebuilt(profile, secrets).info
    if device.has_identity(folder):
        return device.describe(folder)
    if not (profile.commune_code and profile.collaborator):
        return None
    created = device.create_identity(
        folder,
        device_id=profile.device_id,
        collaborator=profile.collaborator,
        commune_code=profile.commune_code,
        commune_name=_commune_name(profile),
        secrets=secrets,
    )
    return created.info


def ensure_if_possible(profile: Profile) -> None:
    """Profiles made before device identities get one now; a lost certificate is made again from the key.

    Reading and writing the notebook need no identity, so a key that cannot be opened here stops only
    signing, which says so itself, never the command at hand."""
    try:
        ensure_identity(profile, secret_store(profile))
    except device.IdentityError as exc:
        log.warning("The device identity cannot be made again: %s", type(exc).__name__)


def _rebuilt(profile: Profile, secrets: SecretStore) -> device.DeviceIdentity:
    return device.rebuild_certificate(
        profile.paths.home,
        device_id=profile.device_id,
        collaborator=profile.collaborator,
        commune_code=profile.commune_code,
        commune_name=_commune_name(profile),
        secrets=secrets,
    )


def _commune_name(profile: Profile) -> str:
    with profile.sessions() as session:
        unit = session.get(AdminUnit, profile.commune_code)
        return unit.name if unit is not None else profile.commune_code
