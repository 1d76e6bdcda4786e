"""What a PDF backend gives of one page: its glyphs and its strokes, in one frame.

Both backends (`pdfium_pages`, `plumber_pages`) describe a page the same way, so nothing
above this layer knows which one read the file:

- the frame is pdfminer's upright page: x from the MediaBox's left edge, `top`/`bottom`
  measured down from its top edge, after the page's /Rotate;
- a glyph (`Char`) has its `text`, its box `x0`..`x1` (the advance width its font gives
  it) and `top`..`bottom` (its font size, standing on the baseline), and `size`; only
  upright glyphs are given, and a glyph its font does not map to a character is U+FFFD;
- a stroke is a painted straight line (`lines`) or rectangle (`rects`, with `stroke`:
  whether its outline is drawn), by pdfminer's rules (`path_shapes`).
"""

from __future__ import annotations

from typing import Protocol

import attrs

from disclosure_parse.readers.pdf.rules import Stroke
from disclosure_parse.readers.pdf.text_lines import Char

#: the text of a glyph whose font does not say which character it is
UNMAPPED = "\ufffd"


@attrs.define
class PageContent:
    """One page's glyphs and strokes, and its height (the frame's bottom edge)."""

    number: int
    height: float
    chars: list[Char]
    lines: list[Stroke]
    rects: list[Stroke]


class PageSource(Protocol):
    """An open PDF: how many pages it has, and each page's content, read on demand.

    `page` reads one page and frees what the backend held of it; the backend's errors
    are ours (`CorruptFileError`, `EncryptedFileError`) when they leave it.
    """

    @property
    def count(self) -> int: ...

    def page(self, number: int) -> PageContent: ...
