"""Format readers: each turns the bytes of one file format into a `grid.Document`.

A new format is a new module here and one entry in `READERS`; nothing downstream changes.
"""

from __future__ import annotations

from collections.abc import Callable

from disclosure_parse.grid import Document
from disclosure_parse.options import Options

Reader = Callable[[bytes, Options], Document]


def _docx(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.docx import read_docx

    return read_docx(data, options)


def _text_cells(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.text import read_text_cells

    return read_text_cells(data, options)


def _text_rows(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.text import read_text_rows

    return read_text_rows(data, options)


def _html(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.html import read_html

    return read_html(data, options)


def _xlsx(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.xlsx import read_xlsx

    return read_xlsx(data, options)


def _doc(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.legacy import read_legacy

    return read_legacy(data, "doc", options)


def _xls(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.legacy import read_legacy

    return read_legacy(data, "xls", options)


def _pdf(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.pdf import read_pdf

    return read_pdf(data, options)


def _image(data: bytes, options: Options) -> Document:
    from disclosure_parse.errors import NoTextLayerError
    from disclosure_parse.readers.ocr import read_image

    if options.ocr == "never":
        raise NoTextLayerError("an image has no text layer and OCR is off")
    return read_image(data, options)


def _csv(data: bytes, options: Options) -> Document:
    from disclosure_parse.readers.csv_text import read_csv

    return read_csv(data, options)


#: format name → reader; format names are what `source.format` reports
READERS: dict[str, Reader] = {
    "docx": _docx,
    "text-cells": _text_cells,
    "text-rows": _text_rows,
    "html": _html,
    "xlsx": _xlsx,
    "doc": _doc,
    "xls": _xls,
    "pdf": _pdf,
    "csv": _csv,
    "image": _image,
}
