"""The recovery code, shown once after the notebook is protected, with a printable A4 sheet.

The code is never stored in clear: this dialog is the only time it can be read. The user goes on
only after ticking that it was written down or printed. "Save as PDF…" writes one A4 page in the layout
of the app's reports (desktop.services.profile.recovery_sheet) to a file the user chooses, and nowhere
else.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.services.profile.recovery_sheet import write_recovery_sheet
from desktop.ui.modal import ModalDialog
from desktop.ui.widgets import files
from desktop.ui.widgets.passphrase import caption


def code_font(point_size: float) -> QFont:
    """A fixed-width font, so each group of four reads as four clear characters."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(point_size)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
    return font


class RecoveryCodeDialog(ModalDialog):
    def __init__(
        self, code: str, *, commune: str, user: str, made_on: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.code, self.commune, self.user = code, commune, user
        self.made_on = made_on or date.today()
        self.setWindowTitle(self.tr("Your recovery code"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(12)
        heading = QLabel(self.tr("Your recovery code"))
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        layout.addWidget(
            caption(
                self.tr(
                    "If you ever forget your passphrase, this code is the only way to open the notebook. "
                    "Nobody can recover the data without the passphrase or this code."
                )
            )
        )
        self.code_label = QLabel(code)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setFont(code_font(22))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        frame = QFrame()
        frame.setObjectName("recoveryCodeFrame")
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(24, 16, 24, 16)
        frame_layout.addWidget(self.code_label)
        layout.addWidget(frame)
        layout.addWidget(
            caption(
                self.tr(
                    "Write it down on paper, or save it as a PDF and print it. Keep the paper locked away, apart "
                    "from this computer: anyone who has the code and the computer can open the notebook. "
                    "The code is shown only this once."
                )
            )
        )
        self.save_pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.save_pdf_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.saved_note = QLabel()
        self.saved_note.setObjectName("subtitle")
        self.saved_note.setWordWrap(True)
        self.saved_note.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.save_pdf_button)
        row.addWidget(self.saved_note, 1)
        layout.addLayout(row)
        self.confirm = QCheckBox(self.tr("I have &written down or printed the code"))
        layout.addWidget(self.confirm)
        buttons = QDialogButtonBox()
        self.continue_button = buttons.addButton(self.tr("&Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setEnabled(False)
        layout.addWidget(buttons)
        self.confirm.toggled.connect(self.continue_button.setEnabled)
        self.confirm.toggled.connect(lambda on: self.continue_button.setDefault(on))
        buttons.accepted.connect(self.accept)
        self.save_pdf_button.clicked.connect(self.choose_pdf)
        self.resize(max(700, self.sizeHint().width()), self.sizeHint().height())
        self.confirm.setFocus()

    def accept(self) -> None:
        if self.confirm.isChecked():
            super().accept()

    def reject(self) -> None:
        # Escape or the window's close button must not skip the only showing of the code.
        if self.confirm.isChecked():
            super().accept()

    def choose_pdf(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / (self.tr("SoTayCTV-recovery-code") + ".pdf"))
        chosen = files.save_file_name(
            self, self.tr("Save the recovery code as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.save_pdf(Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"))

    def save_pdf(self, path: Path) -> bool:
        try:
            write_recovery_sheet(path, commune=self.commune, user=self.user, code=self.code, made_on=self.made_on)
        except OSError as error:
            self.saved_note.setText(self.tr("Could not save the PDF: {reason}").format(reason=error))
            self.saved_note.setVisible(True)
            return False
        if not path.exists() or path.stat().st_size == 0:
            self.saved_note.setText(self.tr("Could not save the PDF there. Choose another folder."))
            self.saved_note.setVisible(True)
            return False
        self.saved_note.setText(self.tr("Saved to {path}. Print it, then delete the file.").format(path=path))
        self.saved_note.setVisible(True)
        return True
