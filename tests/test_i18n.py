"""Every string marked for translation in the code has a finished Vietnamese translation.

The check re-extracts the strings with lupdate into a temporary copy of the catalogue, so it fails as
soon as someone adds a string (in a widget, a dialog or a service) without translating it. Fix it with
`python -m desktop.ui.i18n_tools update`, then translate in Qt Linguist or by editing the .ts file.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import i18n
from desktop.ui import i18n_tools
from desktop.ui.translation import catalogue_path


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("i18n") / "sotay_vi.ts"
    shutil.copy(catalogue_path("vi"), copy)
    i18n_tools.update(copy)
    return copy


def messages(ts: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            found[(context.findtext("name") or "", message.findtext("source") or "")] = (
                translation.get("type") or "" if translation is not None else "missing"
            )
    return found


def test_every_string_in_the_code_has_a_finished_vietnamese_translation(refreshed):
    assert i18n_tools.problems(refreshed) == []


def test_the_committed_catalogue_is_up_to_date(refreshed):
    # Same messages before and after re-extraction: nothing stale, nothing missing.
    assert set(messages(refreshed)) == set(messages(catalogue_path("vi")))


def test_service_messages_with_a_module_context_are_extracted(refreshed):
    # validation.py marks its texts with QT_TRANSLATE_NOOP(CTX, ...); lupdate alone would miss them.
    found = messages(refreshed)
    assert ("Validation", "This field is required.") in found
    assert ("People", "A citizen ID number has 12 digits.") in found
    assert ("PersonFields", "Full &name") in found  # a UI module's _tr("...") helper
    assert ("QPlatformTheme", "Cancel") in found  # Qt's own button text


def test_a_new_untranslated_string_is_reported(tmp_path):
    source = tmp_path / "pkg"
    source.mkdir()
    (source / "module.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtWidgets import QWidget\n"
        "from desktop.i18n import QT_TRANSLATE_NOOP\n"
        'CTX = "Probe"\n'
        "def _tr(text):\n"
        "    return QCoreApplication.translate(CTX, text)\n"
        "class ProbeWidget(QWidget):\n"
        "    def title(self):\n"
        '        return self.tr("A brand new title")\n'
        'MESSAGE = QT_TRANSLATE_NOOP(CTX, "A brand new message")\n'
        'LABEL = _tr("A brand new label")\n'
        'OTHER = QCoreApplication.translate("Literal", "A brand new text")\n',
        encoding="utf-8",
    )
    copy = tmp_path / "sotay_vi.ts"
    shutil.copy(catalogue_path("vi"), copy)
    i18n_tools.update(copy, roots=(*i18n_tools.DEFAULT_ROOTS, source))
    reported = "\n".join(i18n_tools.problems(copy))
    for text in ("A brand new title", "A brand new message", "A brand new label", "A brand new text"):
        assert text in reported
    # Existing translations survive the update.
    assert i18n.load_ts_catalogue(str(copy))[("Validation", "This field is required.")] == "Ô này không được để trống."


def test_placeholders_must_match(tmp_path):
    ts = tmp_path / "bad.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="vi">\n'
        "<context><name>X</name>\n"
        "<message><source>{n} household(s)</source><translation>{count} hộ</translation></message>\n"
        "<message><source>Household {code}</source><translation>Hộ {code}</translation></message>\n"
        "</context>\n</TS>\n",
        encoding="utf-8",
    )
    assert i18n_tools.problems(ts) == ["X: placeholders differ: '{n} household(s)' -> '{count} hộ'"]


def test_catalogue_placeholders_match_their_sources():
    for (context, source), text in i18n.load_ts_catalogue(str(catalogue_path("vi"))).items():
        assert i18n_tools.placeholders(source) == i18n_tools.placeholders(text), (context, source)


def test_a_translation_is_filled_and_falls_back_to_its_source_when_its_placeholders_are_broken():
    assert i18n.fill("{count} hộ", "{count} household(s)", {"count": 3}) == "3 hộ"
    assert i18n.fill("{n} hộ", "{count} household(s)", {"count": 3}) == "3 household(s)"
    assert i18n.fill("{n} hộ", "{count} household(s)", {}) == "{n} hộ"  # nothing to fill, nothing checked


def test_no_screen_or_message_calls_personal_data_a_state_secret():
    """'MẬT' is a secrecy level of the Law on Protection of State Secrets; case content is personal data
    (Law 91/2025/QH15). The printed case record is checked in tests/reports/test_pdf.py."""
    root = ET.parse(catalogue_path("vi")).getroot()
    for translation in root.iter("translation"):
        text = translation.text or ""
        assert "MẬT" not in text and "(mật)" not in text, text
