"""The main window: left navigation (design §8, the sections that exist today) and a status bar."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import reference
from desktop.ui.context import AppContext
from desktop.ui.dialogs.household import HouseholdDialog
from desktop.ui.pages.dashboard import DashboardPage
from desktop.ui.pages.household_detail import HouseholdDetailPage
from desktop.ui.pages.households import HouseholdListPage
from desktop.ui.translation import error_text

if TYPE_CHECKING:
    from desktop.ui.pages.settings import SettingsPage
    from desktop.ui.pages.visits import VisitsPage

log = logging.getLogger(__name__)
DASHBOARD, HOUSEHOLDS, VISITS, SETTINGS = range(4)
APP_NAME = "Sổ tay CTV"  # the product's name, the same in every language


class _LazyPage(QWidget):
    """A place in the section stack whose page is built the first time it is needed."""

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self._page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def page(self) -> Any:
        if self._page is None:
            self._page = self._build()
            self.layout().addWidget(self._page)
            self.setFocusProxy(self._page)
        return self._page


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.dashboard = DashboardPage(ctx)
        self.household_list = HouseholdListPage(ctx)
        self.household_detail = HouseholdDetailPage(ctx)
        # Pages not on screen at start are built when first needed: start-up is budgeted (design §9).
        self._visits = _LazyPage(self._build_visits)
        self._settings = _LazyPage(self._build_settings)
        self.households = QStackedWidget()  # the list, and one household opened from it
        self.households.addWidget(self.household_list)
        self.households.addWidget(self.household_detail)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(220)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        names = (self.tr("Overview"), self.tr("Households"), self.tr("Visits"), self.tr("Settings"))
        for number, name in enumerate(names, start=1):
            self.nav.addItem(name)
            self.nav.item(number - 1).setToolTip(f"Alt+{number}")
        self.stack = QStackedWidget()
        for page in (self.dashboard, self.households, self._visits, self._settings):
            self.stack.addWidget(page)

        app_name = QLabel(APP_NAME)
        app_name.setObjectName("appName")
        side = QWidget()
        side.setFixedWidth(220)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(app_name)
        side_layout.addWidget(self.nav, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(side)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = QLabel()
        self.statusBar().addWidget(self.status)
        self._connect()
        self._shortcuts()
        self.update_titles()
        self.nav.setCurrentRow(DASHBOARD)

    @property
    def visits(self) -> VisitsPage:
        return self._visits.page()

    @property
    def settings(self) -> SettingsPage:
        return self._settings.page()

    def _build_visits(self) -> VisitsPage:
        from desktop.ui.pages.visits import VisitsPage

        page = VisitsPage(self.ctx)
        page.open_household.connect(self.open_household)
        return page

    def _build_settings(self) -> SettingsPage:
        from desktop.ui.pages.settings import SettingsPage

        page = SettingsPage(self.ctx)
        page.audit_log.back_to_household.connect(self.open_household)
        return page

    def _show_stack_page(self, index: int) -> None:
        widget = self.stack.widget(index)
        if isinstance(widget, _LazyPage):
            widget.page()
        self.stack.setCurrentIndex(index)

    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(self._show_stack_page)
        self.household_list.open_household.connect(self.open_household)
        self.household_list.new_household.connect(self.new_household)
        self.household_detail.back.connect(self.show_list)
        self.dashboard.open_household.connect(self.open_household)
        self.household_detail.show_history.connect(self.open_history)
        self.ctx.lane.failed.connect(self._unexpected)
        self.ctx.data_changed.connect(self.update_titles)

    def _shortcuts(self) -> None:
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, activated=self.focus_search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, activated=self.new_household)
        for number in range(4):
            QShortcut(QKeySequence(f"Alt+{number + 1}"), self, activated=lambda n=number: self.show_section(n))
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.household_detail, activated=self.show_list)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def start(self) -> None:
        """Ask for the first data; all of it arrives through the DB lane after the window is shown."""
        self.household_list.reload()
        self.dashboard.reload()  # the visits page loads when first opened

    def update_titles(self) -> None:
        profile = self.ctx.profile
        with profile.sessions() as session:
            commune = next((c.name for c in reference.communes(session) if c.code == profile.commune_code), "")
        self.setWindowTitle(f"{APP_NAME} — {commune}" if commune else APP_NAME)
        self.status.setText(
            self.tr("{commune} · Collaborator: {name}").format(commune=commune, name=profile.collaborator)
        )

    def show_section(self, section: int) -> None:
        self.nav.setCurrentRow(section)
        self.stack.currentWidget().setFocus()

    def show_list(self) -> None:
        self.nav.setCurrentRow(HOUSEHOLDS)
        self.households.setCurrentWidget(self.household_list)
        self.household_list.table.setFocus()

    def focus_search(self) -> None:
        self.show_list()
        self.household_list.focus_search()

    def open_household(self, household_id: uuid.UUID) -> None:
        self.nav.setCurrentRow(HOUSEHOLDS)
        self.households.setCurrentWidget(self.household_detail)
        self.household_detail.show_household(household_id)
        self.household_detail.members_view.setFocus()

    def open_history(self, record_id: uuid.UUID, label: str, names: dict[str, str]) -> None:
        """The change log (in Cài đặt) filtered to one household's record."""
        self.nav.setCurrentRow(SETTINGS)
        self.settings.show_audit_log(record_id, label, names)

    def new_household(self) -> None:
        dialog = HouseholdDialog(self.ctx, village_id=self.household_list.selected_village(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.household_id is not None:
            self.open_household(dialog.household_id)

    def _unexpected(self, error: BaseException) -> None:
        QMessageBox.critical(
            self,
            self.tr("Unexpected error"),
            self.tr("Something went wrong while reading the data:\n{error}").format(error=error_text(error)),
        )
