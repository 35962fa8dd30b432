"""Open a household with 10 members and 50 visits in a commune-size profile (architecture.md §9: ≤ 50 ms).

    python -m tests.perf.household [--households 20000]

Reuses (or builds) the search benchmark's profile, adds one large household through the services
the first time, then prints the median and maximum of `households.detail` over 30 runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, timedelta

from desktop.services import reference
from desktop.services.profile.handle import Profile
from desktop.services.register import households, members, visits
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.services.register.visits import VisitInput
from tests.perf.search import PERF_DIR, _ensure_profile, _open

CODE = "BIG-1"
RUNS = 30


def _big_household(profile: Profile) -> object:
    found = households.find_by_code(profile, CODE)
    if found is not None:
        return found
    with profile.sessions() as session:
        village = reference.villages(session, profile.commune_code)[0].id
    hid = households.create(profile, HouseholdInput(code=CODE, village_id=village, address="Xóm 1"))
    members = [
        members.add_member(
            profile,
            hid,
            PersonInput(
                f"Phan Văn Thử Nghiệm {chr(65 + i)}", "1", date(1950 + 5 * i, 1, 1), "head" if i == 0 else "other"
            ),
            allow_duplicate=True,
        )
        for i in range(10)
    ]
    start = profile.today() - timedelta(days=400)
    for i in range(50):
        visits.record(
            profile,
            hid,
            VisitInput(
                start + timedelta(days=8 * i),
                None,
                persons_met=tuple(members[:2]),
                topics=("family_planning",),
            ),
        )
    return hid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.household", description=__doc__)
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    folder = PERF_DIR / f"search-h{args.households}-s{args.seed}-encrypted"
    _ensure_profile(folder, args.households, args.seed, encrypted=True, rebuild=False)
    profile = _open(folder, encrypted=True)
    try:
        hid = _big_household(profile)
        households.detail(profile, hid)  # warm the caches
        samples = []
        for _ in range(RUNS):
            begun = time.perf_counter()
            detail = households.detail(profile, hid)
            samples.append((time.perf_counter() - begun) * 1000)
    finally:
        profile.close()
    print(f"household {CODE}: {len(detail.members)} members, {len(detail.visits)} visits")
    print(f"households.detail  median {statistics.median(samples):.1f} ms  max {max(samples):.1f} ms  target <= 50 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
