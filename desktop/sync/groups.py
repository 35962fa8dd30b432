"""Columns that merge as one: a value and what is derived from it, or facts that only make sense together.

When two copies changed a row, each group takes all its columns from the copy whose change is newest, so a
folded name always belongs to its name, a birth year to its birth date, and a closing date to the state that
closed the case (architecture.md §5). A column not listed here merges on its own.
"""

from __future__ import annotations

GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "villages": (("name", "name_folded"),),
    "households": (
        ("address", "address_folded"),
        ("dissolved_on", "dissolved_reason"),
        ("legacy_district", "legacy_commune_code"),
    ),
    "people": (("full_name", "name_folded"), ("birth_date", "birth_year"), ("status", "death_date", "left_on")),
    "support_cases": (("state", "closed_on"),),
    "case_measures": (("starts_on", "ends_on"),),
    "case_referrals": (("status", "status_on"),),
    "case_plan_items": (("status", "status_on"),),
    "task_states": (("done_on", "snoozed_until", "reason"),),
    "campaign_years": (("starts_on", "ends_on"),),
    "sync_conflicts": (("state",),),
}


def units(table: str, columns: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The merge units of a table's business columns: its groups, then every other column alone."""
    grouped = GROUPS.get(table, ())
    inside = {name for group in grouped for name in group}
    return grouped + tuple((name,) for name in columns if name not in inside)
