"""A scanned page into the PDF reader's page structures, and the pages into a `Document`.

Per page, one at a time: skew undone, ruling lines found by morphology, words read by
OCR, each word's characters put into the cell under them, marks OCR missed found as ink
in their cells. The page then is what a text PDF's page is (`layout.PageLayout`, in
points), and the PDF reader's own layers stitch the tables across pages and order the
paragraphs: a scan gives the grid its text PDF would.
"""

from __future__ import annotations

import difflib
import statistics
import time
from collections.abc import Iterator

from disclosure_parse.errors import ResourceLimitError
from disclosure_parse.grid import Document
from disclosure_parse.options import Options
from disclosure_parse.readers.ocr import ticks
from disclosure_parse.readers.ocr.lines import find_rules
from disclosure_parse.readers.ocr.render import PageImage, Pixels
from disclosure_parse.readers.ocr.skew import deskew, ink_mask
from disclosure_parse.readers.ocr.speckle import despeckle
from disclosure_parse.readers.ocr.words import erase_mask, read_words
from disclosure_parse.readers.pdf.assemble import assemble
from disclosure_parse.readers.pdf.cells import fill_cells, grid
from disclosure_parse.readers.pdf.free_text import running_lines
from disclosure_parse.readers.pdf.layout import PageCell, PageLayout, PageTable
from disclosure_parse.readers.pdf.rules import Segment, components, merge_collinear
from disclosure_parse.readers.pdf.text_lines import Char, cell_text, text_lines

#: how far inside its rules a cell's ink is looked at for a mark, in points
MARK_INSET = 0.5
#: a run no longer than this share of a character's width, inside its box, is its stroke
STROKE_SHARE = 1.2
#: rules of different pages this close (points) are the same column border
COLUMN_JITTER = 4.0
#: how alike (difflib ratio) a later page's top rows must read to repeat page 1's header
HEADER_LIKENESS = 0.8
#: most rows a repeated header may have (as `stitch.MAX_HEADER_ROWS`)
MAX_HEADER_ROWS = 6


def read_scan(pages: Iterator[PageImage], count: int, kind: str, options: Options) -> Document:
    """Every page OCR'd in turn (memory: one page image at a time) into one `Document`."""
    deadline = time.monotonic() + options.limits.max_ocr_seconds
    layouts: list[PageLayout] = []
    for page in pages:
        if time.monotonic() > deadline:
            raise ResourceLimitError(
                f"scan still unread at page {page.number} of {count} after "
                f"{options.limits.max_ocr_seconds:.0f} s, the OCR time budget"
            )
        layouts.append(read_page(page))
        if options.progress is not None:
            options.progress(page.number, count)
    _snap_columns(layouts)
    _settle_repeated_headers(layouts)
    running = running_lines(layouts)
    blocks = assemble(layouts, running, options)
    return Document(format=kind, blocks=tuple(blocks))


def read_page(page: PageImage) -> PageLayout:
    """One page image as the PDF reader's page: table grids with their text, free lines."""
    pixels, _ = deskew(page.pixels)
    pixels, ink = despeckle(pixels, ink_mask(pixels), page.scale)
    rules = find_rules(ink, page.scale)
    chars = read_words(pixels, ink, page.scale)
    horizontal = [s for s in rules.horizontal if not _stroke(s, chars, horizontal=True)]
    vertical = [s for s in rules.vertical if not _stroke(s, chars, horizontal=False)]
    tables = [
        table
        for table in (
            grid(page.number, h, v)
            for h, v in components(merge_collinear(horizontal), merge_collinear(vertical))
        )
        if table is not None
    ]
    free = fill_cells(tables, chars)
    glyph = statistics.median([c["size"] for c in chars]) / page.scale if chars else 0.0
    if glyph:
        text_ink = ink.copy()
        text_ink[erase_mask(rules.mask) > 0] = 0
        for table in tables:
            _add_marks(table, pixels, text_ink, page.scale, glyph)
    height = pixels.shape[0] * page.scale
    return PageLayout(number=page.number, height=height, tables=tables, lines=text_lines(free))


def _stroke(segment: Segment, chars: list[Char], *, horizontal: bool) -> bool:
    """A "rule" that is a stroke of a large character (a title's 一 or 丨): no longer than
    the character is wide, in the middle of its box."""
    length = segment.end - segment.start
    middle = (segment.start + segment.end) / 2
    for char in chars:
        if length > STROKE_SHARE * (char["x1"] - char["x0"]):
            continue
        x, y = (middle, segment.pos) if horizontal else (segment.pos, middle)
        pad = 0.1 * (char["bottom"] - char["top"])  # a stroke at the edge of the ink
        inside_x = char["x0"] - pad < x < char["x1"] + pad
        if inside_x and char["top"] - pad < y < char["bottom"] + pad:
            return True
    return False


def _add_marks(table: PageTable, pixels: Pixels, ink: Pixels, scale: float, glyph: float) -> None:
    """Cells OCR left empty, or read as a look-alike of √, decided by their ink."""
    for cell in table.cells:
        if not ticks.tick_text(cell_text(cell.lines, cell.x1)):
            continue
        mark = ticks.find_mark(pixels, ink, ticks.cell_box(cell, scale, MARK_INSET), glyph)
        if mark is not None:
            cell.lines = text_lines([ticks.mark_char(mark, scale)])
            cell.confidence = mark.confidence
        elif cell.lines:
            cell.lines, cell.confidence = [], None  # a look-alike over no mark: noise


def _snap_columns(layouts: list[PageLayout]) -> None:
    """Column borders of all pages' tables moved to their common positions.

    A scan places one border a pixel or two apart from page to page; the stitching
    layer matches columns, and repeated headers, by position.
    """
    tables = [table for page in layouts for table in page.tables]
    positions = sorted(x for table in tables for x in table.xs)
    groups: list[list[float]] = []
    for x in positions:
        if groups and x - groups[-1][-1] <= COLUMN_JITTER:
            groups[-1].append(x)
        else:
            groups.append([x])
    centre = {x: sum(group) / len(group) for group in groups for x in group}
    for table in tables:
        table.xs = [centre[x] for x in table.xs]
        for cell in table.cells:
            cell.x0, cell.x1 = table.xs[cell.c0], table.xs[cell.c1]


def _header_cells(table: PageTable, rows: int) -> dict[tuple[int, int, int, int], PageCell] | None:
    """The cells of a table's top `rows` rows by position; None if one reaches below."""
    cells = {}
    for cell in table.cells:
        if cell.r0 >= rows:
            continue
        if cell.r1 > rows:
            return None
        cells[cell.r0, cell.r1, round(cell.x0), round(cell.x1)] = cell
    return cells


def _squeezed(cells: dict[tuple[int, int, int, int], PageCell]) -> str:
    return "".join("".join(line.text.split()) for key in sorted(cells) for line in cells[key].lines)


def _settle_repeated_headers(layouts: list[PageLayout]) -> None:
    """A later page's top rows that repeat page 1's header, but for OCR noise ("(勾选）"
    for "（勾选）"), given the first header's text, so the stitching layer drops them."""
    tables = [page.tables[0] for page in layouts if page.tables]
    if len(tables) < 2:
        return
    first = tables[0]
    for table in tables[1:]:
        for rows in range(min(MAX_HEADER_ROWS, len(table.ys) - 2, len(first.ys) - 2), 0, -1):
            mine, theirs = _header_cells(table, rows), _header_cells(first, rows)
            if not mine or not theirs or mine.keys() != theirs.keys():
                continue
            text, model = _squeezed(mine), _squeezed(theirs)
            if model and difflib.SequenceMatcher(None, text, model).ratio() >= HEADER_LIKENESS:
                for key, cell in mine.items():
                    cell.lines = list(theirs[key].lines)
                break
