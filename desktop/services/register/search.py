"""Search without diacritics or case over names, household numbers and addresses.

Folded text sits in `search_entries` (kept by triggers, see db.search_index) with two FTS5 indexes:
`search_words` matches words as they are being typed ("nguyen th" finds "Nguyễn Thị"), and when
that finds nothing, `search_fts` (trigrams) finds a fragment inside a word ("uong" in "Hường").

Broad queries ("ng") can match most of the register; reading every match to sort it costs far more
than the 30 ms a keystroke may take, so matches are streamed from the index and capped. The caller
learns when a list was cut and asks the user to type more.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.services.dto import MemberMatch, SearchHit
from desktop.services.profile.access import SYSTEM, CurrentUser, village_sql
from desktop.services.profile.handle import Profile
from desktop.textnorm import fold

TRIGRAM = 3
_TOKEN = re.compile(r"\w+")
MAX_WORDS = 8
RANK_POOL = 400  # matches read per query phase to choose the best `limit` from


@dataclass(frozen=True, slots=True)
class Matcher:
    """One way to find search_entries rows: a subquery of ids (in index order) and its parameters."""

    ids_sql: str
    params: dict[str, str]


def words_of(query: str) -> list[str]:
    # Quotes would end an FTS5 string early; everything else is safe inside one.
    words = [w.replace('"', "") for w in fold(query).split()][:MAX_WORDS]
    return [w for w in words if w]


def matchers(query: str) -> Iterator[Matcher]:
    """Ways to answer the query, best first: the exact phrase, all words, then fragments."""
    words = words_of(query)
    if not words:
        return
    if len(words) > 1:
        yield _words('"{}"*'.format(" ".join(words)))
    yield _words(" AND ".join(f'"{w}"*' for w in words))


def fragment_matcher(query: str) -> Matcher | None:
    """Fragments inside words, for when no word starts with what was typed."""
    words = words_of(query)
    long_words = [w for w in words if len(w) >= TRIGRAM]
    if not long_words:
        return None
    params = {"match": " AND ".join(f'"{w}"' for w in long_words)}
    sql = "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH :match"
    for i, word in enumerate(w for w in words if len(w) < TRIGRAM):
        params[f"w{i}"] = _like_pattern(word)
        sql = f"SELECT e.id FROM search_entries e WHERE e.id IN ({sql}) AND e.text LIKE :w{i} ESCAPE '\\'"
    return Matcher(sql, params)


def _words(match: str) -> Matcher:
    return Matcher("SELECT rowid AS id FROM search_words WHERE search_words MATCH :match", {"match": match})


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _all_matchers(session: Session, query: str) -> list[Matcher]:
    found = list(matchers(query))
    if not found:
        return []
    probe = found[-1]
    if session.execute(text(f"SELECT 1 FROM ({probe.ids_sql} LIMIT 1)"), probe.params).first() is None:
        fragments = fragment_matcher(query)
        return [fragments] if fragments else []
    return found


# People and households for the find command and quick look-ups ########################


_HITS_SQL = """
SELECT e.kind, e.ref_id, e.household_id, h.code, v.name, p.full_name, p.birth_year, p.status,
       h.address, h.dissolved_on, e.text
FROM ({pool}) m
CROSS JOIN search_entries e ON e.id = m.id
JOIN households h ON h.id = e.household_id
JOIN villages v ON v.id = h.village_id
LEFT JOIN people p ON p.id = e.ref_id AND e.kind = 'person'
WHERE h.commune_code = :commune AND h.deleted_at IS NULL
"""


# A user who keeps some villages only: the pool is filled from those villages, not cut before the filter.
_SCOPED_POOL = """
SELECT s.id FROM ({ids}) s
CROSS JOIN search_entries se ON se.id = s.id
JOIN households h ON h.id = se.household_id
WHERE 1{scope}
LIMIT :pool
"""


def search(profile: Profile, query: str, *, limit: int = 50) -> list[SearchHit]:
    """People and households matching the query: exact phrases first, then people before households.

    Only households the logged-in user may see are searched (desktop.services.profile.access)."""
    hits: dict[str, SearchHit] = {}
    scope, scope_params = village_sql(profile.user, "h")
    with profile.sessions() as session:
        for matcher in _all_matchers(session, query):
            # The pool is never smaller than what was asked for, so a count above `limit` can be shown.
            pool_size = max(RANK_POOL, limit)
            params = {**matcher.params, **scope_params, "pool": pool_size, "commune": profile.commune_code}
            pool = (
                _SCOPED_POOL.format(ids=matcher.ids_sql, scope=scope)
                if scope
                else f"SELECT id FROM ({matcher.ids_sql}) LIMIT :pool"
            )
            rows = session.execute(text(_HITS_SQL.format(pool=pool)), params).all()
            for row in sorted(rows, key=lambda r: (r[0] != "person", r[10], r[3])):
                hits.setdefault(row[1], _hit(row))
            if len(hits) >= limit:
                break
    return list(hits.values())[:limit]


_COUNT_SQL = """
SELECT count(*) FROM ({ids}) m
CROSS JOIN search_entries e ON e.id = m.id
JOIN households h ON h.id = e.household_id
WHERE h.commune_code = :commune AND h.deleted_at IS NULL{scope}
"""


def count(profile: Profile, query: str) -> int:
    """How many people and households `search` could list for the query, however many it was asked for."""
    scope, scope_params = village_sql(profile.user, "h")
    with profile.sessions() as session:
        found = _all_matchers(session, query)
        if not found:
            return 0
        widest = found[-1]  # every other way of answering finds a part of what this one finds
        sql = _COUNT_SQL.format(ids=widest.ids_sql, scope=scope)
        return int(
            session.execute(text(sql), {**widest.params, **scope_params, "commune": profile.commune_code}).scalar_one()
        )


def _hit(row: tuple) -> SearchHit:  # type: ignore[type-arg]
    kind, ref, household, code, village, name, year, status, address, dissolved, _text = row
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


# Households for the list #############################################################


_HOUSEHOLDS_SQL = """
SELECT h.id FROM households h JOIN villages v ON v.id = h.village_id
WHERE h.id IN (
    SELECT DISTINCT e.household_id
    FROM ({ids}) m
    CROSS JOIN search_entries e ON e.id = m.id
    CROSS JOIN households h2 ON h2.id = e.household_id
    WHERE h2.deleted_at IS NULL AND h2.commune_code = :commune {extra}
    LIMIT :cap
)
ORDER BY v.sort_order, v.name, h.code
"""


def matching_households(
    session: Session,
    commune: str,
    query: str,
    *,
    cap: int,
    village_id: uuid.UUID | None = None,
    include_dissolved: bool = True,
    user: CurrentUser = SYSTEM,
) -> tuple[list[str], bool]:
    """Up to `cap` households (hex ids, register order) whose number, address or a member's name matches,
    and whether that is all of them."""
    matchers_ = _all_matchers(session, query)
    if not matchers_:
        return [], True
    matcher = matchers_[-1]  # the widest: every word, anywhere in the name
    extra, scope_params = village_sql(user, "h2")
    params: dict[str, object] = {**matcher.params, **scope_params, "commune": commune, "cap": cap + 1}
    if village_id is not None:
        extra += " AND h2.village_id = :village"
        params["village"] = village_id.hex
    if not include_dissolved:
        extra += " AND h2.dissolved_on IS NULL"
    found = session.execute(text(_HOUSEHOLDS_SQL.format(ids=matcher.ids_sql, extra=extra)), params).scalars().all()
    # Which household the cap leaves out is arbitrary anyway: all of them match.
    return list(found[:cap]), len(found) <= cap


# Which member a household was found by ################################################


_ENTRIES_SQL = """
SELECT e.household_id, e.kind = 'household' OR e.ref_id = h.head_person_id, e.text, p.full_name, p.relationship
FROM search_entries e
JOIN households h ON h.id = e.household_id
LEFT JOIN people p ON p.id = e.ref_id AND e.kind = 'person'
WHERE e.household_id IN ({households})
ORDER BY p.sort_order, p.birth_date
"""


def member_matches(
    session: Session, query: str, household_ids: Sequence[uuid.UUID], relationships: dict[str, str]
) -> dict[uuid.UUID, MemberMatch]:
    """For each of these households found by the query only through a member who is not the head: that
    member (the first in household order). A household found by its number, address or head has none:
    the list already shows why it is there.

    The households' own entries are read and matched here the way the index matched them (every word
    starts a word of the name; or, when the index found no word, every word is inside it): asking the
    index again would cost as much as the search itself for a broad query such as "ng"."""
    matches = _entry_test(session, query)
    if matches is None or not household_ids:
        return {}
    params = {f"h{i}": household.hex for i, household in enumerate(household_ids)}
    sql = _ENTRIES_SQL.format(households=", ".join(f":h{i}" for i in range(len(household_ids))))
    by_head: set[str] = set()
    found: dict[str, MemberMatch] = {}
    for household, itself_or_head, folded, name, relationship in session.execute(text(sql), params):
        if not matches(folded):
            continue
        if itself_or_head:
            by_head.add(household)
        elif name is not None:
            found.setdefault(household, MemberMatch(name, relationships.get(relationship, relationship)))
    return {uuid.UUID(hex=h): match for h, match in found.items() if h not in by_head}


def _entry_test(session: Session, query: str) -> Callable[[str], bool] | None:
    """A test of one entry's folded text against the query, as `matching_households` matched it."""
    found = _all_matchers(session, query)
    if not found:
        return None
    words = words_of(query)
    if found[-1].ids_sql.startswith("SELECT rowid AS id FROM search_words"):
        # The word index splits at anything but letters and digits, and matches each piece's start.
        pieces = [piece for word in words for piece in _TOKEN.findall(word)]
        return lambda folded: all(any(t.startswith(p) for t in _TOKEN.findall(folded)) for p in pieces)
    return lambda folded: all(word in folded for word in words)
