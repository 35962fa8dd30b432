"""The data tables of a report: columns that keep dates and numbers whole, cells that wrap, a total row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.reports import content, fonts
from desktop.reports.model import Cell, Column
from desktop.reports.model import Table as TableModel
from desktop.reports.pdf_page import TEXT_WIDTH
from desktop.reports.pdf_text import CELL_FONT_SIZE, Styles, format_cell, markup, text

CELL_PADDING = 3


def column_widths(model: TableModel, total: float = TEXT_WIDTH) -> list[float]:
    """The `Column.width` ratios over the text width, except that a column too narrow for its longest
    unbreakable word (a date, a number, "STT") takes that width from the others, when they can spare it."""
    weights = [c.width if c.width > 0 else 1.0 for c in model.columns]
    needs = [min(need, total / 2) for need in _min_widths(model)]
    if sum(needs) > total:
        return _share(weights, total)  # cannot keep every word whole; ReportLab then breaks the long ones
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        room = total - sum(fixed.values())
        if not free:
            return [n + extra for n, extra in zip(needs, _share(weights, room), strict=True)]
        shared = dict(zip(free, _share([weights[i] for i in free], room), strict=True))
        short = {i: needs[i] for i, width in shared.items() if width < needs[i]}
        if not short:
            return [fixed.get(i, shared.get(i, 0.0)) for i in range(len(weights))]
        fixed.update(short)


def _share(weights: Sequence[float], total: float) -> list[float]:
    whole = sum(weights)
    return [total * w / whole for w in weights]


def _min_widths(model: TableModel) -> list[float]:
    """Per column, the widest word of its header and cells, plus the cell padding."""
    rows = [_fit(row, len(model.columns)) for row in model.rows]
    totals = content.total_row(model) if model.total_label else None
    widths = []
    for index, column in enumerate(model.columns):
        widest = _widest_word(column.title, fonts.BOLD)
        for row in rows:
            widest = max(widest, _widest_word(format_cell(row[index]), fonts.REGULAR))
        if totals is not None and column.numeric:
            widest = max(widest, _widest_word(format_cell(totals[index]), fonts.BOLD))
        widths.append(widest + 2 * CELL_PADDING + 1)
    return widths


def _widest_word(value: str, font: str) -> float:
    return max((stringWidth(word, font, CELL_FONT_SIZE) for word in text(value).split()), default=0.0)


def _fit(row: Sequence[Cell], width: int) -> list[Cell]:
    """A row as wide as the header: short rows are padded with empty cells, extra cells dropped."""
    return [*row[:width], *([None] * (width - len(row)))]


def data_table(model: TableModel, styles: Styles) -> Table:
    columns = model.columns
    width = len(columns)
    head = [Paragraph(markup(c.title), styles.cell_head) for c in columns]
    body = [_row(_fit(row, width), columns, styles.cell, styles.cell_number) for row in model.rows]
    data: list[list[Any]] = [head, *body]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # the cell default is Helvetica, never embedded
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if model.total_label:
        data.append(_row(list(content.total_row(model)), columns, styles.cell_total, styles.cell_total_number))
        commands.extend(_total_span(columns, len(data) - 1))
    table = Table(data, colWidths=column_widths(model), repeatRows=1, splitByRow=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    return table


def _row(cells: Sequence[Cell], columns: Sequence[Column], plain: ParagraphStyle, number: ParagraphStyle) -> list[Any]:
    # Paragraph cells wrap long names onto more lines instead of running into the next column.
    return [
        Paragraph(markup(format_cell(cell)), number if column.numeric else plain)
        for cell, column in zip(cells, columns, strict=True)
    ]


def _total_span(columns: Sequence[Column], row: int) -> list[tuple[Any, ...]]:
    """The total label spreads over the text columns that follow it, up to the first number column."""
    start = next((i for i, c in enumerate(columns) if not c.numeric), None)
    if start is None:
        return []
    end = start
    while end + 1 < len(columns) and not columns[end + 1].numeric:
        end += 1
    return [("SPAN", (start, row), (end, row))] if end > start else []
