"""Field-level merge of one row: what a copy keeps when another copy's version of the row arrives.

Pure: values are as a changeset carries them (desktop.sync.codec), clocks as `field_clocks` holds them:
{column: [clock, clock of the value it replaced]}, "" standing for every column not changed since the row
was made. The rules (architecture.md §5):

- Columns merge in units (desktop.sync.groups). A unit's clock is the newest of its columns'.
- The newer clock wins (clocks end with the device id, so two devices never tie). The result does not
  depend on the order changes arrive in, and a change that arrives twice changes nothing the second time.
- A value that loses is kept in a collision unless the winner's writer had seen it: the same device made
  both, or the winner replaced exactly that value. (A collision can name a value its writer had in fact
  seen through a third copy; a value never seen is never dropped without one.)
- A change stamped more than a day ahead of the receiver's clock never wins: it is kept as a collision.
- A deleted row with a change newer than its deletion is a collision too: the user decides whether to
  restore it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from db import hlc
from db.models.sync import AHEAD, CONCURRENT, DELETED, WHOLE_ROW

Clocks = dict[str, list[str]]
NO_CLOCK = ("", "")
DELETED_AT = "deleted_at"
CONFLICT_NAMESPACE = uuid.UUID("5b0f6f0e-7c1a-4b55-9a61-3c2f0e6d8a41")


@dataclass(frozen=True)
class Side:
    """One copy's version of a row: business values (deleted_at included) and field clocks."""

    values: dict[str, Any]
    clocks: Clocks


@dataclass(frozen=True)
class Collision:
    """A unit whose losing value the merge set aside: both values ({column: value}) and both clocks."""

    field: str
    reason: str
    kept_value: dict[str, Any]
    kept_clock: str
    other_value: dict[str, Any]
    other_clock: str

    def conflict_id(self, table: str, row_id: str) -> uuid.UUID:
        """The same on every copy that meets this collision, so their records become one row."""
        low, high = sorted((self.kept_clock, self.other_clock))
        return uuid.uuid5(CONFLICT_NAMESPACE, f"{table}:{row_id}:{self.field}:{self.reason}:{low}:{high}")


@dataclass
class Merged:
    values: dict[str, Any]
    clocks: Clocks
    changed: bool  # differs from the local version (always, for a row new here)
    all_incoming: bool  # every unit came from the incoming version: its stamps are kept as they are
    collisions: list[Collision] = field(default_factory=list)


def entry(clocks: Clocks, column: str) -> tuple[str, str]:
    found = clocks.get(column) or clocks.get(WHOLE_ROW)
    return (found[0], found[1]) if found else NO_CLOCK


def unit_clock(clocks: Clocks, unit: tuple[str, ...]) -> tuple[str, str]:
    return max((entry(clocks, column) for column in unit), default=NO_CLOCK)


def node(clock: str) -> str:
    return clock.split("-", 2)[2] if clock.count("-") >= 2 else ""


def seen(newer: tuple[str, str], older: str) -> bool:
    """Whether the writer of `newer` (clock, base) had `older` before it: its own earlier change, or the very
    value it replaced."""
    return not older or older == newer[1] or node(older) == node(newer[0])


def merge_row(
    units: tuple[tuple[str, ...], ...],
    local: Side | None,
    incoming: Side,
    now_ms: int,
    *,
    collide: bool = True,
) -> Merged:
    """The row this copy keeps. `collide=False` for the conflict records themselves: a choice made about a
    conflict simply takes the newest."""
    if local is None:
        return Merged(dict(incoming.values), dict(incoming.clocks), changed=True, all_incoming=True)
    values, clocks = dict(local.values), dict(local.clocks)
    collisions: list[Collision] = []
    took_all, changed = True, False
    for unit in units:
        mine, theirs = unit_clock(local.clocks, unit), unit_clock(incoming.clocks, unit)
        mine_v = {column: local.values.get(column) for column in unit}
        theirs_v = {column: incoming.values.get(column) for column in unit}
        if theirs[0] == mine[0]:
            continue
        if theirs[0] > mine[0] and not (theirs[0] and hlc.ahead(theirs[0], now_ms)):
            values.update(theirs_v)
            clocks.update({column: list(entry(incoming.clocks, column)) for column in unit})
            changed = True
            if collide and mine_v != theirs_v and not seen(theirs, mine[0]):
                collisions.append(Collision(unit[0], CONCURRENT, theirs_v, theirs[0], mine_v, mine[0]))
            continue
        took_all = False
        if not collide or mine_v == theirs_v:
            continue
        if theirs[0] > mine[0]:  # from a laptop whose date is wrong: never a silent winner
            collisions.append(Collision(unit[0], AHEAD, mine_v, mine[0], theirs_v, theirs[0]))
        elif not seen(mine, theirs[0]):
            collisions.append(Collision(unit[0], CONCURRENT, mine_v, mine[0], theirs_v, theirs[0]))
    if collide:
        collisions.extend(_deleted_but_edited(units, values, clocks))
    return Merged(values, clocks, changed=changed, all_incoming=took_all, collisions=collisions)


def _deleted_but_edited(units: tuple[tuple[str, ...], ...], values: dict[str, Any], clocks: Clocks) -> list[Collision]:
    """A deleted row some change is newer than: the edit was made without knowing of the deletion."""
    if values.get(DELETED_AT) is None:
        return []
    deleted = entry(clocks, DELETED_AT)[0]
    if any(unit_clock(clocks, unit)[0] > deleted for unit in units if DELETED_AT not in unit):
        return [Collision(DELETED_AT, DELETED, {DELETED_AT: values[DELETED_AT]}, deleted, {DELETED_AT: None}, "")]
    return []
