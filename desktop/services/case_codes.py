"""The code tables of casework, named once: the case window and the printed case record read the same ones."""

from __future__ import annotations

from desktop.services import case_actions, cases, child, child_forms, dv

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
    case_actions.KINDS,
    case_actions.RESULTS,
)
