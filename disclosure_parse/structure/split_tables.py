"""A catalog table split in two in the source (a table break inserted in Word, or a table
re-started after a page) is joined back before its rows are read, so fill-down goes on."""

from __future__ import annotations

import attrs

from disclosure_parse.grid import Document, Paragraph, Table
from disclosure_parse.structure.header import find_layout
from disclosure_parse.structure.vocabulary import HeaderVocabulary


def join_split_tables(document: Document, vocabulary: HeaderVocabulary) -> Document:
    """The document with each headerless table that directly continues a catalog table
    (same width, only blank paragraphs between) appended to it."""
    blocks: list[Paragraph | Table] = []
    open_catalog: int | None = None  # index in `blocks` of the table that may continue
    pending_blank: list[Paragraph] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                open_catalog = None
                blocks.extend(pending_blank)
                pending_blank = []
                blocks.append(block)
            else:
                pending_blank.append(block)
            continue
        if open_catalog is not None:
            previous = blocks[open_catalog]
            if isinstance(previous, Table) and _continues(previous, block, vocabulary):
                blocks[open_catalog] = _append(previous, block)
                pending_blank = []
                continue
        blocks.extend(pending_blank)
        pending_blank = []
        blocks.append(block)
        layout = find_layout(block, vocabulary) if block.exact_columns else None
        open_catalog = len(blocks) - 1 if layout is not None and layout.is_catalog else None
    blocks.extend(pending_blank)
    return attrs.evolve(document, blocks=tuple(blocks))


def _continues(table: Table, candidate: Table, vocabulary: HeaderVocabulary) -> bool:
    """Same grid width, exact columns, and no header or title rows of its own."""
    if not candidate.exact_columns or candidate.n_cols != table.n_cols:
        return False
    layout = find_layout(candidate, vocabulary)
    return not layout.header_rows and not layout.title_rows


def _append(table: Table, continuation: Table) -> Table:
    shifted = tuple(attrs.evolve(c, row=c.row + table.n_rows) for c in continuation.cells)
    return attrs.evolve(
        table, cells=table.cells + shifted, n_rows=table.n_rows + continuation.n_rows
    )
