"""The structure stage as one sequence: how every table of a document is understood.

For each table, in this order:

1. find the title and header rows (`header.find_header_rows`);
2. name the columns through the vocabulary (`columns.name_columns`);
3. repair drift: a ragged text table gets its exact grid (`align.align_columns`);
4. type the columns the header cannot tell by their cells, and let the table decide what
   depends on its other columns (`columns.settle_columns`);
5. score the table as a catalog (`layout.catalog_score`).

Then a headerless table that directly continues a catalog table (a table split in two in
the source) is joined to it, keeping the first part's layout.
"""

from __future__ import annotations

import attrs

from disclosure_parse.grid import Document, Paragraph, Table
from disclosure_parse.model import ParseWarning
from disclosure_parse.structure.align import align_columns
from disclosure_parse.structure.columns import name_columns, settle_columns
from disclosure_parse.structure.header import find_header_rows
from disclosure_parse.structure.layout import TableLayout, catalog_score
from disclosure_parse.structure.vocabulary import HeaderVocabulary


@attrs.frozen
class TableReading:
    """One table as the structure stage understood it."""

    #: position of the table in `Document.blocks`
    position: int
    #: the table as an exact grid (a ragged text table after drift repair)
    table: Table
    layout: TableLayout
    #: 0 when the table is not a catalog table; higher is more clearly one
    score: float
    #: repairs made on the way (column drift)
    warnings: tuple[ParseWarning, ...] = ()

    @property
    def is_catalog(self) -> bool:
        return self.score > 0


def read_table(table: Table, vocabulary: HeaderVocabulary, position: int = 0) -> TableReading:
    """Header rows → names → drift repair → typing by cells → score, once per table."""
    rows = find_header_rows(table, vocabulary)
    warnings: list[ParseWarning] = []
    if not table.exact_columns and rows.header_rows:
        table, repairs = align_columns(table, vocabulary, rows)
        warnings.extend(repairs)
        rows = find_header_rows(table, vocabulary)
    columns = name_columns(table, rows, vocabulary)
    columns = settle_columns(table, rows, columns)
    layout = TableLayout(title_rows=rows.title_rows, header_rows=rows.header_rows, columns=columns)
    score = catalog_score(layout)
    if score > 0:
        warnings.extend(_assumptions(table, layout))
    return TableReading(position, table, layout, score, tuple(warnings))


def _assumptions(table: Table, layout: TableLayout) -> list[ParseWarning]:
    """A warning for every column whose role its header did not give (the cells or the
    table decided it): the call may be wrong, and the user should know it was made."""
    return [
        ParseWarning(
            "column-role-assumed",
            f"column {column.index + 1} ({'/'.join(column.header) or 'no header'}) read as "
            f"{column.role.name}: {column.assumed}",
            f"{table.label or 'table'}, column {column.index + 1}",
        )
        for column in layout.columns
        if column.assumed is not None
    ]


def find_layout(table: Table, vocabulary: HeaderVocabulary) -> TableLayout:
    """The layout of one table (for callers that only need that)."""
    return read_table(table, vocabulary).layout


def read_tables(document: Document, vocabulary: HeaderVocabulary) -> list[TableReading]:
    """Every table of the document, read once; split catalog tables joined back."""
    readings: list[TableReading] = []
    open_catalog: TableReading | None = None  # the catalog table the next one may continue
    for position, block in enumerate(document.blocks):
        if isinstance(block, Paragraph):
            if block.text.strip():
                open_catalog = None
            continue
        reading = read_table(block, vocabulary, position)
        if open_catalog is not None and _continues(open_catalog, reading):
            joined = attrs.evolve(open_catalog, table=_append(open_catalog.table, reading.table))
            readings[readings.index(open_catalog)] = joined
            open_catalog = joined
            continue
        readings.append(reading)
        open_catalog = reading if reading.is_catalog and reading.table.exact_columns else None
    return readings


def _continues(catalog: TableReading, candidate: TableReading) -> bool:
    """Same grid width, exact columns, and no header or title rows of its own."""
    table = candidate.table
    return (
        table.exact_columns
        and table.n_cols == catalog.table.n_cols
        and not candidate.layout.header_rows
        and not candidate.layout.title_rows
    )


def _append(table: Table, continuation: Table) -> Table:
    shifted = tuple(attrs.evolve(c, row=c.row + table.n_rows) for c in continuation.cells)
    return attrs.evolve(
        table, cells=table.cells + shifted, n_rows=table.n_rows + continuation.n_rows
    )
