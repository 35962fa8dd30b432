"""The main window: left navigation (the sections of navigation.py), their pages and a status bar.

It also locks: after the idle minutes chosen in Settings, or on Ctrl+L, its content is replaced by the
lock screen and every other window of the app (an open form, a question) is hidden; unlocking shows
them again exactly as they were, with the focus where it was. See desktop.ui.lock and
desktop.ui.hidden_windows.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolTip,
    QWidget,
)

from desktop import APP_NAME
from desktop.services import reference
from desktop.services.profile.access import ROLE_LABELS
from desktop.ui.context import AppContext
from desktop.ui.dialogs.household import HouseholdDialog
from desktop.ui.hidden_windows import HiddenWindows
from desktop.ui.lock import IdleWatch, LockScreen
from desktop.ui.modal import message
from desktop.ui.navigation import SideBar
from desktop.ui.pages.dashboard import DashboardPage
from desktop.ui.pages.household_detail import HouseholdDetailPage
from desktop.ui.pages.households import HouseholdListPage
from desktop.ui.settings_store import saved_idle_minutes
from desktop.ui.translation import error_text, message_text
from desktop.ui.widgets.fitting import PageStack
from desktop.ui.widgets.lazy_page import LazyPage

if TYPE_CHECKING:
    from desktop.ui.pages.activities import ActivitiesPage
    from desktop.ui.pages.reports import ReportsPage
    from desktop.ui.pages.review import ReviewPage
    from desktop.ui.pages.settings import SettingsPage
    from desktop.ui.pages.visits import VisitsPage

log = logging.getLogger(__name__)
DASHBOARD, HOUSEHOLDS, VISITS, ACTIVITIES, REPORTS, SETTINGS, REVIEW = range(7)


class MainWindow(QMainWindow):
    logged_out = Signal()
    closed = Signal()  # the window was closed (by the user, by logging out, or by the app)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.locked = False
        self.was_logged_out = False
        self.hidden_windows = HiddenWindows()
        self._focus: QWidget | None = None
        self.dashboard = DashboardPage(ctx)
        self.household_list = HouseholdListPage(ctx)
        self.household_detail = HouseholdDetailPage(ctx)
        # Pages not on screen at start are built when first needed: start-up is budgeted (architecture.md §9).
        self._visits = LazyPage(self._build_visits)
        self._activities = LazyPage(self._build_activities)
        self._reports = LazyPage(self._build_reports)
        self._settings = LazyPage(self._build_settings)
        self._review = LazyPage(self._build_review)
        self.households = PageStack()  # the list, and one household opened from it
        self.households.addWidget(self.household_list)
        self.households.addWidget(self.household_detail)

        self.side = SideBar(APP_NAME, ctx.profile.user)
        self.side.lock_button.clicked.connect(self.lock)
        self.nav = self.side.nav  # the window moves between its sections through the list
        self.stack = PageStack()
        pages = (self.dashboard, self.households, self._visits, self._activities, self._reports, self._settings)
        for page in (*pages, self._review):
            self.stack.addWidget(page)

        self.content = QWidget()
        row = QHBoxLayout(self.content)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.side)
        row.addWidget(self.stack, 1)
        self.lock_screen = LockScreen(ctx)
        self.screens = PageStack()  # the content, or the lock screen instead of it
        self.screens.addWidget(self.content)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.status = QLabel()
        self.statusBar().addWidget(self.status)
        self.idle = IdleWatch(saved_idle_minutes(ctx.profile.paths), self)
        self._connect()
        self._shortcuts()
        self.update_titles()
        self.nav.setCurrentRow(DASHBOARD)

    @property
    def visits(self) -> VisitsPage:
        return self._visits.page()

    @property
    def activities(self) -> ActivitiesPage:
        return self._activities.page()

    @property
    def reports(self) -> ReportsPage:
        return self._reports.page()

    @property
    def settings(self) -> SettingsPage:
        return self._settings.page()

    @property
    def review(self) -> ReviewPage:
        return self._review.page()

    def _build_review(self) -> ReviewPage:
        from desktop.ui.pages.review import ReviewPage

        page = ReviewPage(self.ctx)
        page.open_household.connect(self.open_household)
        return page

    def _build_activities(self) -> ActivitiesPage:
        from desktop.ui.pages.activities import ActivitiesPage

        return ActivitiesPage(self.ctx)

    def _build_reports(self) -> ReportsPage:
        from desktop.ui.pages.reports import ReportsPage

        return ReportsPage(self.ctx)

    def _build_visits(self) -> VisitsPage:
        from desktop.ui.pages.visits import VisitsPage

        page = VisitsPage(self.ctx)
        page.open_household.connect(self.open_household)
        return page

    def _build_settings(self) -> SettingsPage:
        from desktop.ui.pages.settings import SettingsPage

        page = SettingsPage(self.ctx)
        page.audit_log.back_to_household.connect(self.open_household)
        page.idle_minutes_changed.connect(self.idle.set_minutes)
        return page

    def _show_stack_page(self, index: int) -> None:
        widget = self.stack.widget(index)
        if isinstance(widget, LazyPage):
            widget.page()
        self.stack.setCurrentIndex(index)

    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(self._show_stack_page)
        self.household_list.open_household.connect(self.open_household)
        self.household_list.new_household.connect(self.new_household)
        self.household_detail.back.connect(self.show_list)
        self.dashboard.open_household.connect(self.open_household)
        self.dashboard.open_case.connect(self.open_case)
        self.dashboard.open_review.connect(lambda: self.show_section(REVIEW))
        self.household_detail.show_history.connect(self.open_history)
        self.ctx.lane.failed.connect(self._unexpected)
        self.ctx.data_changed.connect(self.update_titles)
        self.idle.idle.connect(self.lock)
        self.idle.lock_requested.connect(self.lock)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.log_out.connect(self.log_out)

    def _shortcuts(self) -> None:
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, activated=self.focus_search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, activated=self.new_household)
        for number in range(self.nav.count()):
            QShortcut(QKeySequence(f"Alt+{number + 1}"), self, activated=lambda n=number: self.show_section(n))
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.household_detail, activated=self.show_list)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def start(self) -> None:
        """Ask for the first data; all of it arrives through the DB lane after the window is shown."""
        self.household_list.reload()
        self.dashboard.reload()  # the visits page loads when first opened
        self.idle.start()

    # Keyring notice ##########################################################################

    def check_keyring_notice(self) -> None:
        """Once per profile: say so if the app's secrets live in the profile for want of a system keyring.

        Asking the system for its keyring can hang on a broken desktop session, so it is asked on a
        daemon thread that nothing waits for; the answer (and the one-row write marking the notice as
        shown) comes back here. The notice is a bar on the overview, not a dialog.
        """
        from desktop.services.profile import identity
        from desktop.ui.background import ask_in_thread

        store = identity.secret_store(self.ctx.profile)

        def answered(uses_fallback: bool) -> None:
            if not uses_fallback:
                return
            try:
                notice = store.fallback_notice()
            except Exception:  # a notice is not worth an error dialog
                log.exception("Could not read or record the keyring notice")
                return
            if notice:
                self.dashboard.notice.show_text(message_text(notice))

        ask_in_thread(lambda: store.uses_fallback, answered, owner=self)

    # Lock ####################################################################################

    def lock(self) -> None:
        """Hide the register and every other window of the app until the passphrase is typed again."""
        if self.locked:
            return
        self.locked = True
        self.idle.pause()
        for _ in range(10):  # open menus and combo lists first; they cannot be hidden and shown again
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        # Each window's own focus (the field the cursor is in), to give back after unlocking.
        self._focus = self.focusWidget()
        QToolTip.hideText()
        self.hidden_windows.hide(keep=self)
        self.screens.setCurrentWidget(self.lock_screen)
        self.statusBar().hide()
        self._enable_shortcuts(False)
        self.activateWindow()
        self.lock_screen.start()

    def unlock(self) -> None:
        """Back exactly as before: the windows that were open, what was typed in them, the focus."""
        if not self.locked:
            return
        self.locked = False
        self.screens.setCurrentWidget(self.content)
        self.statusBar().show()
        self._enable_shortcuts(True)
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.stack.currentWidget().setFocus()
        self.hidden_windows.show_again()
        self.idle.resume()

    def _enable_shortcuts(self, enabled: bool) -> None:
        """While locked, Ctrl+N, Alt+1… and the rest do nothing (Ctrl+L is the lock's own, see IdleWatch)."""
        for shortcut in self.findChildren(QShortcut):
            shortcut.setEnabled(enabled)

    def log_out(self) -> None:
        """From the lock screen: close every form unsaved, then this window; the login comes next."""
        self.hidden_windows.close()
        self.was_logged_out = True
        self.idle.stop()
        self.logged_out.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def update_titles(self) -> None:
        profile = self.ctx.profile
        commune = reference.commune_name(profile)
        self.setWindowTitle(f"{APP_NAME} — {commune}" if commune else APP_NAME)
        # The logged-in user and their role: on a shared laptop an officer is not the collaborator.
        user = profile.user
        role = message_text(ROLE_LABELS[user.role])
        self.status.setText(
            self.tr("{commune} · {name} — {role}").format(
                commune=commune, name=user.name or profile.collaborator, role=role
            )
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

    def open_case(self, household_id: uuid.UUID, case_id: uuid.UUID) -> None:
        """The household on its cases tab, with the case's window over it."""
        self.open_household(household_id)
        self.household_detail.show_case(case_id)

    def open_history(self, record_id: uuid.UUID, label: str, names: dict[str, str]) -> None:
        """The change log (in Cài đặt) filtered to one household's record."""
        self.nav.setCurrentRow(SETTINGS)
        self.settings.show_audit_log(record_id, label, names)

    def new_household(self) -> None:
        if self.locked:
            return
        dialog = HouseholdDialog(self.ctx, village_id=self.household_list.selected_village(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.household_id is not None:
            self.open_household(dialog.household_id)

    def _unexpected(self, error: BaseException) -> None:
        message(
            self,
            QMessageBox.Icon.Critical,
            self.tr("Unexpected error"),
            self.tr("Something went wrong while reading the data:\n{error}").format(error=error_text(error)),
        )
