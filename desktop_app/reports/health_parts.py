"""Pieces the health report kinds share: section headings, a header grid of label/value pairs,
fast tables whose wrapping cells are :class:`TextBlock`s, status words in colour, a box for
handwriting and number formatting. Built on :mod:`desktop_app.reports.document`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop_app.reports.document import CELL_PADDING, Align, data_table, report_styles
from desktop_app.reports.fonts import MAIN_FONT, cjk_markup, split_runs
from desktop_app.reports.models import status_label
from desktop_app.reports.text_block import BLACK, TextBlock, text_width

STATUS_COLOURS = {
    "fail": colors.HexColor("#C00000"),
    "warn": colors.HexColor("#B26B00"),
    "unknown": colors.HexColor("#1F5F99"),
    "pass": colors.HexColor("#1E6B38"),
    "not_applicable": colors.HexColor("#606060"),
}
GREY = colors.HexColor("#505050")
CELL_SIZE, SMALL_SIZE = 9.0, 7.5
_GRID = colors.black
_LABEL_FILL = colors.HexColor("#F0F0F0")
BLANK_DATE = "______年____月____日"


def heading(text: str) -> Paragraph:
    """A section heading (一、检查项目 …)."""
    return Paragraph(cjk_markup(text), report_styles().heading)


def subheading(text: str) -> Paragraph:
    """A smaller heading inside a section (（一）… per rule)."""
    style = ParagraphStyle("subheading", parent=report_styles().heading, fontSize=10, leading=14,
                           spaceBefore=2 * mm, spaceAfter=1.5 * mm)
    return Paragraph(cjk_markup(text), style)


def note(text: str) -> Paragraph:
    """A line of explanatory text under a table (no first-line indent)."""
    style = ParagraphStyle("note", parent=report_styles().body, firstLineIndent=0, fontSize=9, leading=13,
                           spaceBefore=1.5 * mm)
    return Paragraph(cjk_markup(text), style)


def chinese_date(day: date) -> str:
    """``2025年12月31日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def status_cell(status: str | None, text: str = "", *, align: Literal["left", "centre"] = "left") -> TextBlock:
    """A cell: the status word in its colour, then ``text`` after a colon."""
    label = status_label(status)
    runs = []
    if label:
        runs.append((label, STATUS_COLOURS.get(str(status), BLACK)))
    if text:
        runs.append((f"：{text}" if label else text, BLACK))
    return TextBlock([(runs, CELL_SIZE)], align=align)


def two_lines(first: str, second: str) -> TextBlock:
    """A cell with a main text and a smaller grey second line (e.g. rule title and its source)."""
    return TextBlock([([(first, BLACK)], CELL_SIZE), ([(second, GREY)], SMALL_SIZE)])


def _fits(text: str, width: float, size: float = CELL_SIZE) -> bool:
    runs = split_runs(text)
    return len(runs) <= 1 and (not runs or runs[0][0] == MAIN_FONT) and text_width(text, size) <= width - 2 * CELL_PADDING


def fast_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    align: Sequence[Align] | None = None,
) -> Table:
    """A table styled like :func:`document.data_table` (grid, shaded header repeated on every page)
    whose long cells wrap as :class:`TextBlock`s instead of Paragraphs (several times faster for
    reports of hundreds of pages). A cell may also be a ready flowable (a TextBlock, or a
    ``Spacer`` leaving room for handwriting). ``None`` prints empty.

    Raises ``ValueError`` when a row does not have one cell per column.
    """
    columns = len(header)
    alignment = list(align or ["left"] * columns)
    placeholders = [[""] * len(row) for row in rows]
    table = data_table([""] * columns, placeholders, col_widths, align=alignment)
    cells = table._cellvalues  # noqa: SLF001 - data_table's own cell grid, laid out lazily on wrap
    for c, title in enumerate(header):
        cells[0][c] = title if _fits(title, col_widths[c]) else TextBlock.plain(title, CELL_SIZE, align="centre")
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, Flowable):
                cells[r][c] = value
            elif value is not None and value != "":
                text = str(value)
                centre = "centre" if alignment[c] == "centre" else "left"
                cells[r][c] = text if _fits(text, col_widths[c]) else TextBlock.plain(text, CELL_SIZE, align=centre)
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, 0), "CENTER")]))
    return table


def info_grid(rows: Sequence[Sequence[tuple[str, str]]], width: float, *, label_width: float = 22 * mm) -> Table:
    """A bordered grid of label/value pairs: each row holds two pairs, or one pair whose value
    spans the rest of the row (e.g. 检查人员 with a blank to write on). Labels are shaded."""
    value_width = width / 2 - label_width
    size = 9.5
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), MAIN_FONT, size, size * 1.35),
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (0, -1), _LABEL_FILL),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
    ]

    def cell(text: str, cell_width: float, align: str = "left") -> Any:
        return text if _fits(text, cell_width, size) else TextBlock.plain(text, size, align=align)  # type: ignore[arg-type]

    data: list[list[Any]] = []
    for index, pairs in enumerate(rows):
        cells: list[Any] = []
        for label, value in pairs:
            cells += [cell(label, label_width, "centre"), cell(value, value_width if len(pairs) > 1 else width - label_width)]
        if len(pairs) == 1:
            cells += ["", ""]
            commands.append(("SPAN", (1, index), (3, index)))
        else:
            commands += [("BACKGROUND", (2, index), (2, index), _LABEL_FILL), ("ALIGN", (2, index), (2, index), "CENTER")]
        data.append(cells)
    widths = [label_width, value_width, label_width, value_width]
    return Table(data, colWidths=widths, style=TableStyle(commands), hAlign="LEFT")


class WritingBox(Flowable):
    """A bordered box to write in by hand: as tall as the rest of the frame allows after leaving
    ``reserve`` points below it (for signature lines), but between ``min_height`` and ``max_height``.
    Put a ``CondPageBreak`` before it so the minimum fits."""

    def __init__(self, width: float, min_height: float, max_height: float, reserve: float = 0) -> None:
        super().__init__()
        self.width, self.min_height, self.max_height, self.reserve = width, min_height, max_height, reserve
        self.height = min_height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        """Take the height left in the frame, within the bounds."""
        self.height = max(self.min_height, min(self.max_height, availHeight - self.reserve))
        return self.width, self.height

    def draw(self) -> None:
        """Draw the border."""
        self.canv.setLineWidth(0.5)
        self.canv.rect(0, 0, self.width, self.height)


def days_text(days: float) -> str:
    """Training days without a trailing ``.0`` (``12``, ``7.5``; blank for 0)."""
    if not days:
        return ""
    return f"{days:g}"
