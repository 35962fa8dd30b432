"""Search without diacritics or case over names, household numbers and addresses.

Folded text sits in `search_entries` (kept by triggers, see migration 0001) with an FTS5 trigram
index. Words of three letters or more go to the index; shorter words ("le", "ha") cannot form a
trigram and filter the candidates with LIKE instead.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, String, select, text

from db.models import Household
from desktop.services.dto import SearchHit
from desktop.services.profile import Profile
from desktop.textnorm import fold

TRIGRAM = 3
MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class SearchPlan:
    where: str
    params: dict[str, str]
    phrase: str  # the whole folded query, for ranking exact phrases first


def plan(query: str) -> SearchPlan | None:
    """SQL condition on `search_entries e` for the query, or None when there is nothing to search."""
    words = [w.replace('"', "") for w in fold(query).split()][:MAX_WORDS]
    words = [w for w in words if w]
    if not words:
        return None
    long_words = [w for w in words if len(w) >= TRIGRAM]
    short_words = [w for w in words if len(w) < TRIGRAM]
    clauses: list[str] = []
    params: dict[str, str] = {}
    if long_words:
        params["match"] = " AND ".join(f'"{w}"' for w in long_words)
        clauses.append("e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH :match)")
    for i, word in enumerate(short_words):
        params[f"w{i}"] = _like_pattern(word)
        clauses.append(f"e.text LIKE :w{i} ESCAPE '\\'")
    return SearchPlan(" AND ".join(clauses), params, _like_pattern(" ".join(words)))


def _like_pattern(words: str) -> str:
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def household_filter(query: str) -> ColumnElement[bool] | None:
    """Condition on Household.id: its number, address or any member's name matches; None = no filter.

    Kept as a subquery so SQLite joins it instead of receiving thousands of bound ids.
    """
    found = plan(query)
    if found is None:
        return None
    matched = (
        text(f"SELECT e.household_id FROM search_entries e WHERE {found.where}")
        .bindparams(**found.params)
        .columns(household_id=String)
        .subquery()
    )
    return Household.id.in_(select(matched.c.household_id))


_HITS_SQL = """
SELECT e.kind, e.ref_id, e.household_id, h.code, v.name,
       p.full_name, p.birth_year, p.status, h.address, h.dissolved_on
FROM search_entries e
JOIN households h ON h.id = e.household_id
JOIN villages v ON v.id = h.village_id
LEFT JOIN people p ON p.id = e.ref_id AND e.kind = 'person'
WHERE {where} AND h.commune_code = :commune
ORDER BY e.text LIKE :phrase ESCAPE '\\' DESC, e.kind DESC, v.sort_order, h.code, p.sort_order
LIMIT :limit
"""


def search(profile: Profile, query: str, *, limit: int = 50) -> list[SearchHit]:
    """People and households matching the query, people first."""
    found = plan(query)
    if found is None:
        return []
    params: dict[str, object] = {
        **found.params,
        "phrase": found.phrase,
        "commune": profile.commune_code,
        "limit": limit,
    }
    with profile.sessions() as session:
        rows = session.execute(text(_HITS_SQL.format(where=found.where)), params).all()
    return [_hit(row) for row in rows]


def _hit(row: tuple) -> SearchHit:  # type: ignore[type-arg]
    kind, ref, household, code, village, name, year, status, address, dissolved = row
    if kind == "person":
        return SearchHit(kind, uuid.UUID(hex=ref), uuid.UUID(hex=household), code, name, f"{year} · {village}", status)
    return SearchHit(
        kind,
        uuid.UUID(hex=ref),
        uuid.UUID(hex=household),
        code,
        code,
        " · ".join(x for x in (address, village) if x),
        "dissolved" if dissolved else "present",
    )
