"""The tables of the P0/CTV slip (p0_slip.py): per kind of event, its columns and the row of one event.

Each section lists the household number and the person's identifying fields as the known layout has
them (domain.md §3.4). The page is A4 portrait, 165 mm of text at 11 pt: a 15-character insurance number
or a date takes a fifth of it, so where a section has more fields than fit, related fields share a cell,
one per line (the mother's name and date of birth; relationship, ethnicity, education and marital
status of someone moving in), and screening results are written short with a legend under the table.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.reports.model import Cell, Column
from desktop.services.documents.parts import day_text, one_line
from desktop.services.register import events
from desktop.textnorm import fold

PLACES_OF_BIRTH = {"health_station": "Trạm y tế", "hospital": "Bệnh viện", "home": "Tại nhà", "other": "Nơi khác"}
STAGES = {"detected": "Phát hiện mang thai", "ended": "Kết thúc thai kỳ"}
RESULTS = {"normal": "BT", "at_risk": "NCC"}
NOT_SCREENED = "–"
OVERALL = {"pending": "chưa có kết quả", "normal": "bình thường", "at_risk": "nguy cơ cao"}
LEGEND = "Kết quả: BT = bình thường; NCC = nguy cơ cao; – = không sàng lọc."
COUPLE_KINDS = ("marriage", "divorce")
COUPLE_EVENTS = {"marriage": "Kết hôn", "divorce": "Ly hôn"}
# The fields an information change keeps the old value of (members.update_member, the demo's relationship).
BEFORE_LABELS = {"full_name": "Họ và tên", "birth_date": "Ngày sinh", "relationship": "Quan hệ với chủ hộ"}

HOUSEHOLD = Column("Hộ số", 0.8)
NAME = Column("Họ và tên", 2.2)
INSURANCE = Column("Mã số BHYT", 1.0)
SEX = Column("Giới tính", 0.8)
BORN = Column("Ngày sinh", 1.0)
RELATIONSHIP = Column("Quan hệ với chủ hộ", 1.1)


@dataclass(frozen=True, slots=True)
class Who:
    name: str
    sex: str
    birth_date: date
    insurance_no: str
    relationship: str
    ethnicity: str
    education: str
    marital_status: str


@dataclass(frozen=True, slots=True)
class Line:
    """One event of the month with its household's number and the person it is about."""

    id: uuid.UUID
    kind: str
    household: str
    on: date
    details: dict[str, Any]
    person: Who | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Lookups:
    """What rows name besides the event and its person."""

    mothers: dict[str, Who]  # by the hex id a birth's details name
    names: dict[str, dict[str, str]]  # code table → code → Vietnamese name
    conditions: dict[str, list[tuple[str, str, str]]]  # screening kind → (condition code, heading, name)


Columns = tuple[Column, ...]
Rows = tuple[tuple[Cell, ...], ...]
Row = Callable[[Line], tuple[Cell, ...]]


def table(kind: str, lines: list[Line], found: Lookups) -> tuple[Columns, Rows, str]:
    """The columns, rows and legend ("" for none) of the section `kind` heads."""
    if kind in COUPLE_KINDS:
        return couples(lines, found)
    columns, row = LAYOUTS[kind](found)
    ordered = sorted(lines, key=lambda line: (line.on, line.household, _p(line).name))
    return columns, tuple(row(line) for line in ordered), _legend(kind, found)


def _legend(kind: str, found: Lookups) -> str:
    """What the short words of a screening table stand for: the results, and a heading cut short ("Thal.")."""
    if kind not in events.SCREENING_OF:
        return ""
    cut = [f"{heading} = {name}" for _code, heading, name in found.conditions[kind] if heading.endswith(".")]
    return " ".join([LEGEND, *(f"{one}." for one in cut)])


def _name(code: str, table_name: str, found: Lookups) -> str:
    return found.names[table_name].get(code, code) if code else ""


def _p(line: Line) -> Who:
    # Every event of the register names a person; an empty name keeps a damaged row visible rather than lost.
    return line.person or Who("", "", line.on, "", "", "", "", "")


def _text(details: dict[str, Any], key: str) -> str:
    return one_line(str(details.get(key) or ""))


def _births(found: Lookups) -> tuple[Columns, Row]:
    columns = (
        HOUSEHOLD,
        Column("Họ và tên trẻ", 2.0),
        BORN,
        SEX,
        Column("Dân tộc", 0.9),
        Column("Họ và tên mẹ, ngày sinh", 2.0),
        Column("Mã số BHYT của mẹ", 1.0),
        Column("Nơi đẻ", 1.0),
        Column("Con thứ", 0.7, numeric=True),
    )

    def row(line: Line) -> tuple[Cell, ...]:
        child, mother = _p(line), found.mothers.get(str(line.details.get("mother_id") or ""))
        order = line.details.get("birth_order")
        return (
            line.household,
            child.name,
            line.on,
            _name(child.sex, "sex", found),
            _name(child.ethnicity, "ethnic_groups", found),
            f"{mother.name}\n{day_text(mother.birth_date)}" if mother else "",
            mother.insurance_no if mother else "",
            PLACES_OF_BIRTH.get(str(line.details.get("place")), ""),
            order if isinstance(order, int) else None,
        )

    return columns, row


def _screening(kind: str) -> Callable[[Lookups], tuple[Columns, Row]]:
    def layout(found: Lookups) -> tuple[Columns, Row]:
        conditions = found.conditions[kind]
        prenatal = kind == "prenatal_screening"
        who = (HOUSEHOLD, NAME, BORN, Column("Tuần thai", 0.7, numeric=True)) if prenatal else (
            HOUSEHOLD, Column("Họ và tên trẻ", 2.0), BORN)  # fmt: skip
        columns = (
            *who,
            Column("Ngày sàng lọc", 1.0),
            *(Column(heading, 0.8) for _code, heading, _name in conditions),
            Column("Nơi thực hiện", 1.4),
        )

        def row(line: Line) -> tuple[Cell, ...]:
            person, results, week = _p(line), events.condition_results(line.details), line.details.get("week")
            first: tuple[Cell, ...] = (line.household, person.name, person.birth_date)
            if prenatal:
                first = (*first, week if isinstance(week, int) else None)
            cells = tuple(_result(results, code, line.details) for code, _heading, _name in conditions)
            return (*first, line.on, *cells, _where(line.details))

        return columns, row

    return layout


def _result(results: dict[str, str], code: str, details: dict[str, Any]) -> str:
    if not results and events.overall_result(details):
        return ""  # recorded with one result for the whole screening: that result is written beside the place
    return RESULTS.get(results.get(code, ""), NOT_SCREENED)


def _where(details: dict[str, Any]) -> str:
    overall = events.overall_result(details)
    parts = [_text(details, "done_at"), f"kết quả chung: {OVERALL[overall]}" if overall else ""]
    return "; ".join(part for part in parts if part)


def _leaving(date_title: str, place_title: str, key: str) -> Callable[[Lookups], tuple[Columns, Row]]:
    """Deaths and moves out: who left the household, when, and where to."""

    def layout(found: Lookups) -> tuple[Columns, Row]:
        columns: Columns = (HOUSEHOLD, NAME, INSURANCE, RELATIONSHIP, SEX, BORN, Column(date_title, 1.0))
        if key:
            columns = (*columns, Column(place_title, 1.6))

        def row(line: Line) -> tuple[Cell, ...]:
            p = _p(line)
            rel, sex = _name(p.relationship, "relationship", found), _name(p.sex, "sex", found)
            cells: tuple[Cell, ...] = (line.household, p.name, p.insurance_no, rel, sex, p.birth_date, line.on)
            return (*cells, _text(line.details, key)) if key else cells

        return columns, row

    return layout


def _move_in(found: Lookups) -> tuple[Columns, Row]:
    columns = (
        HOUSEHOLD,
        NAME,
        INSURANCE,
        SEX,
        BORN,
        Column("Quan hệ với chủ hộ, dân tộc, học vấn, hôn nhân", 1.8),
        Column("Ngày đến", 1.0),
        Column("Nơi đi", 1.6),
    )

    def row(line: Line) -> tuple[Cell, ...]:
        p = _p(line)
        facts = (
            _name(p.relationship, "relationship", found),
            _name(p.ethnicity, "ethnic_groups", found),
            _name(p.education, "education", found),
            _name(p.marital_status, "marital_status", found),
        )
        sex, place = _name(p.sex, "sex", found), _text(line.details, "from")
        return (line.household, p.name, p.insurance_no, sex, p.birth_date, "\n".join(f or "–" for f in facts),
                line.on, place)  # fmt: skip

    return columns, row


def _info_change(found: Lookups) -> tuple[Columns, Row]:
    columns = (
        HOUSEHOLD,
        NAME,
        INSURANCE,
        SEX,
        BORN,
        Column("Ngày thay đổi", 1.0),
        Column("Thông tin cũ", 1.8),
        Column("Thông tin mới", 1.8),
    )

    def row(line: Line) -> tuple[Cell, ...]:
        p = _p(line)
        old, new = _change(line, found)
        return (line.household, p.name, p.insurance_no, _name(p.sex, "sex", found), p.birth_date, line.on, old, new)

    return columns, row


def _change(line: Line, found: Lookups) -> tuple[str, str]:
    """What was and what is: a move between households, or the fields whose old value the event kept."""
    d, p = line.details, _p(line)
    if d.get("from_household") or d.get("to_household"):
        return f"Hộ số {_text(d, 'from_household')}", f"Hộ số {_text(d, 'to_household')}"
    kept = d.get("before")
    before: dict[str, Any] = kept if isinstance(kept, dict) else {}
    now = {
        "full_name": p.name,
        "birth_date": day_text(p.birth_date),
        "relationship": _name(p.relationship, "relationship", found),
    }
    was = {key: _before_value(key, value, found) for key, value in before.items() if key in BEFORE_LABELS}
    changed = [key for key in was if was[key] != now[key]] or list(was)
    old = "\n".join(f"{BEFORE_LABELS[key]}: {was[key]}" for key in changed)
    return old, "\n".join(f"{BEFORE_LABELS[key]}: {now[key]}" for key in changed)


def _before_value(key: str, value: object, found: Lookups) -> str:
    if key == "birth_date":
        try:
            return day_text(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if key == "relationship":
        return _name(str(value), "relationship", found)
    return one_line(str(value))


def _contraception(date_title: str, method_title: str) -> Callable[[Lookups], tuple[Columns, Row]]:
    def layout(found: Lookups) -> tuple[Columns, Row]:
        columns = (HOUSEHOLD, Column("Họ và tên vợ", 2.2), INSURANCE, BORN, Column(date_title, 1.0),
                   Column(method_title, 1.6))  # fmt: skip

        def row(line: Line) -> tuple[Cell, ...]:
            p, method = _p(line), str(line.details.get("method") or "")
            return (line.household, p.name, p.insurance_no, p.birth_date, line.on, _name(method, "fp_methods", found))

        return columns, row

    return layout


def _pregnancy(found: Lookups) -> tuple[Columns, Row]:
    columns = (HOUSEHOLD, NAME, INSURANCE, BORN, Column("Ngày", 1.0), Column("Sự kiện", 1.4),
               Column("Lần mang thai", 0.8, numeric=True))  # fmt: skip

    def row(line: Line) -> tuple[Cell, ...]:
        p, number = _p(line), line.details.get("pregnancy_no")
        stage = STAGES.get(str(line.details.get("stage")), "")
        return (line.household, p.name, p.insurance_no, p.birth_date, line.on, stage,
                number if isinstance(number, int) else None)  # fmt: skip

    return columns, row


def _checkup(found: Lookups) -> tuple[Columns, Row]:
    columns = (HOUSEHOLD, INSURANCE, NAME, Column("Năm sinh", 0.8), Column("Ngày khám", 1.0),
               Column("Nơi khám", 1.6))  # fmt: skip

    def row(line: Line) -> tuple[Cell, ...]:
        p = _p(line)
        # The year as text: a number would be printed "1.950" and summed like a count.
        return (line.household, p.insurance_no, p.name, str(p.birth_date.year), line.on, _text(line.details, "done_at"))

    return columns, row


def couples(lines: list[Line], found: Lookups) -> tuple[Columns, Rows, str]:
    """Marriages and divorces, one line per couple (the rule of monthly._count_couples).

    Each spouse of the register has an event; the second one (same kind and day, each naming the other as
    partner) is the same wedding or divorce: the first spouse's line names the partner, and the partner's
    household when it is another one.
    """
    columns = (HOUSEHOLD, NAME, SEX, BORN, Column("Sự kiện", 0.9), Column("Ngày", 1.0),
               Column("Vợ/chồng", 2.2))  # fmt: skip
    kept: list[Line] = []
    partner_household: dict[uuid.UUID, str] = {}
    waiting: dict[tuple[str, date, str, str], list[Line]] = {}
    for line in sorted(lines, key=lambda one: (one.created_at, one.id)):
        name, partner = fold(_p(line).name), fold(str(line.details.get("partner") or ""))
        first = waiting.get((line.kind, line.on, partner, name))
        if partner and first:
            spouse = first.pop(0)
            if spouse.household != line.household:
                partner_household[spouse.id] = line.household
            continue
        waiting.setdefault((line.kind, line.on, name, partner), []).append(line)
        kept.append(line)
    rows = []
    for line in sorted(kept, key=lambda one: (one.on, one.household, _p(one).name)):
        p, partner = _p(line), _text(line.details, "partner")
        if line.id in partner_household:
            partner = f"{partner} (hộ số {partner_household[line.id]})"
        rows.append((line.household, p.name, _name(p.sex, "sex", found), p.birth_date,
                     COUPLE_EVENTS.get(line.kind, line.kind), line.on, partner))  # fmt: skip
    return columns, tuple(rows), ""


LAYOUTS: dict[str, Callable[[Lookups], tuple[Columns, Row]]] = {
    "birth": _births,
    "newborn_screening": _screening("newborn_screening"),
    "death": _leaving("Ngày chết", "", ""),
    "move_in": _move_in,
    "move_out": _leaving("Ngày đi", "Nơi đến", "to"),
    "info_change": _info_change,
    "fp_start": _contraception("Ngày bắt đầu", "BPTT"),
    "fp_stop": _contraception("Ngày thôi", "BPTT thôi"),
    "pregnancy": _pregnancy,
    "prenatal_screening": _screening("prenatal_screening"),
    "elderly_checkup": _checkup,
}
