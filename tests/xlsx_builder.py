"""Write a small .xlsx from a compact description of one table, for reader tests.

    build_xlsx(
        [Span(0, 0, "序号", rows=2), Span(0, 1, "事项名称", cols=2), ...],
        title="衢州市政府信息主动公开基本目录",
        after=["注：标★的为重点领域。", "衢州市人民政府办公室", "2018年12月29日"],
    )

openpyxl writes the workbook as Excel does: a value spanning cells is a merged range with
the value in its top-left cell, "\\n" inside a value is a line break in the cell (wrap
text on). The title row is merged across the table's width above it, each `after` line
is a row of its own below it; `header_rows` become the sheet's print titles (the rows
Excel repeats on every printed page).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import openpyxl
from openpyxl.styles import Alignment


@dataclass(frozen=True)
class Span:
    """A value at (row, col) of the table (0-based), merged over `rows` x `cols` cells."""

    row: int
    col: int
    value: str | int | None
    rows: int = 1
    cols: int = 1


def build_xlsx(
    table: Sequence[Span],
    *,
    title: str | None = None,
    after: Sequence[str] = (),
    sheet_name: str = "目录",
    first_col: int = 1,
    gap_above: int = 0,
    gap_below: int = 1,
    header_rows: int = 0,
) -> bytes:
    """The workbook's bytes: one sheet with the title, the table, and the lines below.

    The table starts in column `first_col` (1-based), `gap_above` blank rows under the
    title; `gap_below` blank rows separate it from the `after` lines.
    """
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_name
    width = max((s.col + s.cols for s in table), default=1)
    height = max((s.row + s.rows for s in table), default=0)
    top = 1
    if title is not None:
        sheet.cell(row=1, column=first_col, value=title)
        if width > 1:
            sheet.merge_cells(
                start_row=1, start_column=first_col, end_row=1, end_column=first_col + width - 1
            )
        top = 2 + gap_above
    wrap = Alignment(wrap_text=True, vertical="center")
    for span in table:
        row, col = top + span.row, first_col + span.col
        cell = sheet.cell(row=row, column=col, value=span.value)
        if isinstance(span.value, str) and "\n" in span.value:
            cell.alignment = wrap
        if span.rows > 1 or span.cols > 1:
            sheet.merge_cells(
                start_row=row,
                start_column=col,
                end_row=row + span.rows - 1,
                end_column=col + span.cols - 1,
            )
    if header_rows:
        sheet.print_title_rows = f"{top}:{top + header_rows - 1}"
    below = top + height + gap_below
    for offset, text in enumerate(after):
        sheet.cell(row=below + offset, column=first_col, value=text)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
