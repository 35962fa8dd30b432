"""A second process that has a profile open as the app has it: unlocked, and held by the app's lock.

    python -m tests.profile_holder HOME        (the passphrase in SOTAY_PASSPHRASE, the only user)

It takes the profile's lock first, as desktop.ui.app.main does before any window, then unlocks the
profile and prints "held". For each line "village NAME" read from stdin it adds that village, as a user
of the app saving a form, and prints "saved"; it ends at the end of stdin. For the tests of one process
per profile (tests/test_cli_profile_lock.py, tests/ui/test_second_start.py), which start it with `held`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.paths import ProfilePaths
from desktop.services import reference
from desktop.services.profile import opening, process_lock


def main(home: str) -> int:
    paths = ProfilePaths(Path(home))
    hold = process_lock.acquire(paths.home)
    profile = opening.unlock(paths, opening.user_names(paths)[0], os.environ["SOTAY_PASSPHRASE"])
    print("held", flush=True)
    try:
        for line in sys.stdin:
            command, _, name = line.strip().partition(" ")
            if command == "village":
                with profile.sessions.begin() as session:
                    reference.add_village(session, profile.commune_code, name)
                print("saved", flush=True)
    finally:
        profile.close()
        hold.release()
    return 0


REPO = Path(__file__).resolve().parent.parent


@contextmanager
def held(home: Path, passphrase: str) -> Iterator[subprocess.Popen[str]]:
    """Another process with the profile open and locked, as the app has it; killed if still running after."""
    env = {k: v for k, v in os.environ.items() if k not in ("SOTAY_HOME", "SOTAY_T0")}
    env.update(PYTHONPATH=str(REPO), SOTAY_PASSPHRASE=passphrase)
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.profile_holder", str(home)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=REPO,
    )
    try:
        assert holder.stdout is not None and holder.stderr is not None
        first = holder.stdout.readline()
        assert first.strip() == "held", first + holder.stderr.read()
        yield holder
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait(timeout=60)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
