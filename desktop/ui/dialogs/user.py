"""Add a user to this device, or change a user's role, villages and protection permission (officers only).

A new user gets a passphrase (typed twice), which is turned into their keyslot off the GUI thread.
The name cannot change later: it names the keyslot. Granting the protection permission to an existing
user locks the key of the support cases with their own passphrase, so they type it here at the officer's
side; only an officer who holds the permission can grant it (desktop.services.profile.users).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from desktop.errors import FieldProblem
from desktop.services import reference
from desktop.services.profile import users
from desktop.services.profile.access import ROLE_LABELS, Role
from desktop.services.profile.users import UserDTO, UserInput
from desktop.services.validation import name_problems, problem
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.translation import message_text
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.passphrase import new_passphrase_problems, passphrase_field, show_toggle
from desktop.ui.widgets.pickers import CheckList, ValueCombo


class UserDialog(FormDialog):
    def __init__(self, ctx: AppContext, *, user: UserDTO | None = None, parent: QWidget | None = None) -> None:
        heading = self.tr("Change user {name}").format(name=user.name) if user else self.tr("Add a user")
        super().__init__(ctx, heading, parent)
        self.user = user
        self.user_id = user.id if user else None
        self.preferred_width = 620
        self.panel = FormPanel()
        self.name = QLineEdit(user.name if user else "")
        self.name.setPlaceholderText(self.tr("e.g. Trần Văn Bình"))
        self.name.setReadOnly(user is not None)
        self.role = ValueCombo()
        self.role.set_items(((message_text(ROLE_LABELS[r]), r) for r in (Role.CTV, Role.OFFICER, Role.HUB)), keep=False)
        self.villages = CheckList()
        village_rows = reference.commune_villages(ctx.profile)
        self.villages.set_items(((v.name, v.id) for v in village_rows), user.villages if user else ())
        self.protection = QCheckBox(self.tr("May read the content of support cases (protection)"))
        if not ctx.profile.user.protection:
            self.protection.setEnabled(user is not None and user.protection)  # one can take away, not give
            self.protection.setToolTip(self.tr("Only an officer who holds the protection permission can grant it."))
        self.panel.add("name", self.tr("&Name"), self.name, self.name.textChanged)
        self.panel.add("role", self.tr("&Role"), self.role, self.role.currentIndexChanged)
        self.panel.add("villages", self.tr("&Villages"), self.villages, self.villages.changed)
        self.panel.add("protection", self.tr("&Permission"), self.protection, self.protection.toggled)
        self.their_passphrase = passphrase_field()
        if user is not None and not user.protection:
            self.panel.add(
                "their_passphrase",
                self.tr("&Their passphrase"),
                self.their_passphrase,
                self.their_passphrase.textChanged,
            )
            self.protection.toggled.connect(self._protection_changed)
        if user is None:
            self.passphrase = passphrase_field()
            self.passphrase_again = passphrase_field()
            self.panel.add("passphrase", self.tr("&Passphrase"), self.passphrase, self.passphrase.textChanged)
            self.panel.add(
                "passphrase_again",
                self.tr("R&epeat passphrase"),
                self.passphrase_again,
                self.passphrase_again.textChanged,
            )
            self.panel.add("show", "", show_toggle(self.passphrase, self.passphrase_again))
            note = QLabel(self.tr("Tell the new user their passphrase in person; they can change it in Settings."))
            note.setObjectName("subtitle")
            note.setWordWrap(True)
            self.body.addWidget(self.panel)
            self.body.addWidget(note)
        else:
            self.role.set_value(user.role)
            self.protection.setChecked(user.protection)
            self.body.addWidget(self.panel)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self._protection_changed()
        self.watch(self.panel)
        self.revalidate()
        (self.role if user else self.name).setFocus()

    def _role_changed(self) -> None:
        """Villages matter only for a collaborator; officers and hub operators see the whole commune."""
        self.panel.set_visible("villages", self.role.value() == Role.CTV)
        self.adjustSize()

    def _granting(self) -> bool:
        return self.user is not None and not self.user.protection and self.protection.isChecked()

    def _protection_changed(self) -> None:
        """The user's own passphrase is asked only while the permission is being given to them."""
        if self.user is not None and not self.user.protection:
            self.panel.set_visible("their_passphrase", self._granting())
            self.grow_to_fit()

    def value(self) -> UserInput:
        role = self.role.value()
        villages = tuple(self.villages.checked_values()) if role == Role.CTV else ()
        return UserInput(name=self.name.text(), role=role, protection=self.protection.isChecked(), villages=villages)

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        data = self.value()
        found = [] if self.user else name_problems("name", data.name)
        if data.role == Role.CTV and not data.villages:
            found.append(problem("villages", self.tr("Tick the villages this collaborator keeps.")))
        if self.user is None:
            found += new_passphrase_problems(self.passphrase.text(), self.passphrase_again.text())
        elif self._granting() and not self.their_passphrase.text():
            found.append(
                problem(
                    "their_passphrase",
                    self.tr("{name} types their own passphrase here.").format(name=self.user.name),
                )
            )
        return found

    def perform_save(self) -> object:
        profile, data = self.ctx.profile, self.value()
        if self.user_id is not None:
            user_id, theirs = self.user_id, self.their_passphrase.text() if self._granting() else ""
            if not theirs:
                users.update_user(profile, user_id, data)
                return True
            return self.save_in_background(lambda: users.update_user(profile, user_id, data, theirs), None)
        passphrase = self.passphrase.text()

        def then(user_id: object) -> None:
            self.user_id = user_id

        return self.save_in_background(lambda: users.add_user(profile, data, passphrase), then)
