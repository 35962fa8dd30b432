"""How an event of the change log reads: the names of actions, record types and fields, the time in local
time, and a change {field: [old, new]} told in words with the register's own labels for codes."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.services.profile.audit import AuditEventDTO
from desktop.ui.codes import CodeCache
from desktop.ui.formatting import person_status

CTX = "AuditLog"
TIME_FORMAT = "%d/%m/%Y %H:%M"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def action_label(action: str) -> str:
    labels = {"create": _tr("Added"), "update": _tr("Changed"), "delete": _tr("Deleted")}
    return labels.get(action, action)


def table_label(table: str) -> str:
    labels = {
        "households": _tr("Household"),
        "people": _tr("Person"),
        "visits": _tr("Visit"),
        "population_events": _tr("Population event"),
        "household_categories": _tr("Household category"),
        "villages": _tr("Village"),
        "*": _tr("Bulk change"),
    }
    return labels.get(table, table)


def field_label(field: str) -> str:
    labels = {
        "full_name": _tr("Full name"),
        "code": _tr("Code"),
        "name": _tr("Name"),
        "address": _tr("Address"),
        "phone": _tr("Phone"),
        "birth_date": _tr("Date of birth"),
        "birth_year": _tr("Year of birth"),
        "sex": _tr("Sex"),
        "relationship": _tr("Relationship to head"),
        "status": _tr("Status"),
        "visited_on": _tr("Visit date"),
        "follow_up_on": _tr("Follow-up date"),
        "topics": _tr("Topics"),
        "category": _tr("Category"),
        "year": _tr("Year"),
        "decision_no": _tr("Decision no."),
        "notes": _tr("Notes"),
        "kind": _tr("Kind"),
        "event_date": _tr("Event date"),
        "collaborator": _tr("Collaborator"),
        "deleted_at": _tr("Deleted at"),
        "dissolved_on": _tr("Dissolved on"),
        "dissolved_reason": _tr("Reason dissolved"),
        "head_person_id": _tr("Head of household"),
        "household_id": _tr("Household"),
        "village_id": _tr("Village"),
        "person_id": _tr("Person"),
        "persons_met": _tr("People met"),
        "commune_code": _tr("Commune code"),
        "active": _tr("In use"),
        "national_id": _tr("Citizen ID"),
        "insurance_no": _tr("Health insurance no."),
        "ethnicity": _tr("Ethnic group"),
        "education": _tr("Education"),
        "marital_status": _tr("Marital status"),
        "residence_status": _tr("Residence status"),
        "death_date": _tr("Date of death"),
        "left_on": _tr("Date moved out"),
        "reporting_month": _tr("Reporting month"),
        "details": _tr("Details"),
    }
    return labels.get(field, field)


# The fields a reader looks for first; the rest follow in the stored (alphabetical) order.
_FIRST_FIELDS = (
    "full_name",
    "name",
    "code",
    "kind",
    "category",
    "year",
    "visited_on",
    "event_date",
    "status",
    "relationship",
    "birth_date",
    "address",
)


def _field_order(field: str) -> int:
    return _FIRST_FIELDS.index(field) if field in _FIRST_FIELDS else len(_FIRST_FIELDS)


def local_time(at: datetime) -> str:
    moment = at if at.tzinfo is not None else at.replace(tzinfo=UTC)  # stored in UTC
    return moment.astimezone().strftime(TIME_FORMAT)


def short_id(record_id: str) -> str:
    return record_id[:8]


class SummaryFormatter:
    """Turns {field: [old, new]} into "Họ và tên: Lê Văn A → Lê Văn B; …"."""

    CODE_TABLES = {
        "sex": "sex",
        "relationship": "relationship",
        "kind": "population_event_kinds",
        "category": "household_categories",
        "ethnicity": "ethnic_groups",
        "education": "education",
        "marital_status": "marital_status",
        "residence_status": "residence_status",
    }

    def __init__(self, codes: CodeCache, names: dict[str, str] | None = None) -> None:
        self._codes = codes
        self._names = names if names is not None else {}  # record id -> code or name, when known

    def text(self, event: AuditEventDTO, separator: str = "; ") -> str:
        return separator.join(self.parts(event))

    def parts(self, event: AuditEventDTO) -> list[str]:
        parts = []
        for field in sorted(event.summary, key=_field_order):  # sorted() keeps ties in stored order
            change = event.summary[field]
            old, new = change if isinstance(change, list) and len(change) == 2 else (None, change)
            label = field_label(field)
            if old is None or event.action == "create":
                parts.append(f"{label}: {self.value(field, new)}")
            elif new is None:
                parts.append(f"{label}: {self.value(field, old)}")
            else:
                parts.append(f"{label}: {self.value(field, old)} → {self.value(field, new)}")
        return parts

    def value(self, field: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, dict) and "chars" in value:
            return _tr("({n} characters)").format(n=value["chars"])
        if isinstance(value, bool):
            return _tr("Yes") if value else _tr("No")
        if not isinstance(value, str):
            return str(value)
        if field == "topics":
            return self._topics(value)
        if field == "status":
            return person_status(value)
        if field in self.CODE_TABLES:
            return self._code(self.CODE_TABLES[field], value)
        match = _ISO_DATE.match(value)
        if match:
            return f"{match[3]}/{match[2]}/{match[1]}"
        if field.endswith("_id"):
            return self._names.get(value) or short_id(value)
        return value

    def _code(self, table: str, code: str) -> str:
        try:
            return self._codes.label(table, code)
        except Exception:  # noqa: BLE001 - a label is a nicety; the stored code still reads
            return code

    def _topics(self, value: str) -> str:
        try:
            topics = json.loads(value)
        except ValueError:
            return value
        if not isinstance(topics, list):
            return value
        return ", ".join(self._code("visit_topics", str(t)) for t in topics)
