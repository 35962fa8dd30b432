"""The look: the bundled Be Vietnam Pro font, Fusion style and a calm, high-contrast stylesheet.

Sizes are in points so they follow the user's display scaling; controls are a little taller than
Qt's defaults because many users work with a touchpad on an old laptop.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QDir
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import resource

FONT_FAMILY = "Be Vietnam Pro"
FONT_POINT_SIZE = 10.5
log = logging.getLogger(__name__)

STYLESHEET = """
QWidget { color: #1f2933; }
QMainWindow, QDialog { background: #f5f7fa; }
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox {
    background: white; border: 1px solid #b8c2cc; border-radius: 4px; padding: 5px 7px; min-height: 22px;
}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus { border: 2px solid #1d6fb8; }
QLineEdit:disabled { background: #eef1f4; color: #7b8794; }
QLineEdit[readOnly="true"] { background: #eef1f4; }
QComboBox { padding-right: 30px; }
QComboBox::drop-down {
    subcontrol-origin: padding; subcontrol-position: top right; width: 28px; border: none;
    border-left: 1px solid #d3d9e0;
}
QComboBox::down-arrow { image: url(icons:chevron-down.svg); width: 14px; height: 14px; }
QComboBox::down-arrow:disabled { image: none; }
QSpinBox { padding-right: 26px; }
QSpinBox::up-button, QSpinBox::down-button { subcontrol-origin: border; width: 24px; border: none;
    border-left: 1px solid #d3d9e0; }
QSpinBox::up-button { subcontrol-position: top right; }
QSpinBox::down-button { subcontrol-position: bottom right; }
QSpinBox::up-arrow { image: url(icons:chevron-up.svg); width: 12px; height: 12px; }
QSpinBox::down-arrow { image: url(icons:chevron-down.svg); width: 12px; height: 12px; }
QListWidget { background: white; border: 1px solid #b8c2cc; border-radius: 4px; }
QListWidget::item { padding: 3px 4px; }
QPushButton {
    background: white; border: 1px solid #9aa5b1; border-radius: 4px; padding: 6px 14px; min-height: 22px;
}
QPushButton:hover { background: #eaf2fb; }
QPushButton:focus { border: 2px solid #1d6fb8; }
QPushButton:disabled { color: #9aa5b1; border-color: #d3d9e0; background: #f5f7fa; }
QPushButton#primary, QPushButton:default { background: #1d6fb8; color: white; border-color: #165a96; }
QPushButton#primary:hover, QPushButton:default:hover { background: #165a96; }
QPushButton#primary:disabled, QPushButton:default:disabled { background: #a9c4de; border-color: #a9c4de; color: white; }
QPushButton#danger { color: #a61b1b; border-color: #d99a9a; }
QPushButton#flat { border: none; background: transparent; color: #1d6fb8; padding: 4px 0; }
QListWidget#nav {
    background: #183b5c; color: white; border: none; border-radius: 0; font-size: 12pt; padding-top: 12px;
    outline: 0;
}
QListWidget#nav::item { padding: 12px 18px; border-left: 4px solid transparent; }
QListWidget#nav::item:selected { background: #245784; border-left: 4px solid #f0b429; color: white; }
QListWidget#nav::item:hover:!selected { background: #1f4a72; }
QLabel#appName { background: #183b5c; color: white; font-size: 13pt; font-weight: bold; padding: 16px 18px 4px 18px; }
QLabel#pageTitle { font-size: 16pt; font-weight: bold; color: #102a43; }
QLabel#dialogHeading { font-size: 13pt; font-weight: bold; color: #102a43; }
QLabel#sectionTitle { font-size: 12pt; font-weight: bold; color: #102a43; }
QLabel#subtitle { color: #52606d; }
QLabel#countLabel { color: #52606d; font-size: 11pt; }
QLabel#fieldError[state="active"] { color: #b3261e; }
QLabel#fieldError[state="pending"] { color: #7b8794; }
QLabel#formError {
    color: #b3261e; background: #fdecea; border: 1px solid #f5c2c0; border-radius: 4px; padding: 8px;
}
QLabel#dissolvedBadge {
    color: #8a4b00; background: #fff4e0; border: 1px solid #f0c987; border-radius: 4px; padding: 6px;
}
QFrame#statCard { background: white; border: 1px solid #d9e2ec; border-radius: 6px; }
QLabel#statNumber { font-size: 22pt; font-weight: bold; color: #1d6fb8; }
QLabel#statCaption { color: #52606d; }
QTableView { background: white; alternate-background-color: #f3f7fb; border: 1px solid #d9e2ec;
             selection-background-color: #cfe3f7; selection-color: #102a43; gridline-color: #e4e7eb; }
QHeaderView::section { background: #e9eef3; padding: 6px 8px; border: none; border-right: 1px solid #d9e2ec;
                       font-weight: bold; color: #243b53; }
QTabWidget::pane { border: 1px solid #d9e2ec; background: white; top: -1px; }
QTabBar::tab { padding: 8px 16px; background: #e9eef3; border: 1px solid #d9e2ec; border-bottom: none;
               margin-right: 2px; }
QTabBar::tab:selected { background: white; font-weight: bold; }
QGroupBox {
    font-weight: bold; border: 1px solid #d9e2ec; border-radius: 6px; margin-top: 14px; padding: 14px 12px 10px 12px;
    background: white;
}
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QStatusBar { background: #e9eef3; color: #243b53; }
QWidget#side, QWidget#userBox { background: #183b5c; }
QLabel#navUser { color: white; font-weight: bold; }
QLabel#navRole { color: #bcccdc; font-size: 9.5pt; }
QPushButton#navLock { background: transparent; color: white; border: 1px solid #829ab1; text-align: left; }
QPushButton#navLock:hover { background: #245784; }
QPushButton#navLock:focus { border: 2px solid #f0b429; }
QLabel#loginTitle { font-size: 17pt; font-weight: bold; color: #102a43; }
QWidget#lockScreen { background: #183b5c; }
QFrame#lockCard { background: #f5f7fa; border-radius: 8px; }
QFrame#recoveryCodeFrame { background: white; border: 2px solid #1d6fb8; border-radius: 6px; }
QLabel#recoveryCode { color: #102a43; }
QFrame#infoBar { background: #e8f1fb; border: 1px solid #a9c4de; border-radius: 6px; }
"""


def load_fonts() -> bool:
    """Register the bundled TTFs; False if none could be loaded (the system font is used then)."""
    loaded = False
    for path in sorted(resource("fonts").glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("Could not load font %s", path)
        else:
            loaded = True
    return loaded


# Classes for which the platform theme keeps a font of its own; without these the status bar, menus,
# message boxes and tooltips would stay in the system font.
THEMED_CLASSES = (
    "QStatusBar",
    "QMenuBar",
    "QMenu",
    "QMessageBoxLabel",
    "QMessageBoxInformativeLabel",
    "QTipLabel",
    "QHeaderView",
    "QAbstractItemView",
    "QComboMenuItem",
    "QLabel",
    "QPushButton",
)


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same look on Windows 7 to 11 and Linux
    QDir.addSearchPath("icons", str(resource("icons")))
    font = QFont(FONT_FAMILY) if load_fonts() else app.font()
    font.setPointSizeF(FONT_POINT_SIZE)
    app.setFont(font)
    for name in THEMED_CLASSES:
        app.setFont(font, name)
    app.setStyleSheet(STYLESHEET)
