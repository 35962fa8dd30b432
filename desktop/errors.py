"""Errors that cross layers. Messages are marked for translation, formatted after lookup."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field: str
    message: str  # source text (English), marked with QT_TRANSLATE_NOOP
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)


class SotayError(Exception):
    """Base of every error the app expects and explains to the user."""

    exit_code = 1

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class ValidationError(SotayError):
    """Input refused; nothing was saved."""

    exit_code = 3

    def __init__(self, problems: list[FieldProblem]) -> None:
        first = problems[0] if problems else FieldProblem("", "Invalid input")
        super().__init__(first.message, **dict(first.params))
        self.problems = problems


class NotFoundError(SotayError):
    exit_code = 3


class AccessError(SotayError):
    exit_code = 2
