"""Text rules shared by every layer: NFC storage, folded search keys, input hygiene."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """NFC, trimmed, inner runs of white space collapsed to one space."""
    if text is None:
        return ""
    return _SPACES.sub(" ", nfc(text)).strip()


def has_control_chars(text: str) -> bool:
    # Tabs and newlines are allowed only in multi-line notes; callers decide.
    return bool(_CONTROL.search(text))


def fold(text: str | None) -> str:
    """Lower case without diacritics, so "Nguyễn Thị Hường" and "nguyen thi huong" meet.

    Compatibility forms are folded first (NFKC): full-width letters typed with an East Asian input
    method ("ｎｇｕｙｅｎ"), ligatures and the like mean the plain letters. "đ" has no decomposition in
    Unicode, so it is mapped by hand. Stored keys made with this function are refolded by migration 0012.
    """
    if not text:
        return ""
    compatible = unicodedata.normalize("NFKC", text)
    lowered = unicodedata.normalize("NFD", compatible.replace("đ", "d").replace("Đ", "d")).lower()
    stripped = "".join(ch for ch in lowered if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped).strip()
