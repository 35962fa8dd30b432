"""The sync engine on about 100,000 pending rows: extract, apply to an empty copy, apply again, and raw
`executemany` of the same rows into the same tables. Prints only.

    .venv/bin/python -m tests.perf.sync [--households 12000]

* **extract**: every pending row of a demo profile, as a changeset (and its JSON Lines, timed apart);
* **apply**: the changeset into an empty profile of the same commune, in a child process that reports its
  peak memory (the resident set: SQLite's and Python's);
* **re-apply**: the same changeset again, which must write nothing (the rows written are printed);
* **raw executemany**: the same rows, decoded, inserted table by table with the driver's `executemany` in one
  transaction into another empty profile, foreign keys checked at the commit and search indexed once at the
  end, as the apply does with a changeset this large: the yardstick. The ratio apply ÷ raw is printed.

Targets (docs/changeset.md): apply ≥ 0.25 × raw, extract ≤ 5 s, re-apply ≤ 2 s writing nothing, apply's peak
memory ≤ 500 MB. Profiles are built in `.perf/sync-h<households>-s<seed>/`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import time
from pathlib import Path
from typing import Any

from desktop.demo.build import build_demo, create_demo_profile
from desktop.paths import ProfilePaths
from desktop.services import changesets
from desktop.sync.changeset import Changeset, read_jsonl
from desktop.sync.extract import codec, synced_tables
from tests.perf.search import PERF_DIR

PASSPHRASE = "benchmark-passphrase"
USER = "Người đo"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.sync", description=__doc__)
    parser.add_argument("--households", type=int, default=12_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    folder = PERF_DIR / f"sync-h{args.households}-s{args.seed}"
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    source = create_demo_profile(ProfilePaths(folder / "source"), seed=args.seed, passphrase=PASSPHRASE).profile
    build_demo(source, households=args.households, seed=args.seed)
    print(f"{args.households} households built in {time.perf_counter() - started:.1f} s")
    changeset, extract_s = _timed(lambda: changesets.extract(source))
    data, serialise_s = _timed(changeset.to_jsonl)
    source.close()
    rows = len(changeset.rows)
    print(f"extract: {rows} rows in {extract_s:.2f} s ({rows / extract_s:,.0f} rows/s)")
    print(f"as JSON Lines: {len(data) / 1e6:.0f} MB in {serialise_s:.2f} s")
    (folder / "changeset.jsonl").write_bytes(data)
    apply_s, again_s, written, before_mb, peak_mb = _apply_in_child(folder, args.seed)
    print(f"apply to an empty copy: {apply_s:.2f} s ({rows / apply_s:,.0f} rows/s)")
    print(f"peak memory of the applying process: {before_mb:.0f} MB before the apply, {peak_mb:.0f} MB after")
    print(f"apply again: {again_s:.2f} s, {written} rows written")
    raw_s = _raw_insert(folder / "raw", changeset, args.seed)
    print(f"raw executemany: {raw_s:.2f} s ({rows / raw_s:,.0f} rows/s)")
    print(f"apply ÷ raw executemany (rows/s): {raw_s / apply_s:.2f}")
    return 0


def _timed(work: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def _empty_copy(home: Path, seed: int) -> Any:
    """A profile of the demo's commune with no records, as a new laptop of the commune would be."""
    return create_demo_profile(ProfilePaths(home), seed=seed, passphrase=PASSPHRASE, user=USER).profile


def _apply_in_child(folder: Path, seed: int) -> tuple[float, float, int, float, float]:
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        result: tuple[float, float, int, float, float] = pool.apply(_apply_both, (str(folder), seed))
    return result


def _apply_both(folder: str, seed: int) -> tuple[float, float, int, float, float]:
    with (Path(folder) / "changeset.jsonl").open("rb") as stream:  # read as a bundle's file would be
        changeset = read_jsonl(stream)
    target = _empty_copy(Path(folder) / "target", seed)
    before_mb = _peak_mb()  # the changeset read and an empty profile made (its key derivation included)
    try:
        first, apply_s = _timed(lambda: changesets.apply(target, changeset))
        peak_mb = _peak_mb()
        again, again_s = _timed(lambda: changesets.apply(target, changeset))
    finally:
        target.close()
    assert first.applied == len(changeset.rows), first
    return apply_s, again_s, again.applied + again.conflicts_recorded, before_mb, peak_mb


def _peak_mb() -> float:
    """The process's own peak resident memory. Linux keeps ru_maxrss across the exec that starts a spawned
    child, so it would report the parent's peak; VmHWM belongs to the child's own memory."""
    try:
        status = Path("/proc/self/status").read_text().splitlines()
    except OSError:  # not Linux: the usage counter, which other systems reset at exec
        status = []
    for line in status:
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _raw_insert(home: Path, changeset: Changeset, seed: int) -> float:
    """The rows as the apply writes them (decoded, with their stamps), inserted with the driver alone."""
    target = _empty_copy(home, seed)
    tables = {table.name: table for table in synced_tables()}
    batches: dict[str, list[tuple[Any, ...]]] = {}
    for row in changeset.rows:
        table = tables[row.table]
        stamps = {"created_at": row.created_at, "updated_at": row.updated_at}
        record = codec(table).decode({"id": row.id, **row.values, **stamps})
        record.update(usn=row.usn, origin=row.origin, hlc=row.hlc, field_clocks=row.field_clocks)
        bound = table.insert().compile(dialect=target.engine.dialect).construct_params(record)
        processed = _processed(table, bound, target.engine.dialect)
        batches.setdefault(row.table, []).append(tuple(processed[c.name] for c in table.columns))
    raw = target.engine.raw_connection()
    try:
        cursor = raw.cursor()
        started = time.perf_counter()
        cursor.execute("PRAGMA defer_foreign_keys=ON")
        for name, values in batches.items():
            columns = [c.name for c in tables[name].columns]
            marks = ", ".join("?" for _ in columns)
            cursor.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})", values)
        raw.commit()
        return time.perf_counter() - started
    finally:
        raw.close()
        target.close()


def _processed(table: Any, bound: dict[str, Any], dialect: Any) -> dict[str, Any]:
    """Values as the driver takes them (UUIDs as hex, datetimes as text, JSON as text): no type work timed."""
    found = {}
    for column in table.columns:
        processor = column.type.bind_processor(dialect)
        value = bound.get(column.name)
        found[column.name] = processor(value) if processor is not None and value is not None else value
    return found


if __name__ == "__main__":
    raise SystemExit(main())
