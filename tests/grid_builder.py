"""Build `grid.Table`s inline from a compact description, for rule tests."""

from __future__ import annotations

from disclosure_parse.grid import Cell, Document, Paragraph, Table
from disclosure_parse.model import Catalog, SourceFile
from disclosure_parse.pipeline import build_catalog

#: "^" in a cell: continuation of a vertical merge from the cell above;
#: "<" : continuation of a horizontal span from the cell to the left.
MERGE_UP, MERGE_LEFT = "^", "<"


def table(rows: list[list[str]]) -> Table:
    """A table from rows of texts, where "^" and "<" mark merged positions."""
    n_cols = max(len(r) for r in rows)
    spans: dict[tuple[int, int], list[int]] = {}  # origin → [row_span, col_span]
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    texts: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == MERGE_UP:
                origin = owner[(r - 1, c)]
                if c == origin[1]:
                    spans[origin][0] += 1
                owner[(r, c)] = origin
            elif text == MERGE_LEFT:
                origin = owner[(r, c - 1)]
                if r == origin[0]:
                    spans[origin][1] += 1
                owner[(r, c)] = origin
            else:
                spans[(r, c)] = [1, 1]
                owner[(r, c)] = (r, c)
                texts[(r, c)] = text
    cells = tuple(
        Cell(row=r, col=c, text=texts[(r, c)], row_span=s[0], col_span=s[1])
        for (r, c), s in sorted(spans.items())
    )
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols)


def catalog(
    rows: list[list[str]], before: tuple[str, ...] = (), after: tuple[str, ...] = ()
) -> Catalog:
    """Run stages 2–4 on one inline table with paragraphs around it."""
    blocks = (
        *(Paragraph(t) for t in before),
        table(rows),
        *(Paragraph(t) for t in after),
    )
    document = Document(format="test", blocks=blocks)
    return build_catalog(document, SourceFile(path=None, format="test", sha256="0" * 64))
