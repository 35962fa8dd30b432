"""The serif font of printed reports: Liberation Serif, metric-compatible with Times New Roman.

Decree 30/2020/NĐ-CP asks for Times New Roman; Liberation Serif sets the same lines and pages, carries
every Vietnamese letter, and may be embedded (OFL). ReportLab embeds a TTFont as subsets, so the PDF
reads the same on a computer without the font.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource

FAMILY = "LiberationSerif"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

# ReportLab's font registry is process-wide; reports may be rendered from a worker thread.
_lock = threading.Lock()
_registered = False


def register() -> str:
    """Register the four styles once; returns the family name to use in paragraph styles."""
    global _registered
    with _lock:
        if not _registered:
            for name, filename in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
            # The family mapping lets <b> and <i> in Paragraph markup pick the matching file.
            pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
            _registered = True
    return FAMILY
