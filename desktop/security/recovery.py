"""Recovery codes: generated once at setup, typed back by a human who lost a passphrase.

A code is 24 symbols of Crockford base32 (no I, L, O, U), shown as six groups of four:
``7K3M-Q9XD-2HWP-C4TR-B8NF-V6JA``. The first 22 symbols are random (110 bits from ``secrets``);
the last two are check symbols over GF(32): the plain sum and the position-weighted sum of the
others. Together they catch *every* error in one or two symbols, which covers a mistyped character
and two swapped neighbours, so a mistyped code is reported as mistyped instead of as "wrong code"
(and costs no Argon2 work or throttling).

What the user types is normalised first: Unicode compatibility forms (full-width digits from a
Vietnamese IME), case, spaces and dashes are ignored, and O→0, I/L→1 as Crockford specifies.
"""

from __future__ import annotations

import secrets
import unicodedata

from desktop.errors import FieldProblem, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_SYMBOLS = 22
CHECK_SYMBOLS = 2
LENGTH = RANDOM_SYMBOLS + CHECK_SYMBOLS
GROUP = 4
FIELD = "recovery_code"

_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
_ALIASES = {"O": "0", "I": "1", "L": "1"}
_IGNORED = {" ", "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "_", ".", "\t", "\n", "\r"}

# GF(32) with the primitive polynomial x^5 + x^2 + 1: exponent and logarithm tables.
_EXP: list[int] = []
_LOG = [0] * 32
_x = 1
for _power in range(31):
    _EXP.append(_x)
    _LOG[_x] = _power
    _x <<= 1
    if _x & 0b100000:
        _x ^= 0b100101
del _x, _power


class RecoveryCodeMistypedError(ValidationError):
    """The text cannot be a recovery code (length, symbol or check): the user should retype it."""

    exit_code = 2  # like a wrong passphrase: the profile stays locked


def _times_alpha_power(value: int, power: int) -> int:
    return 0 if value == 0 else _EXP[(_LOG[value] + power) % 31]


def _check_symbols(body: str) -> str:
    plain = weighted = 0
    for position, symbol in enumerate(body):
        value = _VALUE[symbol]
        plain ^= value
        weighted ^= _times_alpha_power(value, position + 1)
    return ALPHABET[plain] + ALPHABET[weighted]


def generate_recovery_code() -> str:
    """A fresh code in canonical form (24 symbols, no dashes). Show it with `format_recovery_code`."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    return body + _check_symbols(body)


def format_recovery_code(code: str) -> str:
    """Six groups of four joined by dashes, for the screen and the printed sheet."""
    canonical = parse_recovery_code(code)
    return "-".join(canonical[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def normalise(text: str) -> str:
    """Fold what a human typed to candidate symbols; does not check length or checksum."""
    folded = unicodedata.normalize("NFKC", text).upper()
    return "".join(_ALIASES.get(ch, ch) for ch in folded if ch not in _IGNORED)


def recovery_code_problems(text: str) -> list[FieldProblem]:
    symbols = normalise(text)
    if not symbols:
        return [FieldProblem(FIELD, QT_TRANSLATE_NOOP("Security", "Enter the recovery code."))]
    bad = [ch for ch in symbols if ch not in _VALUE]
    if bad:
        return [
            FieldProblem(
                FIELD,
                QT_TRANSLATE_NOOP("Security", "The recovery code cannot contain “{symbol}”; check what you typed."),
                {"symbol": bad[0]},
            )
        ]
    if len(symbols) != LENGTH:
        return [
            FieldProblem(
                FIELD,
                QT_TRANSLATE_NOOP("Security", "The recovery code has {expected} characters, but {count} were typed."),
                {"expected": LENGTH, "count": len(symbols)},
            )
        ]
    if _check_symbols(symbols[:RANDOM_SYMBOLS]) != symbols[RANDOM_SYMBOLS:]:
        return [
            FieldProblem(
                FIELD,
                QT_TRANSLATE_NOOP(
                    "Security", "The recovery code is mistyped; compare it group by group with the printed sheet."
                ),
            )
        ]
    return []


def parse_recovery_code(text: str) -> str:
    """The canonical form of a typed code, or `RecoveryCodeMistypedError`."""
    problems = recovery_code_problems(text)
    if problems:
        raise RecoveryCodeMistypedError(problems)
    return normalise(text)
