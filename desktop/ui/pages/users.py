"""Cài đặt → Người dùng: who may open this notebook, and my own passphrase.

Everyone sees who is logged in and can change their own passphrase. A commune officer also sees every
user (name, role, villages, protection permission) and adds, changes or removes them; the services
refuse the same actions to anyone else, whatever the screen shows.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.errors import SotayError
from desktop.services import reference
from desktop.services.profile import users
from desktop.services.profile.access import ROLE_LABELS
from desktop.services.profile.users import UserDTO
from desktop.ui.context import AppContext
from desktop.ui.dialogs.passphrase import ChangePassphraseDialog
from desktop.ui.dialogs.user import UserDialog
from desktop.ui.modal import confirm, inform, warn
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.translation import error_text, message_text
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths


class UsersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        me = ctx.profile.user
        self.me = QLabel(
            self.tr("Logged in: {name} — {role}").format(name=me.name, role=message_text(ROLE_LABELS[me.role]))
        )
        self.me.setWordWrap(True)
        self.change_passphrase = QPushButton(self.tr("&Change my passphrase…"))
        me_box = QGroupBox(self.tr("My account"))
        me_row = QHBoxLayout(me_box)
        me_row.addWidget(self.me, 1)
        me_row.addWidget(self.change_passphrase)

        self._village_names: dict[uuid.UUID, str] = {}
        self.model: RecordTableModel[UserDTO] = RecordTableModel(
            [
                Column(self.tr("Name"), self._name),
                Column(self.tr("Role"), lambda u: message_text(ROLE_LABELS[u.role])),
                Column(self.tr("Villages"), self._villages),
                Column(self.tr("Support cases"), self._protection),
            ]
        )
        self.table = make_table(self.model, self)
        self.table.setAccessibleName(self.tr("Users"))
        fit_columns(self.table, {0: 24, 1: 38, 2: 28})  # the role labels are long in Vietnamese
        remember_widths(self.table, ctx.profile.paths, "users")
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.edit_button = QPushButton(self.tr("C&hange…"))
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.setObjectName("danger")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.users_box = QGroupBox(self.tr("Users of this notebook"))
        users_layout = QVBoxLayout(self.users_box)
        users_layout.addLayout(buttons)
        users_layout.addWidget(self.table, 1)
        self.not_manager = QLabel(
            self.tr("Only a commune officer can add or change users. Ask them if your villages are not right.")
        )
        self.not_manager.setObjectName("subtitle")
        self.not_manager.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.setSpacing(14)
        layout.addWidget(me_box)
        layout.addWidget(self.users_box, 1)
        layout.addWidget(self.not_manager)
        manager = me.manages_users
        self.users_box.setVisible(manager)
        self.not_manager.setVisible(not manager)
        if not manager:
            layout.addStretch(1)

        self.change_passphrase.clicked.connect(self.change_my_passphrase)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.remove_button.clicked.connect(self.remove_user)
        self.table.activated.connect(lambda _index: self.edit_user())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ctx.data_changed.connect(self.reload)
        self.reload()

    # Showing #################################################################################

    def _name(self, user: UserDTO) -> str:
        return self.tr("{name} (you)").format(name=user.name) if user.is_current else user.name

    def _villages(self, user: UserDTO) -> str:
        if not user.villages:
            return self.tr("Whole commune")
        return ", ".join(self._village_names.get(v, "?") for v in user.villages)

    def _protection(self, user: UserDTO) -> str:
        return self.tr("Can read") if user.protection else self.tr("Cannot read")

    def reload(self) -> None:
        if not self.ctx.profile.user.manages_users:
            return
        profile = self.ctx.profile
        self._village_names = {v.id: v.name for v in reference.commune_villages(profile, include_inactive=True)}
        chosen = self.selected_user()
        self.model.set_records(users.list_users(profile))
        for row in range(self.model.rowCount()):
            user = self.model.record(row)
            if chosen is not None and user is not None and user.id == chosen.id:
                self.table.selectRow(row)
        self._update_buttons()

    def selected_user(self) -> UserDTO | None:
        return self.model.record(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None

    def _update_buttons(self) -> None:
        chosen = self.selected_user()
        self.edit_button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None and not chosen.is_current)

    # Actions #################################################################################

    def change_my_passphrase(self) -> None:
        if ChangePassphraseDialog(self.ctx, parent=self).exec():
            inform(
                self,
                self.tr("Change my passphrase"),
                self.tr("Your passphrase was changed. Use the new one from now on."),
            )

    def add_user(self) -> None:
        UserDialog(self.ctx, parent=self).exec()

    def edit_user(self) -> None:
        chosen = self.selected_user()
        if chosen is not None:
            UserDialog(self.ctx, user=chosen, parent=self).exec()

    def remove_user(self) -> None:
        chosen = self.selected_user()
        if chosen is None or chosen.is_current:
            return
        question = self.tr(
            "Remove {name}? They will no longer be able to open this notebook. What they recorded stays."
        ).format(name=chosen.name)
        if not confirm(self, self.tr("Remove user"), question):
            return
        try:
            users.remove_user(self.ctx.profile, chosen.id)
        except SotayError as error:
            warn(self, self.tr("Remove user"), error_text(error))
            return
        self.ctx.notify_changed()
