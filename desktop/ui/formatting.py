"""How dates, ages and statuses read on screen (dd/MM/yyyy, Vietnamese status words)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

DATE_FORMAT = "%d/%m/%Y"
QT_DATE_FORMAT = "dd/MM/yyyy"


def fmt_date(day: date | None) -> str:
    return day.strftime(DATE_FORMAT) if day else ""


def person_status(status: str) -> str:
    labels = {
        "present": QCoreApplication.translate("Status", "Living here"),
        "moved_out": QCoreApplication.translate("Status", "Moved out"),
        "dead": QCoreApplication.translate("Status", "Deceased"),
    }
    return labels.get(status, status)


def place_of_birth(code: str) -> str:
    labels = {
        "health_station": QCoreApplication.translate("Status", "Commune health station"),
        "hospital": QCoreApplication.translate("Status", "Hospital"),
        "home": QCoreApplication.translate("Status", "At home"),
        "other": QCoreApplication.translate("Status", "Other place"),
    }
    return labels.get(code, code)
