"""Reading a PDF page by page through one backend, and laying out each page.

A backend (`pdfium_pages`, the default, or `plumber_pages`, the reference) opens the file
and gives each page's glyphs and strokes (`content.PageContent`), its own errors already
translated into ours. Here the page cap and the time budget are applied, and each page's
content becomes a `PageLayout`: ruling lines → table grids, glyphs → cell text and free
text lines. Nothing from here up knows which backend read the file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from disclosure_parse.errors import ResourceLimitError
from disclosure_parse.options import Options
from disclosure_parse.readers.pdf import pdfium_pages, plumber_pages
from disclosure_parse.readers.pdf.cells import fill_cells, grid
from disclosure_parse.readers.pdf.content import PageContent, PageSource
from disclosure_parse.readers.pdf.layout import PageLayout
from disclosure_parse.readers.pdf.rules import components, merge_collinear, segments
from disclosure_parse.readers.pdf.text_lines import text_lines

#: Options.pdf_backend → how it opens a PDF
BACKENDS: dict[str, Callable[[bytes], AbstractContextManager[PageSource]]] = {
    "pdfium": pdfium_pages.open_pdf,
    "pdfplumber": plumber_pages.open_pdf,
}


def read_pages(data: bytes, options: Options) -> list[PageLayout]:
    """Open the PDF once and lay out every page, within the page cap and the time budget."""
    with BACKENDS[options.pdf_backend](data) as pdf:
        count = pdf.count
        if count > options.limits.max_pdf_pages:
            raise ResourceLimitError(
                f"PDF of {count} pages exceeds the limit {options.limits.max_pdf_pages}"
            )
        deadline = time.monotonic() + options.limits.max_pdf_seconds
        layouts = []
        for number in range(1, count + 1):
            if time.monotonic() > deadline:
                raise ResourceLimitError(
                    f"PDF still unread at page {number} of {count} after "
                    f"{options.limits.max_pdf_seconds:.0f} s, the time budget"
                )
            layouts.append(layout_page(pdf.page(number)))
            if options.progress is not None:
                options.progress(number, count)
        return layouts


def layout_page(page: PageContent) -> PageLayout:
    """One page: ruling lines → table grids, glyphs → cell text and free text lines."""
    horizontal, vertical = segments(page.lines, page.rects)
    tables = [
        t
        for t in (
            grid(page.number, h, v)
            for h, v in components(merge_collinear(horizontal), merge_collinear(vertical))
        )
        if t is not None
    ]
    free = fill_cells(tables, page.chars)
    return PageLayout(number=page.number, height=page.height, tables=tables, lines=text_lines(free))
