"""Input rules shared by the dialogs (validate as you type) and the services (refuse on save).

Each check returns FieldProblems with source texts marked for translation; nothing here raises
until `raise_if` is called, so a form can show every problem at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from desktop.errors import FieldProblem, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.textnorm import clean, has_control_chars

CTX = "Validation"
HEAD_MIN_AGE = 15
OLDEST_BIRTH = date(1900, 1, 1)
NAME_MAX = 100
CODE_MAX = 20
ADDRESS_MAX = 200
NOTE_MAX = 2000

_HOUSEHOLD_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-/]*$")
_DIGITS = re.compile(r"^[0-9]*$")
_INSURANCE = re.compile(r"^[A-Z0-9]*$")
_PHONE = re.compile(r"^[0-9 +().-]*$")


def problem(field: str, message: str, **params: object) -> FieldProblem:
    return FieldProblem(field, message, params)


def raise_if(problems: Iterable[FieldProblem]) -> None:
    found = list(problems)
    if found:
        raise ValidationError(found)


def text_problems(
    field: str, value: str, *, required: bool, max_len: int, multiline: bool = False
) -> list[FieldProblem]:
    raw = value.replace("\n", "").replace("\t", "") if multiline else value
    if has_control_chars(raw) or (not multiline and ("\n" in value or "\t" in value)):
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "Remove the invisible control characters from this field."))]
    text = clean(value) if not multiline else value.strip()
    if required and not text:
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "This field is required."))]
    if len(text) > max_len:
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "Too long: at most {max} characters."), max=max_len)]
    return []


def name_problems(field: str, value: str) -> list[FieldProblem]:
    found = text_problems(field, value, required=True, max_len=NAME_MAX)
    if found:
        return found
    if not any(ch.isalpha() for ch in value):
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "A name must contain letters."))]
    if any(ch.isdigit() for ch in value):
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "A name cannot contain digits."))]
    return []


def household_code_problems(value: str) -> list[FieldProblem]:
    found = text_problems("code", value, required=True, max_len=CODE_MAX)
    if found:
        return found
    if not _HOUSEHOLD_CODE.match(clean(value)):
        return [problem("code", QT_TRANSLATE_NOOP(CTX, "Use digits, letters, dots or dashes only, e.g. 012 or 012.1."))]
    return []


def birth_date_problems(birth: date | None, today: date) -> list[FieldProblem]:
    if birth is None:
        return [problem("birth_date", QT_TRANSLATE_NOOP(CTX, "Enter the date of birth."))]
    if birth > today:
        return [problem("birth_date", QT_TRANSLATE_NOOP(CTX, "The date of birth cannot be in the future."))]
    if birth < OLDEST_BIRTH:
        return [problem("birth_date", QT_TRANSLATE_NOOP(CTX, "The date of birth is before 1900; check the year."))]
    return []


def event_date_problems(
    field: str, day: date | None, today: date, *, not_before: date | None = None
) -> list[FieldProblem]:
    if day is None:
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "Enter the date."))]
    if day > today:
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "This date cannot be in the future."))]
    if not_before is not None and day < not_before:
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "This date is before the date of birth."))]
    return []


def death_date_problems(death: date | None, birth: date, today: date) -> list[FieldProblem]:
    if death is None:
        return [problem("death_date", QT_TRANSLATE_NOOP(CTX, "Enter the date of death."))]
    if death < birth:
        return [problem("death_date", QT_TRANSLATE_NOOP(CTX, "The date of death is before the date of birth."))]
    if death > today:
        return [problem("death_date", QT_TRANSLATE_NOOP(CTX, "The date of death cannot be in the future."))]
    return []


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def head_age_problems(birth: date | None, today: date) -> list[FieldProblem]:
    if birth is not None and birth <= today and age_on(birth, today) < HEAD_MIN_AGE:
        return [
            problem(
                "relationship",
                QT_TRANSLATE_NOOP(CTX, "A head of household must be at least {age} years old."),
                age=HEAD_MIN_AGE,
            )
        ]
    return []


def pattern_problems(field: str, value: str, *, max_len: int, kind: str) -> list[FieldProblem]:
    value = clean(value)
    patterns = {"digits": _DIGITS, "insurance": _INSURANCE, "phone": _PHONE}
    if len(value) > max_len:
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "Too long: at most {max} characters."), max=max_len)]
    if not patterns[kind].match(value.upper() if kind == "insurance" else value):
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "This number contains characters that are not allowed."))]
    return []


def code_problems(field: str, value: str, allowed: Iterable[str], *, required: bool = True) -> list[FieldProblem]:
    if not value:
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "Choose a value from the list."))] if required else []
    if value not in set(allowed):
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "Unknown value; choose one from the list."))]
    return []


def year_problems(field: str, year: int, today: date) -> list[FieldProblem]:
    if not 2000 <= year <= today.year + 1:
        return [problem(field, QT_TRANSLATE_NOOP(CTX, "The year must be between 2000 and {max}."), max=today.year + 1)]
    return []
