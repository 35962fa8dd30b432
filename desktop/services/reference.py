"""Code tables and administrative units, loaded from resources/reference on first run."""

from __future__ import annotations

import csv
import hashlib
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models.profile import ProfileMeta
from db.models.reference import SHIPPED, AdminUnit, CodeItem
from db.models.register import Village, village_id
from desktop.errors import NotFoundError, ValidationError
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
            set_changed(unit, {**shipped, "retired": False})
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
                set_changed(item, {**shipped, "retired": False, "version": version})
    for item in held.values():
        if item.origin == SHIPPED:
            item.retired = True
    session.flush()


def set_changed(row: CodeItem | AdminUnit, values: Mapping[str, Any]) -> bool:
    """Sets the values that differ; says whether any did, so an unchanged row is not written again."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


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
