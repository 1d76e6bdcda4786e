"""Opening the PDF with pdfplumber and laying out each page: the reader's I/O edge.

pdfminer's and pdfplumber's errors are translated into ours here and nowhere else.
"""

from __future__ import annotations

import time
from io import BytesIO
from typing import Any

from disclosure_parse.errors import CorruptFileError, EncryptedFileError, ResourceLimitError
from disclosure_parse.options import Options
from disclosure_parse.readers.pdf.cells import fill_cells, grid
from disclosure_parse.readers.pdf.layout import PageLayout
from disclosure_parse.readers.pdf.rules import components, merge_collinear, segments
from disclosure_parse.readers.pdf.text_lines import Char, text_lines


def read_pages(data: bytes, options: Options) -> list[PageLayout]:
    """Open the PDF once and lay out every page; backend errors become ours here."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            count = len(pdf.pages)
            if count > options.limits.max_pdf_pages:
                raise ResourceLimitError(
                    f"PDF of {count} pages exceeds the limit {options.limits.max_pdf_pages}"
                )
            deadline = time.monotonic() + options.limits.max_pdf_seconds
            layouts = []
            for number, page in enumerate(pdf.pages, 1):
                if time.monotonic() > deadline:
                    raise ResourceLimitError(
                        f"PDF still unread at page {number} of {count} after "
                        f"{options.limits.max_pdf_seconds:.0f} s, the time budget"
                    )
                layouts.append(layout_page(page, number))
                if options.progress is not None:
                    options.progress(number, count)
                # drop pdfplumber's per-glyph objects of the page: memory stays one page deep
                page.close()
            return layouts
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedFileError("the PDF is password-protected") from None
        raise CorruptFileError(f"damaged PDF ({type(cause).__name__}: {cause})") from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise EncryptedFileError("the PDF is password-protected") from None


def layout_page(page: Any, number: int) -> PageLayout:
    """One page: ruling lines → table grids, glyphs → cell text and free text lines."""
    objects = page.objects
    chars: list[Char] = [c for c in objects.get("char", ()) if c.get("upright", True)]
    horizontal, vertical = segments(objects.get("line", ()), objects.get("rect", ()))
    tables = [
        t
        for t in (
            grid(number, h, v)
            for h, v in components(merge_collinear(horizontal), merge_collinear(vertical))
        )
        if t is not None
    ]
    free = fill_cells(tables, chars)
    return PageLayout(
        number=number, height=float(page.height), tables=tables, lines=text_lines(free)
    )
