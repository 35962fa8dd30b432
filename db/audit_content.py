"""Which columns of protected rows the audit log may name (architecture.md §5, §6).

A model holding protected content (support cases and their parts) lists in `__audit_shown__` the columns
the log may name: ids, dates, the owner, the case's state. All its other columns, and any column added
later, are content. The log, which officers read and which travels to the hub, says only that the content
changed: one key (PROTECTED) with one fixed word (CHANGED), whatever changed and however long it is. A
length, a code or even the name of a field would tell the kind of case ("stage" or "groups" is a child's
case, "acts" violence, a risk level of 4 letters "high").
"""

from __future__ import annotations

from typing import Any

from db.models.synced import SYNCED_MODELS

PROTECTED = "protected"
CHANGED = "changed"
_ALWAYS_SHOWN = frozenset({"deleted_at"})  # a delete is an event of its own, and says nothing of the case


def shown_columns(cls: type) -> frozenset[str] | None:
    """The columns of a protected model the log may name; None for a model without protected content."""
    listed = getattr(cls, "__audit_shown__", None)
    return None if listed is None else frozenset(listed) | _ALWAYS_SHOWN


PROTECTED_TABLES: dict[str, frozenset[str]] = {
    str(model.__table__.name): shown  # type: ignore[attr-defined]
    for model in SYNCED_MODELS
    if (shown := shown_columns(model)) is not None
}


def shown_summary(table: str, summary: dict[str, Any]) -> dict[str, Any]:
    """`summary` as the log may show it: for a protected table, the content folded into one "changed".

    Events written before this rule kept a length per content field (and some codes in clear); the chain
    cannot be rewritten, so whoever shows an event folds them here.
    """
    shown = PROTECTED_TABLES.get(table)
    if shown is None:
        return summary
    kept = {key: value for key, value in summary.items() if key in shown or key == PROTECTED}
    hidden = [value for key, value in summary.items() if key not in shown and key != PROTECTED]
    if hidden:
        pairs = [value for value in hidden if isinstance(value, list) and len(value) == 2]
        old = CHANGED if any(pair[0] is not None for pair in pairs) else None
        new = CHANGED if any(pair[1] is not None for pair in pairs) or not pairs else None
        kept[PROTECTED] = [old, new]
    return kept
