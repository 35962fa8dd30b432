"""Dates and months on the command line, read like the app's fields read them (`desktop.typed_dates`).

They are argparse `type=` readers: a value that names no day or month stops the command before any
profile is opened, with the reason in the user's language and the usage exit code (2).
"""

from __future__ import annotations

import argparse
from datetime import date

from desktop.cli import console
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.typed_dates import TypedDateError, parse_date, parse_month


def month_argument(text: str) -> str:
    """A month written 11/2026, 11-2026 or 2026-11, as the services name it: "2026-11"."""
    try:
        return parse_month(text).iso()
    except TypedDateError as refused:
        raise argparse.ArgumentTypeError(console.error_text(refused)) from None


def date_argument(text: str) -> date:
    """A day written 30/06/2025, 30-6-25, 30062025 or 2025-06-30."""
    try:
        return parse_date(text)
    except TypedDateError as refused:
        raise argparse.ArgumentTypeError(console.error_text(refused)) from None


def year_argument(text: str) -> int:
    """A year written with its four digits (2025); "25" could be 1925 or 2025, so it is refused."""
    cleaned = text.strip()
    if len(cleaned) != 4 or not cleaned.isascii() or not cleaned.isdigit():
        message = QT_TRANSLATE_NOOP("Cli", "{value} is not a year: write it with four digits, e.g. 2025.")
        raise argparse.ArgumentTypeError(console.text(message, value=text))
    return int(cleaned)
