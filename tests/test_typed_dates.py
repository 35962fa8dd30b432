"""Dates and months read the way people type them, and the reasons given when they cannot be read."""

from __future__ import annotations

from datetime import date

import pytest

from desktop import i18n
from desktop.typed_dates import Month, TypedDateError, parse_date, parse_month

TODAY = date(2026, 6, 1)


def reason(error: pytest.ExceptionInfo[TypedDateError]) -> str:
    return i18n.fill(error.value.message, error.value.message, error.value.params)


@pytest.mark.parametrize(
    "typed",
    [
        "05/12/2026",
        "5/12/2026",
        "5/12/26",
        "05122026",
        "051226",
        "5-12-2026",
        "5.12.2026",
        "5 12 2026",
        " 05 / 12 / 2026 ",
        "2026-12-05",
    ],
)
def test_every_usual_way_of_writing_5_december_2026(typed):
    assert parse_date(typed, TODAY) == date(2026, 12, 5)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("5/3/56", date(1956, 3, 5)),  # a birth date in the 1950s
        ("1/1/00", date(2000, 1, 1)),
        ("1/1/26", date(2026, 1, 1)),
        ("1/1/36", date(2036, 1, 1)),  # ten years ahead is still this century
        ("1/1/37", date(1937, 1, 1)),  # further ahead is the last century
        ("310899", date(1999, 8, 31)),
    ],
)
def test_a_two_digit_year_is_at_most_ten_years_ahead(typed, meant):
    assert parse_date(typed, TODAY) == meant


def test_the_two_digit_rule_moves_with_today():
    assert parse_date("1/1/37", date(2027, 1, 1)) == date(2037, 1, 1)


def test_leap_days():
    assert parse_date("29/02/2024", TODAY) == date(2024, 2, 29)
    with pytest.raises(TypedDateError) as refused:
        parse_date("29/02/2026", TODAY)
    assert reason(refused) == "29/02/2026: month 2 of 2026 has only 28 days."


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("31/02/2026", "31/02/2026: month 2 of 2026 has only 28 days."),
        ("31/4/2026", "31/4/2026: month 4 of 2026 has only 30 days."),
        ("05/13/2026", "05/13/2026: there is no month 13; months go from 1 to 12."),
        ("05/00/2026", "05/00/2026: there is no month 0; months go from 1 to 12."),
        ("00/12/2026", "00/12/2026: there is no day 0; days start at 1."),
        ("5/12/abc", "5/12/abc: a date has only digits and / - . between them, e.g. 05/12/2026."),
        ("hôm nay", "hôm nay: a date has only digits and / - . between them, e.g. 05/12/2026."),
        ("", "Type a date, e.g. 05/12/2026."),
        ("   ", "Type a date, e.g. 05/12/2026."),
        ("5/12", "5/12: type the day, the month and the year, e.g. 05/12/2026 or 05122026."),
        ("0512202", "0512202: type the day, the month and the year, e.g. 05/12/2026 or 05122026."),
        ("5/12/202", "5/12/202: write the year with four digits (or two), e.g. 05/12/2026."),
        ("005/12/2026", "005/12/2026: the day and the month have one or two digits, e.g. 05/12/2026."),
        ("1/1/1850", "1/1/1850: the year must be between 1900 and 2100."),
    ],
)
def test_a_date_that_cannot_be_read_says_why(typed, why):
    with pytest.raises(TypedDateError) as refused:
        parse_date(typed, TODAY)
    assert reason(refused) == why


def test_the_reason_is_a_form_problem_too():
    with pytest.raises(TypedDateError) as refused:
        parse_date("31/02/2026", TODAY)
    found = refused.value.problem("birth_date")
    assert found.field == "birth_date"
    assert i18n.fill(found.message, found.message, found.params) == "31/02/2026: month 2 of 2026 has only 28 days."


@pytest.mark.parametrize("typed", ["11/2026", "11-2026", "2026-11", "11.2026", "11 2026", " 11/2026 "])
def test_every_usual_way_of_writing_november_2026(typed):
    month = parse_month(typed)
    assert month == Month(2026, 11)
    assert (month.iso(), month.label()) == ("2026-11", "11/2026")
    assert (month.first_day(), month.last_day()) == (date(2026, 11, 1), date(2026, 11, 30))


def test_a_one_digit_month():
    assert parse_month("1/2026") == Month(2026, 1)
    assert parse_month("2026-1") == Month(2026, 1)
    assert parse_month("2/2024").last_day() == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("26-1", "26-1: write the year with four digits, e.g. 11/2026 or 2026-11."),
        ("1/26", "1/26: write the year with four digits, e.g. 11/2026 or 2026-11."),
        ("13/2026", "13/2026: there is no month 13; months go from 1 to 12."),
        ("2026-00", "2026-00: there is no month 0; months go from 1 to 12."),
        ("2026", "2026: write the month and its year, e.g. 11/2026 or 2026-11."),
        ("tháng 11", "tháng 11: write the month and its year, e.g. 11/2026 or 2026-11."),
        ("5/12/2026", "5/12/2026: write the month and its year, e.g. 11/2026 or 2026-11."),
        ("", "Type a month, e.g. 11/2026."),
    ],
)
def test_a_month_that_cannot_be_read_says_why(typed, why):
    with pytest.raises(TypedDateError) as refused:
        parse_month(typed)
    assert reason(refused) == why
