"""First run: which commune this notebook serves, who keeps it, and its villages."""

from __future__ import annotations

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
from desktop.services import profile as profile_service
from desktop.services import reference
from desktop.services.validation import name_problems, problem
from desktop.textnorm import clean, fold
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.widgets.form import FormPanel


class SetupDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Welcome to Sổ tay CTV"), parent)
        self.preferred_width = 640
        intro = QLabel(
            self.tr("Before you start, choose your commune, enter your name and the villages you look after.")
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        with ctx.profile.sessions() as session:
            self._communes = sorted(reference.communes(session), key=lambda c: fold(c.name))
        self.panel = FormPanel()
        self.commune_filter = QLineEdit()
        self.commune_filter.setPlaceholderText(self.tr("Type to search, e.g. cam xuyen"))
        self.commune_list = QListWidget()
        self.commune_list.setMinimumHeight(150)
        commune_box = self._stack(self.commune_filter, self.commune_list)
        self.collaborator = QLineEdit()
        self.collaborator.setPlaceholderText(self.tr("e.g. Nguyễn Thị Lan"))
        self.village_name = QLineEdit()
        self.village_name.setPlaceholderText(self.tr("e.g. Thôn Trung Hòa"))
        self.add_village = QPushButton(self.tr("&Add village"))
        self.remove_village = QPushButton(self.tr("Re&move"))
        self.villages = QListWidget()
        self.villages.setFixedHeight(130)
        village_box = self._village_box()
        self.panel.add("commune", self.tr("&Commune / ward"), commune_box, self.commune_list.currentRowChanged)
        self.panel.add("collaborator", self.tr("&Your full name"), self.collaborator, self.collaborator.textChanged)
        self.panel.add("villages", self.tr("&Villages"), village_box, self.village_name.textChanged)
        self.body.addWidget(self.panel)
        self.commune_filter.textChanged.connect(self._filter_communes)
        self.commune_filter.returnPressed.connect(self.commune_list.setFocus)
        self.village_name.returnPressed.connect(self._add_village)
        self.add_village.clicked.connect(self._add_village)
        self.remove_village.clicked.connect(self._remove_village)
        self._filter_communes("")
        self.watch(self.panel)
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

    def live_problems(self) -> list[FieldProblem]:
        found: list[FieldProblem] = []
        if not self.commune_code():
            found.append(problem("commune", self.tr("Choose your commune or ward from the list.")))
        found += name_problems("collaborator", self.collaborator.text())
        found += self._village_problems()
        if not self.village_names() and not self.village_name.text().strip():
            found.append(problem("villages", self.tr("Add at least one village.")))
        return found

    def perform_save(self) -> bool:
        profile = self.ctx.profile
        code = self.commune_code()
        names = self.village_names() + ([self.village_name.text()] if self.village_name.text().strip() else [])
        # Villages first, in one transaction; a retry after a failure reuses those already added.
        with profile.sessions.begin() as session:
            existing = {fold(v.name) for v in reference.villages(session, code, include_inactive=True)}
            for name in names:
                if fold(name) not in existing:
                    reference.add_village(session, code, name)
                    existing.add(fold(name))
        profile_service.set_up(profile, commune_code=code, collaborator=self.collaborator.text())
        return True
