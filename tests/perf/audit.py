"""What the audit chain's hook adds to ordinary writes: 1,000 `members.add_member` calls.

    python -m tests.perf.audit

Runs with and without the hook alternate in blocks of 100, so a busy disk or CPU weighs on both
alike; the time spent inside the hook itself is timed separately, as it is far less noisy.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from db import audit as chain
from desktop.paths import ProfilePaths
from desktop.services import reference
from desktop.services.profile import audit
from desktop.services.profile import opening as profile_service
from desktop.services.profile.handle import Profile
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput

NAMES = ("An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Minh", "Nam", "Sơn", "Tâm")


def _add_many(p: Profile, hid: uuid.UUID, count: int) -> float:
    started = time.perf_counter()
    for n in range(count):
        person = PersonInput(f"Nguyễn Văn {NAMES[n % len(NAMES)]}", "1", date(1980, 5, 1), "other")
        members.add_member(p, hid, person, allow_duplicate=True)
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        p = profile_service.create_profile(
            ProfilePaths(Path(folder)),
            commune_code="18673",
            collaborator="Nguyễn Thị Lan",
            user="Nguyễn Thị Lan",
            passphrase="benchmark-passphrase",
        ).profile
        with p.sessions.begin() as session:
            village = reference.add_village(session, "18673", "Thôn Đông Hà")
        first = households.create(p, HouseholdInput(code="100", village_id=village))
        second = households.create(p, HouseholdInput(code="101", village_id=village))
        _add_many(p, first, 20)  # warm caches and code paths once
        inside = [0.0]

        def timed_hook(session: Session, context: object) -> None:
            started = time.perf_counter()
            chain.record_flush(session, context)
            inside[0] += time.perf_counter() - started

        with_hook = without = 0.0
        event.remove(Session, "after_flush", chain.record_flush)
        try:
            for _block in range(10):
                without += _add_many(p, second, 100)
                event.listen(Session, "after_flush", timed_hook)
                try:
                    with_hook += _add_many(p, first, 100)
                finally:
                    event.remove(Session, "after_flush", timed_hook)
        finally:
            event.listen(Session, "after_flush", chain.record_flush)
        intact = audit.verify(p).ok
        p.close()
    print(
        f"1,000 members.add_member: {with_hook:.2f} s with the audit hook, {without:.2f} s without "
        f"({(with_hook - without) / without:+.0%})"
    )
    print(f"inside the hook: {inside[0] * 1000:.0f} ms in all, {inside[0]:.2f} ms per call; chain intact: {intact}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
