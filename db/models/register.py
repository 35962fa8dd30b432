"""The household register: villages, households, their people, population events and visits.

Text columns hold NFC; `*_folded` columns hold the search keys.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.base import ADDRESS_MAX, NAME_MAX, Base, SyncedMixin

VILLAGE_NAMESPACE = uuid.UUID("56087b61-0d96-4f4e-89b9-3f46354d1595")


def village_id(commune_code: str, name_folded: str, *, attempt: int = 0) -> uuid.UUID:
    """The id a village of `commune_code` gets when it is added under a name that folds to `name_folded`
    (desktop.textnorm.fold; the database layer cannot import it), the same on every device.

    `attempt` counts the ids already held by another village: after "Thôn Đông" was renamed "Thôn Đông Hà",
    a new "Thôn Đông" takes the next id of the same sequence, so two devices that add it still meet.
    """
    if attempt < 0:
        raise ValueError("attempt counts from 0")
    suffix = f":{attempt}" if attempt else ""
    return uuid.uuid5(VILLAGE_NAMESPACE, f"{commune_code}:{name_folded}{suffix}")


class Village(SyncedMixin, Base):
    """Thôn / tổ dân phố: set by the province, not in the national list, so editable per commune.

    The id is `village_id(commune_code, fold(name))` of the name it was added under, so two laptops of
    one commune that add "Thôn Đông" (or "thon dong") make one row, which sync merges. A rename keeps the
    id: a village's identity is fixed when it is created. Villages that existed before ids were derived
    were given theirs by migration 0015, except the second of two whose names fold alike.
    """

    __tablename__ = "villages"
    commune_code: Mapped[str] = mapped_column(ForeignKey("admin_units.code"), index=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_folded: Mapped[str] = mapped_column(String(NAME_MAX))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Household(SyncedMixin, Base):
    __tablename__ = "households"
    code: Mapped[str] = mapped_column(String(20), index=True)
    commune_code: Mapped[str] = mapped_column(ForeignKey("admin_units.code"), index=True)
    village_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("villages.id"), index=True)
    address: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")
    address_folded: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")
    head_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", use_alter=True), default=None, index=True
    )
    phone: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    dissolved_on: Mapped[date | None] = mapped_column(Date, default=None)
    dissolved_reason: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")
    legacy_district: Mapped[str] = mapped_column(String(10), default="")
    legacy_commune_code: Mapped[str] = mapped_column(String(10), default="")

    # The household list is shown village by village in number order.
    __table_args__ = (Index("ix_households_village_code", "village_id", "code"),)


class HouseholdCategory(SyncedMixin, Base):
    """Poor / near-poor / policy… as decided by the commune: referenced, never computed."""

    __tablename__ = "household_categories"
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    category: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    decision_no: Mapped[str] = mapped_column(String(60), default="")
    # The poverty standard a poor or near-poor decision was made under (poverty_standards.csv); "" for others.
    poverty_standard: Mapped[str] = mapped_column(String(20), default="", server_default="")
    notes: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")


class Person(SyncedMixin, Base):
    __tablename__ = "people"
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_folded: Mapped[str] = mapped_column(String(NAME_MAX))
    sex: Mapped[str] = mapped_column(String(4))
    birth_date: Mapped[date] = mapped_column(Date)
    birth_year: Mapped[int] = mapped_column(Integer)
    relationship: Mapped[str] = mapped_column(String(40))
    ethnicity: Mapped[str] = mapped_column(String(4), default="01")
    education: Mapped[str] = mapped_column(String(40), default="")
    marital_status: Mapped[str] = mapped_column(String(40), default="")
    residence_status: Mapped[str] = mapped_column(String(40), default="")
    insurance_no: Mapped[str] = mapped_column(String(20), default="")
    national_id: Mapped[str] = mapped_column(String(12), default="")
    # present | moved_out | dead
    status: Mapped[str] = mapped_column(String(12), default="present")
    death_date: Mapped[date | None] = mapped_column(Date, default=None)
    left_on: Mapped[date | None] = mapped_column(Date, default=None)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_people_dup", "name_folded", "birth_year"),)


class PopulationEvent(SyncedMixin, Base):
    """One line of the monthly P0 slip: birth, death, move, marriage… with its reporting month."""

    __tablename__ = "population_events"
    kind: Mapped[str] = mapped_column(String(40), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"), index=True, default=None)
    event_date: Mapped[date] = mapped_column(Date)
    reporting_month: Mapped[str] = mapped_column(String(7), index=True)  # "YYYY-MM"
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")


class Visit(SyncedMixin, Base):
    __tablename__ = "visits"
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date, index=True)
    # Who made the visit: a directory id (db/models/directory.py), never a name, so a rename or two
    # "Hoa" on two laptops cannot move a visit to someone else. No foreign key: a visit may arrive by
    # sync before its directory row does.
    collaborator_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    # Person ids (hex) and topic codes travel inside the row so a visit syncs as one unit.
    persons_met: Mapped[list[str]] = mapped_column(JSON, default=list)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
