"""What every reader produces: a document as paragraphs and tables of spanning cells.

A merged cell is one `Cell` with `row_span`/`col_span` > 1, never a repeated value, so
later stages can tell a real merge (the value covers every row it spans) from a cell
that is merely empty (where inheritance rules decide).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from disclosure_parse.model import ParseWarning


@attrs.frozen
class Cell:
    """One cell of a table grid, with its text (line breaks kept as "\\n")."""

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    #: page number (1-based) where the cell starts, when the format has pages
    page: int | None = None
    #: OCR's recognition confidence (0..1, its least sure glyph), for a cell read from a scan
    confidence: float | None = None

    def covers(self, row: int, col: int) -> bool:
        return (
            self.row <= row < self.row + self.row_span
            and self.col <= col < self.col + self.col_span
        )


@attrs.frozen
class Table:
    """A table as a grid of spanning cells; positions no cell covers are empty."""

    cells: tuple[Cell, ...]
    n_rows: int
    n_cols: int
    #: leading rows the source marks as header rows (DOCX w:tblHeader, HTML <th>/<thead>)
    marked_header_rows: int = 0
    #: whether cell positions are known; False for text exports where a short row
    #: may hide horizontal merges and cells may have drifted (structure repairs them)
    exact_columns: bool = True
    #: where in the source this table is, for messages ("table 2", "sheet 目录")
    label: str = ""
    _index: dict[tuple[int, int], Cell] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", _index_cells(self.cells, self.n_rows, self.n_cols))

    def cell_at(self, row: int, col: int) -> Cell | None:
        """The cell covering grid position (row, col), if any."""
        return self._index.get((row, col))

    def row_cells(self, row: int) -> list[Cell]:
        """The cells that start in `row`, left to right."""
        return sorted((c for c in self.cells if c.row == row), key=lambda c: c.col)

    def text_at(self, row: int, col: int) -> str:
        cell = self.cell_at(row, col)
        return cell.text if cell is not None else ""


def _index_cells(cells: tuple[Cell, ...], n_rows: int, n_cols: int) -> dict[tuple[int, int], Cell]:
    index: dict[tuple[int, int], Cell] = {}
    for cell in cells:
        for r in range(cell.row, min(cell.row + cell.row_span, n_rows)):
            for c in range(cell.col, min(cell.col + cell.col_span, n_cols)):
                index.setdefault((r, c), cell)
    return index


@attrs.frozen
class Paragraph:
    """A paragraph of text outside any table (title, remarks, issuer, date)."""

    text: str
    page: int | None = None


Block = Paragraph | Table


@attrs.frozen
class Document:
    """A whole input document: its blocks in reading order, and what format it was."""

    format: str
    blocks: tuple[Block, ...]
    #: what the reader had to repair or could not read (a damaged part, a salvaged table)
    warnings: tuple[ParseWarning, ...] = ()

    def tables(self) -> Iterator[tuple[int, Table]]:
        """(position in `blocks`, table) for each table, in order."""
        for position, block in enumerate(self.blocks):
            if isinstance(block, Table):
                yield position, block
