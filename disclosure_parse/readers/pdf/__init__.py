"""PDF reader: pdfplumber's characters and ruling lines, into a `grid.Document`.

A PDF has no cells, only glyphs and strokes. Each page's ruling lines give a grid of
elementary cells; a missing internal line means the cells on both sides are one merged
cell. The page tables are then stitched into one table: columns are matched by their
x-positions, a header repeated at the top of a later page is dropped, and a row (or a
vertically merged cell) cut by a page break is joined back with its continuation.
Text outside the tables becomes paragraphs; running headers, footers and page numbers
between the parts of a table are dropped. See docs/pdf.md for the rules and their limits.

The package splits the reader along its jobs: `pages` (pdfplumber, errors), `rules`
(ruling lines), `cells` (grid and merged cells), `text_lines` (glyphs → lines → cell
text), `stitch` (one table across pages), `free_text` (paragraphs, running lines) and
`assemble` (reading order).
"""

from __future__ import annotations

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
    layouts = read_pages(data, options)
    if not any(_has_text(page) for page in layouts):
        if options.ocr == "never":
            raise NoTextLayerError("the PDF has no text layer (a scan?) and OCR is off")
        return _read_by_ocr(data, options)
    running = running_lines(layouts)
    blocks = assemble(layouts, running, options)
    return Document(format="pdf", blocks=tuple(blocks))


def _has_text(page: PageLayout) -> bool:
    return any(line.text.strip() for line in page.lines) or any(
        cell.lines for table in page.tables for cell in table.cells
    )


def _read_by_ocr(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.ocr import read_scanned_pdf

    return read_scanned_pdf(data, options)
