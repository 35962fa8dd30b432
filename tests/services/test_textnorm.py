from __future__ import annotations

import unicodedata

from desktop.textnorm import clean, fold, has_control_chars


def test_fold_removes_diacritics_case_and_maps_d_with_stroke():
    assert fold("Nguyễn Thị Hường") == "nguyen thi huong"
    assert fold("ĐẶNG Văn Đức") == "dang van duc"


def test_fold_is_the_same_for_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Trần Thị Ánh Tuyết")
    assert decomposed != "Trần Thị Ánh Tuyết"
    assert fold(decomposed) == fold("Trần Thị Ánh Tuyết") == "tran thi anh tuyet"


def test_clean_stores_nfc_and_collapses_spaces():
    decomposed = unicodedata.normalize("NFD", "  Lê   Thị  Hồng ")
    cleaned = clean(decomposed)
    assert cleaned == "Lê Thị Hồng"
    assert unicodedata.is_normalized("NFC", cleaned)


def test_control_characters_are_detected_but_vietnamese_letters_are_not():
    assert has_control_chars("Lê\x00Văn")
    assert has_control_chars("Lê\u200bVăn")  # zero-width space pasted from the web
    assert not has_control_chars("Nguyễn Thị Hường, Đặng Ứng")


def test_fold_reads_full_width_and_compatibility_letters_as_the_plain_ones():
    assert fold("ｎｇｕｙｅｎ") == "nguyen"
    assert fold("Ｎｇｕｙễｎ\u3000Ｔｈị") == "nguyen thi"  # full-width letters and an ideographic space
    assert fold("ﬁ") == "fi"  # a ligature pasted from a PDF
