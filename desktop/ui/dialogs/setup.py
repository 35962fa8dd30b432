"""First run: the commune this notebook serves, who keeps it, their login and passphrase, and the villages.

Saving creates the encrypted profile (`profile.create_profile`) and adds the villages, off the GUI
thread: deriving the keys and making the device's signing key take a few seconds. The recovery code
that comes back is shown next by `RecoveryCodeDialog`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import FieldProblem
from desktop.paths import ProfilePaths
from desktop.services import reference
from desktop.services.profile import opening as profile_service
from desktop.services.profile.handle import Created
from desktop.services.register import villages
from desktop.services.validation import name_problems, problem
from desktop.textnorm import clean, fold
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.lane import DbLane
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.passphrase import caption, new_passphrase_problems, passphrase_field, show_toggle

log = logging.getLogger(__name__)


class SetupDialog(FormDialog):
    def __init__(self, paths: ProfilePaths, lane: DbLane, parent: QWidget | None = None) -> None:
        super().__init__(None, self.tr("Welcome to Sổ tay CTV"), parent, lane=lane)
        self.paths = paths
        self.created: Created | None = None
        self.village_error: BaseException | None = None  # the profile was made, the villages were not
        self.preferred_width = 980
        intro = QLabel(
            self.tr(
                "Before you start, choose your commune, enter your name and the villages you look after, "
                "and choose the passphrase that will protect this notebook."
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self._communes = sorted(reference.commune_choices(), key=lambda c: fold(c.name))
        self.panel = FormPanel()  # where: the commune and its villages
        self.account = FormPanel()  # who: the collaborator, their login and passphrase
        self.commune_filter = QLineEdit()
        self.commune_filter.setPlaceholderText(self.tr("Type to search, e.g. cam xuyen"))
        self.commune_list = QListWidget()
        self.commune_list.setMinimumHeight(150)
        commune_box = self._stack(self.commune_filter, self.commune_list)
        self.collaborator = QLineEdit()
        self.collaborator.setPlaceholderText(self.tr("e.g. Nguyễn Thị Lan"))
        self.user = QLineEdit()
        self._user_edited = False
        self.passphrase = passphrase_field()
        self.passphrase_again = passphrase_field()
        self.show_passphrase = show_toggle(self.passphrase, self.passphrase_again)
        hint = caption(
            self.tr(
                "You type the passphrase each time you open the notebook. Use at least 8 characters; "
                "a short sentence is easy to remember and hard to guess."
            )
        )
        hint.setObjectName("subtitle")
        self.village_name = QLineEdit()
        self.village_name.setPlaceholderText(self.tr("e.g. Thôn Trung Hòa"))
        self.add_village = QPushButton(self.tr("&Add village"))
        self.remove_village = QPushButton(self.tr("Re&move"))
        self.villages = QListWidget()
        self.villages.setFixedHeight(130)
        village_box = self._village_box()
        self.panel.add("commune", self.tr("&Commune / ward"), commune_box, self.commune_list.currentRowChanged)
        self.panel.add("villages", self.tr("&Villages"), village_box, self.village_name.textChanged)
        self.account.add("collaborator", self.tr("&Your full name"), self.collaborator, self.collaborator.textChanged)
        self.account.add("user", self.tr("&Login name"), self.user, self.user.textChanged)
        self.account.add("passphrase", self.tr("&Passphrase"), self.passphrase, self.passphrase.textChanged)
        self.account.add(
            "passphrase_again", self.tr("&Repeat passphrase"), self.passphrase_again, self.passphrase_again.textChanged
        )
        self.account.add("show", "", self.show_passphrase)
        self.account.add("hint", "", hint)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        columns.addWidget(self.panel, 1)
        columns.addWidget(self.account, 1)
        self.body.addLayout(columns)
        self.commune_filter.textChanged.connect(self._filter_communes)
        self.commune_filter.returnPressed.connect(self.commune_list.setFocus)
        self.collaborator.textChanged.connect(self._follow_collaborator)
        self.user.textEdited.connect(self._user_typed)
        self.village_name.returnPressed.connect(self._add_village)
        self.add_village.clicked.connect(self._add_village)
        self.remove_village.clicked.connect(self._remove_village)
        self._filter_communes("")
        self.watch(self.panel)
        self.watch(self.account)
        self.save_button.setText(self.tr("&Create the notebook"))
        # Enter in the village field adds a village; it must not press Save.
        self.save_button.setAutoDefault(False)
        self.save_button.setDefault(False)
        self.revalidate()
        self.commune_filter.setFocus()

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    def _village_box(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.village_name, 1)
        line.addWidget(self.add_village)
        line.addWidget(self.remove_village)
        return self._stack(row, self.villages)

    def _follow_collaborator(self, text: str) -> None:
        """The login name is the collaborator's name until the user types one of their own."""
        if not self._user_edited:
            self.user.setText(text.strip())

    def _user_typed(self, text: str) -> None:
        self._user_edited = text.strip() != self.collaborator.text().strip()

    def _filter_communes(self, text: str) -> None:
        wanted = fold(text)
        chosen = self.commune_code()
        self.commune_list.clear()
        for commune in self._communes:
            if wanted in fold(commune.name):
                item = QListWidgetItem(commune.name, self.commune_list)
                item.setData(Qt.ItemDataRole.UserRole, commune.code)
                if commune.code == chosen:
                    self.commune_list.setCurrentItem(item)
        if self.commune_list.currentRow() < 0 and self.commune_list.count() == 1:
            self.commune_list.setCurrentRow(0)

    def commune_code(self) -> str:
        item = self.commune_list.currentItem() if hasattr(self, "commune_list") else None
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def commune_name(self) -> str:
        return next((c.name for c in self._communes if c.code == self.commune_code()), "")

    def choose_commune(self, code: str) -> None:
        for row in range(self.commune_list.count()):
            if self.commune_list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.commune_list.setCurrentRow(row)

    def village_names(self) -> list[str]:
        return [self.villages.item(i).text() for i in range(self.villages.count())]

    def _add_village(self) -> None:
        name = clean(self.village_name.text())
        if not name or self._village_problems():
            self.panel.touch_all()
            self.revalidate()
            return
        self.villages.addItem(name)
        self.village_name.clear()
        self.revalidate()

    def _remove_village(self) -> None:
        row = self.villages.currentRow()
        if row >= 0:
            self.villages.takeItem(row)
            self.revalidate()

    def _village_problems(self) -> list[FieldProblem]:
        typed = self.village_name.text()
        if not typed.strip():
            return []
        found = name_problems("villages", typed)
        if not found and fold(typed) in {fold(n) for n in self.village_names()}:
            found.append(problem("villages", self.tr("This village is already in the list.")))
        return found

    def current_panel(self) -> FormPanel:
        return self.panel

    def panels(self) -> list[FormPanel]:
        return [self.panel, self.account]

    def live_problems(self) -> list[FieldProblem]:
        found: list[FieldProblem] = []
        if not self.commune_code():
            found.append(problem("commune", self.tr("Choose your commune or ward from the list.")))
        found += name_problems("collaborator", self.collaborator.text())
        found += name_problems("user", self.user.text())
        found += new_passphrase_problems(self.passphrase.text(), self.passphrase_again.text())
        found += self._village_problems()
        if not self.village_names() and not self.village_name.text().strip():
            found.append(problem("villages", self.tr("Add at least one village.")))
        return found

    def perform_save(self) -> object:
        paths, code = self.paths, self.commune_code()
        collaborator, user, passphrase = self.collaborator.text(), self.user.text(), self.passphrase.text()
        names = self.village_names() + ([self.village_name.text()] if self.village_name.text().strip() else [])

        def work() -> tuple[Created, BaseException | None]:
            created = profile_service.create_profile(
                paths, commune_code=code, collaborator=collaborator, user=user, passphrase=passphrase
            )
            # The profile exists from here on, and its recovery code must be shown whatever happens next;
            # a village that cannot be added (unlikely: they were checked as typed) is reported instead.
            try:
                villages.add_missing(created.profile, names)
            except Exception as error:  # reported after the recovery code
                log.error("Adding the villages at set-up failed", exc_info=error)
                return created, error
            return created, None

        def then(result: tuple[Created, BaseException | None]) -> None:
            self.created, self.village_error = result

        return self.save_in_background(work, then)
