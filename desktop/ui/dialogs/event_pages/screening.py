"""The results of a screening, condition by condition: each condition the screening names, with "not screened",
"normal" or "high risk" (P0 sections 2 and 10; the conditions are screening_conditions.csv)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from desktop.services.dto import CodeDTO
from desktop.services.register import events
from desktop.ui.codes import code_label
from desktop.ui.widgets.pickers import ValueCombo

CTX = "EventPages"


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


def condition_result(code: str) -> str:
    """A condition's result in words; the stored word itself for one the app does not know."""
    return {"normal": _tr("Normal"), "at_risk": _tr("High risk")}.get(code, code)


class ConditionResults(QWidget):
    """One row per condition; a condition left at "not screened" is not part of the results."""

    changed = Signal()

    def __init__(self, conditions: Sequence[CodeDTO], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.combos: dict[str, ValueCombo] = {}
        for row, condition in enumerate(conditions):
            combo = ValueCombo(blank=_tr("Not screened"))
            combo.set_items((condition_result(code), code) for code in events.CONDITION_RESULTS)
            combo.setMinimumWidth(170)
            combo.setMinimumContentsLength(12)
            label = QLabel(code_label(condition))
            label.setBuddy(combo)
            combo.setAccessibleName(code_label(condition))
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            self.combos[condition.code] = combo
        grid.setColumnStretch(2, 1)

    def results(self) -> dict[str, str]:
        """Condition code → result, for the conditions screened, in the table's order."""
        return {code: combo.value() for code, combo in self.combos.items() if combo.value()}

    def set_result(self, code: str, result: str | None) -> None:
        self.combos[code].set_value(result)
