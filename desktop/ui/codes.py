"""Reference code tables (sex, relationship, ethnic groups…) cached for labels and pickers."""

from __future__ import annotations

from desktop.services import reference
from desktop.services.dto import CodeDTO
from desktop.services.profile.handle import Profile
from desktop.ui.translation import current_language

TABLES = (
    "sex",
    "relationship",
    "ethnic_groups",
    "education",
    "marital_status",
    "residence_status",
    "household_categories",
    "population_event_kinds",
    "visit_topics",
    "fp_methods",
    "activity_forms",
    "screening_conditions",
)


class CodeCache:
    """Loaded once on first use; the tables change only when the app's reference files change."""

    def __init__(self, profile: Profile) -> None:
        self._profile = profile
        self._tables: dict[str, list[CodeDTO]] | None = None

    def _load(self) -> dict[str, list[CodeDTO]]:
        if self._tables is None:
            self._tables = reference.code_tables(self._profile, *TABLES)
        return self._tables

    def items(self, table: str) -> list[CodeDTO]:
        return self._load()[table]

    def label(self, table: str, code: str) -> str:
        for item in self._load()[table]:
            if item.code == code:
                return code_label(item)
        return code


def code_label(item: CodeDTO) -> str:
    return item.name_en if current_language() == "en" and item.name_en else item.name_vi
