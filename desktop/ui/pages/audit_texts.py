"""How an event of the change log reads: the time in local time, and a change {field: [old, new]} told in
words, with the register's own labels for codes, states in words and dates as dd/mm/yyyy. The names of
record kinds, fields and states are in audit_labels.py."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from desktop.services.profile.audit import PROTECTED_CONTENT, AuditEventDTO
from desktop.ui.codes import CodeCache
from desktop.ui.pages import audit_labels as words
from desktop.ui.pages.audit_labels import action_label, field_label, table_label

__all__ = ["SummaryFormatter", "action_label", "field_label", "local_time", "short_id", "table_label"]

TIME_FORMAT = "%d/%m/%Y %H:%M"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_DEMO = re.compile(r"^(\d+) households, seed (-?\d+), (\d{4}-\d{2}-\d{2})$")  # desktop/demo/build.py
# A pair of a details object cut short at the log's 80 characters: the pairs before the cut still read.
_PAIR = re.compile(r'"(\w+)":("(?:[^"\\]|\\.)*"|-?\d+|true|false|null)')
# Months: reporting_month on events, a monthly report's subject.
_MONTH_FIELDS = frozenset({"reporting_month", "subject"})


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

    # (table, field) -> the code table its codes come from; "" for any table.
    CODE_TABLES = {
        ("", "sex"): "sex",
        ("", "relationship"): "relationship",
        ("population_events", "kind"): "population_event_kinds",
        ("", "category"): "household_categories",
        ("", "ethnicity"): "ethnic_groups",
        ("", "education"): "education",
        ("", "marital_status"): "marital_status",
        ("", "residence_status"): "residence_status",
        ("", "topics"): "visit_topics",
        ("", "topic"): "visit_topics",
        ("", "form"): "activity_forms",
        ("campaign_years", "campaign"): "campaigns",
    }

    def __init__(
        self,
        codes: CodeCache,
        names: dict[str, str] | None = None,
        more_codes: Callable[[str], dict[str, str]] | None = None,
    ) -> None:
        self._codes = codes
        self._names = names if names is not None else {}  # record id -> code or name, when known
        self._more_codes = more_codes  # code -> label of tables the window's cache does not hold

    def text(self, event: AuditEventDTO, separator: str = "; ") -> str:
        return separator.join(self.parts(event))

    def parts(self, event: AuditEventDTO) -> list[str]:
        parts = []
        table = event.table_name
        for field in sorted(event.summary, key=_field_order):  # sorted() keeps ties in stored order
            if field == PROTECTED_CONTENT:
                continue  # said last, in words of its own: it never holds a value
            change = event.summary[field]
            old, new = change if isinstance(change, list) and len(change) == 2 else (None, change)
            label = field_label(field, table)
            if old is None or event.action == "create":
                parts.append(f"{label}: {self.value(field, new, table)}")
            elif new is None:
                parts.append(f"{label}: {self.value(field, old, table)}")
            else:
                parts.append(f"{label}: {self.value(field, old, table)} → {self.value(field, new, table)}")
        if PROTECTED_CONTENT in event.summary:
            parts.append(words.protected_change(event.action))
        return parts

    def value(self, field: str, value: Any, table: str = "") -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, dict) and "chars" in value:
            return words.characters(value["chars"])
        if isinstance(value, bool):
            return words.yes_no(value)
        if isinstance(value, int | float):
            return words.villages_count(int(value)) if (table, field) == (words.USERS, "villages") else str(value)
        if not isinstance(value, str):
            return str(value)
        return self._text(table, field, value)

    def _text(self, table: str, field: str, value: str) -> str:
        state = words.state_word(table, field, value)
        if state is not None:
            return state
        special = {
            "topics": lambda: self._list(value, "visit_topics"),
            "persons_met": lambda: self._people(value),
            "details": lambda: self._details(value),
            "task_key": lambda: words.task_word(value),
            "demo": lambda: self._demo(value),
        }.get(field)
        if special is not None:
            return special()
        code_table = self.CODE_TABLES.get((table, field)) or self.CODE_TABLES.get(("", field))
        if code_table is not None:
            return self._code(code_table, value)
        return self._plain(field, value)

    def _plain(self, field: str, value: str) -> str:
        match = _ISO_DATE.match(value)
        if match:
            return f"{match[3]}/{match[2]}/{match[1]}"
        month = _ISO_MONTH.match(value)
        if month and field in _MONTH_FIELDS:
            return f"{month[2]}/{month[1]}"
        if _ISO_MOMENT.match(value):
            try:
                return local_time(datetime.fromisoformat(value))
            except ValueError:
                return value
        if field.endswith("_id"):
            return self._names.get(value) or short_id(value)
        return value

    def _code(self, table: str, code: str) -> str:
        try:
            return self._codes.label(table, code)
        except KeyError:  # a table the window's cache does not hold
            return self._other_code(table, code)

    def _other_code(self, table: str, code: str) -> str:
        try:
            return (self._more_codes(table) if self._more_codes else {}).get(code, code)
        except Exception:  # noqa: BLE001 - a label is a nicety; the stored code still reads
            return code

    def _list(self, value: str, table: str) -> str:
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if not isinstance(items, list):
            return value
        return ", ".join(self._code(table, str(t)) for t in items)

    def _people(self, value: str) -> str:
        try:
            ids = json.loads(value)
        except ValueError:
            return value
        if not isinstance(ids, list):
            return value
        known = [self._names[str(i)] for i in ids if str(i) in self._names]
        return ", ".join(known) if len(known) == len(ids) and known else words.people_count(len(ids))

    def _details(self, value: str) -> str:
        try:
            parsed = json.loads(value)
            pairs = list(_flat(parsed)) if isinstance(parsed, dict) else []
        except ValueError:  # cut short in the log: read the pairs that are whole
            pairs = [(key, json.loads(raw)) for key, raw in _PAIR.findall(value)]
        shown = []
        for key, item in pairs:
            if item is None or item == "":
                continue
            shown.append(f"{words.detail_label(key)}: {self._detail_value(key, item)}")
        return ", ".join(shown) or "—"

    def _detail_value(self, key: str, item: Any) -> str:
        if isinstance(item, bool):
            return words.yes_no(item)
        if key == "results" and isinstance(item, dict):  # a screening's result per condition
            return "; ".join(
                f"{self._code('screening_conditions', str(code))}: {words.detail_word('result', str(result)) or result}"
                for code, result in item.items()
            )
        if not isinstance(item, str):
            return str(item)
        if key == "method":
            return self._code("fp_methods", item)
        word = words.detail_word(key, item)
        if word is not None:
            return word
        if key.endswith("_id"):
            return self._names.get(item) or short_id(item)
        return self._plain(key, item)

    def _demo(self, value: str) -> str:
        match = _DEMO.match(value)
        if not match:
            return value
        day = self._plain("", match[3])
        return words.demo_text(match[1], match[2], day)


def _flat(details: dict[str, Any]) -> list[tuple[str, Any]]:
    """Nested details (an edit's "before") read as their own pairs after the key that holds them."""
    pairs: list[tuple[str, Any]] = []
    for key, item in details.items():
        if isinstance(item, dict):
            pairs.extend(_flat(item))
        else:
            pairs.append((key, item))
    return pairs
