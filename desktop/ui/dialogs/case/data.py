"""Everything the case window shows, read in one go: the case, its kind's parts and the casework code tables."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from desktop.services.casework import cases, child, child_forms, child_plan, dv, dv_measures, parties
from desktop.services.casework import timeline as case_actions
from desktop.services.casework.cases import CHILD_PROTECTION, CaseDetail
from desktop.services.casework.codes import case_code_tables
from desktop.services.casework.parties import PartyDTO
from desktop.services.dto import CodeDTO
from desktop.services.profile.handle import Profile
from desktop.ui.codes import code_label


@dataclass(frozen=True, slots=True)
class CaseCodes:
    """The code tables of casework, with the facts the UI needs beyond the names."""

    tables: dict[str, list[CodeDTO]]
    act_types: dict[str, str] = field(default_factory=dict)
    measure_limits: dict[str, dv_measures.MeasureLimits] = field(default_factory=dict)

    def items(self, table: str) -> list[CodeDTO]:
        return self.tables.get(table, [])

    def label(self, table: str, code: str) -> str:
        for item in self.items(table):
            if item.code == code:
                return code_label(item)
        return code


@dataclass(frozen=True, slots=True)
class CaseData:
    detail: CaseDetail
    codes: CaseCodes
    dv: dv.DvCaseView | None = None
    child: child.ChildCaseView | None = None
    people: list[PartyDTO] = field(default_factory=list)  # victims, who caused harm, carers, reporters
    plan: list[child_plan.PlanItemDTO] = field(default_factory=list)  # a child case's support plan
    timeline: list[case_actions.TimelineEntry] = field(default_factory=list)  # latest first
    intake: child_forms.IntakeInput | None = None  # a child case's Mẫu 01
    review: child_forms.ReviewDTO | None = None  # a child case's Mẫu 06


def load_codes(profile: Profile) -> CaseCodes:
    found = case_code_tables(profile)
    return CaseCodes(found.tables, found.act_types, found.measure_limits)


def load_case(profile: Profile, case_id: uuid.UUID, codes: CaseCodes | None = None) -> CaseData:
    """Everything the case dialog shows; refused (PermissionDeniedError) without the right to the content."""
    detail = cases.detail(profile, case_id)
    codes = codes or load_codes(profile)
    people = parties.parties(profile, case_id)
    timeline = case_actions.timeline(profile, case_id)
    if detail.kind == dv.KIND:
        return CaseData(detail, codes, dv=dv.view(profile, case_id), people=people, timeline=timeline)
    if detail.kind == CHILD_PROTECTION:
        return CaseData(
            detail,
            codes,
            child=child.view(profile, case_id),
            people=people,
            plan=child_plan.items(profile, case_id),
            timeline=timeline,
            intake=child_forms.intake(profile, case_id),
            review=child_forms.review(profile, case_id),
        )
    return CaseData(detail, codes, people=people, timeline=timeline)
