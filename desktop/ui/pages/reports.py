"""Báo cáo: the official reports as signed PDFs, their tables as XLSX, on paper, and checking a signed PDF.

On the left the user chooses the report (the monthly report, a household card, a case record, a
campaign report; see `ChoosesReport`) and what it is about; on the right the preview shows the
document exactly as it will be signed, with the box for the signature stamp kept free.

Saving a signed PDF asks who signs (this computer's key or a USB token, see `ReportSignDialog`),
then builds, renders, signs and writes the report on the DB lane (building reads the database, and
the export records itself in the change log) behind a progress dialog (`ExportProgress`). The file
is written next to the target under a hidden name and renamed to the target only when everything is
done and the user did not cancel; a cancelled export leaves nothing behind (`CancellableExport`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.errors import SotayError
from desktop.services.documents import choices as report_choices
from desktop.services.documents import export as report_export
from desktop.services.documents.choices import CASE, Choices, ReportChoice
from desktop.services.documents.export import CancellableExport, ExportResult
from desktop.services.documents.signing import SignChoice
from desktop.ui.context import AppContext
from desktop.ui.dialogs.report_sign import ReportSignDialog
from desktop.ui.dialogs.report_verify import ReportVerifyDialog
from desktop.ui.modal import inform, run_modal, warn
from desktop.ui.pages.report_choosing import ChoosesReport
from desktop.ui.pages.report_progress import ExportProgress
from desktop.ui.translation import error_text
from desktop.ui.widgets import files
from desktop.ui.widgets.pdf_preview import PdfPreview
from desktop.ui.widgets.printing import PRINTING, ask_printer, print_images
from desktop.ui.widgets.stale import ReloadsWhenShown

LEFT_WIDTH = 360


class ReportsPage(ReloadsWhenShown, ChoosesReport, QWidget):
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
        self.exports = ExportProgress(self, APP_NAME, self._update)

        title = QLabel(self.tr("Reports"))
        title.setObjectName("pageTitle")
        which = self._choice_box(ctx)

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

        self.preview_button.clicked.connect(self.preview_report)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.save_xlsx_button.clicked.connect(self.save_xlsx)
        self.print_button.clicked.connect(self.print_preview)
        self.verify_button.clicked.connect(self.check_signed_pdf)
        self.preview.rendered.connect(lambda _pages: self._update())
        ctx.data_changed.connect(self._data_changed)
        self._kind_toggled(self.monthly_option, True)

    @property
    def job(self) -> CancellableExport | None:
        """The export the page waits for: one at a time."""
        return self.exports.job

    @property
    def progress(self) -> QProgressDialog | None:
        return self.exports.dialog

    # State #####################################################################################

    def _choice_changed(self) -> None:
        self.error.setVisible(False)
        self._refresh_inputs()
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
        self.ctx.lane.submit(
            lambda: report_choices.load_choices(profile), self._show_choices, on_error=self._load_failed, owner=self
        )

    def _show_choices(self, choices: Choices) -> None:
        self._fill_pickers(choices)
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
            lambda: report_export.preview(report_choices.document(profile, choice)),
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
        name = files.save_file_name(self, caption, str(folder / f"{choice.file_stem}.{extension}"), filters)
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
        if choice is None or self.job is not None or not self._typing_ok():
            return
        target = self.ask_target(choice, "pdf")
        if target is None:
            return
        signing = self.ask_signer()
        if signing is None:
            return
        job = self.exports.start(target, cancellable=True)
        profile = self.ctx.profile
        self.error.setVisible(False)
        self._update()

        def work() -> ExportResult | None:
            report_choices.keep_typed(profile, choice)  # the remarks typed: kept before the report is built
            return job.run_pdf(profile, choice, signing)

        self.ctx.lane.submit(
            work,
            lambda result: self._pdf_done(job, choice, signing, result),
            on_error=lambda error: self._export_failed(job, error),
            owner=self,
        )

    def cancel_export(self, job: CancellableExport | None = None) -> None:
        """Cancel the running export: its result is thrown away when it finishes; nothing is written."""
        self.exports.cancel(job)

    def _pdf_done(
        self, job: CancellableExport, choice: ReportChoice, signing: SignChoice, result: ExportResult | None
    ) -> None:
        if result is None:
            self.discarded.emit()
            return
        if self.exports.end(job):
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
        self.remarks_kept(choice)
        self.ctx.notify_changed()  # the export is in the change log now
        self.saved.emit(result)
        inform(self, APP_NAME, text)

    def _export_failed(self, job: CancellableExport, error: BaseException) -> None:
        if not self.exports.end(job):
            return  # cancelled meanwhile: the user no longer waits for it
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
        if choice is None or self.job is not None or not self._typing_ok():
            return
        target = self.ask_target(choice, "xlsx")
        if target is None:
            return
        profile = self.ctx.profile
        job = self.exports.start(target, cancellable=False)  # it keeps the buttons quiet meanwhile
        self.error.setVisible(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._update()

        def work() -> ExportResult:
            report_choices.keep_typed(profile, choice)
            doc = report_choices.document(profile, choice)
            return report_export.export_xlsx(profile, doc, target, subject=choice.subject)

        def done(result: ExportResult) -> None:
            self.unsetCursor()
            self.exports.end(job)
            self.remarks_kept(choice)
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
        name = self.shown_choice.title if self.shown_choice is not None else APP_NAME
        printer = ask_printer(self, self.preview.page_count(), name)
        if printer is not None and not self.print_to(printer):
            warn(self, APP_NAME, self.tr("The printer could not be used. Check that it is switched on and ready."))

    def print_to(self, printer: object) -> bool:
        """Paint the preview's pages (the printer's page range, if any) on `printer`; False if it cannot start."""
        return print_images(self.preview.images(), printer)

    # Checking ##################################################################################

    def check_signed_pdf(self) -> None:
        dialog = ReportVerifyDialog(self.ctx, self)
        try:
            run_modal(dialog)
        finally:
            dialog.deleteLater()

    def _typing_ok(self) -> bool:
        """Whether what the user typed for the report can be kept; if not, say why and export nothing."""
        reason = self.remarks_problem()
        if reason:
            self._show_error(reason)
        return not reason

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
