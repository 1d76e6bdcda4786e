"""What the reader knows of one page: its table parts (grid and cells) and free text lines."""

from __future__ import annotations

import attrs

from disclosure_parse.readers.pdf.text_lines import Char, TextLine


@attrs.define
class PageCell:
    """A cell of one page's grid: rows r0..r1 and columns c0..c1 (ends exclusive).

    `open_top` / `open_bottom`: the cell is at the table part's top / bottom edge and no
    ruling line closes it there (what a cut row left open at a page break looks like).
    """

    r0: int
    r1: int
    c0: int
    c1: int
    x0: float
    x1: float
    top: float
    bottom: float
    lines: list[TextLine] = attrs.Factory(list)
    chars: list[Char] = attrs.Factory(list)
    open_top: bool = False
    open_bottom: bool = False
    #: the lowest recognition confidence of its glyphs, when they were OCR'd (0..1)
    confidence: float | None = None


@attrs.define
class PageTable:
    """The table part drawn on one page: its grid lines and cells."""

    page: int
    xs: list[float]
    ys: list[float]
    cells: list[PageCell]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]


@attrs.define
class PageLayout:
    """What one page holds: its table parts and the text lines outside them."""

    number: int
    height: float
    tables: list[PageTable]
    lines: list[TextLine]
