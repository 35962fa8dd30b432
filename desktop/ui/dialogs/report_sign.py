"""How a report is signed: with this computer's key (the default) or with a USB token.

A USB token (the digital-signature certificate a Vietnamese CA sells) is reached through its driver,
a PKCS#11 module file that comes with the token's software. The dialog finds the tokens plugged in,
asks for the PIN, lists the certificates on the token and lets the user choose one; the signing
service (`desktop.services.documents.signing`) talks to the token and makes the signer.

The PIN is never stored: it stays in the password field until the certificates are listed and the
user presses Sign, goes into the `Pkcs11Signer` of that one report, and the field is emptied. Any
failed attempt empties the field too. Talking to a token can take a moment (or hang, when it is
pulled out), so it happens off the GUI thread.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import SotayError
from desktop.services.documents import signing
from desktop.services.documents.signing import SignChoice, TokenCertificate
from desktop.ui.background import ask_in_thread
from desktop.ui.formatting import fmt_date
from desktop.ui.modal import ModalDialog
from desktop.ui.translation import error_text
from desktop.ui.widgets import files
from desktop.ui.widgets.fitting import grow_to_fit

if TYPE_CHECKING:
    from desktop.security.pdf.tokens import TokenInfo

T = TypeVar("T")
PREFERRED_WIDTH = 700
log = logging.getLogger(__name__)


def off_thread(
    work: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
    *,
    owner: QObject,
) -> None:
    """`ask_in_thread`, but a failure comes back to `on_error` (on the GUI thread) instead of the log."""

    def guarded() -> tuple[bool, Any]:
        try:
            return True, work()
        except Exception as error:  # handed to on_error, which shows it
            if not isinstance(error, SotayError):
                log.exception("Background work failed")
            return False, error

    def deliver(outcome: tuple[bool, Any]) -> None:
        ok, value = outcome
        if ok:
            on_done(value)
        else:
            on_error(value)

    ask_in_thread(guarded, deliver, owner=owner)


class ReportSignDialog(ModalDialog):
    def __init__(self, parent: QWidget | None = None, *, modules: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign the report"))
        self.setModal(True)
        self.busy = False
        self._sized = False
        self._choice: SignChoice | None = None
        self._certificates: list[TokenCertificate] = []

        heading = QLabel(self.tr("How should the report be signed?"))
        heading.setObjectName("dialogHeading")
        self.device_option = QRadioButton(self.tr("With this computer's &key"))
        self.device_option.setChecked(True)
        device_note = QLabel(
            self.tr(
                "The notebook's own certificate, made when it was set up. The commune and the hub can check "
                "it; no device or PIN is needed."
            )
        )
        device_note.setObjectName("subtitle")
        device_note.setWordWrap(True)
        device_note.setIndent(26)
        self.token_option = QRadioButton(self.tr("With a &USB token (a digital-signature certificate)"))
        options = QButtonGroup(self)
        options.addButton(self.device_option)
        options.addButton(self.token_option)

        self.module = QComboBox()
        self.module.setEditable(True)
        self.module.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.module.addItems(signing.drivers() if modules is None else modules)
        self.module.lineEdit().setPlaceholderText(self.tr("The token's driver file (.so or .dll)"))
        self.module.setMinimumContentsLength(34)
        self.module.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.token = QComboBox()
        self.token.setMinimumContentsLength(24)
        self.find_button = QPushButton(self.tr("&Find tokens"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("The token's PIN"))
        self.pin.setMaxLength(64)
        self.certificates_button = QPushButton(self.tr("Show &certificates"))
        for button in (self.browse_button, self.find_button, self.certificates_button):
            button.setAutoDefault(False)  # Enter signs (or, in the PIN field, lists the certificates)
        self.certificate = QListWidget()
        self.certificate.setMinimumHeight(90)
        self.certificate.setMaximumHeight(140)
        pin_note = QLabel(self.tr("The PIN is used only to sign this report. It is never saved."))
        pin_note.setObjectName("subtitle")  # short and unwrapped: a wrapped label in a grid gets squeezed

        self.token_box = QGroupBox(self.tr("USB token"))
        box_layout = QVBoxLayout(self.token_box)
        box_layout.setSpacing(6)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        rows: list[tuple[str, QWidget, QWidget | None]] = [
            (self.tr("&Driver file"), self.module, self.browse_button),
            (self.tr("&Token"), self.token, self.find_button),
            (self.tr("&PIN"), self.pin, self.certificates_button),
            (self.tr("Cert&ificate"), self.certificate, None),
        ]
        for row, (caption, field, button) in enumerate(rows):
            label = QLabel(caption)
            label.setBuddy(field)
            vertical = Qt.AlignmentFlag.AlignVCenter if button is not None else Qt.AlignmentFlag.AlignTop
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | vertical)
            if button is None:
                grid.addWidget(field, row, 1, 1, 2)
            else:
                grid.addWidget(field, row, 1)
                grid.addWidget(button, row, 2)
        grid.addWidget(pin_note, len(rows), 1, 1, 2)
        box_layout.addLayout(grid)

        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("subtitle")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(self.tr("&Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.device_option)
        layout.addWidget(device_note)
        layout.addSpacing(4)
        layout.addWidget(self.token_option)
        token_row = QHBoxLayout()
        token_row.setContentsMargins(22, 0, 0, 0)
        token_row.addWidget(self.token_box)
        layout.addLayout(token_row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.device_option.toggled.connect(lambda _on: self._update())
        self.browse_button.clicked.connect(self.browse_module)
        self.find_button.clicked.connect(self.find_tokens)
        self.certificates_button.clicked.connect(self.show_certificates)
        self.module.currentTextChanged.connect(lambda _text: self._module_changed())
        self.token.currentIndexChanged.connect(lambda _index: self._clear_certificates())
        self.pin.textEdited.connect(lambda _text: self._pin_edited())
        self.pin.returnPressed.connect(lambda: None if self._certificates else self.show_certificates())
        self.certificate.currentRowChanged.connect(lambda _row: self._update())
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        self._update()

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous() and not self._sized:
            self._sized = True  # once: after the idle lock it keeps the size the user gave it
            hint = self.sizeHint()
            self.resize(max(PREFERRED_WIDTH, hint.width()), hint.height())
        super().showEvent(event)

    def _fit(self) -> None:
        """Taller when a message appears: wrapped text needs more height than Qt's minimum says."""
        grow_to_fit(self)

    # What was chosen ##########################################################################

    def choice(self) -> SignChoice | None:
        """After Sign: the device key or the token's key; None when cancelled."""
        return self._choice

    def module_path(self) -> str:
        return self.module.currentText().strip()

    def selected_certificate(self) -> TokenCertificate | None:
        row = self.certificate.currentRow()
        return self._certificates[row] if 0 <= row < len(self._certificates) else None

    # The token ################################################################################

    def browse_module(self) -> None:
        current = Path(self.module_path()) if self.module_path() else None
        start = str(current.parent) if current is not None and current.parent.is_dir() else _system_folder()
        name = files.open_file_name(
            self,
            self.tr("Choose the token's driver"),
            start,
            self.tr("Token drivers (*.dll *.so *.so.* *.dylib);;All files (*)"),
        )
        if name:
            self.module.setCurrentText(name)
            self.find_tokens()

    def find_tokens(self) -> None:
        module = self.module_path()
        if not module:
            self._fail_text(self.tr("Choose the token's driver file first."))
            return
        self._start(self.tr("Looking for tokens…"))
        off_thread(lambda: signing.tokens(module), self._tokens_found, self._failed, owner=self)

    def _tokens_found(self, tokens: list[TokenInfo]) -> None:
        self._stop()
        self.token.blockSignals(True)
        self.token.clear()
        for token in tokens:
            self.token.addItem(_token_text(token), token.label)
        self.token.blockSignals(False)
        self._clear_certificates()
        if not tokens:
            self._fail_text(self.tr("No token is plugged in. Plug the token in, wait a moment, then try again."))
            return
        self._say(self.tr("Found {n} token(s). Type the PIN, then press Show certificates.").format(n=len(tokens)))
        self.pin.setFocus()

    def show_certificates(self) -> None:
        module, token, pin = self.module_path(), self.token.currentData(), self.pin.text()
        if not (module and token and pin) or self.busy:
            return
        self._start(self.tr("Reading the certificates on the token…"))
        off_thread(lambda: signing.certificates(module, token, pin), self._certificates_found, self._failed, owner=self)

    def _certificates_found(self, found: list[TokenCertificate]) -> None:
        self._stop()
        self._certificates = found  # valid ones first
        self.certificate.clear()
        for offered in found:
            item = QListWidgetItem(self._certificate_text(offered))
            if offered.expired:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)  # a CA would reject the signature
            self.certificate.addItem(item)
        if found and not found[0].expired:
            self.certificate.setCurrentRow(0)
            self._say(self.tr("Choose the certificate to sign with, then press Sign."))
        else:
            self._fail_text(self.tr("The token holds no certificate that can sign now."))
        self._update()

    def _certificate_text(self, offered: TokenCertificate) -> str:
        holder, until = offered.info.subject_cn, fmt_date(offered.info.not_after.date())
        if offered.expired:
            return self.tr("{holder} — expired on {date}").format(holder=holder, date=until)
        return self.tr("{holder} — valid until {date}").format(holder=holder, date=until)

    # Signing ##################################################################################

    def sign(self) -> None:
        if self.busy:
            return
        if self.device_option.isChecked():
            self._choice = SignChoice()
            self.accept()
            return
        chosen, token, pin = self.selected_certificate(), self.token.currentData(), self.pin.text()
        if chosen is None or not token or not pin:
            return
        self._choice = signing.token_signer(self.module_path(), token, chosen.info, pin)
        self.pin.clear()  # the signer holds it for this one report; the field does not
        self.accept()

    def reject(self) -> None:
        self.pin.clear()
        super().reject()

    # State ####################################################################################

    def _module_changed(self) -> None:
        self.token.clear()
        self._clear_certificates()
        self.error.setVisible(False)

    def _pin_edited(self) -> None:
        self._clear_certificates()  # listed with another PIN: list again before signing
        self.error.setVisible(False)

    def _clear_certificates(self) -> None:
        self._certificates = []
        self.certificate.clear()
        self._update()

    def _start(self, text: str) -> None:
        self.busy = True
        self.error.setVisible(False)
        self._say(text)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._update()

    def _stop(self) -> None:
        self.busy = False
        self.unsetCursor()
        self.status.setVisible(False)
        self._update()

    def _failed(self, error: BaseException) -> None:
        self._stop()
        if isinstance(error, SotayError):
            self._fail_text(error_text(error))
        else:
            self._fail_text(self.tr("The token could not be used: {error}").format(error=error))

    def _fail_text(self, text: str) -> None:
        self.pin.clear()  # a failed attempt never leaves the PIN behind
        self._clear_certificates()
        self.status.setVisible(False)
        self.error.setText(text)
        self.error.setVisible(True)
        QTimer.singleShot(0, self._fit)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        QTimer.singleShot(0, self._fit)

    def _update(self) -> None:
        token = self.token_option.isChecked()
        self.token_box.setEnabled(token and not self.busy)
        self.find_button.setEnabled(bool(self.module_path()))
        self.certificates_button.setEnabled(self.token.count() > 0)
        ready = not token or (self.selected_certificate() is not None and bool(self.pin.text()))
        self.sign_button.setEnabled(ready and not self.busy)


def _token_text(token: TokenInfo) -> str:
    extra = " · ".join(part for part in (token.manufacturer, token.serial) if part)
    return f"{token.label} ({extra})" if extra else token.label


def _system_folder() -> str:
    if sys.platform == "win32":
        return r"C:\Windows\System32"
    return "/usr/lib"
