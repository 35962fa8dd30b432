"""Frozen data handed from services to the UI, the command line and reports. Never ORM objects."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import overload


@dataclass(frozen=True, slots=True)
class CodeDTO:
    code: str
    name_vi: str
    name_en: str
    sort_order: int = 0
    retired: bool = False  # withdrawn: still names old records, not offered for new entries


@dataclass(frozen=True, slots=True)
class CommuneDTO:
    code: str
    name: str
    unit_type: str


@dataclass(frozen=True, slots=True)
class VillageDTO:
    id: uuid.UUID
    commune_code: str
    name: str
    active: bool


@dataclass(frozen=True, slots=True)
class MemberMatch:
    """The member a search found a household by, when it was not the head."""

    name: str
    relationship: str  # the code table's label, e.g. "Vợ/chồng chủ hộ"


@dataclass(frozen=True, slots=True)
class HouseholdRow:
    """One line of the household list."""

    id: uuid.UUID
    code: str
    head_name: str
    village: str
    address: str
    members: int
    categories: tuple[str, ...]
    dissolved: bool
    matched: MemberMatch | None = None  # set only for a search that found the household by another member


@dataclass(frozen=True, slots=True)
class CategoryDTO:
    id: uuid.UUID
    category: str
    name: str
    year: int
    decision_no: str
    notes: str
    poverty_standard: str = ""  # code of poverty_standards.csv, for a poor or near-poor decision
    poverty_standard_name: str = ""
    poverty_standard_decree: str = ""  # "Nghị định 07/2021/NĐ-CP"


@dataclass(frozen=True, slots=True)
class PersonDTO:
    id: uuid.UUID
    household_id: uuid.UUID
    full_name: str
    sex: str
    birth_date: date
    relationship: str
    ethnicity: str
    education: str
    marital_status: str
    residence_status: str
    insurance_no: str
    national_id: str
    status: str
    death_date: date | None
    left_on: date | None
    notes: str
    is_head: bool = False

    def age_on(self, day: date) -> int:
        return day.year - self.birth_date.year - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))


@dataclass(frozen=True, slots=True)
class EventDTO:
    id: uuid.UUID
    kind: str
    kind_name: str
    household_id: uuid.UUID
    person_id: uuid.UUID | None
    person_name: str
    event_date: date
    reporting_month: str
    notes: str
    details: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VisitDTO:
    id: uuid.UUID
    household_id: uuid.UUID
    household_code: str
    visited_on: date
    collaborator_id: uuid.UUID  # a directory id
    collaborator: str  # that person's name in the directory now; "" while the directory has no row for it
    persons_met: tuple[uuid.UUID, ...]
    persons_met_names: tuple[str, ...]
    topics: tuple[str, ...]
    topic_names: tuple[str, ...]
    notes: str
    follow_up_on: date | None


@dataclass(frozen=True, slots=True)
class HouseholdDetail:
    id: uuid.UUID
    code: str
    commune_code: str
    commune_name: str
    village_id: uuid.UUID
    village: str
    address: str
    phone: str
    notes: str
    head_person_id: uuid.UUID | None
    dissolved_on: date | None
    dissolved_reason: str
    members: tuple[PersonDTO, ...]
    categories: tuple[CategoryDTO, ...]
    events: tuple[EventDTO, ...]
    visits: tuple[VisitDTO, ...]

    @property
    def head_name(self) -> str:
        return next((p.full_name for p in self.members if p.id == self.head_person_id), "")


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    person_id: uuid.UUID
    full_name: str
    birth_date: date
    household_code: str
    village: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "person" | "household"
    id: uuid.UUID
    household_id: uuid.UUID
    household_code: str
    label: str
    detail: str
    status: str


class IdList(Sequence[uuid.UUID]):
    """Record ids kept as the hex text SQLite stores, made UUIDs only when read.

    Turning 20,000 ids into UUID objects costs ~70 ms; a list view reads only the rows it shows.
    """

    __slots__ = ("_hex", "_made", "_where")

    def __init__(self, hexes: list[str]) -> None:
        self._hex = hexes
        self._made: dict[int, uuid.UUID] = {}
        self._where: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._hex)

    @overload
    def __getitem__(self, index: int) -> uuid.UUID: ...
    @overload
    def __getitem__(self, index: slice) -> list[uuid.UUID]: ...
    def __getitem__(self, index: int | slice) -> uuid.UUID | list[uuid.UUID]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._hex)))]
        if index < 0:
            index += len(self._hex)
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = uuid.UUID(hex=self._hex[index])
        return made

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        if self._where is None:
            self._where = {h: i for i, h in enumerate(self._hex)}
        found = self._where.get(value.hex) if isinstance(value, uuid.UUID) else None
        if found is None or found < start or (stop is not None and found >= stop):
            raise ValueError(value)
        return found

    def __contains__(self, value: object) -> bool:
        try:
            self.index(value)
        except ValueError:
            return False
        return True

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IdList):
            return self._hex == other._hex
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
