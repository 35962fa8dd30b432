"""Qt's own file dialog, used everywhere but on Windows, speaks Vietnamese through our catalogue."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QHeaderView, QLabel, QWidget

from desktop.ui import translation
from desktop.ui.widgets import files
from desktop.ui.widgets.files import Purpose

FILTERS = "Tệp PDF (*.pdf)"
_FILTER_PATTERN = re.compile(r"\(\*[^)]*\)")


def visible_texts(dialog: QFileDialog) -> set[str]:
    """What the user reads: labels, buttons, tool tips, column headers, places in the sidebar."""
    texts: set[str] = set()
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text())
        texts.add(widget.toolTip())
        if isinstance(widget, QHeaderView):
            model = widget.model()
            texts |= {str(model.headerData(i, widget.orientation())) for i in range(model.columnCount())}
    return {_FILTER_PATTERN.sub("", t).replace("&", "").strip() for t in texts} - {""}


def shown(qtbot, tmp_path, purpose: Purpose) -> QFileDialog:
    (tmp_path / "bao-cao.pdf").write_bytes(b"%PDF-1.7")
    dialog = files.file_dialog(None, "Chọn tệp", str(tmp_path), FILTERS, purpose)
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)  # its column headers are shown too
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("purpose", list(Purpose))
def test_the_file_dialog_has_no_english_left(qtbot, tmp_path, purpose):
    assert not files.NATIVE or pytest.skip("Windows uses its own dialog, in the system language")
    vietnamese = visible_texts(shown(qtbot, tmp_path, purpose))
    translation.install("en")
    try:
        english = visible_texts(shown(qtbot, tmp_path, purpose))
    finally:
        translation.install("vi")
    left = (vietnamese & english) - {"bao-cao.pdf", str(tmp_path), tmp_path.name}
    assert not left, f"English left in the file dialog: {sorted(left)}"
    assert len(english - vietnamese) >= 8  # the labels, buttons and tool tips were translated


def test_the_save_dialog_reads_in_vietnamese(qtbot, tmp_path):
    assert not files.NATIVE or pytest.skip("Windows uses its own dialog, in the system language")
    dialog = shown(qtbot, tmp_path, Purpose.SAVE)
    texts = visible_texts(dialog)
    assert {"Xem trong:", "Tên tệp:", "Loại tệp:", "Lưu", "Hủy"} <= texts
    assert {"Tên", "Kích thước", "Loại", "Ngày sửa"} <= texts
    assert {"Quay lại", "Đi tiếp", "Thư mục cha", "Tạo thư mục mới"} <= texts
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
