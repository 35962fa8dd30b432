"""The plain objects of the demo register: people, households, their categories, events and visits.

No database: `DemoRegister` (families.py) builds them, `DemoYear` (year.py) lets the year happen to
them, and build.py turns them into rows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.services.validation import age_on

PRESENT, MOVED_OUT, DEAD = "present", "moved_out", "dead"


@dataclass(slots=True, eq=False)
class DemoPerson:
    id: uuid.UUID
    full_name: str
    sex: str
    birth_date: date
    relationship: str
    marital_status: str = "single"
    ethnicity: str = "01"
    education: str = ""
    residence_status: str = "permanent_present"
    insurance_no: str = ""
    national_id: str = ""
    status: str = PRESENT
    death_date: date | None = None
    left_on: date | None = None
    arrived_on: date | None = None  # joined the household during the demo year
    mother: DemoPerson | None = None
    partner: DemoPerson | None = None
    birth_order: int | None = None
    sort_order: int = 0

    def age(self, day: date) -> int:
        return age_on(self.birth_date, day)

    @property
    def present(self) -> bool:
        return self.status == PRESENT

    def here_on(self, day: date) -> bool:
        gone = self.death_date or self.left_on
        return (
            self.birth_date <= day
            and (self.arrived_on is None or self.arrived_on <= day)
            and (gone is None or gone > day)
        )


@dataclass(frozen=True, slots=True)
class DemoCategory:
    id: uuid.UUID
    category: str
    year: int
    decision_no: str
    notes: str


@dataclass(slots=True, eq=False)
class DemoHousehold:
    id: uuid.UUID
    code: str
    village_id: uuid.UUID
    address: str
    phone: str
    kind: str
    ethnicity: str
    members: list[DemoPerson] = field(default_factory=list)
    head: DemoPerson | None = None
    dissolved_on: date | None = None
    dissolved_reason: str = ""
    categories: list[DemoCategory] = field(default_factory=list)

    def present_members(self) -> list[DemoPerson]:
        return [p for p in self.members if p.present]


@dataclass(frozen=True, slots=True)
class DemoEvent:
    id: uuid.UUID
    kind: str
    household: DemoHousehold
    person: DemoPerson
    event_date: date
    details: dict[str, Any]


@dataclass(frozen=True, slots=True)
class DemoVisit:
    id: uuid.UUID
    household: DemoHousehold
    visited_on: date
    persons_met: tuple[DemoPerson, ...]
    topics: tuple[str, ...]
    notes: str
    follow_up_on: date | None
