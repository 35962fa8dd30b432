"""Code tables and administrative units, loaded from resources/reference on first run."""

from __future__ import annotations

import csv
import hashlib
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models.profile import ProfileMeta
from db.models.reference import SHIPPED, UPPER, AdminUnit, CodeItem
from db.models.register import Village, village_id
from desktop.errors import FieldProblem, NotFoundError, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import resource
from desktop.services.dto import CodeDTO, CommuneDTO, VillageDTO
from desktop.services.rows import live
from desktop.services.validation import name_problems, problem, raise_if
from desktop.textnorm import clean, fold

if TYPE_CHECKING:
    from desktop.services.profile.handle import Profile

ADMIN_FILE = "admin_units.csv"
META_VERSION = "reference_version"
STANDARD_COLUMNS = {"code", "name_vi", "name_en", "sort_order"}
PROVINCE_CODE = "42"


def reference_dir() -> Path:
    return resource("reference")


def _code_files() -> Iterator[Path]:
    for path in sorted(reference_dir().glob("*.csv")):
        if path.name != ADMIN_FILE:
            yield path


def data_version() -> str:
    """A digest of every reference file, so a changed table is reloaded on the next start."""
    digest = hashlib.sha256()
    for path in sorted(reference_dir().glob("*.csv")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: clean(v) for k, v in row.items()} for row in csv.DictReader(handle)]


def load_if_needed(session: Session) -> None:
    version = data_version()
    current = session.get(ProfileMeta, META_VERSION)
    if current is not None and current.value == version:
        return
    _load_admin_units(session)
    _load_code_tables(session, version)
    session.merge(ProfileMeta(key=META_VERSION, value=version))


# The files are merged, never reloaded wholesale: a row the upper level sent is its authority's word and no
# file overwrites or retires it; a shipped row the files no longer have is retired, because old records
# still name it (domain.md, "Reference data from the upper level").


def _load_admin_units(session: Session) -> None:
    rows = _rows(reference_dir() / ADMIN_FILE)
    held = {unit.code: unit for unit in session.scalars(select(AdminUnit))}
    # Parents first, so the self-referencing foreign key holds at every insert.
    for row in sorted(rows, key=lambda r: r["level"] != "province"):
        shipped = {
            "name": row["name_vi"],
            "level": row["level"],
            "unit_type": row.get("unit_type", ""),
            "parent_code": row.get("parent_code") or None,
        }
        unit = held.pop(row["code"], None)
        if unit is None:
            session.add(AdminUnit(code=row["code"], origin=SHIPPED, **shipped))
            session.flush()
        elif unit.origin == SHIPPED:
            _set_changed(unit, {**shipped, "retired": False})
    for unit in held.values():
        if unit.origin == SHIPPED:
            unit.retired = True
    session.flush()


def _load_code_tables(session: Session, version: str) -> None:
    held = {(item.table, item.code): item for item in session.scalars(select(CodeItem))}
    for path in _code_files():
        for index, row in enumerate(_rows(path)):
            shipped = {
                "name_vi": row["name_vi"],
                "name_en": row.get("name_en", ""),
                "sort_order": int(row.get("sort_order") or index),
                "extra": {k: v for k, v in row.items() if k not in STANDARD_COLUMNS and v},
            }
            item = held.pop((path.stem, row["code"]), None)
            if item is None:
                session.add(CodeItem(table=path.stem, code=row["code"], origin=SHIPPED, version=version, **shipped))
            elif item.origin == SHIPPED:
                _set_changed(item, {**shipped, "retired": False, "version": version})
    for item in held.values():
        if item.origin == SHIPPED:
            item.retired = True
    session.flush()


def _set_changed(row: CodeItem | AdminUnit, values: Mapping[str, Any]) -> bool:
    """Sets the values that differ; says whether any did, so an unchanged row is not written again."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


# What the upper level sends ####################################################################


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
    _set_changed(unit, values)
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
    _set_changed(item, values)
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


def items(session: Session, table: str) -> list[CodeItem]:
    """A code table's rows with their extra columns (limits, types), in display order; for services."""
    stmt = select(CodeItem).where(CodeItem.table == table).order_by(CodeItem.sort_order, CodeItem.code)
    return list(session.scalars(stmt))


def codes(session: Session, table: str) -> list[CodeDTO]:
    """Every code of a table, retired ones too (flagged): old records still show their names."""
    return [CodeDTO(c.code, c.name_vi, c.name_en, c.sort_order, c.retired) for c in items(session, table)]


def offered(codes: Iterable[CodeDTO], *, keep: Iterable[str] = ()) -> list[CodeDTO]:
    """The codes a new entry may take: not retired, except those in `keep` (the value a record holds)."""
    kept = set(keep)
    return [c for c in codes if not c.retired or c.code in kept]


def code_names(session: Session, table: str) -> dict[str, str]:
    return {c.code: c.name_vi for c in codes(session, table)}


def communes(session: Session) -> list[CommuneDTO]:
    stmt = select(AdminUnit).where(
        AdminUnit.level == "commune", AdminUnit.legacy.is_(False), AdminUnit.retired.is_(False)
    )
    return [CommuneDTO(u.code, u.name, u.unit_type) for u in session.scalars(stmt.order_by(AdminUnit.code))]


def commune_choices() -> list[CommuneDTO]:
    """The communes of the province from the reference file: for the first run, before any database exists."""
    rows = _rows(reference_dir() / ADMIN_FILE)
    return [CommuneDTO(r["code"], r["name_vi"], r.get("unit_type", "")) for r in rows if r["level"] == "commune"]


def require_commune(session: Session, code: str) -> AdminUnit:
    unit = session.get(AdminUnit, code)
    if unit is None or unit.level != "commune":
        raise NotFoundError(QT_TRANSLATE_NOOP("Reference", "Unknown commune code {code}."), code=code)
    return unit


def villages(session: Session, commune_code: str, *, include_inactive: bool = False) -> list[VillageDTO]:
    stmt = select(Village).where(Village.commune_code == commune_code, live(Village))
    if not include_inactive:
        stmt = stmt.where(Village.active.is_(True))
    stmt = stmt.order_by(Village.sort_order, Village.name)
    return [VillageDTO(v.id, v.commune_code, v.name, v.active) for v in session.scalars(stmt)]


# What a screen shows, each read in a transaction of its own ##################################


def code_tables(profile: Profile, *tables: str) -> dict[str, list[CodeDTO]]:
    """Code tables by name, read together: the pickers and labels of a screen."""
    with profile.sessions() as session:
        return {table: codes(session, table) for table in tables}


def commune_villages(profile: Profile, *, include_inactive: bool = False) -> list[VillageDTO]:
    """The villages of the commune the profile serves, in their order; inactive ones only when asked."""
    with profile.sessions() as session:
        return villages(session, profile.commune_code, include_inactive=include_inactive)


def commune_name(profile: Profile) -> str:
    """The name of the commune the profile serves; "" before set-up or for a code the tables lack."""
    with profile.sessions() as session:
        return next((c.name for c in communes(session) if c.code == profile.commune_code), "")


def add_village(session: Session, commune_code: str, name: str) -> uuid.UUID:
    """Add a village to the commune, or bring back the one of this name that was removed or set inactive.

    The id is `village_id(commune_code, fold(name))`, so another laptop of the commune that adds the same
    village (with or without diacritics) makes the same row; a village that took that id and was renamed
    since keeps it, and the new one takes the next id of the sequence.
    """
    raise_if(name_problems("name", name))
    require_commune(session, commune_code)
    folded = fold(name)
    named = session.scalars(
        select(Village).where(Village.commune_code == commune_code, Village.name_folded == folded, live(Village))
    ).all()
    if any(village.active for village in named):
        raise ValidationError(
            [problem("name", QT_TRANSLATE_NOOP("Reference", "A village with this name already exists."))]
        )
    village = named[0] if named else _village_under_its_id(session, commune_code, folded)
    village.deleted_at, village.active = None, True
    village.name, village.name_folded = clean(name), folded
    session.flush()
    return village.id


def _village_under_its_id(session: Session, commune_code: str, folded: str) -> Village:
    """The row the village takes: new, or one of its ids that was deleted or set inactive (revived)."""
    attempt = 0
    while (found := session.get(Village, village_id(commune_code, folded, attempt=attempt))) is not None:
        if found.deleted_at is not None or not found.active:
            return found
        attempt += 1  # a live village renamed since holds this id
    order = session.scalar(select(func.count()).where(Village.commune_code == commune_code)) or 0
    village = Village(id=village_id(commune_code, folded, attempt=attempt), commune_code=commune_code, sort_order=order)
    session.add(village)
    return village


def rename_village(session: Session, village_id: uuid.UUID, name: str) -> None:
    raise_if(name_problems("name", name))
    village = session.get(Village, village_id)
    if village is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Reference", "This village no longer exists."))
    village.name = clean(name)
    village.name_folded = fold(name)
