"""Báo cáo: the official reports as signed PDFs, their tables as XLSX, on paper, and checking a signed PDF.

On the left the user chooses the report (the monthly report, a household card, a case record, a
campaign report) and what it is about; on the right the preview shows the document exactly as it
will be signed, with the box for the signature stamp kept free.

Saving a signed PDF asks who signs (this computer's key or a USB token, see `ReportSignDialog`),
then builds, renders, signs and writes the report on the DB lane (building reads the database, and
the export records itself in the change log) behind a progress dialog. The file is written next to
the target under a hidden name and renamed to the target only when everything is done and the user
did not cancel; a cancelled export leaves nothing behind.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import uuid
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, QStandardPaths, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import SotayError
from desktop.reports.model import ReportDocument
from desktop.reports.pdf import render_pdf
from desktop.services import reference
from desktop.services.casework import cases
from desktop.services.documents import campaign_report, case_record, household_card, monthly_report
from desktop.services.documents import export as report_export
from desktop.services.documents.export import ExportResult
from desktop.services.profile.handle import Profile
from desktop.services.register import households
from desktop.services.register.events import month_of
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.dialogs.report_sign import ReportSignDialog, SignChoice
from desktop.ui.dialogs.report_verify import ReportVerifyDialog
from desktop.ui.formatting import fmt_date
from desktop.ui.modal import inform, run_modal, warn
from desktop.ui.translation import error_text
from desktop.ui.widgets.pdf_preview import PdfPreview
from desktop.ui.widgets.pickers import ValueCombo
from desktop.ui.widgets.stale import ReloadsWhenShown

log = logging.getLogger(__name__)
APP_NAME = "Sổ tay CTV"
MONTHLY, HOUSEHOLD, CASE, CAMPAIGN = "monthly", "household", "case", "campaign"
MONTHS_BACK = 12  # the month picker: this month and the twelve before it
SEARCH_CAP = 30  # households offered while typing
SEARCH_DELAY_MS = 250
LEFT_WIDTH = 360


def _print_support() -> bool:
    """PySide6-Essentials ships QtPrintSupport, but a trimmed install may not: then there is no Print."""
    try:
        from PySide6 import QtPrintSupport  # noqa: F401
    except ImportError:
        return False
    return True


PRINTING = _print_support()


# What to report on ###########################################################################


@dataclass(frozen=True, slots=True)
class ReportChoice:
    kind: str  # MONTHLY, HOUSEHOLD, CASE or CAMPAIGN
    title: str  # on screen, in the UI language
    subject: str  # recorded with the export: the month, the household number, the case, the campaign
    file_stem: str  # the suggested file name, without extension
    month: str = ""
    household_id: uuid.UUID | None = None
    case_id: uuid.UUID | None = None
    campaign: str = ""
    year: int = 0

    def build(self, profile: Profile) -> ReportDocument:
        """Runs on the DB lane."""
        if self.kind == MONTHLY:
            return monthly_report.monthly_document(profile, self.month)
        if self.kind == HOUSEHOLD and self.household_id is not None:
            return household_card.household_document(profile, self.household_id)
        if self.kind == CASE and self.case_id is not None:
            return case_record.case_document(profile, self.case_id)
        if self.kind == CAMPAIGN:
            return campaign_report.campaign_document(profile, self.campaign, self.year)
        raise ValueError(f"incomplete report choice: {self}")


@dataclass(frozen=True, slots=True)
class CaseChoice:
    id: uuid.UUID
    label: str
    stem: str


@dataclass(frozen=True, slots=True)
class Choices:
    cases: list[CaseChoice]
    campaigns: list[tuple[str, str]]


def load_choices(profile: Profile, labels: dict[str, str]) -> Choices:
    """Runs on the DB lane: the cases whose content the user may read, and the campaigns.

    `labels` holds the UI's words for "open" and "closed"; they are looked up on the GUI thread."""
    readable = [c for c in cases.list_cases(profile) if c.kind is not None]
    codes = {row.id: row.code for row in households.rows(profile, list({c.household_id for c in readable}))}
    with profile.sessions() as session:
        kinds = {item.code: code_label(item) for item in reference.codes(session, "support_case_kinds")}
    found = [
        CaseChoice(
            c.id,
            f"{fmt_date(c.opened_on)} · {codes.get(c.household_id, '?')} · {kinds.get(c.kind or '', c.kind)}"
            f" · {labels.get(c.state, c.state)}",
            f"ho-so-{safe_name(codes.get(c.household_id, 'ho'))}-{c.opened_on:%Y-%m-%d}",
        )
        for c in readable
    ]
    return Choices(found, campaign_report.campaign_choices(profile))


def search_households(profile: Profile, query: str) -> list[tuple[str, uuid.UUID, str]]:
    """Runs on the DB lane: (label, id, number) of the households matching `query`, register order."""
    found = households.list_households(profile, query, cap=SEARCH_CAP)
    return [
        (f"{row.code} — {row.head_name or '…'} · {row.village}", row.id, row.code)
        for row in households.rows(profile, list(found.ids[:SEARCH_CAP]))
    ]


def month_choices(today: date, back: int = MONTHS_BACK) -> list[tuple[str, str]]:
    """(label "MM/YYYY", "YYYY-MM") from this month back `back` months, newest first."""
    found = []
    index = today.year * 12 + today.month - 1
    for step in range(back + 1):
        year, month = divmod(index - step, 12)
        first = date(year, month + 1, 1)
        found.append((f"{first.month:02d}/{first.year}", month_of(first)))
    return found


def safe_name(text: str) -> str:
    """A file-name part that every file system accepts."""
    return re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-.") or "bao-cao"


# Exports that can be cancelled ###############################################################


class ExportJob:
    """One export on the lane; the GUI may cancel it until the file is in place, never after."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.staging = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
        self._lock = threading.Lock()
        self._cancelled = False
        self._committed = False

    @property
    def cancelled(self) -> bool:
        with self._lock:
            return self._cancelled

    def cancel(self) -> bool:
        """False when it is too late: the file was already written."""
        with self._lock:
            if self._committed:
                return False
            self._cancelled = True
            return True

    def commit(self) -> bool:
        """Runs on the lane: move the finished file into place, unless cancelled meanwhile."""
        with self._lock:
            if self._cancelled:
                return False
            os.replace(self.staging, self.target)
            self._committed = True
            return True

    def run_pdf(self, profile: Profile, choice: ReportChoice, signing: SignChoice) -> ExportResult | None:
        """Runs on the lane: None when cancelled (nothing written)."""
        if self.cancelled:
            return None
        doc = choice.build(profile)
        if self.cancelled:
            return None
        try:
            written = report_export.export_pdf(
                profile,
                doc,
                self.staging,
                signed=True,
                signer=signing.signer,
                signer_name=signing.signer_name,
                subject=choice.subject,
                record=False,  # a discarded file must leave no export in the change log
            )
            if not self.commit():
                return None
        finally:
            self.staging.unlink(missing_ok=True)
        report_export.record_export(profile, doc, fmt="pdf", signed=True, subject=choice.subject)
        return replace(written, path=self.target)


# The household picker ########################################################################


class HouseholdPicker(QLineEdit):
    """Type a household number or a name; matching households are offered as you type."""

    changed = Signal()  # a household was chosen, or the choice was cleared by typing

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id: uuid.UUID | None = None
        self._code = ""
        self._found: dict[str, tuple[uuid.UUID, str]] = {}
        self._generation = 0
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        # The lane already matched (without tone marks too); the completer must not filter again.
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(10)
        self.setCompleter(self.completer_)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self.search)
        self.completer_.activated.connect(self.pick)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(lambda: self.pick(self.text()))

    def value(self) -> uuid.UUID | None:
        return self._id

    def code(self) -> str:
        return self._code

    def offered(self) -> list[str]:
        return self._model.stringList()

    def search(self) -> None:
        query = self.text().strip()
        self._generation += 1
        if not query:
            self._model.setStringList([])
            return
        generation, profile = self._generation, self._ctx.profile
        self._ctx.lane.submit(
            lambda: search_households(profile, query),
            lambda found: self._show(generation, query, found),
            owner=self,
        )

    def pick(self, label: str) -> None:
        if label in self._found:
            household, code = self._found[label]
            if self.text() != label:
                self.setText(label)
            self._choose(household, code)

    def _edited(self, _text: str) -> None:
        self._choose(None, "")
        self._timer.start()

    def _show(self, generation: int, query: str, found: list[tuple[str, uuid.UUID, str]]) -> None:
        if generation != self._generation:
            return
        self._found = {label: (household, code) for label, household, code in found}
        self._model.setStringList([label for label, _id, _code in found])
        exact = [(household, code) for _label, household, code in found if code.casefold() == query.casefold()]
        if len(exact) == 1:
            self._choose(*exact[0])  # a household number typed in full is a choice already
        if found and self.hasFocus():
            self.completer_.complete()

    def _choose(self, household: uuid.UUID | None, code: str) -> None:
        if household == self._id:
            return
        self._id, self._code = household, code
        self.changed.emit()


# The page ####################################################################################


class ReportsPage(ReloadsWhenShown, QWidget):
    choices_loaded = Signal()
    previewed = Signal(object)  # the ReportChoice now shown in the preview
    saved = Signal(object)  # the ExportResult of a PDF or XLSX written
    discarded = Signal()  # a cancelled export finished and its file was thrown away

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._preview_generation = 0
        self._folder: Path | None = None
        self.shown_choice: ReportChoice | None = None
        self.job: ExportJob | None = None
        self.progress: QProgressDialog | None = None
        self.case_choices: list[CaseChoice] = []

        title = QLabel(self.tr("Reports"))
        title.setObjectName("pageTitle")

        # What to report on
        self.monthly_option = QRadioButton(self.tr("&Monthly report"))
        self.household_option = QRadioButton(self.tr("&Household card"))
        self.case_option = QRadioButton(self.tr("&Case record (confidential)"))
        self.campaign_option = QRadioButton(self.tr("Campai&gn report"))
        self.kinds = QButtonGroup(self)
        self.options = {
            MONTHLY: self.monthly_option,
            HOUSEHOLD: self.household_option,
            CASE: self.case_option,
            CAMPAIGN: self.campaign_option,
        }
        for option in self.options.values():
            self.kinds.addButton(option)
        self.monthly_option.setChecked(True)

        today = ctx.profile.today()
        self.month_picker = ValueCombo()
        self.month_picker.set_items(month_choices(today), keep=False)
        self.month_picker.setCurrentIndex(1)  # the previous month: the one a report is due for
        self.household_picker = HouseholdPicker(ctx)
        self.household_picker.setPlaceholderText(self.tr("Number or a member's name"))
        self.case_picker = ValueCombo()
        self.no_cases_text = self.tr("No case you may read")
        self.case_picker.setToolTip(
            self.tr(
                "Only the cases whose content you may read: your own, or all of them with the protection permission."
            )
        )
        self.campaign_picker = ValueCombo()
        self.year = QSpinBox()
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(today.year)
        self.year.setMinimumWidth(96)
        self.year_label = QLabel(self.tr("&Year"))
        self.year_label.setBuddy(self.year)
        for picker in (self.month_picker, self.case_picker, self.campaign_picker):
            picker.setMinimumWidth(0)
            picker.setMinimumContentsLength(12)
        self.pickers: dict[str, list[QWidget]] = {
            MONTHLY: [self.month_picker],
            HOUSEHOLD: [self.household_picker],
            CASE: [self.case_picker],
            CAMPAIGN: [self.campaign_picker, self.year_label, self.year],
        }

        which = QGroupBox(self.tr("Which report"))
        grid = QGridLayout(which)
        grid.setVerticalSpacing(4)
        grid.setHorizontalSpacing(8)
        grid.setColumnMinimumWidth(0, 22)
        grid.setColumnStretch(1, 1)
        rows: list[tuple[QRadioButton, QWidget]] = [
            (self.monthly_option, self.month_picker),
            (self.household_option, self.household_picker),
            (self.case_option, self.case_picker),
            (self.campaign_option, self.campaign_picker),
        ]
        for number, (option, picker) in enumerate(rows):
            row = number * 3
            if number:
                grid.setRowMinimumHeight(row - 1, 8)
            grid.addWidget(option, row, 0, 1, 2 if option is self.campaign_option else 4)
            grid.addWidget(picker, row + 1, 1, 1, 3)
        # The year beside the campaign option, where the line has room for it.
        grid.addWidget(self.year_label, 9, 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.year, 9, 3)

        # What to do with it
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.save_pdf_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_pdf_button.setObjectName("primary")
        self.save_pdf_button.setToolTip(self.tr("A PDF with a digital signature, ready to send"))
        self.save_xlsx_button = QPushButton(self.tr("Save tables as &XLSX…"))
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.print_button.setVisible(PRINTING)
        self.verify_button = QPushButton(self.tr("Chec&k a signed PDF…"))
        actions = QGridLayout()
        actions.setSpacing(8)
        actions.addWidget(self.preview_button, 0, 0)
        actions.addWidget(self.print_button, 0, 1)
        actions.addWidget(self.save_pdf_button, 1, 0, 1, 2)
        actions.addWidget(self.save_xlsx_button, 2, 0, 1, 2)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.setSpacing(12)
        left_layout.addWidget(which)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.error)
        left_layout.addStretch(1)
        left_layout.addWidget(self.verify_button)
        # On a small screen (or with large fonts) the choices scroll instead of being squeezed.
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.viewport().setAutoFillBackground(False)
        left_scroll.setWidget(left)
        left.setAutoFillBackground(False)  # on the page's own background (setWidget turned it on)
        # Room for the scroll bar too, so that it never covers the buttons' right edge.
        left_scroll.setFixedWidth(LEFT_WIDTH + left_scroll.verticalScrollBar().sizeHint().width())

        self.caption = QLabel()
        self.caption.setObjectName("sectionTitle")
        self.caption.setWordWrap(True)
        self.preview = PdfPreview()
        self.preview.clear(self.tr("Choose a report on the left, then press Preview."))
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.caption)
        right.addWidget(self.preview, 1)

        body = QHBoxLayout()
        body.setSpacing(18)
        body.addWidget(left_scroll)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(body, 1)

        self.kinds.buttonToggled.connect(self._kind_toggled)
        self.month_picker.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.household_picker.changed.connect(self._choice_changed)
        self.case_picker.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.campaign_picker.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.year.valueChanged.connect(lambda _v: self._choice_changed())
        self.preview_button.clicked.connect(self.preview_report)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.save_xlsx_button.clicked.connect(self.save_xlsx)
        self.print_button.clicked.connect(self.print_preview)
        self.verify_button.clicked.connect(self.check_signed_pdf)
        self.preview.rendered.connect(lambda _pages: self._update())
        ctx.data_changed.connect(self._data_changed)
        self._kind_toggled(self.monthly_option, True)

    # Choosing ##################################################################################

    def kind(self) -> str:
        return next((kind for kind, option in self.options.items() if option.isChecked()), MONTHLY)

    def set_kind(self, kind: str) -> None:
        self.options[kind].setChecked(True)

    def current_choice(self) -> ReportChoice | None:
        """What the buttons act on; None while the chosen kind still lacks its household, case or campaign."""
        kind = self.kind()
        if kind == MONTHLY:
            month = self.month_picker.value()
            label = self.month_picker.currentText()
            title = self.tr("Monthly report {month}").format(month=label)
            return ReportChoice(MONTHLY, title, month, f"bao-cao-thang-{month}", month=month)
        if kind == HOUSEHOLD:
            household = self.household_picker.value()
            if household is None:
                return None
            code = self.household_picker.code()
            title = self.tr("Household card {code}").format(code=code)
            return ReportChoice(HOUSEHOLD, title, code, f"phieu-ho-{safe_name(code)}", household_id=household)
        if kind == CASE:
            case_id = self.case_picker.value()
            found = next((c for c in self.case_choices if c.id == case_id), None)
            if found is None:
                return None
            title = self.tr("Case record {case}").format(case=found.label)
            return ReportChoice(CASE, title, case_id.hex, found.stem, case_id=case_id)
        code, year = self.campaign_picker.value(), self.year.value()
        if not code:
            return None
        title = self.tr("Campaign report: {campaign}, {year}").format(
            campaign=self.campaign_picker.currentText(), year=year
        )
        stem = f"bao-cao-{safe_name(code)}-{year}"
        return ReportChoice(CAMPAIGN, title, f"{code} {year}", stem, campaign=code, year=year)

    def _kind_toggled(self, button: object, checked: bool) -> None:
        if not checked:
            return
        kind = self.kind()
        for name, widgets in self.pickers.items():
            for widget in widgets:
                widget.setEnabled(name == kind)
        if button is not None and any(option.hasFocus() for option in self.options.values()):
            self.pickers[kind][0].setFocus()  # Alt+H and the like: straight on to choosing the household
        self._choice_changed()

    def _choice_changed(self) -> None:
        self.error.setVisible(False)
        self._update()

    def _update(self) -> None:
        choice = self.current_choice()
        busy = self.job is not None
        for button in (self.preview_button, self.save_pdf_button, self.save_xlsx_button):
            button.setEnabled(choice is not None and not busy)
        self.print_button.setEnabled(self.preview.page_count() > 0 and not busy)
        shown = self.shown_choice
        if shown is None:
            self.caption.setText("")
        elif choice == shown:
            self.caption.setText(self.tr("{report} — as it will look when signed").format(report=shown.title))
        else:
            self.caption.setText(self.tr("{report} — press Preview to see your new choice").format(report=shown.title))
        self.caption.setVisible(shown is not None)

    # Loading the pickers ########################################################################

    def reload(self) -> None:
        self._stale = False
        profile = self.ctx.profile
        labels = {"open": self.tr("open"), "closed": self.tr("closed")}
        self.ctx.lane.submit(
            lambda: load_choices(profile, labels), self._show_choices, on_error=self._load_failed, owner=self
        )

    def _show_choices(self, choices: Choices) -> None:
        self.case_choices = choices.cases
        self.case_picker.set_items((c.label, c.id) for c in choices.cases)
        self.case_picker.setPlaceholderText(self.no_cases_text if not choices.cases else "")
        self.campaign_picker.set_items((name, code) for code, name in choices.campaigns)
        self._update()
        self.choices_loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        if not isinstance(error, SotayError):
            self.ctx.lane.failed.emit(error)
            return
        self._show_error(error_text(error))

    # Preview ###################################################################################

    def preview_report(self) -> None:
        choice = self.current_choice()
        if choice is None:
            return
        self._preview_generation += 1
        generation, profile = self._preview_generation, self.ctx.profile
        self.error.setVisible(False)
        self.preview.show_message(self.tr("Preparing the preview…"))
        self.ctx.lane.submit(
            lambda: render_pdf(choice.build(profile), reserve_signature_box=True).data,
            lambda data: self._preview_ready(generation, choice, data),
            on_error=lambda error: self._preview_failed(generation, error),
            owner=self,
        )

    def _preview_ready(self, generation: int, choice: ReportChoice, data: bytes) -> None:
        if generation != self._preview_generation:
            return
        self.shown_choice = choice
        self.preview.set_pdf(data)
        self._update()
        self.previewed.emit(choice)

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._preview_generation:
            return
        if not isinstance(error, SotayError):
            self.preview.show_message("")
            self.ctx.lane.failed.emit(error)
            return
        self.preview.show_message(error_text(error), error=True)

    # Saving ####################################################################################

    def ask_target(self, choice: ReportChoice, extension: str) -> Path | None:
        """Where to write; the folder is remembered while the app runs."""
        folder = self._folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()
        )
        if extension == "pdf":
            caption, filters = self.tr("Save the signed report as"), self.tr("PDF files (*.pdf)")
        else:
            caption, filters = self.tr("Save the report's tables as"), self.tr("Excel workbooks (*.xlsx)")
        name, _filter = QFileDialog.getSaveFileName(
            self, caption, str(folder / f"{choice.file_stem}.{extension}"), filters
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != f".{extension}":
            target = target.with_name(f"{target.name}.{extension}")
        self._folder = target.parent
        return target

    def ask_signer(self) -> SignChoice | None:
        """Who signs: this computer's key or a USB token; None when the user cancels."""
        dialog = ReportSignDialog(self)
        try:
            if run_modal(dialog) != QDialog.DialogCode.Accepted:
                return None
            return dialog.choice()
        finally:
            dialog.deleteLater()

    def save_pdf(self) -> None:
        """Ask where and who signs, then build, sign and write in the background behind a progress dialog."""
        choice = self.current_choice()
        if choice is None or self.job is not None:
            return
        target = self.ask_target(choice, "pdf")
        if target is None:
            return
        signing = self.ask_signer()
        if signing is None:
            return
        job = self.job = ExportJob(target)
        profile = self.ctx.profile
        self.error.setVisible(False)
        self._show_progress(job)
        self._update()
        self.ctx.lane.submit(
            lambda: job.run_pdf(profile, choice, signing),
            lambda result: self._pdf_done(job, choice, signing, result),
            on_error=lambda error: self._export_failed(job, error),
            owner=self,
        )

    def _show_progress(self, job: ExportJob) -> None:
        progress = QProgressDialog(self.tr("Signing and saving the report…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(APP_NAME)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(380)
        progress.canceled.connect(lambda: self.cancel_export(job))
        self.progress = progress
        progress.show()

    def cancel_export(self, job: ExportJob | None = None) -> None:
        """Cancel the running export: its result is thrown away when it finishes; nothing is written."""
        job = job or self.job
        if job is None or job is not self.job:
            return
        if not job.cancel():
            return  # already written: the message that says so is on its way
        self._close_progress()
        self.job = None
        self._update()

    def _close_progress(self) -> None:
        progress, self.progress = self.progress, None
        if progress is not None:
            progress.canceled.disconnect()
            progress.hide()
            progress.deleteLater()

    def _pdf_done(self, job: ExportJob, choice: ReportChoice, signing: SignChoice, result: ExportResult | None) -> None:
        if result is None:
            self.discarded.emit()
            return
        if job is self.job:
            self._close_progress()
            self.job = None
            self._update()
        if signing.uses_device_key:
            said = self.tr("The report was saved to {path}.\n\nIt was signed by {name} with this computer's key.")
            name = self.ctx.profile.user.name
        else:
            said = self.tr("The report was saved to {path}.\n\nIt was signed by {name} with the USB token {token}.")
            name = signing.signer_name
        text = said.format(path=result.path, name=name, token=signing.token_label)
        if choice.kind == CASE:
            text += "\n\n" + self.tr(
                "This record is confidential: keep the file where only people allowed to read it can open it."
            )
        self.ctx.notify_changed()  # the export is in the change log now
        self.saved.emit(result)
        inform(self, APP_NAME, text)

    def _export_failed(self, job: ExportJob, error: BaseException) -> None:
        if job is not self.job:
            return  # cancelled meanwhile: the user no longer waits for it
        self._close_progress()
        self.job = None
        self._update()
        if isinstance(error, SotayError):
            text = error_text(error)
        elif isinstance(error, OSError):
            text = self.tr("The file could not be written: {reason}").format(reason=error.strerror or error)
        else:
            self.ctx.lane.failed.emit(error)
            return
        self._show_error(text)
        warn(self, APP_NAME, self.tr("The report was not saved.") + "\n\n" + text)

    def save_xlsx(self) -> None:
        choice = self.current_choice()
        if choice is None or self.job is not None:
            return
        target = self.ask_target(choice, "xlsx")
        if target is None:
            return
        profile = self.ctx.profile
        job = self.job = ExportJob(target)  # not cancellable, but it keeps the buttons quiet meanwhile
        self.error.setVisible(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._update()

        def work() -> ExportResult:
            return report_export.export_xlsx(profile, choice.build(profile), target, subject=choice.subject)

        def done(result: ExportResult) -> None:
            self.unsetCursor()
            self.job = None
            self._update()
            self.ctx.notify_changed()
            self.saved.emit(result)
            inform(self, APP_NAME, self.tr("The tables of the report were saved to {path}.").format(path=result.path))

        def failed(error: BaseException) -> None:
            self.unsetCursor()
            self._export_failed(job, error)

        self.ctx.lane.submit(work, done, on_error=failed, owner=self)

    # Printing ##################################################################################

    def print_preview(self) -> None:
        """Print the pages of the preview (the report as it will be signed, without the stamp)."""
        if not PRINTING or self.preview.page_count() == 0:
            return
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the pictures are whole pages, margins included
        printer.setDocName(self.shown_choice.title if self.shown_choice is not None else APP_NAME)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.preview.page_count())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        try:
            # exec(), not run_modal: on Windows the print dialog is native and shows only through exec().
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        finally:
            dialog.deleteLater()
        if not self.print_to(printer):
            warn(self, APP_NAME, self.tr("The printer could not be used. Check that it is switched on and ready."))

    def print_to(self, printer: object) -> bool:
        """Paint the preview's pages (the printer's page range, if any) on `printer`; False if it cannot start."""
        images = self.preview.images()
        first, last = printer.fromPage(), printer.toPage()  # type: ignore[attr-defined]
        if first > 0:
            images = images[first - 1 : last or len(images)]
        painter = QPainter()
        if not images or not painter.begin(printer):  # type: ignore[arg-type]
            return False
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for number, image in enumerate(images):
                if number:
                    printer.newPage()  # type: ignore[attr-defined]
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                left = area.x() + (area.width() - size.width()) // 2
                top = area.y() + (area.height() - size.height()) // 2
                painter.drawImage(QRect(left, top, size.width(), size.height()), image)
        finally:
            painter.end()
        return True

    # Checking ##################################################################################

    def check_signed_pdf(self) -> None:
        dialog = ReportVerifyDialog(self.ctx, self)
        try:
            run_modal(dialog)
        finally:
            dialog.deleteLater()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
