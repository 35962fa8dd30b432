from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from desktop.paths import ProfilePaths
from desktop.services import profile as profile_service
from desktop.services import reference
from desktop.services.profile import Profile

COMMUNE = "18673"  # Xã Cẩm Xuyên


@dataclass(frozen=True)
class Register:
    profile: Profile
    village_a: uuid.UUID
    village_b: uuid.UUID


@pytest.fixture
def profile(tmp_path) -> Iterator[Profile]:
    opened = profile_service.open_profile(ProfilePaths(tmp_path / "home"))
    profile_service.set_up(opened, commune_code=COMMUNE, collaborator="Nguyễn Thị Lan")
    yield opened
    opened.close()


@pytest.fixture
def register(profile: Profile) -> Register:
    with profile.sessions.begin() as session:
        a = reference.add_village(session, COMMUNE, "Thôn Đông Hà")
        b = reference.add_village(session, COMMUNE, "Thôn Trung Sơn")
    return Register(profile, a, b)


@pytest.fixture(autouse=True)
def _one_device_key_for_speed(request, monkeypatch):
    """Every profile set-up makes an RSA-3072 device key (up to a second each); outside the tests of
    device identity itself, one key made once per run serves every profile."""
    if "tests/security" in str(request.node.fspath):
        return
    from desktop.security import device

    monkeypatch.setattr(device, "new_key", _cached_key)


_KEYS: list[object] = []


def _cached_key() -> object:
    if not _KEYS:
        from desktop.security import device

        _KEYS.append(device.rsa.generate_private_key(public_exponent=device.PUBLIC_EXPONENT, key_size=device.KEY_SIZE))
    return _KEYS[0]
