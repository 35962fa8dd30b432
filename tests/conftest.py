from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.paths import ProfilePaths
from desktop.security.keyslot import KdfParams
from desktop.services import reference
from desktop.services.profile import opening as profile_service
from desktop.services.profile.handle import Profile

COMMUNE = "18673"  # Xã Cẩm Xuyên

# Headless Qt sees the screens of commune laptops (tests/screens.json): 1280×720 (a 1920×1080 screen at
# 150%), 1366×768 and 1024×600, side by side, instead of the offscreen platform's one 800×800 screen.
SCREENS = Path(__file__).with_name("screens.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"


@dataclass(frozen=True)
class Register:
    profile: Profile
    village_a: uuid.UUID
    village_b: uuid.UUID


USER = "Nguyễn Thị Lan"
PASSPHRASE = "mật khẩu thử nghiệm"
# Argon2id as cheap as it goes: the real cost (keystore.DEFAULT_KDF) is measured in tests/security.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)


def make_profile(home, *, user: str = USER, passphrase: str = PASSPHRASE) -> Profile:
    """A new encrypted profile for the commune, unlocked by its first user (a commune officer)."""
    created = profile_service.create_profile(
        ProfilePaths(home), commune_code=COMMUNE, collaborator=USER, user=user, passphrase=passphrase
    )
    return created.profile


@pytest.fixture
def profile(tmp_path) -> Iterator[Profile]:
    opened = make_profile(tmp_path / "home")
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _cheap_kdf_and_private_state(request, monkeypatch, tmp_path_factory):
    """Every test gets its own login-throttle state, and keyslots made with a cheap KDF (except in the
    tests that measure the real one)."""
    monkeypatch.setenv("SOTAY_STATE_DIR", str(tmp_path_factory.mktemp("state")))
    if "test_keyslots" not in str(request.node.fspath):
        from desktop.security import keystore

        monkeypatch.setattr(keystore, "DEFAULT_KDF", FAST_KDF)


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


@pytest.fixture(scope="session")
def soft_token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One SoftHSM2 token for the whole run: the PKCS#11 library reads its configuration once per process,
    so every test that signs with a token must share it. Label sotay-test, PIN 5678, key sotay-key."""
    import os

    from tests.security import pdf_helpers as helpers

    module = helpers.softhsm_module()
    if module is None:
        pytest.skip("SoftHSM2's PKCS#11 module (libsofthsm2.so) is not installed")
    folder = tmp_path_factory.mktemp("softhsm")
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(helpers.softhsm_config(folder))
    try:
        yield helpers.make_soft_token(
            folder, module, label="sotay-test", so_pin="1234", pin="5678", key_label="sotay-key",
            common_name="Trần Văn Bình",
        )  # fmt: skip
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous
