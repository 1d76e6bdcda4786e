"""PDF reader: pdfplumber's characters and ruling lines, into a `grid.Document`.

A PDF has no cells, only glyphs and strokes. Each page's ruling lines give a grid of
elementary cells; a missing internal line means the cells on both sides are one merged
cell. The page tables are then stitched into one table: columns are matched by their
x-positions, a header repeated at the top of a later page is dropped, and a row (or a
vertically merged cell) cut by a page break is joined back with its continuation.
Text outside the tables becomes paragraphs; running headers, footers and page numbers
between the parts of a table are dropped. See docs/pdf.md for the rules and their limits.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
import time
from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import Any

import attrs

from disclosure_parse.errors import (
    CorruptFileError,
    EncryptedFileError,
    NoTextLayerError,
    ResourceLimitError,
)
from disclosure_parse.grid import Block, Cell, Document, Paragraph, Table
from disclosure_parse.normalize.text import is_page_number
from disclosure_parse.options import Options

Char = dict[str, Any]

#: strokes closer than this (pt) are the same ruling line
SNAP = 2.0
#: a rect thinner than this (pt) is a drawn line (Word draws borders as filled rects)
THIN = 3.0
#: share of a grid edge a ruling line must cover to count as a cell border
EDGE_COVER = 0.6
#: smallest table, in grid lines each way (2 = one cell)
MIN_LINES = 2


# --- page geometry ------------------------------------------------------------------------


@attrs.frozen
class Segment:
    """A ruling line: `pos` is its y (horizontal) or x (vertical); it runs start..end."""

    pos: float
    start: float
    end: float


@attrs.define
class TextLine:
    """One visual line of text: its glyphs joined, and its box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def first_unit_width(self) -> float:
        """Width of the first word (Latin) or character (CJK): what a wrap pushed down."""
        stripped = self.text.lstrip()
        if not stripped:
            return 0.0
        if _is_wide(stripped[0]):
            return self.size
        word = stripped.split(" ", 1)[0]
        return self.size * 0.5 * len(word)


@attrs.define
class PageCell:
    """A cell of one page's grid: rows r0..r1 and columns c0..c1 (ends exclusive)."""

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


# --- the entry point ----------------------------------------------------------------------


def read_pdf(data: bytes, options: Options) -> Document:
    """Read a PDF's ruled tables and the text around them into a `Document`."""
    layouts = _read_pages(data, options)
    if not any(_has_text(page) for page in layouts):
        raise NoTextLayerError("the PDF has no text layer (a scan?); OCR it first")
    running = _running_lines(layouts)
    blocks = _assemble(layouts, running, options)
    return Document(format="pdf", blocks=tuple(blocks))


def _has_text(page: PageLayout) -> bool:
    return any(line.text.strip() for line in page.lines) or any(
        cell.lines for table in page.tables for cell in table.cells
    )


def _read_pages(data: bytes, options: Options) -> list[PageLayout]:
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
                layouts.append(_layout_page(page, number))
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


def _layout_page(page: Any, number: int) -> PageLayout:
    """One page: ruling lines → table grids, glyphs → cell text and free text lines."""
    objects = page.objects
    chars: list[Char] = [c for c in objects.get("char", ()) if c.get("upright", True)]
    horizontal, vertical = _segments(objects.get("line", ()), objects.get("rect", ()))
    tables = [
        t
        for t in (_grid(number, h, v) for h, v in _components(_merge(horizontal), _merge(vertical)))
        if t is not None
    ]
    free = _fill_cells(tables, chars)
    return PageLayout(number=number, height=float(page.height), tables=tables, lines=_lines(free))


# --- ruling lines -------------------------------------------------------------------------


def _segments(lines: Iterable[Char], rects: Iterable[Char]) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical ruling lines from stroked lines and thin or stroked rects."""
    horizontal: list[Segment] = []
    vertical: list[Segment] = []
    for line in lines:
        x0, x1, top, bottom = line["x0"], line["x1"], line["top"], line["bottom"]
        if bottom - top <= THIN and x1 - x0 > THIN:
            horizontal.append(Segment((top + bottom) / 2, x0, x1))
        elif x1 - x0 <= THIN and bottom - top > THIN:
            vertical.append(Segment((x0 + x1) / 2, top, bottom))
    for rect in rects:
        x0, x1, top, bottom = rect["x0"], rect["x1"], rect["top"], rect["bottom"]
        width, height = x1 - x0, bottom - top
        if height <= THIN and width > THIN:
            horizontal.append(Segment((top + bottom) / 2, x0, x1))
        elif width <= THIN and height > THIN:
            vertical.append(Segment((x0 + x1) / 2, top, bottom))
        elif rect.get("stroke") and width > THIN and height > THIN:
            # a stroked box: its four sides are borders (a filled one is only shading)
            horizontal += [Segment(top, x0, x1), Segment(bottom, x0, x1)]
            vertical += [Segment(x0, top, bottom), Segment(x1, top, bottom)]
    return horizontal, vertical


def _merge(segments: list[Segment]) -> list[Segment]:
    """Collinear strokes that touch or overlap become one line (borders come in pieces)."""
    merged: list[Segment] = []
    for seg in sorted(segments, key=lambda s: (round(s.pos / SNAP), s.start)):
        last = merged[-1] if merged else None
        if last is not None and abs(last.pos - seg.pos) <= SNAP and seg.start <= last.end + SNAP:
            merged[-1] = Segment(last.pos, last.start, max(last.end, seg.end))
        else:
            merged.append(seg)
    return merged


def _components(
    horizontal: list[Segment], vertical: list[Segment]
) -> list[tuple[list[Segment], list[Segment]]]:
    """Groups of ruling lines that touch each other: one group per drawn table."""
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _touch(h, v):
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(v)
    return sorted(groups.values(), key=lambda g: min((s.pos for s in g[0]), default=0.0))


def _touch(h: Segment, v: Segment) -> bool:
    return h.start - SNAP <= v.pos <= h.end + SNAP and v.start - SNAP <= h.pos <= v.end + SNAP


def _cluster(values: Iterable[float]) -> list[float]:
    """Sorted positions with near-duplicates (within SNAP) collapsed to their mean."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= SNAP:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


def _covered(segments: list[Segment], pos: float, start: float, end: float) -> bool:
    """Whether ruling lines at `pos` cover most of start..end (a border is drawn there)."""
    length = 0.0
    for seg in segments:
        if abs(seg.pos - pos) <= SNAP:
            length += max(0.0, min(seg.end, end) - max(seg.start, start))
    return length >= EDGE_COVER * (end - start)


def _grid(page: int, horizontal: list[Segment], vertical: list[Segment]) -> PageTable | None:
    """The merged-cell grid of one table: a missing border joins two elementary cells."""
    xs, ys = _cluster(v.pos for v in vertical), _cluster(h.pos for h in horizontal)
    if len(xs) < MIN_LINES or len(ys) < MIN_LINES:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and not _covered(vertical, xs[c + 1], ys[r], ys[r + 1]):
                parent[find(here)] = find(here + 1)
            if r + 1 < n_rows and not _covered(horizontal, ys[r + 1], xs[c], xs[c + 1]):
                parent[find(here)] = find(here + n_cols)
    boxes: dict[int, list[int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            box = boxes.setdefault(find(r * n_cols + c), [r, r + 1, c, c + 1])
            box[0], box[1] = min(box[0], r), max(box[1], r + 1)
            box[2], box[3] = min(box[2], c), max(box[3], c + 1)
    cells = [
        PageCell(r0, r1, c0, c1, xs[c0], xs[c1], ys[r0], ys[r1])
        for r0, r1, c0, c1 in sorted(boxes.values())
    ]
    return PageTable(page=page, xs=xs, ys=ys, cells=cells)


# --- glyphs into cells and lines ----------------------------------------------------------


def _fill_cells(tables: list[PageTable], chars: list[Char]) -> list[Char]:
    """Put each glyph in the cell under its centre; return the glyphs outside all tables."""
    free: list[Char] = []
    lookups = [
        (
            t,
            {
                (r, c): cell
                for cell in t.cells
                for r in range(cell.r0, cell.r1)
                for c in range(cell.c0, cell.c1)
            },
        )
        for t in tables
    ]
    for char in chars:
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        for table, lookup in lookups:
            if table.xs[0] <= x <= table.xs[-1] and table.ys[0] <= y <= table.ys[-1]:
                c = min(bisect.bisect_right(table.xs, x) - 1, len(table.xs) - 2)
                r = min(bisect.bisect_right(table.ys, y) - 1, len(table.ys) - 2)
                lookup[(r, c)].chars.append(char)
                break
        else:
            free.append(char)
    for table in tables:
        for cell in table.cells:
            cell.lines = _lines(cell.chars)
            cell.chars = []
    return free


def _is_wide(ch: str) -> bool:
    """CJK and full-width characters: no space is written between them and their neighbours."""
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x3000 <= code <= 0x303F
        or 0x2018 <= code <= 0x201F
        or code in (0x2026, 0x2014)
    )


def _lines(chars: list[Char]) -> list[TextLine]:
    """Glyphs grouped into visual lines (by vertical centre), top to bottom."""
    rows: list[list[Char]] = []
    centres: list[float] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        centre = (char["top"] + char["bottom"]) / 2
        size = char["bottom"] - char["top"]
        if rows and abs(centre - centres[-1]) <= size * 0.45:
            rows[-1].append(char)
        else:
            rows.append([char])
            centres.append(centre)
    lines = [_line(row) for row in rows]
    return [line for line in lines if line.text]


def _line(chars: list[Char]) -> TextLine:
    """One visual line: glyphs left to right, a space where a gap separates Latin words."""
    chars = sorted(chars, key=lambda c: c["x0"])
    out: list[str] = []
    previous: Char | None = None
    for char in chars:
        text = char["text"]
        if previous is not None:
            if text == previous["text"] and abs(char["x0"] - previous["x0"]) < 0.5:
                continue  # the same glyph drawn twice (fake bold)
            gap = char["x0"] - previous["x1"]
            size = max(char["size"], previous["size"])
            if (
                gap > size * 0.25
                and out
                and out[-1] != " "
                and text != " "
                and not (_is_wide(text[:1] or " ") or _is_wide(out[-1][-1:] or " "))
            ):
                out.append(" ")
        if text.isspace():
            text = " "
            if out and out[-1] == " ":
                previous = char
                continue
        out.append(text)
        previous = char
    return TextLine(
        text="".join(out).strip(),
        x0=min(c["x0"] for c in chars),
        x1=max((c["x1"] for c in chars if not c["text"].isspace()), default=chars[0]["x1"]),
        top=min(c["top"] for c in chars),
        bottom=max(c["bottom"] for c in chars),
        size=max(c["size"] for c in chars),
    )


# --- cell text ----------------------------------------------------------------------------


def _padding(table: PageTable) -> float:
    """The cell margin: the smallest gap between a cell's left border and its text."""
    gaps = [line.x0 - cell.x0 for cell in table.cells for line in cell.lines]
    return max(0.0, min(gaps, default=0.0))


def _joint(before: TextLine, after: TextLine, right: float) -> str:
    """What joins two lines of one cell: "" or " " for a wrap, "\\n" for a paragraph break.

    A wrap leaves less room at the end of the line than the next line's first word needs;
    a paragraph break leaves more, or a blank line.
    """
    if after.top - before.top > before.size * 1.9:
        return "\n"
    if right - before.x1 > after.first_unit_width + before.size * 0.3:
        return "\n"
    last, first = before.text[-1:], after.text[:1]
    if _is_wide(last or " ") or _is_wide(first or " ") or (last.isdigit() and first.isdigit()):
        return ""  # CJK text, or a number broken over two lines
    if _broken_word(before, right) and last.isalpha() and first.isalpha():
        return ""  # a word longer than the column, broken mid-word ("Governme" / "nt")
    return " "


def _broken_word(line: TextLine, right: float) -> bool:
    """A line holding one word that runs to the column's edge: the word goes on below."""
    return " " not in line.text.strip() and right - line.x1 < line.size * 0.8


def _text(lines: Sequence[TextLine], right: float) -> str:
    """A cell's lines as its text, wrapped lines joined back into one."""
    out: list[str] = []
    for index, line in enumerate(lines):
        if index:
            out.append(_joint(lines[index - 1], line, right))
        out.append(line.text)
    return "".join(out)


# --- stitching page parts into one table --------------------------------------------------


@attrs.define
class _Part:
    """A piece of one cell on one page, with the global rows it covers."""

    cell: PageCell
    right: float


@attrs.define
class _OpenCell:
    row: int
    col: int
    row_span: int
    col_span: int
    page: int
    parts: list[_Part]

    @property
    def last(self) -> PageCell:
        return self.parts[-1].cell

    def text(self) -> str:
        out: list[str] = []
        previous: _Part | None = None
        for part in self.parts:
            text = _text(part.cell.lines, part.right)
            if not text:
                continue
            if previous is not None and out:
                out.append(_joint(previous.cell.lines[-1], part.cell.lines[0], previous.right))
            out.append(text)
            previous = part
        return "".join(out)


#: most rows a repeated header may have
MAX_HEADER_ROWS = 6


def _signature(table: PageTable, rows: int) -> list[tuple[int, int, float, float, str]] | None:
    """The first `rows` rows of a page table as comparable tuples, None if a cell crosses out."""
    found: list[tuple[int, int, float, float, str]] = []
    for cell in table.cells:
        if cell.r0 >= rows:
            continue
        if cell.r1 > rows:
            return None
        text = "".join("".join(line.text.split()) for line in cell.lines)
        found.append((cell.r0, cell.r1, round(cell.x0), round(cell.x1), text))
    return sorted(found)


def _repeated_header_rows(first: PageTable, part: PageTable) -> int:
    """How many top rows of `part` repeat the top rows of the table's first part."""
    for rows in range(min(MAX_HEADER_ROWS, len(part.ys) - 2, len(first.ys) - 2), 0, -1):
        mine = _signature(part, rows)
        if mine and any(text for *_, text in mine) and mine == _signature(first, rows):
            return rows
    return 0


def _gap_below(cell: PageCell) -> float:
    return cell.bottom - cell.lines[-1].bottom if cell.lines else cell.bottom - cell.top


def _gap_above(cell: PageCell) -> float:
    return cell.lines[0].top - cell.top if cell.lines else cell.bottom - cell.top


def _is_full(cell: PageCell) -> bool:
    """Text reaches the bottom border: the cell may go on past the page break."""
    return bool(cell.lines) and _gap_below(cell) < cell.lines[-1].size * 0.8 + 2.0


def _is_top_heavy(cell: PageCell) -> bool:
    """Text at the top with a free line below it, in a cell cut at the page bottom.

    A vertically centred cell cut by a page break shows its first lines at the top of the
    page's piece and the rest, centred, on the next page; a whole cell would be centred.
    """
    return bool(cell.lines) and _gap_below(cell) > _gap_above(cell) + cell.lines[-1].size * 0.8


@attrs.define
class _TableBuilder:
    """One logical table being built from its page parts, top to bottom."""

    parts: list[PageTable]
    xs: list[float] = attrs.Factory(list)
    cells: list[_OpenCell] = attrs.Factory(list)
    n_rows: int = 0
    header_rows: int = 0
    #: global columns holding a vertically merged body cell somewhere
    merged_cols: set[int] = attrs.Factory(set)
    #: usual distance between the lines of a cell
    pitch: float = 0.0

    def fits(self, part: PageTable) -> bool:
        """Whether `part` continues this table: same outer borders on the next page."""
        last = self.parts[-1]
        return (
            part.page == last.page + 1
            and abs(part.xs[0] - last.xs[0]) <= 3 * SNAP
            and abs(part.xs[-1] - last.xs[-1]) <= 3 * SNAP
        )

    def build(self, number: int, options: Options) -> Table:
        """Stitch the parts: shared columns, repeated headers dropped, cut rows joined."""
        self.xs = _cluster(x for part in self.parts for x in part.xs)
        skips = [_repeated_header_rows(self.parts[0], part) for part in self.parts[1:]]
        header = max(skips, default=0) or 1
        self.merged_cols = {
            self._col(cell.x0)
            for part, skip in zip(self.parts, [header, *skips], strict=True)
            for cell in part.cells
            if cell.r1 - cell.r0 > 1 and cell.r0 >= skip
        }
        self.pitch = _line_pitch(self.parts)
        for index, part in enumerate(self.parts):
            self._add(part, first=index == 0)
        n_cols = len(self.xs) - 1
        if self.n_rows * max(n_cols, 1) > options.limits.max_table_cells:
            raise ResourceLimitError(
                f"table of {self.n_rows}x{n_cols} cells exceeds the limit "
                f"{options.limits.max_table_cells}"
            )
        cells = tuple(
            Cell(
                row=c.row,
                col=c.col,
                text=c.text(),
                row_span=c.row_span,
                col_span=c.col_span,
                page=c.page,
            )
            for c in sorted(self.cells, key=lambda c: (c.row, c.col))
        )
        first, last = self.parts[0].page, self.parts[-1].page
        pages = f"page {first}" if first == last else f"pages {first}-{last}"
        return Table(
            cells=cells,
            n_rows=self.n_rows,
            n_cols=n_cols,
            marked_header_rows=self.header_rows,
            label=f"table {number} ({pages})",
        )

    def _col(self, x: float) -> int:
        return min(range(len(self.xs)), key=lambda i: abs(self.xs[i] - x))

    def _add(self, part: PageTable, *, first: bool) -> None:
        skip = 0 if first else _repeated_header_rows(self.parts[0], part)
        if skip:
            self.header_rows = max(self.header_rows, skip)
        pad = _padding(part)
        body = [c for c in part.cells if c.r0 >= skip]
        continued: dict[int, _OpenCell] = {}
        row_continues = False
        if not first and self.n_rows:
            continued, row_continues = self._continuations(part, body, skip)
        base = self.n_rows - 1 if row_continues else self.n_rows
        for cell in body:
            start, end = base + cell.r0 - skip, base + cell.r1 - skip
            piece = _Part(cell, cell.x1 - pad)
            owner = continued.get(id(cell))
            if owner is not None:
                owner.row_span = end - owner.row
                owner.parts.append(piece)
                continue
            col = self._col(cell.x0)
            self.cells.append(
                _OpenCell(
                    row=start,
                    col=col,
                    row_span=end - start,
                    col_span=max(1, self._col(cell.x1) - col),
                    page=part.page,
                    parts=[piece],
                )
            )
        self.n_rows = base + len(part.ys) - 1 - skip

    def _continuations(
        self, part: PageTable, body: list[PageCell], skip: int
    ) -> tuple[dict[int, _OpenCell], bool]:
        """Which cells at the top of `part` go on a cell cut at the previous page's bottom.

        Ruling lines do not tell: LibreOffice and Word draw a border on both sides of every
        page break. The text does: in a row that something crosses, every cell is set at
        the top of its piece instead of centred ("split mode"). Then the whole row was cut
        when each cell with text at the top of this page sits under a cell whose text
        filled its piece; otherwise only the merged cells go on: those spanning several
        rows above, or, in a column with vertical merges elsewhere, a label whose piece
        above still had room for one line but not two: that room was a blank paragraph
        ("工作", "", "动态"), else the next line would have been set there.
        """
        last_row = self.n_rows - 1
        bottom = {
            (c.col, c.col + c.col_span): c
            for c in self.cells
            if c.row <= last_row < c.row + c.row_span
        }
        if not _split_mode([c.last for c in bottom.values()]):
            return {}, False
        pairs: list[tuple[PageCell, _OpenCell]] = []
        for cell in body:
            col = self._col(cell.x0)
            above = bottom.get((col, max(col + 1, self._col(cell.x1))))
            if cell.r0 == skip and above is not None:
                pairs.append((cell, above))
        with_text = [(x, y) for x, y in pairs if x.lines]
        row_cut = (
            bool(with_text)
            and all(_is_full(y.last) or _spans_above(y, last_row) for x, y in with_text)
            and any(_is_full(y.last) and y.row == last_row for x, y in with_text)
        )
        continued: dict[int, _OpenCell] = {}
        for x, y in pairs:
            # a merged cell's text sits in its first piece: an empty piece at the head of
            # the page, under a piece with text in a cut row, is the rest of that cell
            rest_of_merge = not x.lines and bool(y.last.lines) and x.r1 - x.r0 > 1
            if row_cut or _spans_above(y, last_row) or self._cut_label(x, y) or rest_of_merge:
                continued[id(x)] = y
        return continued, row_cut

    def _cut_label(self, x: PageCell, y: _OpenCell) -> bool:
        """A merged cell whose text was cut by the page break, in a column that has merges.

        Either its piece above holds one line and room for one more but not two (that
        room was a blank paragraph: "工作", "", "动态"), or its last line above wrapped
        and the text goes on in a piece spanning several rows here.
        """
        above = y.last
        if not x.lines or not above.lines or y.col not in self.merged_cols:
            return False
        if len(above.lines) == 1 and not _is_full(above):
            return _gap_below(above) < 2 * self.pitch
        wrapped = _joint(above.lines[-1], x.lines[0], above.x1 - _padding_of(above)) != "\n"
        return _is_full(above) and wrapped and x.r1 - x.r0 > 1


def _padding_of(cell: PageCell) -> float:
    """A cell's left margin, from where its text starts."""
    return max(0.0, min((line.x0 - cell.x0 for line in cell.lines), default=0.0))


def _line_pitch(parts: list[PageTable]) -> float:
    """The usual distance from one line of a cell to the next (font size x leading)."""
    steps = [
        b.top - a.top
        for part in parts
        for cell in part.cells
        for a, b in itertools.pairwise(cell.lines)
        if b.top - a.top < 1.9 * a.size
    ]
    if not steps:
        sizes = [line.size for part in parts for cell in part.cells for line in cell.lines]
        return 1.2 * statistics.median(sizes) if sizes else 12.0
    return statistics.median(steps)


def _spans_above(cell: _OpenCell, last_row: int) -> bool:
    """A merged cell over several rows down to the page bottom (and set at its top)."""
    return cell.row < last_row and cell.last.r1 - cell.last.r0 > 1


def _split_mode(cells: list[PageCell]) -> bool:
    """Every cell of the page's last row with room to spare has its text at the top."""
    roomy = [c for c in cells if c.lines and _gap_above(c) + _gap_below(c) >= c.lines[0].size]
    return all(_is_top_heavy(c) for c in roomy)


# --- text outside the tables --------------------------------------------------------------


def _shape(text: str) -> str:
    """A line's text with digits blurred, to find running headers/footers ("第 3 页")."""
    return "".join("#" if ch.isdigit() else ch for ch in text.split())


def _running_lines(layouts: list[PageLayout]) -> set[tuple[int, int]]:
    """(page, line index) of running headers/footers and page numbers outside the tables.

    A line is running when the same text (digits aside) stands at the same height on
    another page, or when it is a lone page number above or below everything else.
    """
    seen: dict[tuple[str, int], set[int]] = {}
    for page in layouts:
        for line in page.lines:
            seen.setdefault((_shape(line.text), round(line.top / 4)), set()).add(page.number)
    running: set[tuple[int, int]] = set()
    for page in layouts:
        for index, line in enumerate(page.lines):
            key = (_shape(line.text), round(line.top / 4))
            repeated = len(seen.get(key, ())) > 1 and len(layouts) > 1
            edge = index in (0, len(page.lines) - 1)
            if repeated or (edge and is_page_number(line.text) and _at_page_edge(page, line)):
                running.add((page.number, index))
    return running


def _at_page_edge(page: PageLayout, line: TextLine) -> bool:
    """Above or below every table and other text line of the page (a margin line)."""
    tops = [t.top for t in page.tables] + [other.top for other in page.lines if other is not line]
    bottoms = [t.bottom for t in page.tables] + [
        other.bottom for other in page.lines if other is not line
    ]
    return line.top >= max(bottoms, default=0.0) or line.bottom <= min(tops, default=page.height)


def _paragraphs(lines: list[TextLine], left: float, right: float) -> list[tuple[float, str]]:
    """Free text lines grouped into paragraphs: a line that filled the width wraps on.

    Only onto a line starting at the left margin: right-aligned lines (issuer, date)
    also reach the right margin but are paragraphs of their own.
    """
    paragraphs: list[tuple[float, list[TextLine]]] = []
    for line in lines:
        if paragraphs:
            previous = paragraphs[-1][1][-1]
            wraps = (
                line.top - previous.top <= previous.size * 1.9
                and abs(line.size - previous.size) < 0.5
                and line.x0 <= left + line.size
                and right - previous.x1 <= line.first_unit_width + previous.size
            )
            if wraps:
                paragraphs[-1][1].append(line)
                continue
        paragraphs.append((line.top, [line]))
    return [(top, _text(group, right)) for top, group in paragraphs]


# --- the document -------------------------------------------------------------------------


def _assemble(
    layouts: list[PageLayout], running: set[tuple[int, int]], options: Options
) -> list[Block]:
    """Blocks in reading order; a table that runs on at the top of the next page is one."""
    blocks: list[Block] = []
    builder: _TableBuilder | None = None
    open_at_page_end = False

    def close() -> None:
        nonlocal builder
        if builder is not None:
            blocks.append(builder.build(sum(isinstance(b, Table) for b in blocks) + 1, options))
            builder = None

    for page in layouts:
        kept = [line for i, line in enumerate(page.lines) if (page.number, i) not in running]
        right = max([line.x1 for line in kept] + [t.xs[-1] for t in page.tables], default=0.0)
        left = min([line.x0 for line in kept] + [t.xs[0] for t in page.tables], default=0.0)
        entries: list[tuple[float, Paragraph | PageTable]] = [
            (top, Paragraph(text=text, page=page.number))
            for top, text in _paragraphs(kept, left, right)
        ]
        entries += [(table.top, table) for table in page.tables]
        entries.sort(key=lambda entry: entry[0])
        for position, (_, entry) in enumerate(entries):
            if isinstance(entry, PageTable):
                if (
                    builder is not None
                    and position == 0
                    and open_at_page_end
                    and builder.fits(entry)
                ):
                    builder.parts.append(entry)
                else:
                    close()
                    builder = _TableBuilder(parts=[entry])
            else:
                close()
                blocks.append(entry)
        open_at_page_end = (
            builder is not None and bool(entries) and entries[-1][1] is (builder.parts[-1])
        )
        if not open_at_page_end:
            close()
    close()
    return blocks
