"""The head of the case window: what the case is and whom it is about, who opened it and when, how it stands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.casework import cases
from desktop.services.casework.cases import CaseDetail
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.formatting import fmt_date

CTX = "CaseDialog"  # the case window's texts, whichever of its parts shows them


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class CaseHeader(QWidget):
    def __init__(self, spacing: int, parent: QWidget | None = None) -> None:
        """`spacing`: the window's, between the header's lines as between its other rows."""
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName("subtitle")
        self.info.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        layout.addWidget(self.heading)
        layout.addWidget(self.info)
        layout.addWidget(self.summary)

    def show_case(self, detail: CaseDetail, codes: CaseCodes) -> None:
        who = detail.person_name or _tr("the household as a whole")
        kind = codes.label(cases.KIND_TABLE, detail.kind)  # in the language of the window
        if detail.support_kind:
            kind = f"{kind} ({codes.label(cases.SUPPORT_KINDS, detail.support_kind)})"
        self.heading.setText(_tr("{kind} — {person}").format(kind=kind, person=who))
        if detail.state == cases.CLOSED:
            state = _tr("closed on {date}").format(date=fmt_date(detail.closed_on))
        else:
            state = _tr("open")
        self.info.setText(
            _tr("Opened on {date} by {owner} · {state} · confidential").format(
                date=fmt_date(detail.opened_on), owner=detail.owner, state=state
            )
        )
        lines = [detail.summary] if detail.summary else []
        if detail.outcome:
            lines.append(_tr("Outcome: {text}").format(text=detail.outcome))
        self.summary.setText("\n".join(lines))
        self.summary.setVisible(bool(lines))
