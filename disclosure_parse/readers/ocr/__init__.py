"""OCR reader (the `[ocr]` extra): scanned PDFs and images of pages into a `grid.Document`.

A scan has no glyphs and no strokes, only pixels. Each page is rendered (pypdfium2) or
read (Pillow), its skew undone, its ruling lines found by morphology (OpenCV) and its
words read by RapidOCR; the result is handed to the PDF reader's own cell, stitching and
paragraph layers, so a scan gives the same grid its text PDF would. Cells keep the OCR
confidence of their least sure glyph. See docs/ocr.md.

The package splits along its jobs: `engine` (the optional modules, the one OCR engine),
`render` (page images), `skew`, `speckle`, `lines` (ruling lines), `words` (OCR into
glyphs), `ticks` (marks OCR misses), `reader` (a page, then the document) and
`confidence` (warnings for items from unsure cells). This module, `engine` and
`confidence` import nothing heavy; the others are imported when a scan is read.
"""

from __future__ import annotations

from disclosure_parse.grid import Document
from disclosure_parse.options import Options
from disclosure_parse.readers.ocr.engine import INSTALL_HINT, ocr_available, require

__all__ = ["INSTALL_HINT", "ocr_available", "read_image", "read_scanned_pdf"]


def read_scanned_pdf(data: bytes, options: Options) -> Document:
    """A PDF read by OCR, page by page (raises `NoTextLayerError` without the extra)."""
    require("the PDF has no text layer (a scan?)")
    from disclosure_parse.readers.ocr.reader import read_scan
    from disclosure_parse.readers.ocr.render import pdf_page_count, pdf_pages

    return read_scan(pdf_pages(data, options), pdf_page_count(data, options), "pdf", options)


def read_image(data: bytes, options: Options) -> Document:
    """A PNG, JPEG or TIFF (each frame a page) read by OCR."""
    require("an image has no text layer")
    from disclosure_parse.readers.ocr.reader import read_scan
    from disclosure_parse.readers.ocr.render import image_page_count, image_pages

    return read_scan(image_pages(data, options), image_page_count(data, options), "image", options)
