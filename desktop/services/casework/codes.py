"""The code tables of casework, named once: the case window and the printed case record read the same ones."""

from __future__ import annotations

from desktop.services.casework import cases, child, child_forms, dv, timeline

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
