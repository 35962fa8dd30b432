"""No window of the Vietnamese UI shows English or a stored name: every text a person can read on any page,
window or dialog of the catalogue (tests/ui/every_window.py) is checked.

A text is English when it is the source text of a message whose Vietnamese differs (the translation was
not applied: a string built outside `tr`, or translated before the language was chosen); it is a stored
name when it looks like one (`support_cases`, `held_on`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTabWidget, QWidget

from desktop.paths import RESOURCES
from tests.ui.every_window import build_rich_household, catalogue

STORED_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b")


def _english_sources() -> set[str]:
    """Source texts whose Vietnamese is different, without Alt-letter marks."""
    root = ET.parse(RESOURCES / "i18n" / "sotay_vi.ts").getroot()
    found = set()
    for message in root.iter("message"):
        source = (message.findtext("source") or "").replace("&", "").strip()
        translation = (message.findtext("translation") or "").replace("&", "").strip()
        if translation and translation != source and "{" not in source:  # "Token" is Vietnamese too
            found.add(source)
    return found


def _texts(window: QWidget) -> list[str]:
    """What a person can read: labels, buttons, group and tab titles, hints in empty fields, list choices."""
    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(index) for index in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(index) for index in range(widget.count())]
        texts.append(widget.toolTip())
    return [re.sub(r"<[^>]+>", "", text).replace("&", "").strip() for text in texts if text]


def test_no_window_shows_english_or_a_stored_name(ctx, register, qtbot, tmp_path):
    english = _english_sources()
    rich = build_rich_household(ctx.profile, register)
    found: list[str] = []
    for entry in catalogue(ctx, rich, tmp_path):
        window = entry.open()
        for text in _texts(window) + [window.windowTitle()]:
            if text in english or STORED_NAME.search(text):
                found.append(f"{entry.name}: {text!r}")
        window.close()
        window.deleteLater()
        qtbot.waitUntil(ctx.lane.is_idle, timeout=5000)
    assert not found, "\n".join(sorted(set(found)))
