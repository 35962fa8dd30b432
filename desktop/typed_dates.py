"""Dates and months typed the way people write them, read by one set of rules for the forms and the command line.

A date is day, month, year in that order, as Vietnamese paperwork writes it: 05/12/2026, 5/12/2026,
5/12/26, 05122026 (eight digits) or 051226 (six digits), with "/", "-", "." or spaces between the
parts. A date that starts with a four-digit year (2026-12-05) is read year first, as files and scripts
write it. A month is 11/2026, 11-2026, 11.2026, 1/2026 or 2026-11; its year always has four digits,
because "26-1" could be read either way.

Two-digit years: 20yy when that year is no later than ten years after this one, else 19yy. So with
today in 2026, "5/3/56" is 5 March 1956 (a birth date) and "5/12/26" or "1/1/36" is in this century
(a follow-up date a few years ahead).

Whatever cannot be read raises `TypedDateError`, whose message (marked for translation in the
"TypedDates" context, filled after lookup) says why in plain words and what to type instead.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from desktop.errors import FieldProblem, SotayError
from desktop.i18n import QT_TRANSLATE_NOOP

CTX = "TypedDates"
FIRST_YEAR, LAST_YEAR = 1900, 2100  # the register's oldest birth to the furthest plan anyone makes
CENTURY_LOOKAHEAD = 10  # a two-digit year may mean up to ten years ahead; further means the 1900s

_PARTS = re.compile(r"[/\-.\s]+")
_ALLOWED = re.compile(r"^[0-9/\-.\s]+$")


class TypedDateError(SotayError):
    """A typed date or month that cannot be read; `message` says why and what to type."""

    exit_code = 3

    def problem(self, field: str) -> FieldProblem:
        """The same reason as a form's problem under `field`."""
        return FieldProblem(field, self.message, self.params)


@dataclass(frozen=True, slots=True, order=True)
class Month:
    year: int
    month: int

    def iso(self) -> str:
        """The month as "2026-11": how the services and the stored records name a month."""
        return f"{self.year:04d}-{self.month:02d}"

    def label(self) -> str:
        """The month as "11/2026": how people and the reports write it."""
        return f"{self.month:02d}/{self.year}"

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


# Dates ######################################################################################


def parse_date(text: str, today: date | None = None) -> date:
    """The day `text` names (day first; see the module's docstring), or TypedDateError saying why not.

    `today` decides the century of a two-digit year; it defaults to the computer's date.
    """
    typed = text.strip()
    if not typed:
        raise TypedDateError(QT_TRANSLATE_NOOP(CTX, "Type a date, e.g. 05/12/2026."))
    if not _ALLOWED.match(typed):
        raise TypedDateError(
            QT_TRANSLATE_NOOP(CTX, "{text}: a date has only digits and / - . between them, e.g. 05/12/2026."),
            text=typed,
        )
    day, month, year = _date_parts(typed, today or date.today())
    return _checked_date(typed, day, month, year)


def _date_parts(typed: str, today: date) -> tuple[int, int, int]:
    parts = [p for p in _PARTS.split(typed) if p]
    if len(parts) == 1 and len(parts[0]) in (6, 8):
        digits = parts[0]
        parts = [digits[:2], digits[2:4], digits[4:]]
    if len(parts) != 3:
        raise TypedDateError(
            QT_TRANSLATE_NOOP(CTX, "{text}: type the day, the month and the year, e.g. 05/12/2026 or 05122026."),
            text=typed,
        )
    if len(parts[0]) == 4:  # 2026-12-05: year first, as files and scripts write it
        parts = [parts[2], parts[1], parts[0]]
    day, month, year = parts
    if len(day) > 2 or len(month) > 2:
        raise TypedDateError(
            QT_TRANSLATE_NOOP(CTX, "{text}: the day and the month have one or two digits, e.g. 05/12/2026."),
            text=typed,
        )
    return int(day), int(month), _full_year(typed, year, today)


def _full_year(typed: str, year: str, today: date) -> int:
    if len(year) == 4:
        return int(year)
    if len(year) == 2:
        recent = 2000 + int(year)
        return recent if recent <= today.year + CENTURY_LOOKAHEAD else recent - 100
    raise TypedDateError(
        QT_TRANSLATE_NOOP(CTX, "{text}: write the year with four digits (or two), e.g. 05/12/2026."), text=typed
    )


def _checked_date(typed: str, day: int, month: int, year: int) -> date:
    _check_month_and_year(typed, month, year)
    if day == 0:
        raise TypedDateError(QT_TRANSLATE_NOOP(CTX, "{text}: there is no day 0; days start at 1."), text=typed)
    days = calendar.monthrange(year, month)[1]
    if day > days:
        raise TypedDateError(
            QT_TRANSLATE_NOOP(CTX, "{text}: month {month} of {year} has only {days} days."),
            text=typed,
            month=month,
            year=year,
            days=days,
        )
    return date(year, month, day)


def _check_month_and_year(typed: str, month: int, year: int) -> None:
    if not 1 <= month <= 12:
        raise TypedDateError(
            QT_TRANSLATE_NOOP(CTX, "{text}: there is no month {month}; months go from 1 to 12."),
            text=typed,
            month=month,
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise TypedDateError(
            QT_TRANSLATE_NOOP(CTX, "{text}: the year must be between {first} and {last}."),
            text=typed,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )


# Months #####################################################################################


def parse_month(text: str) -> Month:
    """The month `text` names (11/2026, 11-2026, 11.2026, 1/2026 or 2026-11), or TypedDateError saying why not."""
    typed = text.strip()
    if not typed:
        raise TypedDateError(QT_TRANSLATE_NOOP(CTX, "Type a month, e.g. 11/2026."))
    parts = [p for p in _PARTS.split(typed) if p] if _ALLOWED.match(typed) else []
    if len(parts) != 2:
        raise TypedDateError(
            QT_TRANSLATE_NOOP(CTX, "{text}: write the month and its year, e.g. 11/2026 or 2026-11."), text=typed
        )
    first, second = parts
    if len(first) == 4 and len(second) <= 2:
        year, month = int(first), int(second)
    elif len(second) == 4 and len(first) <= 2:
        month, year = int(first), int(second)
    else:
        raise TypedDateError(
            QT_TRANSLATE_NOOP(CTX, "{text}: write the year with four digits, e.g. 11/2026 or 2026-11."), text=typed
        )
    _check_month_and_year(typed, month, year)
    return Month(year, month)
