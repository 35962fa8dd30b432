"""A hybrid logical clock (architecture.md §5): wall time in milliseconds, a counter, and the device.

A clock is text that sorts in time order: `001796688000000-00000-<device id>`. Two changes made on one
device never share a clock, a change made after another was received sorts after it, and two devices never
tie (the device id breaks the tie, as the merge rule says). Pure functions: the profile keeps the last clock
it gave or saw in `profile_meta` (db.stamps), so the clock never goes backwards across restarts or when the
laptop's wall clock is set back.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from db.base import CLOCK_MAX

MS_WIDTH = 15
COUNTER_WIDTH = 5
COUNTER_MAX = 10**COUNTER_WIDTH - 1
DAY_MS = 24 * 3600 * 1000
# A clock further ahead of the receiver's own than this is a laptop with a wrong date, not a later edit.
AHEAD_LIMIT_MS = DAY_MS


class ClockError(ValueError):
    """Text that is not a clock: a damaged or forged changeset."""


@dataclass(frozen=True, order=True)
class Hlc:
    ms: int
    counter: int
    node: str

    def text(self) -> str:
        return f"{self.ms:0{MS_WIDTH}d}-{self.counter:0{COUNTER_WIDTH}d}-{self.node}"


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def parse(text: str) -> Hlc:
    ms, sep1, rest = text.partition("-")
    counter, sep2, node = rest.partition("-")
    if not (sep1 and sep2 and len(ms) == MS_WIDTH and len(counter) == COUNTER_WIDTH and ms.isdigit()):
        raise ClockError("not a clock")
    if not counter.isdigit() or not node or len(text) > CLOCK_MAX:
        raise ClockError("not a clock")
    return Hlc(int(ms), int(counter), node)


def tick(last: str, node: str, now_ms: int) -> str:
    """The next clock of `node`: after `last` (this profile's newest clock, "" for none) and never behind
    the wall clock."""
    if not last:
        return Hlc(now_ms, 0, node).text()
    prev = parse(last)
    if now_ms > prev.ms:
        return Hlc(now_ms, 0, node).text()
    if prev.counter < COUNTER_MAX:
        return Hlc(prev.ms, prev.counter + 1, node).text()
    return Hlc(prev.ms + 1, 0, node).text()  # 100,000 changes in one millisecond: borrow the next


def observe(last: str, received: str) -> str:
    """The profile's newest clock once `received` is known: the next tick sorts after both."""
    return max(last, received)


def ahead_limit(now_ms: int) -> str:
    """The milliseconds part (as text) that a clock's may not exceed without being ahead: for comparing many
    clocks as text without parsing each."""
    return f"{now_ms + AHEAD_LIMIT_MS:0{MS_WIDTH}d}"


def ahead(received: str, now_ms: int) -> bool:
    """True for a clock stamped more than a day after the receiver's wall clock."""
    return parse(received).ms > now_ms + AHEAD_LIMIT_MS
