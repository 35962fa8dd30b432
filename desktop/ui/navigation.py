"""The left of the main window: the app's name, its sections (Alt+1…), and who is logged in, with the lock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from desktop.services.profile.access import ROLE_LABELS, CurrentUser
from desktop.ui.translation import message_text

CTX = "MainWindow"  # the main window's texts, whichever of its parts shows them
WIDTH = 220


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


def section_names() -> tuple[str, ...]:
    """The sections in their order on the left; the main window's stack holds their pages in the same order."""
    return (
        _tr("Overview"),
        _tr("Households"),
        _tr("Visits"),
        _tr("Communication"),
        _tr("Reports"),
        _tr("Settings"),
        _tr("Needs review"),  # last, so Alt+1… of the others stay as they were
    )


class SideBar(QWidget):
    def __init__(self, app_name: str, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(WIDTH)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for number, name in enumerate(section_names(), start=1):
            self.nav.addItem(name)
            self.nav.item(number - 1).setToolTip(f"Alt+{number}")
        name_label = QLabel(app_name)
        name_label.setObjectName("appName")
        self.setObjectName("side")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedWidth(WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(name_label)
        layout.addWidget(self.nav, 1)
        layout.addWidget(self._user_box(user))

    def _user_box(self, user: CurrentUser) -> QWidget:
        """Who is logged in, and the lock, at the foot of the navigation."""
        box = QWidget()
        box.setObjectName("userBox")
        box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(18, 10, 14, 14)
        layout.setSpacing(2)
        self.user_name = QLabel(user.name)
        self.user_name.setObjectName("navUser")
        self.user_name.setWordWrap(True)
        self.user_role = QLabel(message_text(ROLE_LABELS[user.role]))
        self.user_role.setObjectName("navRole")
        self.user_role.setWordWrap(True)
        self.lock_button = QPushButton(_tr("Lock now"))
        self.lock_button.setObjectName("navLock")
        self.lock_button.setToolTip("Ctrl+L")
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout.addWidget(self.user_name)
        layout.addWidget(self.user_role)
        layout.addSpacing(8)
        layout.addWidget(self.lock_button)
        return box
