"""Reference data the upper level sends: code items and administrative units, merged by their clocks.

The upper level is the authority for its area, so its row wins over the one shipped with the app; a later
clock wins over an earlier one, and an equal or older one changes nothing (docs/domain.md §11.1).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from db.models.reference import UPPER, AdminUnit, CodeItem
from desktop.errors import FieldProblem, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.reference import set_changed
from desktop.services.validation import problem, raise_if
from desktop.textnorm import clean


@dataclass(frozen=True, slots=True)
class CodeRow:
    """One code of a code table as the upper level last changed it, at its clock `hlc`."""

    table: str
    code: str
    name_vi: str
    hlc: str
    name_en: str = ""
    sort_order: int = 0
    extra: Mapping[str, Any] = field(default_factory=dict)
    retired: bool = False


@dataclass(frozen=True, slots=True)
class UnitRow:
    """One administrative unit as the upper level last changed it, at its clock `hlc`."""

    code: str
    name: str
    level: str
    hlc: str
    unit_type: str = ""
    parent_code: str | None = None
    legacy: bool = False
    retired: bool = False


ReferenceRow = CodeRow | UnitRow

UNIT_LEVELS = ("province", "commune")
ADMIN_TABLE = "admin_units"  # the table name unknown_codes takes for a use of an administrative unit


@dataclass(frozen=True, slots=True)
class ReferenceMergeReport:
    """What merge_upper_level did: the rows it took, and those it left because the profile's were as new."""

    codes_applied: tuple[tuple[str, str], ...] = ()  # (table, code)
    units_applied: tuple[str, ...] = ()
    codes_unchanged: tuple[tuple[str, str], ...] = ()
    units_unchanged: tuple[str, ...] = ()


def merge_upper_level(session: Session, items: Sequence[ReferenceRow]) -> ReferenceMergeReport:
    """Takes the upper level's code items and units: the later clock wins, an older or equal one changes
    nothing; a row taken becomes the upper level's, which the app's files never overwrite or retire.
    A malformed row refuses the whole batch (ValidationError) before anything is written."""
    raise_if(_row_problems(items))
    units = sorted((row for row in items if isinstance(row, UnitRow)), key=lambda r: r.level != "province")
    _require_parents(session, units)
    codes_applied: list[tuple[str, str]] = []
    codes_unchanged: list[tuple[str, str]] = []
    units_applied: list[str] = []
    units_unchanged: list[str] = []
    for unit in units:
        (units_applied if _take_unit(session, unit) else units_unchanged).append(unit.code)
    for code in (row for row in items if isinstance(row, CodeRow)):
        key = (code.table, code.code)
        (codes_applied if _take_code(session, code) else codes_unchanged).append(key)
    session.flush()
    return ReferenceMergeReport(
        tuple(codes_applied), tuple(units_applied), tuple(codes_unchanged), tuple(units_unchanged)
    )


def _take_unit(session: Session, row: UnitRow) -> bool:
    values = {
        "name": row.name,
        "level": row.level,
        "unit_type": row.unit_type,
        "parent_code": row.parent_code,
        "legacy": row.legacy,
        "retired": row.retired,
        "origin": UPPER,
        "hlc": row.hlc,
    }
    unit = session.get(AdminUnit, row.code)
    if unit is None:
        session.add(AdminUnit(code=row.code, **values))
        session.flush()  # a unit later in the batch may name this one as its parent
        return True
    if row.hlc <= unit.hlc:  # the clock is fixed-width text that sorts in time order
        return False
    set_changed(unit, values)
    return True


def _take_code(session: Session, row: CodeRow) -> bool:
    values = {
        "name_vi": row.name_vi,
        "name_en": row.name_en,
        "sort_order": row.sort_order,
        "extra": dict(row.extra),
        "retired": row.retired,
        "origin": UPPER,
        "hlc": row.hlc,
    }
    item = session.get(CodeItem, (row.table, row.code))
    if item is None:
        session.add(CodeItem(table=row.table, code=row.code, **values))
        return True
    if row.hlc <= item.hlc:
        return False
    set_changed(item, values)
    return True


def _row_problems(items: Sequence[ReferenceRow]) -> list[FieldProblem]:
    found: list[FieldProblem] = []
    for row in items:
        key = f"{row.table}/{row.code}" if isinstance(row, CodeRow) else row.code
        names = (row.table, row.code, row.name_vi) if isinstance(row, CodeRow) else (row.code, row.name, row.level)
        if not row.hlc or not all(clean(name) for name in names):
            found.append(
                problem(
                    "reference",
                    QT_TRANSLATE_NOOP(
                        "Reference",
                        "The upper level sent code {key} incomplete; nothing was taken. "
                        "Ask the upper level to send its codes again.",
                    ),
                    key=key,
                )
            )
        elif isinstance(row, UnitRow) and row.level not in UNIT_LEVELS:
            found.append(
                problem(
                    "reference",
                    QT_TRANSLATE_NOOP(
                        "Reference",
                        "The upper level sent unit {key} at an unknown level; nothing was taken. "
                        "Ask the upper level to check it.",
                    ),
                    key=key,
                )
            )
    return found


def _require_parents(session: Session, units: Sequence[UnitRow]) -> None:
    sent = {unit.code for unit in units}
    for unit in units:
        parent = unit.parent_code
        if parent and parent not in sent and session.get(AdminUnit, parent) is None:
            raise ValidationError(
                [
                    problem(
                        "reference",
                        QT_TRANSLATE_NOOP(
                            "Reference",
                            "The upper level sent unit {key} under a unit this profile lacks; nothing was taken. "
                            "Ask the upper level to send its units again.",
                        ),
                        key=unit.code,
                    )
                ]
            )


def unknown_codes(session: Session, uses: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (table, code) pairs among `uses` that the profile does not know, each once, in the order first
    used; a retired code is known. Table "admin_units" names an administrative unit by its code."""
    found: list[tuple[str, str]] = []
    for table, code in dict.fromkeys(uses):
        if table == ADMIN_TABLE:
            known = session.get(AdminUnit, code) is not None
        else:
            known = session.get(CodeItem, (table, code)) is not None
        if not known:
            found.append((table, code))
    return found
