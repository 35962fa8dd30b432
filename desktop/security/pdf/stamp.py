"""The visible stamp of a signature: where it goes on the page, its words in Vietnamese, its font and drawing.

The stamp says who signed, when (in Vietnam time) and why, word-wrapped at the largest font size
that fits its box; the font is embedded with only the glyphs of that text.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path

from pyhanko.pdf_utils import generic, layout
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.stamp import TextStampStyle

from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import resource
from desktop.security.pdf.errors import PdfSigningError

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
MM = 72 / 25.4
STAMP_WIDTH = 70 * MM
STAMP_HEIGHT = 28 * MM
# Decree 30/2020 pages keep 15-20 mm on the right and 20-25 mm at the bottom, where the footer sits.
STAMP_RIGHT_MARGIN = 20 * MM
STAMP_BOTTOM = 25 * MM
STAMP_PADDING = 4  # points between the border and the text
STAMP_FONT_SIZES = (9, 8, 7, 6)  # largest first; pyHanko takes whole points only
LINE_SPACING = 1.25
A4 = (0.0, 0.0, 595.28, 841.89)
FONT_FILES = ("LiberationSerif-Regular.ttf", "BeVietnamPro-Regular.ttf")  # preferred first
PDF_UNITS_PER_EM = 1000

# (page index, x1, y1, x2, y2) in PDF points; a negative index counts from the last page.
StampBox = tuple[int, float, float, float, float]


@dataclass(frozen=True, slots=True)
class StampText:
    """The stamp's words, wrapped to fit its box, and the font and size they fit at."""

    text: str
    font_file: Path
    font_size: int


# Where it goes #############################################################################


def default_box(writer: IncrementalPdfFileWriter) -> StampBox:
    """Bottom right of the last page, above the footer."""
    page_ref, _resources = writer.find_page_for_modification(-1)
    _x_min, y_min, x_max, _y_max = _media_box(page_ref.get_object())
    right, bottom = x_max - STAMP_RIGHT_MARGIN, y_min + STAMP_BOTTOM
    return (-1, right - STAMP_WIDTH, bottom, right, bottom + STAMP_HEIGHT)


def _media_box(page: generic.DictionaryObject) -> tuple[float, float, float, float]:
    node: generic.PdfObject | None = page
    while isinstance(node, generic.DictionaryObject):
        if "/MediaBox" in node:
            x1, y1, x2, y2 = (float(value) for value in node["/MediaBox"])  # type: ignore[attr-defined]
            return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return A4  # a page tree without a MediaBox is broken; A4 is what every report uses


# What it says ##############################################################################


def stamp_text(*, signer_name: str, moment: dt.datetime, reason: str, width: float, height: float) -> StampText:
    """Who signed, when and why, at the largest font size that fits a box of `width` × `height` points."""
    font_file = stamp_font()
    time_line = f"Thời gian: {moment:%d/%m/%Y %H:%M:%S} (giờ Việt Nam, UTC+7)"
    text, font_size = _layout_stamp(
        font_file,
        [f"Ký số bởi: {signer_name}", time_line, f"Lý do: {reason}"],
        keep_whole=time_line,
        width=width - 2 * STAMP_PADDING,
        height=height - 2 * STAMP_PADDING,
    )
    return StampText(text, font_file, font_size)


def _layout_stamp(
    font_file: Path, lines: list[str], *, keep_whole: str, width: float, height: float
) -> tuple[str, int]:
    """The largest font size at which the word-wrapped lines fit the box, `keep_whole` unbroken.

    pyHanko neither wraps nor picks a size; it only shrinks an oversized block, which would make a
    long reason unreadably small. If even the smallest size overflows, that shrinking still keeps
    the text inside the border.
    """
    wrapped: list[str] = []
    for size in STAMP_FONT_SIZES:
        wrapped = [part for line in lines for part in _wrap(font_file, line, size, width)]
        fits_across = all(_text_width(font_file, line, size) <= width for line in wrapped)
        fits_down = len(wrapped) * round(size * LINE_SPACING) + size <= height  # + the lifting margin
        if fits_across and fits_down and keep_whole in wrapped:
            return "\n".join(wrapped), size
    return "\n".join(wrapped), STAMP_FONT_SIZES[-1]


def _wrap(font_file: Path, line: str, size: int, width: float) -> list[str]:
    result: list[str] = []
    current = ""
    for word in line.split():
        candidate = f"{current} {word}" if current else word
        if current and _text_width(font_file, candidate, size) > width:
            result.append(current)
            current = word
        else:
            current = candidate
    result.append(current)
    return result


def _text_width(font_file: Path, text: str, size: int) -> float:
    advances, units_per_em = _font_metrics(font_file)
    return sum(advances.get(ord(char), units_per_em // 2) for char in text) * size / units_per_em


@functools.lru_cache(maxsize=4)
def _font_metrics(font_file: Path) -> tuple[dict[int, int], int]:
    """Advance widths by code point: enough to wrap, without shaping (kerning is a few per cent)."""
    from fontTools.ttLib import TTFont

    with TTFont(str(font_file), lazy=True) as font:
        metrics = font["hmtx"].metrics
        advances = {code: metrics[glyph][0] for code, glyph in font.getBestCmap().items()}
        return advances, int(font["head"].unitsPerEm)


# How it is drawn ###########################################################################


def stamp_font() -> Path:
    for name in FONT_FILES:
        path = resource("fonts", name)
        if path.exists():
            return path
    raise PdfSigningError(
        QT_TRANSLATE_NOOP("Security", "The font for the signature stamp is missing ({file})."), file=FONT_FILES[-1]
    )


def stamp_style(stamp: StampText) -> TextStampStyle:
    """A bordered box with the text flush left; the text itself goes in as the parameter "text"."""
    font_size = stamp.font_size
    flush_left = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MIN,
        y_align=layout.AxisAlignment.ALIGN_MID,
        # pyHanko's text box starts a full leading below its top but ends on the last baseline, so
        # centred text sits low; a deeper bottom margin lifts it back to the optical middle.
        margins=layout.Margins(STAMP_PADDING, STAMP_PADDING, STAMP_PADDING, STAMP_PADDING + font_size),
    )
    return TextStampStyle(
        border_width=1,
        stamp_text="%(text)s",
        text_box_style=TextBoxStyle(
            font=_FontFromMemory(_font_program(stamp.font_file, stamp.text), font_size=font_size),
            font_size=font_size,
            leading=round(font_size * LINE_SPACING),
            box_layout_rule=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MAX
            ),
        ),
        inner_content_layout=flush_left,
    )


@dataclass(frozen=True)
class _FontFromMemory(FontEngineFactory):
    """GlyphAccumulatorFactory, but for a font program held in memory (see `_font_program`)."""

    program: bytes = field(repr=False)
    font_size: int = 10

    def create_font_engine(self, writer: BasePdfFileWriter, obj_stream: object = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer, font_handle=io.BytesIO(self.program), font_size=self.font_size, obj_stream=obj_stream
        )


def _font_program(font_file: Path, text: str) -> bytes:
    """The font as pyHanko can embed it: with 1000 units per em.

    pyHanko 0.38 writes glyph widths (/W) and kerning (TJ) in the font's own units, which PDF reads
    as thousandths of an em; Liberation Serif has 2048 units per em, so its letters would stand
    twice their width apart and the text would run out of the stamp. Rescaling the whole font takes
    over a second, so only the glyphs of this stamp's text are kept and rescaled (about 0.15 s);
    hinting goes too, as its instructions are in the old units.
    """
    if _font_metrics(font_file)[1] == PDF_UNITS_PER_EM:
        return _read_font(font_file)
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    options = subset.Options()
    options.layout_features = ["*"]  # HarfBuzz still shapes with the font's own kerning and marks
    options.hinting = False
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    with TTFont(io.BytesIO(_read_font(font_file))) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        scale_upem(font, PDF_UNITS_PER_EM)
        output = io.BytesIO()
        font.save(output)
        return output.getvalue()


@functools.lru_cache(maxsize=2)
def _read_font(font_file: Path) -> bytes:
    return font_file.read_bytes()
