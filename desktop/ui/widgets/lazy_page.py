"""A place in a stack of pages whose page is built the first time it is needed (start-up is budgeted)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
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
