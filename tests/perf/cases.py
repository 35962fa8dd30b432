"""Opening a case and the monthly report's figures of a 600-household demo profile. Prints only.

    .venv/bin/python -m tests.perf.cases

Case content is sealed under the protection key (db/sealed.py): every content field read is one AES-GCM
opening. This times what that costs where it is read most, against the budget "within 10 % of the time
before sealing" (run the same script on a tree from before it to compare):

* **opening a case**: everything the case window loads (its detail, parties and timeline, then the
  measures and referrals of a domestic-violence case or the groups, plan, intake and review of a child's),
  the services the window calls, for every case of the profile, `--runs` times; the median and p95 per case;
* **the monthly report's figures**: the month's document built from the database (the part that opens
  the content of the month's cases, measures, referrals and timeline entries), `--runs` times.

The profile is built in `.perf/cases-h<households>-s<seed>/` (encrypted, as every profile is) and its build
time printed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

from desktop.demo.build import build_demo, create_demo_profile
from desktop.paths import ProfilePaths
from desktop.services.casework import cases, child, child_forms, child_plan, dv, parties
from desktop.services.casework import timeline as case_actions
from desktop.services.documents import monthly_report
from desktop.services.profile.handle import Profile
from desktop.services.register.events import previous_month
from tests.perf.search import PERF_DIR

PASSPHRASE = "benchmark-passphrase"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.cases", description=__doc__)
    parser.add_argument("--households", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    folder = PERF_DIR / f"cases-h{args.households}-s{args.seed}"
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    profile = create_demo_profile(ProfilePaths(folder), seed=args.seed, passphrase=PASSPHRASE).profile
    try:
        build_demo(profile, households=args.households, seed=args.seed)
        print(f"{args.households} households built in {time.perf_counter() - started:.1f} s")
        ids = [item.id for item in cases.list_cases(profile)]
        month = previous_month(profile.today())
        per_case = _timed(lambda: [_open_case(profile, case_id) for case_id in ids], args.runs)
        figures = _timed(lambda: monthly_report.monthly_document(profile, month), args.runs)
    finally:
        profile.close()
    opened = [seconds / max(1, len(ids)) for seconds in per_case]
    print(f"{len(ids)} cases; month {month}; {args.runs} runs after one warm-up")
    print(f"opening a case (all it shows)   {_figures(opened)}")
    print(f"monthly report figures+document {_figures(figures)}")
    return 0


def _open_case(profile: Profile, case_id: uuid.UUID) -> object:
    """The services the case window calls to show one case (desktop/ui/dialogs/case/data.py)."""
    detail = cases.detail(profile, case_id)
    shown: list[Any] = [detail, parties.parties(profile, case_id), case_actions.timeline(profile, case_id)]
    if detail.kind == dv.KIND:
        shown.append(dv.view(profile, case_id))
    elif detail.kind == cases.CHILD_PROTECTION:
        shown += [child.view(profile, case_id), child_plan.items(profile, case_id)]
        shown += [child_forms.intake(profile, case_id), child_forms.review(profile, case_id)]
    return shown


def _timed(work: Callable[[], object], runs: int) -> list[float]:
    work()  # warm the page cache and the code tables
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return samples


def _figures(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:.2f} ms  p95 {p95 * 1000:.2f} ms  min {ordered[0] * 1000:.2f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
