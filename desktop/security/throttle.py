"""Wrong-passphrase throttling that survives a restart.

State lives in ``login-throttle.json`` in the profile folder: per user (compared as in keyslots:
NFC, trimmed, case-folded) the number of consecutive failures and the time of the last one. The
first `FREE_ATTEMPTS` failures cost nothing; after that each attempt must wait 2^(n-5) seconds after
the last failure (1 s, 2 s, 4 s, …), capped at 5 minutes. A success clears the user's record.
Recovery-code attempts use the pseudo-user `RECOVERY`.

Time is passed in (seconds since the epoch, as from ``time.time()``) so tests never sleep. A clock
set backwards never makes the wait longer than the current delay.

A corrupt or unreadable state file must neither lock anyone out nor silently grant free guesses:
it is logged as a warning and read as "every user already at the threshold" with no failure time,
so the next attempt is allowed at once but the next wrong one already waits. The next write
replaces the file with a clean one holding only what is known since (the user who just failed, or
nothing after a success); the warning in the log is the trace of that reset. (Deleting the file
resets everyone to zero; that needs access to the profile folder, which this does not pretend to
defend against: the passphrase's Argon2id cost is what protects a copied folder.)
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from desktop.fileio import write_json_atomically
from desktop.security.keyslot import user_key

FILENAME = "login-throttle.json"
FREE_ATTEMPTS = 5
MAX_DELAY = 300.0
RECOVERY = "\x00recovery"  # cannot clash with a user name: those have no control characters

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failures:
    count: int
    last: float | None  # epoch seconds of the last failure; None after a corrupt state file


def delay_after(failures: int) -> float:
    """Seconds the next attempt must wait after the last of `failures` consecutive failures."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (failures - FREE_ATTEMPTS), MAX_DELAY)


@dataclass(frozen=True, slots=True)
class Throttle:
    folder: Path

    @property
    def path(self) -> Path:
        return Path(self.folder) / FILENAME

    def check(self, user: str, now: float) -> float:
        """Seconds to wait before `user` may try again; 0.0 means now."""
        failures = self._read().get(user_key(user))
        if failures is None or failures.last is None:
            return 0.0
        delay = delay_after(failures.count)
        return max(0.0, min(delay, failures.last + delay - now))

    def failures(self, user: str) -> int:
        entry = self._read().get(user_key(user))
        return entry.count if entry else 0

    def record_failure(self, user: str, now: float) -> float:
        """Count a wrong attempt; returns the wait it imposes on the next one."""
        state = self._read()
        key = user_key(user)
        previous = state.get(key)
        state[key] = Failures((previous.count if previous else 0) + 1, now)
        self._write(state)
        return delay_after(state[key].count)

    def record_success(self, user: str) -> None:
        state = self._read()
        if state.pop(user_key(user), None) is not None or self._corrupt():
            self._write(state)

    # file

    def _corrupt(self) -> bool:
        try:
            _parse(self.path.read_bytes())
        except FileNotFoundError:
            return False
        except (OSError, ValueError):
            return True
        return False

    def _read(self) -> dict[str, Failures]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("login throttle state %s unreadable (%s): every user starts at the threshold", self.path, exc)
            return _DefaultAtThreshold()
        try:
            return _parse(raw)
        except ValueError as exc:
            log.warning("login throttle state %s is corrupt (%s): every user starts at the threshold", self.path, exc)
            return _DefaultAtThreshold()

    def _write(self, state: dict[str, Failures]) -> None:
        document = {
            "format_version": 1,
            "users": {key: {"failures": f.count, "last_failure": f.last} for key, f in state.items()},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)  # per-computer state: made on the first failure
        write_json_atomically(self.path, document)


class _DefaultAtThreshold(dict[str, Failures]):
    """State read from a corrupt file: users not listed count as having used every free attempt."""

    def get(self, key: str, default: Failures | None = None) -> Failures | None:  # type: ignore[override]
        return super().get(key, Failures(FREE_ATTEMPTS, None))

    def pop(self, key: str, default: Failures | None = None) -> Failures | None:  # type: ignore[override]
        return super().pop(key, default)


def _parse(raw: bytes) -> dict[str, Failures]:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError("not JSON") from exc
    if not isinstance(doc, dict) or doc.get("format_version") != 1 or not isinstance(doc.get("users"), dict):
        raise ValueError("unknown format")
    state: dict[str, Failures] = {}
    for key, entry in doc["users"].items():
        count = entry.get("failures") if isinstance(entry, dict) else None
        last = entry.get("last_failure") if isinstance(entry, dict) else None
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise ValueError(f"bad failure count for {key!r}")
        if last is not None and (isinstance(last, bool) or not isinstance(last, int | float)):
            raise ValueError(f"bad failure time for {key!r}")
        state[key] = Failures(count, None if last is None else float(last))
    return state
