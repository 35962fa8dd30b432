"""A retired code is not offered for a new entry, yet a record that holds it still shows it by name."""

from __future__ import annotations

from desktop.services.dto import CodeDTO
from desktop.ui.widgets.pickers import CodeCombo

CODES = [
    CodeDTO("kh", "Kinh", "Kinh", 1),
    CodeDTO("old", "Dân tộc cũ", "Former group", 2, retired=True),
    CodeDTO("tay", "Tày", "Tay", 3),
]


def _labels(combo: CodeCombo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_new_entry_is_not_offered_a_retired_code(qtbot):
    combo = CodeCombo(CODES)
    qtbot.addWidget(combo)
    assert _labels(combo)[1:] == ["Kinh", "Tày"]


def test_a_record_holding_a_retired_code_shows_its_name_and_keeps_it(qtbot):
    combo = CodeCombo(CODES)
    qtbot.addWidget(combo)
    combo.set_value("old")
    assert combo.currentText() == "Dân tộc cũ"
    assert combo.code() == "old"  # saved again unchanged, not emptied
    combo.set_value("tay")
    assert combo.code() == "tay"
