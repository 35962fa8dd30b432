"""The signed monthly report of a 600-household demo profile (issue budget: ≤ 3 s, median of 5). Prints only.

    .venv/bin/python -m tests.perf.reports

Builds `.perf/reports-h600-s<seed>/` (a demo profile, encrypted as every profile is), then times the
whole export five times after one warm-up: the month's figures read from the database, the document
built, rendered to PDF, signed with the device key (decrypting it included) and written, and the
export recorded in the audit log. The parts are timed once more on their own.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from desktop.demo.build import build_demo, create_demo_profile
from desktop.paths import ProfilePaths
from desktop.reports.pdf import render_pdf
from desktop.security.pdf.signers import device_signer
from desktop.security.pdf.signing import sign_pdf
from desktop.services.documents import export as report_export
from desktop.services.documents import monthly_report
from desktop.services.profile import identity
from desktop.services.profile.handle import Profile
from desktop.services.register.events import previous_month
from tests.perf.search import PERF_DIR

PASSPHRASE = "benchmark-passphrase"
RUNS = 5
TARGET_S = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.reports", description=__doc__)
    parser.add_argument("--households", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    folder = PERF_DIR / f"reports-h{args.households}-s{args.seed}"
    shutil.rmtree(folder, ignore_errors=True)
    profile = create_demo_profile(ProfilePaths(folder), seed=args.seed, passphrase=PASSPHRASE).profile
    try:
        build_demo(profile, households=args.households, seed=args.seed)
        identity.ensure_identity(profile, identity.secret_store(profile))
        month = previous_month(profile.today())
        with tempfile.TemporaryDirectory() as out:
            samples = [_export(profile, month, Path(out) / f"r{i}.pdf") for i in range(RUNS + 1)][1:]
            parts = _parts(profile, month)
    finally:
        profile.close()
    median = statistics.median(samples)
    verdict = "ok" if median <= TARGET_S else "ABOVE TARGET"
    print(f"{args.households} households, month {month}")
    figures = f"median {median:.2f} s  max {max(samples):.2f} s"
    print(f"signed monthly report  {figures}   target <= {TARGET_S:.0f} s: {verdict}")
    print("  " + "  ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in parts))
    return 0


def _export(profile: Profile, month: str, out: Path) -> float:
    started = time.perf_counter()
    doc = monthly_report.monthly_document(profile, month)
    report_export.export_pdf(profile, doc, out, subject=month)
    return time.perf_counter() - started


def _parts(profile: Profile, month: str) -> list[tuple[str, float]]:
    timed: list[tuple[str, float]] = []
    started = time.perf_counter()
    doc = monthly_report.monthly_document(profile, month)
    timed.append(("figures+document", time.perf_counter() - started))
    started = time.perf_counter()
    rendered = render_pdf(doc)
    timed.append(("render", time.perf_counter() - started))
    started = time.perf_counter()
    signer = device_signer(profile.paths.home, identity.secret_store(profile))
    timed.append(("device key", time.perf_counter() - started))
    started = time.perf_counter()
    sign_pdf(rendered.data, signer, reason="x", location="y", signer_name=profile.user.name, box=rendered.signature_box)
    timed.append(("sign", time.perf_counter() - started))
    return timed


if __name__ == "__main__":
    raise SystemExit(main())
