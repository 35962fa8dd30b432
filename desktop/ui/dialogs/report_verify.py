"""Check a signed report: who signed it, when, whether it changed since, and whether this notebook
trusts the certificate; then one sentence saying whether to rely on it, and what to do if not.

Trust comes from this notebook alone (its own certificate and the hub CA, see
`report_export.verify`): nothing is looked up on the internet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import SotayError
from desktop.security.pdf.stamp import VIETNAM
from desktop.security.pdf.verification import PdfVerification
from desktop.services.documents import export as report_export
from desktop.ui.context import AppContext
from desktop.ui.dialogs.report_sign import off_thread
from desktop.ui.modal import ModalDialog
from desktop.ui.translation import error_text
from desktop.ui.widgets import files
from desktop.ui.widgets.fitting import grow_to_fit

PREFERRED_WIDTH = 620
MAX_PDF_BYTES = 200 * 1024 * 1024  # a report is a few hundred kB; anything this big is not one of ours
VALID_STYLE = "color: #0b5d2a; background: #e6f4ea; border: 1px solid #a7d7b5; border-radius: 4px; padding: 8px;"


class _TooBig(Exception):
    """The file is far bigger than any report; it is not read into memory."""


def read_pdf(path: Path) -> bytes:
    if path.stat().st_size > MAX_PDF_BYTES:
        raise _TooBig(path)
    return path.read_bytes()


class ReportVerifyDialog(ModalDialog):
    checked = Signal(object)  # the PdfVerification shown, or None when the file could not be read

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self._sized = False
        self.result_: PdfVerification | None = None
        self.setWindowTitle(self.tr("Check a signed PDF"))
        heading = QLabel(self.tr("Check a signed report"))
        heading.setObjectName("dialogHeading")
        about = QLabel(
            self.tr(
                "Choose a PDF report. The notebook checks who signed it, when, and whether even one letter "
                "was changed after signing."
            )
        )
        about.setObjectName("subtitle")
        about.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setAccessibleName(self.tr("Chosen file"))
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("&Choose a PDF…"))
        self.choose_button.setObjectName("primary")
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.choose_button)
        file_row = QHBoxLayout()
        file_row.addWidget(file_label)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)

        self.signer = QLabel()
        self.signed_at = QLabel()
        self.unchanged = QLabel()
        self.trusted = QLabel()
        self.later = QLabel()  # who signed again after the first signer, when anyone did
        for label in (self.signer, self.signed_at, self.unchanged, self.trusted, self.later):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        self.facts = QWidget()
        self.form = form = QFormLayout(self.facts)
        form.setContentsMargins(0, 4, 0, 4)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Signed by:"), self.signer)
        form.addRow(self.tr("Signed at:"), self.signed_at)
        form.addRow(self.tr("Unchanged since signing:"), self.unchanged)
        form.addRow(self.tr("Certificate trusted by this notebook:"), self.trusted)
        form.addRow(self.tr("Signed again afterwards by:"), self.later)
        form.setRowVisible(self.later, False)
        self.facts.setVisible(False)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setVisible(False)
        self.verdict.setMinimumHeight(40)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addLayout(file_row)
        layout.addWidget(self.facts)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.choose_button.clicked.connect(lambda: self.choose_file())

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous() and not self._sized:
            self._sized = True
            hint = self.sizeHint()
            self.resize(max(PREFERRED_WIDTH, hint.width()), hint.height())
        super().showEvent(event)

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path is not None else _documents()
        name = files.open_file_name(
            self, self.tr("Choose a signed report"), start, self.tr("PDF files (*.pdf);;All files (*)")
        )
        if name:
            self.check_file(Path(name))

    def check_file(self, path: Path) -> None:
        """Read and check `path` in the background; `checked` is emitted when the answer is shown."""
        self.path = path
        self.file.setText(str(path))
        self.choose_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.facts.setVisible(False)
        self._verdict(self.tr("Checking…"), None)
        profile = self.ctx.profile
        off_thread(lambda: report_export.verify(profile, read_pdf(path)), self._show, self._failed, owner=self)

    def _show(self, found: PdfVerification) -> None:
        self._idle()
        self.result_ = found
        yes, no = self.tr("yes"), self.tr("no")
        if found.signed and "unreadable" not in found.problems:
            self.signer.setText(found.signer_name or self.tr("(no name in the certificate)"))
            self.signed_at.setText(self.when_text(found))
            self.unchanged.setText(yes if found.intact and found.covers_whole_file else no)
            self.trusted.setText(yes if found.trusted else no)
            self.later.setText(", ".join(found.later_signers))
            self.form.setRowVisible(self.later, bool(found.later_signers))
            self.facts.setVisible(True)
        self._verdict(self.verdict_text(found), found.ok)
        self.checked.emit(found)

    def _failed(self, error: BaseException) -> None:
        self._idle()
        self.result_ = None
        if isinstance(error, SotayError):
            text = error_text(error)
        elif isinstance(error, _TooBig):
            text = self.tr("This file is far too big to be a report of the notebook.")
        else:
            text = self.tr("The file could not be read: {error}").format(
                error=getattr(error, "strerror", None) or error
            )
        self._verdict(text, False)
        self.checked.emit(None)

    def when_text(self, found: PdfVerification) -> str:
        if found.signed_at is None:
            return self.tr("not stated")
        return self.tr("{when} (Vietnam time)").format(when=f"{found.signed_at.astimezone(VIETNAM):%d/%m/%Y %H:%M:%S}")

    def verdict_text(self, found: PdfVerification) -> str:
        """One plain sentence: can the report be relied on, and if not, what to do."""
        if not found.signed:
            return self.tr(
                "NOT valid: this file carries no digital signature. Ask the sender for the signed original file."
            )
        if "unreadable" in found.problems:
            return self.tr(
                "NOT valid: the signature in this file cannot be read; the file is damaged or was altered. "
                "Ask the sender for the original file."
            )
        if found.intact and found.later_signers:
            return self.tr(
                "NOT valid: the report was changed after it was signed: {others} added a signature after "
                "{name}, so this is no longer the report {name} signed. Do not use this copy. Ask the sender for "
                "the original file."
            ).format(others=", ".join(found.later_signers), name=found.signer_name or self.tr("the sender"))
        if not (found.intact and found.covers_whole_file):
            return self.tr(
                "NOT valid: the report was changed after it was signed, so its content cannot be relied on. "
                "Do not use this copy. Ask the sender for the original file."
            )
        if not found.trusted:
            return self.tr(
                "NOT valid for this notebook: the report is unchanged, but it was signed with a certificate this "
                "notebook does not know. Ask {name} or the commune health station to confirm it before relying on it."
            ).format(name=found.signer_name or self.tr("the sender"))
        return self.tr(
            "Valid: the report was signed by {name} and has not been changed since. You can rely on it."
        ).format(name=found.signer_name)

    def _verdict(self, text: str, ok: bool | None) -> None:
        self.verdict.setText(text)
        self.verdict.setObjectName("formError" if ok is False else "subtitle")
        self.verdict.setStyleSheet(VALID_STYLE if ok else "")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.verdict.setVisible(True)
        QTimer.singleShot(0, lambda: grow_to_fit(self))

    def _idle(self) -> None:
        self.choose_button.setEnabled(True)
        self.unsetCursor()


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
