"""Round trip (issue 5): the random catalogs of test_roundtrip_docx written as an HTML page
and as an Excel workbook — rowspan/colspan and merged ranges for real merges, empty cells
for lost ones — parse back to the same items."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

import openpyxl
from docx_builder import Cell, Row
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roundtrip_docx import (
    AFTER,
    TICK_STYLES,
    TITLE,
    Catalog,
    actual_item,
    catalogs,
    expected_item,
    table_rows,
)

from disclosure_parse import parse


@dataclass
class GridCell:
    """One cell of the drawn table, in any format: text, rowspan, colspan."""

    text: str
    rows: int = 1
    cols: int = 1


def grid(catalog: Catalog) -> tuple[list[list[tuple[int, GridCell]]], int]:
    """The header and body rows as cells placed in grid columns, with merges resolved."""
    ticked, _ = TICK_STYLES[catalog.tick_style]
    placed: list[list[tuple[int, GridCell]]] = []
    origin: dict[int, GridCell] = {}  # grid column → cell that a vMerge continues
    width = 0
    for row in [*catalog.header, *table_rows(catalog)]:
        cells: list[tuple[int, GridCell]] = []
        col = row.grid_before if isinstance(row, Row) else 0
        for cell in row.cells if isinstance(row, Row) else row:
            assert isinstance(cell, Cell)
            if cell.vmerge == "continue":
                origin[col].rows += 1
            else:
                text = cell.text
                if cell.xml is not None:  # a tick drawn in Word's own ways: √ here
                    text = "√" if cell.xml == ticked.xml else ""
                placed_cell = GridCell(text, cols=cell.span)
                cells.append((col, placed_cell))
                for c in range(col, col + cell.span):
                    origin[c] = placed_cell
            col += cell.span
        width = max(width, col)
        placed.append(cells)
    return placed, width


def write_html(catalog: Catalog, encoding: str) -> bytes:
    rows, _ = grid(catalog)
    header_count = len(catalog.header)
    lines = []
    for number, cells in enumerate(rows):
        tag = "th" if number < header_count else "td"
        tds = "".join(
            f"<{tag}"
            + (f' rowspan="{c.rows}"' if c.rows > 1 else "")
            + (f' colspan="{c.cols}"' if c.cols > 1 else "")
            + ">"
            + "<br>".join(html.escape(line) for line in c.text.split("\n"))
            + f"</{tag}>"
            for _, c in cells
        )
        lines.append(f"<tr>{tds}</tr>")
    notes = "".join(f"<p>{html.escape(t).replace(chr(10), '<br>')}</p>" for t in AFTER)
    page = (
        f'<html><head><meta charset="{encoding}"><title>{TITLE}</title></head><body>'
        f'<h1>{TITLE}</h1><table border="1">{"".join(lines)}</table>{notes}</body></html>'
    )
    return page.encode(encoding)


def write_xlsx(catalog: Catalog) -> bytes:
    rows, width = grid(catalog)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "目录"
    sheet.cell(row=1, column=1, value=TITLE)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    top = 2
    for number, cells in enumerate(rows):
        for col, cell in cells:
            r, c = top + number, col + 1
            if cell.text:
                sheet.cell(row=r, column=c, value=cell.text)
            if cell.rows > 1 or cell.cols > 1:
                sheet.merge_cells(
                    start_row=r,
                    start_column=c,
                    end_row=r + cell.rows - 1,
                    end_column=c + cell.cols - 1,
                )
    below = top + len(rows) + 1
    for offset, text in enumerate(line for note in AFTER for line in note.split("\n")):
        sheet.cell(row=below + offset, column=1, value=text)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _assert_round_trip(catalog: Catalog, data: bytes) -> None:
    parsed = parse(data)
    expected = [expected_item(catalog, line) for line in catalog.lines]
    actual = [actual_item(item) for item in parsed.items]
    assert len(actual) == len(expected)
    for row, (want, got) in enumerate(zip(expected, actual, strict=True), start=1):
        assert got == want, f"body row {row}"
    assert parsed.title == TITLE


ROUND_TRIP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(catalogs(), st.sampled_from(["utf-8", "gbk"]))
def test_random_catalog_round_trips_through_an_html_page(catalog: Catalog, encoding: str) -> None:
    _assert_round_trip(catalog, write_html(catalog, encoding))


@ROUND_TRIP
@given(catalogs())
def test_random_catalog_round_trips_through_an_xlsx_workbook(catalog: Catalog) -> None:
    _assert_round_trip(catalog, write_xlsx(catalog))
