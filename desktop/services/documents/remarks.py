"""The free-text end of the monthly report: "Khó khăn, vướng mắc" and "Đề xuất, kiến nghị".

The user writes them when making the report; they are kept per month and per user in the profile's own
facts (`profile_meta`, never synced), so the window and the command line print the same text when the
report is made again. Each user has their own, as each user's report covers their own villages.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models.profile import ProfileMeta
from desktop.errors import FieldProblem
from desktop.security.keyslot import user_key
from desktop.services.documents.monthly import month_bounds
from desktop.services.profile.handle import Profile
from desktop.services.validation import raise_if, text_problems
from desktop.textnorm import nfc

REMARKS_MAX = 2000  # characters of each part: about half a printed page
KEY_PREFIX = "monthly_remarks"


@dataclass(frozen=True, slots=True)
class Remarks:
    difficulties: str = ""  # Khó khăn, vướng mắc
    proposals: str = ""  # Đề xuất, kiến nghị


def remarks_problems(remarks: Remarks) -> list[FieldProblem]:
    """What is wrong with the texts (too long, control characters), as a form shows it while typing."""
    fields = (("difficulties", remarks.difficulties), ("proposals", remarks.proposals))
    return [
        found
        for field, text in fields
        for found in text_problems(field, _normal(text), required=False, max_len=REMARKS_MAX, multiline=True)
    ]


def monthly_remarks(profile: Profile, month: str) -> Remarks:
    """What the logged-in user wrote for `month` ("YYYY-MM"); empty texts when nothing was written."""
    with profile.sessions() as session:
        row = session.get(ProfileMeta, _key(profile, month))
        return _read(row.value) if row is not None else Remarks()


def save_monthly_remarks(profile: Profile, month: str, remarks: Remarks) -> Remarks:
    """Keep the texts for `month` (NFC, trimmed; both empty removes them); refuse bad text, saving nothing."""
    key = _key(profile, month)
    raise_if(remarks_problems(remarks))
    kept = Remarks(_normal(remarks.difficulties).strip(), _normal(remarks.proposals).strip())
    with profile.sessions.begin() as session:
        _store(session, key, kept)
    return kept


def _store(session: Session, key: str, remarks: Remarks) -> None:
    row = session.get(ProfileMeta, key)
    if not (remarks.difficulties or remarks.proposals):
        if row is not None:
            session.delete(row)
        return
    value = json.dumps({"difficulties": remarks.difficulties, "proposals": remarks.proposals}, ensure_ascii=False)
    session.merge(ProfileMeta(key=key, value=value))


def _normal(text: str) -> str:
    # Text pasted from elsewhere may come decomposed or with Windows line ends: stored as one form.
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def _key(profile: Profile, month: str) -> str:
    """The row of this user's texts for the month; a month written wrongly is refused."""
    first, _last = month_bounds(month)
    # A digest, not the name: the key stays short (profile_meta keys are 64 characters at most).
    who = hashlib.sha256(user_key(profile.user.name).encode("utf-8")).hexdigest()[:16]
    return f"{KEY_PREFIX}:{first:%Y-%m}:{who}"


def _read(value: str) -> Remarks:
    try:
        stored = json.loads(value)
    except ValueError:
        return Remarks()
    if not isinstance(stored, dict):
        return Remarks()
    return Remarks(str(stored.get("difficulties", "")), str(stored.get("proposals", "")))
