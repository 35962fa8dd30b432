"""Where a profile lives. `--home DIR` or SOTAY_HOME puts everything in one folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "sotay"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEVICE_KEY_FILE = "device-key.pem"
DEVICE_CERT_FILE = "device-cert.pem"


@dataclass(frozen=True, slots=True)
class ProfilePaths:
    home: Path

    @property
    def database(self) -> Path:
        return self.home / "profile.db"

    @property
    def device_cert(self) -> Path:
        return self.home / DEVICE_CERT_FILE

    @property
    def device_key(self) -> Path:
        return self.home / DEVICE_KEY_FILE

    @property
    def keyslots(self) -> Path:
        return self.home / "keyslots.json"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def settings(self) -> Path:
        return self.home / "settings.json"

    def ensure(self) -> ProfilePaths:
        self.home.mkdir(parents=True, exist_ok=True)
        self.logs.mkdir(exist_ok=True)
        return self


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> ProfilePaths:
    if explicit:
        return ProfilePaths(Path(explicit).expanduser().resolve())
    env = os.environ.get("SOTAY_HOME")
    if env:
        return ProfilePaths(Path(env).expanduser().resolve())
    return ProfilePaths(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def state_dir() -> Path:
    """Per-computer state kept outside every profile (login throttling), so a wrong passphrase never
    changes a byte of the profile folder. SOTAY_STATE_DIR moves it (tests, portable installs)."""
    env = os.environ.get("SOTAY_STATE_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)
