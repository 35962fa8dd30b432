"""The dashboard's task list on a 600-household demo profile (issue budget: ≤ 200 ms). Prints only.

    .venv/bin/python -m tests.perf.tasks

Builds (or reuses) `.perf/tasks-h600-s<seed>/`, adds cases with no-contact orders and child
cases so every kind of computed task has rows, then times `tasks.open_tasks` (median of 20, after
one warm-up run).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
from datetime import timedelta

from desktop.demo.build import build_demo, create_demo_profile
from desktop.paths import ProfilePaths
from desktop.services.casework import cases, dv_measures, tasks, timeline
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.casework.timeline import ActionInput
from desktop.services.profile.handle import Profile
from desktop.services.register import households, people
from tests.perf.search import PERF_DIR

PASSPHRASE = "benchmark-passphrase"
RUNS = 20
TARGET_MS = 200.0


def _profile(households_count: int, seed: int) -> Profile:
    folder = PERF_DIR / f"tasks-h{households_count}-s{seed}"
    if folder.exists():
        shutil.rmtree(folder)
    profile = create_demo_profile(ProfilePaths(folder), seed=seed, passphrase=PASSPHRASE).profile
    build_demo(profile, households=households_count, seed=seed)
    _cases(profile)
    return profile


def _cases(profile: Profile) -> None:
    """A case in every 20th household: domestic violence with a no-contact order and a mediation to
    follow up, or a child case; and a pregnancy with no screening yet in every 30th."""
    today = profile.today()
    ids = list(households.list_ids(profile))
    for number, household_id in enumerate(ids[::20]):
        members = households.detail(profile, household_id).members
        if not members:
            continue
        if number % 2:
            adult = members[0]
            cid = cases.open_case(profile, CaseInput("domestic_violence", household_id, today, person_id=adult.id))
            order = MeasureInput("no_contact", today, "1/QĐ", today, today + timedelta(days=2), 100)
            dv_measures.apply_measure(profile, cid, order)
            mediation = ActionInput("mediation", today, "", "not_reconciled", today + timedelta(days=3))
            timeline.record(profile, cid, mediation)
        else:
            young = [m for m in members if (today - m.birth_date).days < 17 * 365]
            if young:
                cases.open_case(profile, CaseInput("child_protection", household_id, today, person_id=young[0].id))
    for household_id in ids[::30]:
        women = [
            m
            for m in households.detail(profile, household_id).members
            if m.sex == "2" and 18 * 365 <= (today - m.birth_date).days <= 45 * 365 and m.status == "present"
        ]
        if women:
            found = today - timedelta(days=40)
            people.record_care_event(profile, women[0].id, kind="pregnancy", on=found, details={"stage": "detected"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.tasks", description=__doc__)
    parser.add_argument("--households", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    profile = _profile(args.households, args.seed)
    try:
        found = tasks.open_tasks(profile)  # warm-up
        samples = []
        for _ in range(RUNS):
            started = time.perf_counter()
            found = tasks.open_tasks(profile)
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        profile.close()
    by_kind: dict[str, int] = {}
    for task in found:
        by_kind[task.kind] = by_kind.get(task.kind, 0) + 1
    median = statistics.median(samples)
    print(f"{args.households} households: {len(found)} tasks {by_kind}")
    verdict = "ok" if median <= TARGET_MS else "ABOVE TARGET"
    figures = f"median {median:.1f} ms  max {max(samples):.1f} ms"
    print(f"tasks.open_tasks  {figures}   target <= {TARGET_MS:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
