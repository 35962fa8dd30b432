"""The change log's words for what sync writes: review items and conflicts, their kinds, states and reasons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CTX = "AuditLog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def review_states() -> dict[str, str]:
    return {"open": _tr("To review"), "done": _tr("Settled"), "dismissed": _tr("Not a problem")}


def review_kinds() -> dict[str, str]:
    return {
        "duplicate_code": _tr("One household number twice"),
        "two_heads": _tr("Two heads in one household"),
        "duplicate_category": _tr("One category twice in a year"),
        "duplicate_person": _tr("Possibly one person twice"),
    }


def conflict_states() -> dict[str, str]:
    # A choice keeps one of the two values (either side); restoring undoes a deletion (desktop/services/conflicts.py).
    return {
        "open": _tr("Waiting for a choice"),
        "kept": _tr("One of the two values chosen"),
        "restored": _tr("Deleted record restored"),
    }


def conflict_reasons() -> dict[str, str]:
    return {
        "concurrent": _tr("Changed on two laptops"),
        "ahead": _tr("A laptop's date was wrong"),
        "deleted": _tr("Deleted on one laptop, changed on another"),
    }
