"""The poverty standard a poor or near-poor decision is made under (domain.md §7.1): which standard covers
a year, and what is wrong with a household category entry. The standards are a code table
(resources/reference/poverty_standards.csv): each names its decree, the years it applies to and the
categories decided under it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models.register import HouseholdCategory
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.profile.handle import Profile
from desktop.services.rows import live
from desktop.services.validation import ADDRESS_MAX, code_problems, problem, text_problems, year_problems

CTX = "Households"
STANDARDS = "poverty_standards"
DECISION_MAX = 60


@dataclass(frozen=True, slots=True)
class Entry:
    """A category entry as the form gives it."""

    category: str
    year: int
    poverty_standard: str = ""
    decision_no: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class PovertyStandard:
    code: str
    name: str  # Vietnamese, as the card prints it
    decree: str  # "Nghị định 07/2021/NĐ-CP"
    first_year: int
    last_year: int
    categories: frozenset[str]  # the household categories decided under it (poor, near_poor)

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


def standards_of(session: Session) -> list[PovertyStandard]:
    return [
        PovertyStandard(
            code=item.code,
            name=item.name_vi,
            decree=item.extra.get("decree", ""),
            first_year=int(item.extra["first_year"]),
            last_year=int(item.extra["last_year"]),
            categories=frozenset(item.extra.get("categories", "").split()),
        )
        for item in reference.items(session, STANDARDS)
    ]


def poverty_standards(profile: Profile) -> list[PovertyStandard]:
    """The standards, oldest first, for the category form."""
    with profile.sessions() as session:
        return standards_of(session)


def needs_standard(category: str, standards: Iterable[PovertyStandard]) -> bool:
    return any(category in s.categories for s in standards)


def standard_for(category: str, year: int, standards: Iterable[PovertyStandard]) -> str:
    """The standard a `category` decision of `year` was made under; "" when none is known."""
    return next((s.code for s in standards if category in s.categories and s.covers(year)), "")


def entry_problems(
    category: str,
    year: int,
    standard: str,
    *,
    categories: Iterable[str],
    standards: Sequence[PovertyStandard],
    today: date,
) -> list[FieldProblem]:
    """The category, its year and the poverty standard: required, and covering the year, for a poor or
    near-poor decision; empty for every other category."""
    found = code_problems("category", category, categories)
    found += year_problems("year", year, today)
    if found and any(p.field == "category" for p in found):
        return found
    if not needs_standard(category, standards):
        if standard:
            found.append(
                problem(
                    "poverty_standard",
                    QT_TRANSLATE_NOOP(CTX, "Only a poor or near-poor decision names a poverty standard."),
                )
            )
        return found
    chosen = next((s for s in standards if s.code == standard), None)
    if not standard:
        found.append(
            problem(
                "poverty_standard",
                QT_TRANSLATE_NOOP(CTX, "Choose the poverty standard the decision was made under."),
            )
        )
    elif chosen is None or category not in chosen.categories:
        found += code_problems("poverty_standard", standard, ())
    elif not found and not chosen.covers(year):
        found.append(
            problem(
                "poverty_standard",
                QT_TRANSLATE_NOOP(CTX, "The standard of {decree} applies to {first}–{last}, not to {year}."),
                decree=chosen.decree,
                first=chosen.first_year,
                last=chosen.last_year,
                year=year,
            )
        )
    return found


def form_problems(
    entry: Entry, *, categories: Iterable[str], standards: Sequence[PovertyStandard], today: date
) -> list[FieldProblem]:
    """Everything wrong with the form's fields, without the database: what the dialog shows as the user types."""
    found = entry_problems(
        entry.category, entry.year, entry.poverty_standard, categories=categories, standards=standards, today=today
    )
    found += text_problems("decision_no", entry.decision_no, required=False, max_len=DECISION_MAX)
    found += text_problems("notes", entry.notes, required=False, max_len=ADDRESS_MAX)
    return found


def stored_entry_problems(session: Session, household_id: uuid.UUID, entry: Entry, today: date) -> list[FieldProblem]:
    """The form's problems, and a second entry of the same category and year for the household."""
    found = form_problems(
        entry,
        categories=reference.code_names(session, "household_categories"),
        standards=standards_of(session),
        today=today,
    )
    duplicate = session.scalar(
        select(func.count()).where(
            HouseholdCategory.household_id == household_id,
            HouseholdCategory.category == entry.category,
            HouseholdCategory.year == entry.year,
            live(HouseholdCategory),
        )
    )
    if duplicate:
        found.append(
            problem(
                "category",
                QT_TRANSLATE_NOOP(CTX, "This household already has that category for {year}."),
                year=entry.year,
            )
        )
    return found
