"""The body whose name heads every report of this notebook (Decree 30/2020/NĐ-CP, Appendix I: "tên cơ quan,
tổ chức ban hành văn bản"), set in Cài đặt: the parent body, the issuing unit and the unit's abbreviation
that ends a document's number ("Số: 7/BC-TYT").

Until the user sets them, they are derived from the commune and nothing else: the collaborators report to
the commune health station (docs/domain.md §9.1), so the unit is "TRẠM Y TẾ XÃ <NAME>" (TYT) under
"UBND XÃ <NAME>". Stored in profile_meta, upper case as the header prints them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models.profile import ProfileMeta
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.profile.handle import Profile
from desktop.services.validation import problem, raise_if, text_problems
from desktop.textnorm import clean

CTX = "IssuingBody"
PARENT_KEY, UNIT_KEY, SYMBOL_KEY = "issuing_parent", "issuing_unit", "issuing_symbol"
NAME_MAX = 80  # a body's name in the header's left column: about three lines at most
SYMBOL_MAX = 12
DEFAULT_SYMBOL = "TYT"

# Upper-case letters (Vietnamese ones included), digits, and dashes between them: "TYT", "UBND", "TYT-DS".
_SYMBOL = re.compile(r"^[^\W_]+(-[^\W_]+)*$")


@dataclass(frozen=True, slots=True)
class IssuingBody:
    parent: str  # "Cơ quan chủ quản", e.g. "UBND XÃ CẨM XUYÊN"
    unit: str  # "Cơ quan, đơn vị ban hành", e.g. "TRẠM Y TẾ XÃ CẨM XUYÊN"
    symbol: str  # the unit's abbreviation in a document's number, e.g. "TYT"
    saved: bool  # False while the defaults derived from the commune stand


def issuing_body(profile: Profile) -> IssuingBody:
    """The body as set in Cài đặt, or the default derived from the commune."""
    with profile.sessions() as session:
        saved = _saved(session)
    if saved is not None:
        return saved
    return default_body(reference.commune_name(profile) or profile.commune_code)


def default_body(commune: str) -> IssuingBody:
    """ "UBND XÃ CẨM XUYÊN" / "TRẠM Y TẾ XÃ CẨM XUYÊN" / TYT for "Xã Cẩm Xuyên"; a ward the same with PHƯỜNG."""
    name = clean(commune)  # with its kind ("Xã", "Phường"), as the code table names it; never guessed
    return IssuingBody(f"UBND {name}".upper(), f"Trạm Y tế {name}".upper(), DEFAULT_SYMBOL, saved=False)


def body_problems(parent: str, unit: str, symbol: str) -> list[FieldProblem]:
    """What is wrong with the three fields, as the Cài đặt page shows it while the user types."""
    found = [
        *text_problems("parent", parent, required=True, max_len=NAME_MAX),
        *text_problems("unit", unit, required=True, max_len=NAME_MAX),
        *text_problems("symbol", symbol, required=True, max_len=SYMBOL_MAX),
    ]
    if not any(p.field == "symbol" for p in found) and not _SYMBOL.match(clean(symbol)):
        message = QT_TRANSLATE_NOOP(CTX, "Use letters and digits only, with a dash between parts, e.g. TYT or UBND.")
        found.append(problem("symbol", message))
    return found


def save_issuing_body(profile: Profile, parent: str, unit: str, symbol: str) -> IssuingBody:
    """Store the three fields, upper case and trimmed; refused with the problems of `body_problems`."""
    raise_if(body_problems(parent, unit, symbol))
    body = IssuingBody(clean(parent).upper(), clean(unit).upper(), clean(symbol).upper(), saved=True)
    with profile.sessions.begin() as session:
        for key, value in ((PARENT_KEY, body.parent), (UNIT_KEY, body.unit), (SYMBOL_KEY, body.symbol)):
            session.merge(ProfileMeta(key=key, value=value))
    return body


def _saved(session: Session) -> IssuingBody | None:
    values = [session.get(ProfileMeta, key) for key in (PARENT_KEY, UNIT_KEY, SYMBOL_KEY)]
    if any(row is None or not row.value for row in values):
        return None  # all three are saved together; a part missing means never saved
    parent, unit, symbol = (row.value for row in values if row is not None)
    return IssuingBody(parent, unit, symbol, saved=True)
