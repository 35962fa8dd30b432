"""Contraceptive use month by month, from a woman's fp_start and fp_stop events (Sổ A0 Mục II, domain.md §3.3).

The register keeps only the events (P0 sections 7-8); the A0 grid asks for the method used in each month.
The rule the app applies, written down in domain.md §3.3 because the annex's own guidance was not found:

* a month carries the method in use on its last day (for the month of the report, on the report's day);
* an fp_start starts a method (and replaces one already in use: a switch recorded without its stop);
* an fp_stop ends the method it names; a stop naming another method than the one in use changes nothing;
* a stop and a start on the same day are a switch: the stop is applied first;
* nothing is shown after the woman died or moved out, nor after the report's day.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

START, STOP = "fp_start", "fp_stop"
MONTHS = tuple(range(1, 13))

# Short symbols for the grid's cells, printed with their legend; a method added to fp_methods.csv later
# and missing here is written out in full (the cell wraps) rather than given an invented symbol.
SYMBOLS = {
    "male_sterilization": "ĐSNa",
    "female_sterilization": "ĐSNữ",
    "iud": "DCTC",
    "implant": "Cấy",
    "injectable": "Tiêm",
    "pill": "Uống",
    "condom": "BCS",
    "other": "Khác",
}


@dataclass(frozen=True, slots=True)
class FpEvent:
    day: date
    kind: str  # START or STOP
    method: str  # a code of fp_methods


@dataclass(frozen=True, slots=True)
class Use:
    """A spell of one method: from `start` until `stop` (None while it goes on)."""

    method: str
    start: date
    stop: date | None


def uses(events: Iterable[FpEvent]) -> list[Use]:
    """The spells of use the events describe, oldest first."""
    found: list[Use] = []
    current: Use | None = None
    for event in sorted(events, key=lambda e: (e.day, e.kind != STOP)):
        if event.kind == START:
            if current is not None:
                found.append(Use(current.method, current.start, event.day))
            current = Use(event.method, event.day, None)
        elif event.kind == STOP and current is not None and current.method == event.method:
            found.append(Use(current.method, current.start, event.day))
            current = None
    if current is not None:
        found.append(current)
    return found


def method_on(spells: Sequence[Use], day: date) -> str:
    """The method in use at the end of `day`, "" when none."""
    for spell in spells:
        if spell.start <= day and (spell.stop is None or spell.stop > day):
            return spell.method
    return ""


def month_grid(
    spells: Sequence[Use], years: Sequence[int], *, until: date, gone_on: date | None
) -> dict[int, list[str]]:
    """Per year, the method of each month (12 codes, "" for none) as the A0's Mục II grid writes them."""
    last = min(until, gone_on) if gone_on is not None else until
    grid: dict[int, list[str]] = {}
    for year in years:
        row = []
        for month in MONTHS:
            first_day = date(year, month, 1)
            end = date(year, month, calendar.monthrange(year, month)[1])
            row.append(method_on(spells, min(end, last)) if first_day <= last else "")
        grid[year] = row
    return grid


def latest_start(spells: Sequence[Use], until: date) -> Use | None:
    """The spell in use on `until`, else the last one begun before it: "Tháng năm bắt đầu sử dụng BPTT"."""
    begun = [spell for spell in spells if spell.start <= until]
    return begun[-1] if begun else None


def symbol(method: str, names: dict[str, str]) -> str:
    return SYMBOLS.get(method) or names.get(method, method)


def legend(names: dict[str, str]) -> str:
    """ "Ký hiệu: DCTC – Dụng cụ tử cung; …" for every method of the code table, in its order."""
    return "Ký hiệu: " + "; ".join(f"{symbol(code, names)} – {name}" for code, name in names.items()) + "."
