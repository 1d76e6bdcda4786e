"""CSV reader: a catalog saved from Excel as CSV (or exported by a data system).

Cells keep their columns (empty cells included), so the grid is exact: merged cells of the
original sheet arrive as empty cells and the normal fill-down rules apply. Rows above and
below the table that hold a single value (a title, notes, issuer, date) are paragraphs.
"""

from __future__ import annotations

import csv
import io

from disclosure_parse.detect import decode_text
from disclosure_parse.errors import ResourceLimitError, UnsupportedFormatError
from disclosure_parse.grid import Block, Cell, Document, Paragraph, Table
from disclosure_parse.options import Options


def read_csv(data: bytes, options: Options) -> Document:
    """Read comma- (or semicolon-) separated rows; the multi-value rows are the table."""
    text = decode_text(data)
    if text is None:
        raise UnsupportedFormatError("not a text file in a known encoding")
    text = text.lstrip("\ufeff")
    delimiter = ";" if text.count(";") > text.count(",") else ","
    try:
        rows = [
            [cell.strip() for cell in row]
            for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise UnsupportedFormatError(f"not readable as CSV ({error})") from None
    filled = [i for i, row in enumerate(rows) if sum(1 for c in row if c) >= 2]
    if not filled:
        return Document(format="csv", blocks=tuple(_paragraphs(rows)))
    first, last = filled[0], filled[-1]
    body = rows[first : last + 1]
    width = max(len(row) for row in body)
    if len(body) * width > options.limits.max_table_cells:
        raise ResourceLimitError(
            f"CSV table of {len(body)} x {width} cells exceeds {options.limits.max_table_cells}"
        )
    cells = tuple(
        Cell(row=r, col=c, text=value)
        for r, row in enumerate(body)
        for c, value in enumerate(row)
        if value
    )
    blocks: list[Block] = [
        *_paragraphs(rows[:first]),
        Table(cells=cells, n_rows=len(body), n_cols=width, label="CSV table"),
        *_paragraphs(rows[last + 1 :]),
    ]
    return Document(format="csv", blocks=tuple(blocks))


def _paragraphs(rows: list[list[str]]) -> list[Paragraph]:
    """Single-value rows outside the table: their text, as paragraphs."""
    return [Paragraph(" ".join(c for c in row if c)) for row in rows if any(row)]
