"""PDF reader: the glyphs and ruling lines of each page, into a `grid.Document`.

A PDF has no cells, only glyphs and strokes. Each page's ruling lines give a grid of
elementary cells; a missing internal line means the cells on both sides are one merged
cell. The page tables are then stitched into one table: columns are matched by their
x-positions, a header repeated at the top of a later page is dropped, and a row (or a
vertically merged cell) cut by a page break is joined back with its continuation.
Text outside the tables becomes paragraphs; running headers, footers and page numbers
between the parts of a table are dropped. See docs/pdf.md for the rules and their limits.

The package splits the reader along its jobs. The extraction layer reads pages through
one of two backends, `pdfium_pages` (PDFium, the default) or `plumber_pages` (pdfplumber,
the reference), into the same `content.PageContent` (`path_shapes` sorts their paths
into lines and rectangles); `pages` opens the file through the chosen one, applies the
page cap and time budget and lays each page out. Above it, knowing nothing of the
backend: `rules` (ruling lines), `cells` (grid and merged cells), `text_lines` (glyphs →
lines → cell text), `stitch` (one table across pages), `breaks` (what goes on across a
page break), `free_text` (paragraphs, running lines) and `assemble` (reading order).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from disclosure_parse.errors import NoTextLayerError
from disclosure_parse.grid import Document
from disclosure_parse.options import Options
from disclosure_parse.readers.pdf.assemble import assemble
from disclosure_parse.readers.pdf.free_text import running_lines
from disclosure_parse.readers.pdf.layout import PageLayout
from disclosure_parse.readers.pdf.pages import read_pages

__all__ = ["read_pdf"]


def read_pdf(data: bytes, options: Options) -> Document:
    """Read a PDF's ruled tables and the text around them into a `Document`.

    A PDF without a text layer (a scan) is OCR'd when `options.ocr` allows it.
    """
    if options.ocr == "always":
        return _read_by_ocr(data, options)
    with _cycle_collector_paused():
        document = _read_text_layer(data, options)
    if document is not None:
        return document
    if options.ocr == "never":
        raise NoTextLayerError("the PDF has no text layer (a scan?) and OCR is off")
    return _read_by_ocr(data, options)


def _read_text_layer(data: bytes, options: Options) -> Document | None:
    """The tables and paragraphs of the PDF's text layer; None when it has no glyph."""
    layouts = read_pages(data, options)
    if not any(_has_text(page) for page in layouts):
        return None
    running = running_lines(layouts)
    blocks = assemble(layouts, running, options)
    return Document(format="pdf", blocks=tuple(blocks))


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the reader builds every page's lines and cells.

    They make no reference cycles, but the collector would walk them again and again as
    they pile up: a fifth of the time of a 300-page PDF. It is back on (if it was) after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _has_text(page: PageLayout) -> bool:
    return any(line.text.strip() for line in page.lines) or any(
        cell.lines for table in page.tables for cell in table.cells
    )


def _read_by_ocr(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.ocr import read_scanned_pdf

    return read_scanned_pdf(data, options)
