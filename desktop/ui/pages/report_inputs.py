"""What the user types or settles on the Reports page besides the choice itself: the monthly report's
difficulties and proposals (kept per month, typing surviving a change of month), and the activities held
during a campaign's days but recorded as part of none, offered for tagging before its report is made."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from desktop.errors import SotayError
from desktop.services.communication import tagging
from desktop.services.communication.activities import ActivityDTO
from desktop.services.documents import remarks as report_remarks
from desktop.services.documents.choices import CAMPAIGN, MONTHLY, ReportChoice
from desktop.services.documents.remarks import Remarks
from desktop.ui.context import AppContext
from desktop.ui.dialogs.campaign_tagging import TagActivitiesDialog
from desktop.ui.modal import run_modal, warn
from desktop.ui.translation import error_text, problem_text

CTX = "ReportsPage"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class ReportInputs:
    """Mixed into the Reports page with `ChoosesReport`, whose pickers (`kind()`, `chosen_month()`,
    `current_choice()`, `campaign_picker`, `year`) it reads."""

    def _make_remarks(self) -> None:
        """The free-text end of the monthly report, kept per month; typing survives a change of month."""
        self.difficulties = QPlainTextEdit()
        self.proposals = QPlainTextEdit()
        for box in (self.difficulties, self.proposals):
            box.setTabChangesFocus(True)
            box.setFixedHeight(54)
            box.setPlaceholderText(_tr("None"))
        self.remarks_month: str | None = None  # the month whose saved remarks the boxes started from
        self.remarks_loaded = Remarks()
        self.remark_drafts: dict[str, Remarks] = {}  # typed for another month, not saved yet

    def _make_untagged(self) -> None:
        """Under the campaign: its activities recorded as part of no campaign, offered for tagging."""
        self.untagged: list[ActivityDTO] = []
        self.untagged_generation = 0
        self.untagged_note = QLabel()
        self.untagged_note.setWordWrap(True)
        self.tag_button = QPushButton(_tr("Tag &with this campaign…"))
        self.untagged_box = QWidget()
        row = QHBoxLayout(self.untagged_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.untagged_note, 1)
        row.addWidget(self.tag_button)
        self.untagged_box.setVisible(False)

    # The monthly remarks ########################################################################

    def typed_remarks(self, month: str) -> Remarks | None:
        """The remarks in the boxes for `month`; None until that month's saved remarks are in them."""
        if self.remarks_month != month:
            return None
        return Remarks(self.difficulties.toPlainText(), self.proposals.toPlainText())

    def remarks_problem(self) -> str:
        """Why the typed remarks cannot be kept (too long…), in the user's language; "" when they can."""
        choice = self.current_choice()
        if choice is None or choice.remarks is None:
            return ""
        found = report_remarks.remarks_problems(choice.remarks)
        return problem_text(found[0]) if found else ""

    def _refresh_inputs(self) -> None:
        """After any change of choice: the remarks of the month chosen, the campaign's untagged activities."""
        kind = self.kind()
        month = self.chosen_month()
        if kind == MONTHLY and month is not None and month.iso() != self.remarks_month:
            self._switch_remarks(month.iso())
        self._offer_untagged(kind)

    def _switch_remarks(self, month: str) -> None:
        if self.remarks_month is not None:
            typed = self.typed_remarks(self.remarks_month)
            if typed is not None and typed != self.remarks_loaded:
                self.remark_drafts[self.remarks_month] = typed
        self.remarks_month = None  # until the month's remarks are in the boxes
        draft = self.remark_drafts.pop(month, None)
        if draft is not None:
            self._show_remarks(month, draft, Remarks())
            return
        ctx: AppContext = self.ctx  # type: ignore[attr-defined]  # the page's
        profile = ctx.profile
        ctx.lane.submit(
            lambda: report_remarks.monthly_remarks(profile, month),
            lambda saved: self._remarks_read(month, saved),
            owner=self,  # type: ignore[arg-type]  # the page is the QObject
        )

    def _remarks_read(self, month: str, saved: Remarks) -> None:
        chosen = self.chosen_month()
        if chosen is not None and chosen.iso() == month and self.remarks_month is None:
            self._show_remarks(month, saved, saved)

    def _show_remarks(self, month: str, shown: Remarks, saved: Remarks) -> None:
        self.remarks_loaded = saved
        self.remarks_month = month
        self.difficulties.setPlainText(shown.difficulties)
        self.proposals.setPlainText(shown.proposals)
        self._choice_changed()  # type: ignore[attr-defined]  # the page's: the choice now carries them

    def remarks_kept(self, choice: ReportChoice) -> None:
        """The remarks of `choice` were saved with its export: they are what the month starts from now."""
        if choice.remarks is not None and choice.month == self.remarks_month:
            self.remarks_loaded = choice.remarks

    # The campaign's untagged activities #########################################################

    def _offer_untagged(self, kind: str) -> None:
        code, year = self.campaign_picker.value(), self.year.value()
        if kind != CAMPAIGN or not code:
            self.untagged_box.setVisible(False)
            return
        self.untagged_generation += 1
        generation = self.untagged_generation
        ctx: AppContext = self.ctx  # type: ignore[attr-defined]  # the page's
        profile = ctx.profile
        ctx.lane.submit(
            lambda: tagging.untagged_during(profile, code, year),
            lambda found: self._show_untagged(generation, found),
            on_error=lambda error: self._untagged_failed(generation, error),
            owner=self,  # type: ignore[arg-type]  # the page is the QObject
        )

    def _show_untagged(self, generation: int, found: list[ActivityDTO]) -> None:
        if generation != self.untagged_generation:
            return
        self.untagged = found
        self.untagged_note.setText(
            _tr("{count} activities held in these days are not recorded as part of any campaign: not counted.").format(
                count=len(found)
            )
        )
        self.untagged_box.setVisible(bool(found) and self.kind() == CAMPAIGN)

    def _untagged_failed(self, generation: int, error: BaseException) -> None:
        if generation != self.untagged_generation:
            return
        self.untagged = []
        self.untagged_box.setVisible(False)
        if not isinstance(error, SotayError):  # a year the campaign has no days in says so on Preview
            self.ctx.lane.failed.emit(error)  # type: ignore[attr-defined]  # the page's

    def tag_untagged(self) -> None:
        """Ask which of the untagged activities were held for the campaign, and tag those."""
        ctx: AppContext = self.ctx  # type: ignore[attr-defined]  # the page's
        code, year = self.campaign_picker.value(), self.year.value()
        if not code or not self.untagged:
            return
        dialog = TagActivitiesDialog(ctx.codes, self.campaign_picker.currentText(), year, self.untagged, self)  # type: ignore[arg-type]
        try:
            if run_modal(dialog) != TagActivitiesDialog.DialogCode.Accepted or not dialog.chosen():
                return
            chosen = dialog.chosen()
        finally:
            dialog.deleteLater()
        profile = ctx.profile
        ctx.lane.submit(
            lambda: tagging.tag_activities(profile, chosen, code),
            lambda _count: self._tagged(),
            on_error=self._tagging_failed,
            owner=self,  # type: ignore[arg-type]  # the page is the QObject
        )

    def _tagged(self) -> None:
        ctx: AppContext = self.ctx  # type: ignore[attr-defined]  # the page's
        ctx.notify_changed()
        self._choice_changed()  # type: ignore[attr-defined]  # the page's: it offers what is still untagged

    def _tagging_failed(self, error: BaseException) -> None:
        if not isinstance(error, SotayError):
            self.ctx.lane.failed.emit(error)  # type: ignore[attr-defined]  # the page's
            return
        warn(self, _tr("Activities of the campaign"), error_text(error))  # type: ignore[arg-type]
