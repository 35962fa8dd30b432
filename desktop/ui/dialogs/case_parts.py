"""What the case dialogs share: the case's data read in one go, and a list of long choices to tick."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QLabel, QScrollArea, QWidget

from desktop.services import reference
from desktop.services.casework import cases, child, child_forms, child_plan, dv, dv_measures, parties
from desktop.services.casework import timeline as case_actions
from desktop.services.casework.cases import CHILD_PROTECTION, CaseDetail
from desktop.services.casework.codes import CASE_TABLES
from desktop.services.casework.parties import PartyDTO
from desktop.services.dto import CodeDTO
from desktop.services.profile.handle import Profile
from desktop.ui.codes import code_label

CTX = "CaseDialogs"
# Tall enough for about eight choices; the rest scroll.
CHOICES_HEIGHT_LINES = 12


def error_label() -> QLabel:
    """A refusal under a tab's controls, hidden while there is none."""
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


@dataclass(frozen=True, slots=True)
class CaseCodes:
    """The code tables of casework, with the facts the UI needs beyond the names."""

    tables: dict[str, list[CodeDTO]]
    act_types: dict[str, str] = field(default_factory=dict)
    measure_limits: dict[str, dv_measures.MeasureLimits] = field(default_factory=dict)

    def items(self, table: str) -> list[CodeDTO]:
        return self.tables.get(table, [])

    def label(self, table: str, code: str) -> str:
        for item in self.items(table):
            if item.code == code:
                return code_label(item)
        return code


@dataclass(frozen=True, slots=True)
class CaseData:
    detail: CaseDetail
    codes: CaseCodes
    dv: dv.DvCaseView | None = None
    child: child.ChildCaseView | None = None
    people: list[PartyDTO] = field(default_factory=list)  # victims, who caused harm, carers, reporters
    plan: list[child_plan.PlanItemDTO] = field(default_factory=list)  # a child case's support plan
    timeline: list[case_actions.TimelineEntry] = field(default_factory=list)  # latest first
    intake: child_forms.IntakeInput | None = None  # a child case's Mẫu 01
    review: child_forms.ReviewDTO | None = None  # a child case's Mẫu 06


def load_codes(profile: Profile) -> CaseCodes:
    with profile.sessions() as session:
        return CaseCodes(
            {table: reference.codes(session, table) for table in CASE_TABLES},
            dv.act_types(session),
            dv_measures.measure_limits(session),
        )


def load_case(profile: Profile, case_id: uuid.UUID, codes: CaseCodes | None = None) -> CaseData:
    """Everything the case dialog shows; refused (PermissionDeniedError) without the right to the content."""
    detail = cases.detail(profile, case_id)
    codes = codes or load_codes(profile)
    people = parties.parties(profile, case_id)
    timeline = case_actions.timeline(profile, case_id)
    if detail.kind == dv.KIND:
        return CaseData(detail, codes, dv=dv.view(profile, case_id), people=people, timeline=timeline)
    if detail.kind == CHILD_PROTECTION:
        return CaseData(
            detail,
            codes,
            child=child.view(profile, case_id),
            people=people,
            plan=child_plan.items(profile, case_id),
            timeline=timeline,
            intake=child_forms.intake(profile, case_id),
            review=child_forms.review(profile, case_id),
        )
    return CaseData(detail, codes, people=people, timeline=timeline)


class _ToggleLabel(QLabel):
    """The long text beside a check box; clicking it ticks the box, as a check box's own text would."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
        super().mouseReleaseEvent(event)


class ChoiceChecks(QScrollArea):
    """Check boxes for choices whose names run over a line (the acts of Art. 3.1): the text wraps."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(8, 6, 8, 6)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(1, 1)
        self.setWidget(self._inner)
        self._boxes: list[tuple[QCheckBox, Any]] = []
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * CHOICES_HEIGHT_LINES)

    def set_items(self, items: Iterable[tuple[str, str, Any]], checked: Iterable[Any] = ()) -> None:
        """Items are (mark, text, value): the mark ("a)") on the box, the text wrapping beside it."""
        chosen = set(checked)
        for box, _value in self._boxes:
            box.deleteLater()
        while self._grid.count():
            taken = self._grid.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()
        self._boxes = []
        for row, (mark, text, value) in enumerate(items):
            box = QCheckBox(mark)
            box.setChecked(value in chosen)
            box.setAccessibleDescription(text)
            box.toggled.connect(lambda _on: self.changed.emit())
            label = _ToggleLabel(text, box)
            self._grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(label, row, 1)
            self._boxes.append((box, value))
        self._grid.setRowStretch(len(self._boxes), 1)

    def checked_values(self) -> list[Any]:
        return [value for box, value in self._boxes if box.isChecked()]

    def set_checked(self, value: Any, checked: bool = True) -> None:
        for box, item_value in self._boxes:
            if item_value == value:
                box.setChecked(checked)

    def set_editable(self, editable: bool) -> None:
        for box, _value in self._boxes:
            box.setEnabled(editable)


def lettered(items: Iterable[CodeDTO], letters: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    """(“a)”, name, code) for the lettered lists of the law (acts, groups); the code is the letter's ASCII form."""
    marks = letters or {}
    return [(marks.get(item.code, item.code) + ")", code_label(item), item.code) for item in items]


LETTERS = {"dd": "đ"}  # the codes are ASCII; the law writes đ
