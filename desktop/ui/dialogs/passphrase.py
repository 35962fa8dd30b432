"""Choosing a passphrase again: after a recovery-code login (forced, then the new recovery code is shown
once), or from Settings (old one first)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from desktop.errors import FieldProblem
from desktop.security.keystore import WrongPassphraseError
from desktop.services import reference
from desktop.services.profile import opening as profile_service
from desktop.services.profile import recovery
from desktop.services.profile.handle import Profile
from desktop.services.validation import problem
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.lane import DbLane
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.passphrase import caption, new_passphrase_problems, passphrase_field, show_toggle

NEW, AGAIN, OLD = "new_passphrase", "new_passphrase_again", "old_passphrase"


class NewPassphraseDialog(FormDialog):
    """After unlocking with the recovery code: a new passphrase before anything else.

    It cannot be skipped: closing it means the notebook is not opened (the caller quits).
    """

    def __init__(self, profile: Profile, lane: DbLane, parent: QWidget | None = None) -> None:
        super().__init__(None, self.tr("Choose a new passphrase"), parent, lane=lane)
        self.profile = profile
        self.new_code = ""  # the recovery code that replaces the used one, once the passphrase is saved
        self.preferred_width = 600
        self.body.addWidget(
            caption(
                self.tr(
                    "You opened the notebook with the recovery code. Choose a new passphrase for {user} now; "
                    "the old passphrase and the recovery code you used will stop working, and a new recovery "
                    "code is shown next. If you close this window, the app closes and the notebook stays locked."
                ).format(user=profile.user.name)
            )
        )
        self.panel = FormPanel()
        self.passphrase = passphrase_field()
        self.passphrase_again = passphrase_field()
        self.panel.add(NEW, self.tr("&New passphrase"), self.passphrase, self.passphrase.textChanged)
        self.panel.add(AGAIN, self.tr("&Repeat it"), self.passphrase_again, self.passphrase_again.textChanged)
        self.panel.add("show", "", show_toggle(self.passphrase, self.passphrase_again))
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.save_button.setText(self.tr("&Save and open the notebook"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Close the app"))
        self.revalidate()
        self.passphrase.setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return new_passphrase_problems(
            self.passphrase.text(), self.passphrase_again.text(), field=NEW, again_field=AGAIN
        )

    def perform_save(self) -> object:
        profile, new = self.profile, self.passphrase.text()
        return self.save_in_background(lambda: recovery.reset_passphrase(profile, new), self._show_new_code)

    def _show_new_code(self, code: str) -> None:
        """The used code no longer works: its replacement, shown once as at set-up, before the notebook opens."""
        from desktop.ui.dialogs.recovery_code import RecoveryCodeDialog

        self.new_code = code
        commune = reference.commune_name(self.profile)
        RecoveryCodeDialog(code, commune=commune, user=self.profile.user.name, parent=self).exec()


class ChangePassphraseDialog(FormDialog):
    """Settings → Users → Change my passphrase: the current one, then the new one twice."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Change my passphrase"), parent)
        self.preferred_width = 600
        self.body.addWidget(
            caption(
                self.tr("{user}: type your current passphrase, then the new one twice.").format(
                    user=ctx.profile.user.name
                )
            )
        )
        self.panel = FormPanel()
        self.old = passphrase_field()
        self.passphrase = passphrase_field()
        self.passphrase_again = passphrase_field()
        self.panel.add(OLD, self.tr("&Current passphrase"), self.old, self.old.textChanged)
        self.panel.add(NEW, self.tr("&New passphrase"), self.passphrase, self.passphrase.textChanged)
        self.panel.add(AGAIN, self.tr("&Repeat it"), self.passphrase_again, self.passphrase_again.textChanged)
        self.panel.add("show", "", show_toggle(self.old, self.passphrase, self.passphrase_again))
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.old.setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        found = [] if self.old.text() else [problem(OLD, self.tr("Type your current passphrase."))]
        return found + new_passphrase_problems(
            self.passphrase.text(), self.passphrase_again.text(), field=NEW, again_field=AGAIN
        )

    def perform_save(self) -> object:
        profile, old, new = self.ctx.profile, self.old.text(), self.passphrase.text()
        return self.save_in_background(lambda: profile_service.change_passphrase(profile, old, new))

    def _refused(self, refused: BaseException) -> None:
        if isinstance(refused, WrongPassphraseError):
            self._show([problem(OLD, self.tr("This is not your current passphrase."))], from_service=True)
            self.old.selectAll()
            self.old.setFocus()
            return
        super()._refused(refused)
