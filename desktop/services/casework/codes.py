"""The code tables of casework, named once: the case window and the printed case record read the same ones."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services import reference
from desktop.services.casework import cases, child, child_forms, dv, dv_measures, timeline
from desktop.services.casework.dv_measures import MeasureLimits
from desktop.services.dto import CodeDTO
from desktop.services.profile.handle import Profile

CASE_TABLES = (
    cases.KIND_TABLE,
    cases.RISK_TABLE,
    cases.SUPPORT_KINDS,
    dv.ACTS,
    dv.TYPES,
    dv.MEASURES,
    dv.RELATIONSHIPS,
    dv.BODIES,
    child.GROUPS,
    child.STEPS,
    child_forms.SOURCES,
    child_forms.TARGETS,
    timeline.KINDS,
    timeline.RESULTS,
)


@dataclass(frozen=True, slots=True)
class CaseCodeTables:
    """The code tables of casework, with the facts the case window needs beyond the names."""

    tables: dict[str, list[CodeDTO]]
    act_types: dict[str, str]  # act -> its type of violence
    measure_limits: dict[str, MeasureLimits]


def case_code_tables(profile: Profile) -> CaseCodeTables:
    with profile.sessions() as session:
        return CaseCodeTables(
            {table: reference.codes(session, table) for table in CASE_TABLES},
            dv.act_types(session),
            dv_measures.measure_limits(session),
        )
