"""One frozen settings object passed through the whole pipeline."""

from __future__ import annotations

from collections.abc import Callable

import attrs


@attrs.frozen
class Limits:
    """Resource limits that keep one hostile file from eating a batch (see docs/limits.md)."""

    #: largest input file accepted, in bytes
    max_file_bytes: int = 200 * 1024 * 1024
    #: largest total uncompressed size of the members of a zip container (DOCX, XLSX)
    max_unzipped_bytes: int = 300 * 1024 * 1024
    #: largest ratio uncompressed/compressed for one zip member (zip-bomb guard)
    max_compression_ratio: float = 200.0
    #: most members a zip container may have
    max_zip_members: int = 10_000
    #: most cells in one table (rows x columns of the grid)
    max_table_cells: int = 2_000_000
    #: most PDF pages read
    max_pdf_pages: int = 2_000
    #: time budget for reading one PDF, checked between pages (seconds)
    max_pdf_seconds: float = 120.0
    #: time budget for OCR of one scan, checked between pages (seconds; a page takes 3-10)
    max_ocr_seconds: float = 1200.0


#: the values of `Options.ocr`
OCR_MODES = ("auto", "always", "never")


@attrs.frozen
class Options:
    """How to parse: limits, and which normalizations to apply.

    `input_format` forces a reader ("docx", "text-cells", ...) instead of detecting it.
    `progress`, if given, is called as progress(done, total) by readers of paged formats
    (PDF pages), so that a long conversion can show how far it is.
    `pdf_backend` reads PDF pages through PDFium ("pdfium", fast) or pdfminer
    ("pdfplumber", the reference); both give the same grid (docs/pdf.md).
    `ocr` says when a scan is OCR'd (the `[ocr]` extra): "auto" for a PDF without a text
    layer and for images, "always" for every PDF (its text layer ignored), "never".
    """

    limits: Limits = attrs.Factory(Limits)
    fill_down: bool = True
    input_format: str | None = None
    pdf_backend: str = attrs.field(
        default="pdfium", validator=attrs.validators.in_(("pdfium", "pdfplumber"))
    )
    progress: Callable[[int, int], None] | None = attrs.field(default=None, eq=False)
    ocr: str = attrs.field(default="auto", validator=attrs.validators.in_(OCR_MODES))


DEFAULT_OPTIONS = Options()
