"""A profile made before passphrases existed: choose the first user and passphrase, then encrypt it."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.errors import FieldProblem
from desktop.paths import ProfilePaths
from desktop.services.profile import opening as profile_service
from desktop.services.profile.handle import Created
from desktop.services.validation import name_problems
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.lane import DbLane
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.passphrase import caption, new_passphrase_problems, passphrase_field, show_toggle


class ProtectDialog(FormDialog):
    def __init__(self, paths: ProfilePaths, lane: DbLane, parent: QWidget | None = None) -> None:
        super().__init__(None, self.tr("Protect this notebook with a passphrase"), parent, lane=lane)
        self.paths = paths
        self.created: Created | None = None
        self.preferred_width = 620
        self.body.addWidget(
            caption(
                self.tr(
                    "This notebook was made by an earlier version of the app and is not protected yet: anyone "
                    "who copies its folder can read it. Choose a login name and a passphrase now. The notebook "
                    "is then encrypted, and nobody can open it without the passphrase or the recovery code."
                )
            )
        )
        self.panel = FormPanel()
        self.user = QLineEdit(profile_service.plain_collaborator(paths))
        self.passphrase = passphrase_field()
        self.passphrase_again = passphrase_field()
        self.show_passphrase = show_toggle(self.passphrase, self.passphrase_again)
        self.panel.add("user", self.tr("&Login name"), self.user, self.user.textChanged)
        self.panel.add("passphrase", self.tr("&Passphrase"), self.passphrase, self.passphrase.textChanged)
        self.panel.add(
            "passphrase_again", self.tr("&Repeat passphrase"), self.passphrase_again, self.passphrase_again.textChanged
        )
        self.panel.add("show", "", self.show_passphrase)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.save_button.setText(self.tr("&Protect the notebook"))
        self.revalidate()
        (self.passphrase if self.user.text() else self.user).setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return name_problems("user", self.user.text()) + new_passphrase_problems(
            self.passphrase.text(), self.passphrase_again.text()
        )

    def perform_save(self) -> object:
        paths, user, passphrase = self.paths, self.user.text(), self.passphrase.text()

        def then(created: Created) -> None:
            self.created = created

        return self.save_in_background(
            lambda: profile_service.protect_plain(paths, user=user, passphrase=passphrase), then
        )
