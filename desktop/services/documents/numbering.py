"""Document numbers ("Số: 7/BC-TYT"): a sequence per type of document and year of issue, kept in the profile.

Decree 30/2020/NĐ-CP numbers a body's documents in order within a year, in Arabic numerals, followed by the
type's abbreviation and the issuing body's ("7/BC-TYT"). Here one number belongs to one document: the first
export of, say, the monthly report of 2026-10 takes the next number of its series in its year of issue and
keeps it, so exporting that report again (PDF then XLSX, or later) prints the same number. A preview shows
the number the document will get (`peek`) without taking it.

Kinds with the same type code share one series (the monthly and the campaign reports are both "BC"), so two
different reports never print the same number. Each series and year is one row of profile_meta holding the
last number given and the number of each document; it needs no migration and is never synced.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from db.models.profile import ProfileMeta
from desktop.reports.content import with_digest
from desktop.reports.model import NumberKey, ReportDocument
from desktop.services.profile import issuing_body
from desktop.services.profile.handle import Profile

# Decree 30, Appendix III gives "BC" for a report; the record and the household card have no type of their
# own there, and keep the codes they always had. A new numbered kind adds its line here.
TYPE_CODES = {
    "monthly": "BC",
    "campaign": "BC",
    "household": "PTT",
    "case": "HS",
    "family-dv": "BC",
    "p0": "P0",  # the forms of Thông tư 01/2022 are known by their own codes: "Số: 3/P0-TYT"
    "a0": "A0",
}
KEY_PREFIX = "doc_numbers"


@dataclass(slots=True)
class _Book:
    """One series in one year: the last number given, and the number of each document that has one."""

    last: int = 0
    given: dict[str, int] = field(default_factory=dict)


def type_code(kind: str) -> str:
    try:
        return TYPE_CODES[kind]
    except KeyError:
        raise ValueError(f"no document type code for the kind {kind!r}: add it to numbering.TYPE_CODES") from None


def peek(profile: Profile, kind: str, year: int, subject: str) -> int:
    """The number this document has, or the one it would get if exported now; nothing is written."""
    with profile.sessions() as session:
        book = _read(session, kind, year)
    return book.given.get(_entry(kind, subject), book.last + 1)


def take(profile: Profile, kind: str, year: int, subject: str) -> int:
    """The document's number: the one it was given before, or the next of its series, kept from now on."""
    with profile.sessions.begin() as session:
        book = _read(session, kind, year)
        entry = _entry(kind, subject)
        if entry not in book.given:
            book.last += 1
            book.given[entry] = book.last
            value = json.dumps({"last": book.last, "given": book.given}, ensure_ascii=False, sort_keys=True)
            session.merge(ProfileMeta(key=_key(kind, year), value=value))
        return book.given[entry]


def number_line(number: int, kind: str, symbol: str) -> str:
    """What the header prints: "Số: 7/BC-TYT" (no leading zero and no year, Decree 30/2020)."""
    return f"Số: {number}/{type_code(kind)}-{symbol}"


def header_number(profile: Profile, key: NumberKey) -> str:
    """The number line a document being built shows: the number it has or would get (a preview)."""
    return number_line(peek(profile, key.kind, key.year, key.subject), key.kind, _symbol(profile))


def assign(profile: Profile, doc: ReportDocument) -> ReportDocument:
    """The document with its number taken and printed in its header, and its digest made again; a document
    without a number key (the recovery sheet) comes back as it was."""
    key = doc.header.numbering
    if key is None:
        return doc
    number = take(profile, key.kind, key.year, key.subject)
    header = dataclasses.replace(doc.header, number=number_line(number, key.kind, _symbol(profile)))
    return with_digest(dataclasses.replace(doc, header=header))


def _symbol(profile: Profile) -> str:
    return issuing_body.issuing_body(profile).symbol


def _read(session: Session, kind: str, year: int) -> _Book:
    row = session.get(ProfileMeta, _key(kind, year))
    if row is None:
        return _Book()
    saved = json.loads(row.value)
    return _Book(int(saved["last"]), {str(k): int(v) for k, v in saved["given"].items()})


def _key(kind: str, year: int) -> str:
    return f"{KEY_PREFIX}:{type_code(kind)}:{year}"


def _entry(kind: str, subject: str) -> str:
    return f"{kind}|{subject}"
