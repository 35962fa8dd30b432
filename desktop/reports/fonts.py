"""The serif font of printed reports: Times New Roman where the computer has it, else Liberation Serif.

Decree 30/2020/NĐ-CP asks for Times New Roman (Unicode, TCVN 6909:2001). Its licence does not let the
app ship it, but Windows has it, and so do Linux machines with the core fonts package and macOS: there
the report uses it, embedded. Without all four of its styles the report falls back to the bundled Liberation
Serif, which is metric-compatible (the same lines and pages), carries every Vietnamese letter and may be
embedded (OFL). ReportLab embeds a TTFont as subsets, so the PDF reads the same on a computer without the
font; the PDF's Keywords say which font it was set in (`FontChoice.note`).

The styles are registered under neutral names (REGULAR, BOLD, ...), so the rest of the code does not
care which font stands behind them. `SOTAY_REPORT_FONT` ("times" or "liberation") forces the choice.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource

FAMILY = "ReportSerif"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"
STYLES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)

TIMES, LIBERATION = "times", "liberation"
CHOICE_VARIABLE = "SOTAY_REPORT_FONT"

# Each style's file name in each kind of font folder, in the order of STYLES.
_TIMES_NAMES = (
    ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),  # Windows
    (  # the Linux core fonts package, and macOS
        "Times_New_Roman.ttf",
        "Times_New_Roman_Bold.ttf",
        "Times_New_Roman_Italic.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
    ),
    (
        "Times New Roman.ttf",
        "Times New Roman Bold.ttf",
        "Times New Roman Italic.ttf",
        "Times New Roman Bold Italic.ttf",
    ),
)
_LIBERATION_NAMES = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)


@dataclass(frozen=True, slots=True)
class FontChoice:
    name: str  # TIMES or LIBERATION
    files: tuple[Path, ...]  # in the order of STYLES

    @property
    def note(self) -> str:
        """What the PDF's properties say about its font (in Vietnamese, as the report is)."""
        if self.name == TIMES:
            return "Phông chữ: Times New Roman"
        return "Phông chữ: Liberation Serif (thay cho Times New Roman)"


def times_folders() -> list[Path]:
    """Where Times New Roman is installed on Windows, Linux and macOS, first found first used."""
    folders = []
    windows = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windows:
        folders.append(Path(windows) / "Fonts")
    folders += [
        Path("/usr/share/fonts/truetype/msttcorefonts"),
        Path("/usr/share/fonts/msttcore"),
        Path("/usr/share/fonts/TTF"),
        Path.home() / ".fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
    ]
    return folders


def find_times(folders: Sequence[Path]) -> tuple[Path, ...] | None:
    """The four styles of Times New Roman from one folder, or None: a report with one style missing
    would mix fonts, so it takes Liberation Serif whole instead."""
    for folder in folders:
        present = _files_in(folder)
        for names in _TIMES_NAMES:
            # Case-insensitive: Windows folders vary (TIMES.TTF, times.ttf).
            files = [present.get(name.lower()) for name in names]
            if all(files):
                return tuple(f for f in files if f is not None)
    return None


def _files_in(folder: Path) -> dict[str, Path]:
    try:
        return {p.name.lower(): p for p in folder.iterdir() if p.suffix.lower() == ".ttf"}
    except OSError:  # no such folder, or not readable: nothing found there
        return {}


def choose(prefer: str | None = None, folders: Sequence[Path] | None = None) -> FontChoice:
    """Times New Roman when found, unless `prefer` (or SOTAY_REPORT_FONT) says "liberation"."""
    wanted = (prefer or os.environ.get(CHOICE_VARIABLE, "")).strip().lower()
    if wanted != LIBERATION:
        found = find_times(times_folders() if folders is None else folders)
        if found is not None:
            return FontChoice(TIMES, found)
    return FontChoice(LIBERATION, tuple(resource("fonts", name) for name in _LIBERATION_NAMES))


# ReportLab's font registry is process-wide; reports may be rendered from a worker thread.
_lock = threading.Lock()
_registered: FontChoice | None = None


def register(prefer: str | None = None, folders: Sequence[Path] | None = None) -> FontChoice:
    """Register the four styles of the chosen font under REGULAR, BOLD, ...; returns the choice."""
    global _registered
    chosen = choose(prefer, folders)
    with _lock:
        if _registered != chosen:
            for name, path in zip(STYLES, chosen.files, strict=True):
                pdfmetrics.registerFont(TTFont(name, str(path)))
            # The family mapping lets <b> and <i> in Paragraph markup pick the matching file.
            pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
            _registered = chosen
    return chosen
