"""The period a report covers, against today: none for a period that has not begun, and a note on the
figures of one that has not ended.

A report is signed: signed for a month that has not begun, it would certify figures that do not exist
yet; signed during its month, it must say the day its figures stop at (they will grow).
"""

from __future__ import annotations

from datetime import date

from desktop.errors import SotayError
from desktop.i18n import QT_TRANSLATE_NOOP

CTX = "Periods"


class PeriodNotBegunError(SotayError):
    """The report's period starts after today: nothing to report yet (a usage error, as on the command line)."""

    exit_code = 2


def require_begun(first: date, today: date) -> None:
    if first > today:
        raise PeriodNotBegunError(
            QT_TRANSLATE_NOOP(
                CTX, "This period has not begun yet: its report can be made from {first}, with the figures of that day."
            ),
            first=f"{first:%d/%m/%Y}",
        )


def with_figures_as_of(period: str, last: date, today: date) -> str:
    """The period in brackets, saying the figures stop at today when the period ends later."""
    if today < last:
        return f"({period}; số liệu tính đến ngày {today:%d/%m/%Y})"
    return f"({period})"
