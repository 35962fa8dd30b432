"""What a document says, as data: its content digest, its QR payload and its total rows.

The digest is the SHA-256 of a canonical JSON of everything a reader can see in the document (not of
the PDF bytes, which change with the renderer), so the same report rendered again, in PDF or XLSX,
carries the same digest, and a verifier holding the data can recompute it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import unicodedata
from datetime import date
from typing import Any

from desktop.reports.model import Cell, Header, ReportDocument, Section, SignatureBlock, Table

# Bumped whenever the canonical form changes, so an old digest is never compared with a new form.
CANONICAL_FORMAT = 1
QR_PREFIX = "SOTAY"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def digest(doc: ReportDocument) -> str:
    """SHA-256 (hex) of the document's content; `content_sha256` and `extra` are not content."""
    return hashlib.sha256(canonical_json(doc)).hexdigest()


def with_digest(doc: ReportDocument) -> ReportDocument:
    return dataclasses.replace(doc, content_sha256=digest(doc))


def content_sha256(doc: ReportDocument) -> str:
    """The digest the document carries, or the computed one when the caller did not set it."""
    return doc.content_sha256 or digest(doc)


def qr_payload(doc: ReportDocument) -> str:
    return f"{QR_PREFIX}:{doc.kind}:{doc.document_id}:{content_sha256(doc)}"


def full_title(doc: ReportDocument) -> str:
    """The type and the subject on one line, as a file's properties or a sheet's first row show a title."""
    return f"{doc.title} – {doc.subject}" if doc.subject else doc.title


def canonical_json(doc: ReportDocument) -> bytes:
    payload = {
        "format": CANONICAL_FORMAT,
        "document_id": nfc(doc.document_id),
        "kind": nfc(doc.kind),
        "header": _header(doc.header),
        "title": nfc(doc.title),
        "subtitle": nfc(doc.subtitle),
        "sections": [_section(section) for section in doc.sections],
        "signature": _signature(doc.signature),
        "recipients": [nfc(line) for line in doc.recipients],
        "confidential": doc.confidential,
    }
    if doc.subject:  # only when used, so the digests of documents without one stay as they were
        payload["subject"] = nfc(doc.subject)
    # allow_nan=False: NaN has no JSON form, and a NaN in a report is a bug to surface, not to hash.
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


def _header(header: Header) -> dict[str, str]:
    return {
        "agency_parent": nfc(header.agency_parent),
        "agency": nfc(header.agency),
        "number": nfc(header.number),
        "place": nfc(header.place),
        "issued_on": header.issued_on.isoformat(),
    }


def _signature(signature: SignatureBlock | None) -> dict[str, str] | None:
    if signature is None:
        return None
    return {"capacity": nfc(signature.capacity), "name": nfc(signature.name)}


def _section(section: Section) -> dict[str, Any]:
    found = {
        "heading": nfc(section.heading),
        "paragraphs": [nfc(p) for p in section.paragraphs],
        "table": _table(section.table),
    }
    if section.emphasis:  # only when used, so the digests of documents without one stay as they were
        found["emphasis"] = nfc(section.emphasis)
    return found


def _table(table: Table | None) -> dict[str, Any] | None:
    if table is None:
        return None
    return {
        # Column widths are layout, not content: re-balancing a table does not change what it says.
        "columns": [{"title": nfc(c.title), "numeric": c.numeric} for c in table.columns],
        "rows": [[_cell(value) for value in row] for row in table.rows],
        "total_label": nfc(table.total_label),
        "sheet_name": nfc(table.sheet_name),
    }


def _cell(value: Cell) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, date):
        # Tagged, so a date cell and a text cell spelling the same ISO date hash differently.
        return {"date": value.isoformat()}
    return value


def is_number(value: Cell) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def total_row(table: Table) -> tuple[Cell, ...]:
    """The last line of a table with `total_label`: the label in the first non-numeric column, the sum of
    each numeric column (text and empty cells there are skipped), None elsewhere."""
    label_at = next((i for i, column in enumerate(table.columns) if not column.numeric), None)
    cells: list[Cell] = []
    for index, column in enumerate(table.columns):
        if column.numeric:
            cells.append(_sum(row[index] for row in table.rows if index < len(row)))
        elif index == label_at:
            cells.append(table.total_label)
        else:
            cells.append(None)
    return tuple(cells)


def _sum(values: Any) -> int | float:
    numbers = [v for v in values if is_number(v)]
    if any(isinstance(v, float) for v in numbers):
        return math.fsum(numbers)  # exact, so the PDF and XLSX totals agree to the last digit
    return sum(numbers)
