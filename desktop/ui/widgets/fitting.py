"""Windows that fit a commune laptop's screen (1366×768, or 1280×720 at 150% scaling) — architecture.md §9.

Three tools, used by every page and dialog:

* `ScrollBody`: a frameless scroll area for the part of a window that may be taller than the screen (a form's
  fields, a case tab). Its size hint is its content's, so a window that fits is shown without scroll bars, but
  it can shrink to a few lines, so the window's buttons stay on the screen when the content does not.
* `PageStack` and `ScrollingTabs`: a stack of pages (and a tab widget) whose minimum size is the *current*
  page's. Qt's own take the largest of all their pages, so one tall page (Cài đặt) would set the main
  window's minimum height for the rest of the session.
* `fit_on_screen`: a window no larger than the screen it belongs to (its parent's, else the one under the
  mouse) and wholly inside it; `grow_to_fit`: taller when a message appears, up to that screen's height.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QStackedWidget, QTabWidget, QWidget

# Windows' 125% and 150% display scaling are kept as they are. Rounding them (Qt's other policies) would draw
# 125% at 100%, too small to read, or 150% at 200%, which makes a 1920×1080 screen 960×540: nothing fits.
DPI_ROUNDING = Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
FRAME_GUESS = QSize(16, 40)  # a window's title bar and borders before the system has drawn them
SHRUNK_LINES = 6  # a scrolled body may shrink to this many text lines before the window stops shrinking


class ScrollBody(QScrollArea):
    """Shows `content` whole when there is room, scrolls it vertically when there is not."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(content)
        # The content's own background (a tab's, a dialog's), not the scroll area's base colour.
        self.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)

    def _chrome(self) -> QSize:
        bar = self.verticalScrollBar().sizeHint().width()
        frame = 2 * self.frameWidth()
        return QSize(frame + bar, frame)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint().expandedTo(content.minimumSizeHint())
        return hint + self._chrome()

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        lines = self.fontMetrics().height() * SHRUNK_LINES
        height = min(content.minimumSizeHint().height(), lines)
        return QSize(content.minimumSizeHint().width(), height) + self._chrome()


def _current_page_only(pages: QStackedWidget | QTabWidget) -> None:
    """Pages out of sight get an Ignored size policy, which Qt's stacked layout leaves out of its sizes."""
    for index in range(pages.count()):
        # The widget Qt holds: for ScrollingTabs, the scroll area around the caller's page.
        page = QTabWidget.widget(pages, index) if isinstance(pages, QTabWidget) else pages.widget(index)
        policy = QSizePolicy.Policy.Preferred if index == pages.currentIndex() else QSizePolicy.Policy.Ignored
        page.setSizePolicy(policy, policy)
    pages.updateGeometry()


class PageStack(QStackedWidget):
    """A stack whose minimum size is its current page's: pages out of sight do not size the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: _current_page_only(self))
        self.widgetRemoved.connect(lambda _index: _current_page_only(self))

    def addWidget(self, page: QWidget) -> int:  # type: ignore[override]
        index = super().addWidget(page)
        _current_page_only(self)
        return index


class ScrollingTabs(QTabWidget):
    """Tabs whose pages scroll when the window is short, and whose minimum size is the current page's.

    Callers keep working with their own page widgets: `indexOf`, `widget`, `setCurrentWidget` and
    `currentWidget` see through the scroll area each page is put in.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: _current_page_only(self))

    def addTab(self, page: QWidget, label: str) -> int:  # type: ignore[override]
        index = super().addTab(ScrollBody(page), label)
        _current_page_only(self)
        return index

    def indexOf(self, page: QWidget) -> int:  # type: ignore[override]
        for index in range(self.count()):
            holder = super().widget(index)
            if holder is page or (isinstance(holder, ScrollBody) and holder.widget() is page):
                return index
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:  # type: ignore[override]
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)

    def widget(self, index: int) -> QWidget | None:  # type: ignore[override]
        holder = super().widget(index)
        return holder.widget() if isinstance(holder, ScrollBody) else holder

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self.widget(self.currentIndex())


ROOMY = QSize(1280, 800)  # the main window's size on a screen larger than a commune laptop's


def first_size(window: QWidget, screen: QScreen | None = None) -> None:
    """The main window fills a laptop's screen; on a larger one it opens at a comfortable size."""
    area = (screen or screen_of(None)).availableGeometry()
    if area.width() <= 1366 or area.height() <= 800:
        window.setGeometry(area)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(ROOMY)
    window.move(area.center() - QPoint(ROOMY.width() // 2, ROOMY.height() // 2))


def screen_of(anchor: QWidget | None) -> QScreen:
    """The screen a new window belongs to: its parent window's, else the one under the mouse."""
    if anchor is not None and anchor.window().isVisible():
        screen = anchor.window().screen()
        if screen is not None:
            return screen
    return QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()


def fit_on_screen(window: QWidget, anchor: QWidget | None = None) -> None:
    """Shrink `window` to its screen's free area if it is larger, and move it wholly inside, over `anchor`."""
    area = screen_of(anchor).availableGeometry()
    frame = _frame(window)
    size = window.size().boundedTo(area.size() - frame).expandedTo(window.minimumSize())
    if size != window.size():
        window.resize(size)
    outer = size + frame
    window.move(_inside(area, _centre_over(anchor, outer, area), outer))  # move() places the frame


def _frame(window: QWidget) -> QSize:
    """The title bar and borders: known once a window has been shown, else a generous guess."""
    known = window.frameGeometry().size() - window.geometry().size()
    return known.expandedTo(FRAME_GUESS) if known.isEmpty() else known


def _centre_over(anchor: QWidget | None, size: QSize, area: QRect) -> QPoint:
    over = anchor.window().frameGeometry() if anchor is not None and anchor.window().isVisible() else area
    return QPoint(over.center().x() - size.width() // 2, over.center().y() - size.height() // 2)


def _inside(area: QRect, top_left: QPoint, size: QSize) -> QPoint:
    x = min(max(top_left.x(), area.left()), area.right() + 1 - size.width())
    y = min(max(top_left.y(), area.top()), area.bottom() + 1 - size.height())
    return QPoint(max(x, area.left()), max(y, area.top()))


def grow_to_fit(dialog: QWidget) -> None:
    """Grow `dialog` to the height its layout needs at its width (wrapped labels included), up to its
    screen's height; never shrink it. Qt counts a wrapped paragraph as one line in a minimum height."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    needed = max(needed, layout.totalMinimumSize().height())
    room = screen_of(dialog).availableGeometry().height() - (dialog.frameGeometry().height() - dialog.height())
    needed = min(needed, max(room, dialog.minimumHeight()))  # past the screen's height the fields scroll
    if needed > dialog.height():
        dialog.resize(width, needed)
