"""Page stitching: the parts of one table on consecutive pages made into one `grid.Table`.

Columns are matched across pages by x-position, a header repeated at the top of a later
page is dropped, and a row or merged cell cut by a page break is joined with its
continuation (docs/pdf.md, steps 4 and 5).
"""

from __future__ import annotations

import bisect
import itertools
import statistics

import attrs

from disclosure_parse.errors import ResourceLimitError
from disclosure_parse.grid import Cell, Table
from disclosure_parse.options import Options
from disclosure_parse.readers.pdf import breaks
from disclosure_parse.readers.pdf.layout import PageCell, PageTable
from disclosure_parse.readers.pdf.rules import SNAP, cluster
from disclosure_parse.readers.pdf.text_lines import cell_text, joint


def _padding(table: PageTable) -> float:
    """The cell margin: the smallest gap between a cell's left border and its text."""
    gaps = [line.x0 - cell.x0 for cell in table.cells for line in cell.lines]
    return max(0.0, min(gaps, default=0.0))


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

    def confidence(self) -> float | None:
        """The least OCR confidence of its pieces (None when not OCR'd)."""
        scores = [p.cell.confidence for p in self.parts if p.cell.confidence is not None]
        return min(scores) if scores else None

    def text(self) -> str:
        out: list[str] = []
        previous: _Part | None = None
        for part in self.parts:
            text = cell_text(part.cell.lines, part.right)
            if not text:
                continue
            if previous is not None and out:
                out.append(joint(previous.cell.lines[-1], part.cell.lines[0], previous.right))
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


@attrs.define
class TableBuilder:
    """One logical table being built from its page parts, top to bottom."""

    parts: list[PageTable]
    xs: list[float] = attrs.Factory(list)
    cells: list[_OpenCell] = attrs.Factory(list)
    n_rows: int = 0
    header_rows: int = 0
    #: which columns set their text centred (split-mode evidence at page breaks)
    aligned: breaks.Alignment = attrs.Factory(breaks.Alignment)
    #: global columns holding a vertically merged body cell somewhere
    merged_cols: set[int] = attrs.Factory(set)
    #: line pitch and lowest whole row, for page-break decisions
    shape: breaks.TableShape = attrs.Factory(breaks.TableShape)
    #: the cells reaching the last row so far, in `cells` order: the only ones a page
    #: break can continue (a table of many pages would be scanned whole at each break)
    reaching: list[_OpenCell] = attrs.Factory(list)

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
        self.xs = cluster(x for part in self.parts for x in part.xs)
        skips = [_repeated_header_rows(self.parts[0], part) for part in self.parts[1:]]
        header = max(skips, default=0) or 1
        self.merged_cols = {
            self._col(cell.x0)
            for part, skip in zip(self.parts, [header, *skips], strict=True)
            for cell in part.cells
            if cell.r1 - cell.r0 > 1 and cell.r0 >= skip
        }
        last = len(self.parts) - 1
        self.aligned = breaks.alignment(
            (self._col(cell.x0), cell)
            for index, (part, skip) in enumerate(zip(self.parts, [0, *skips], strict=True))
            for cell in part.cells
            if not _at_break(cell, part, head=None if index == 0 else skip, foot=index < last)
        )
        self.shape = breaks.TableShape(
            pitch=_line_pitch(self.parts),
            lowest_row=_lowest_row(self.parts, [header, *skips]),
        )
        for index, (part, skip) in enumerate(zip(self.parts, [0, *skips], strict=True)):
            self._add(part, skip, previous=self.parts[index - 1] if index else None)
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
                confidence=c.confidence(),
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
        """The column border nearest to `x` (the leftmost of two as near)."""
        index = bisect.bisect_left(self.xs, x)
        if index == len(self.xs) or (index and x - self.xs[index - 1] <= self.xs[index] - x):
            return index - 1
        return index

    def _add(self, part: PageTable, skip: int, *, previous: PageTable | None) -> None:
        """Append a part below the rows so far; its first `skip` rows repeat the header."""
        if skip:
            self.header_rows = max(self.header_rows, skip)
        pad = _padding(part)
        body = [c for c in part.cells if c.r0 >= skip]
        continued: dict[int, _OpenCell] = {}
        row_continues = False
        if previous is not None and self.n_rows:
            continued, row_continues = self._continuations(previous, body, skip)
        base = self.n_rows - 1 if row_continues else self.n_rows
        first_new = len(self.cells)
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
        # a cell that stops short of the last row is never continued, nor reaches it again
        self.reaching = [
            c
            for c in [*self.reaching, *self.cells[first_new:]]
            if c.row + c.row_span >= self.n_rows
        ]

    def _continuations(
        self, previous: PageTable, body: list[PageCell], skip: int
    ) -> tuple[dict[int, _OpenCell], bool]:
        """Which cells at the top of a part (its `body` below `skip` header rows) go on a
        cell cut at the foot of the `previous` part."""
        last_row = self.n_rows - 1
        foot = [c for c in self.reaching if c.row <= last_row < c.row + c.row_span]
        by_columns = {(c.col, c.col + c.col_span): c for c in foot}
        head_row = [cell for cell in body if cell.r0 == skip]
        pairs: list[breaks.Pair] = []
        owners: list[_OpenCell] = []
        for cell in head_row:
            col = self._col(cell.x0)
            above = by_columns.get((col, max(col + 1, self._col(cell.x1))))
            if above is not None:
                pairs.append(
                    breaks.Pair(
                        cell,
                        above.last,
                        foot_is_merge=above.row < last_row,
                        merge_column=col in self.merged_cols,
                    )
                )
                owners.append(above)
        foot_row = breaks.Foot(
            cells=tuple((c.last, self.aligned.centres(c.col)) for c in foot),
            height=previous.ys[-1] - previous.ys[-2],
        )
        decision = breaks.decide(pairs, head_row, foot_row, self.shape)
        continued = {id(pairs[i].head): owners[i] for i in decision.continued}
        return continued, decision.row_cut


def _at_break(cell: PageCell, part: PageTable, *, head: int | None, foot: bool) -> bool:
    """A cell touching a page break, where a cut row is set at the top: not a style sample.

    `head` is the part's first body row when a break is above it; `foot` whether one is
    below it.
    """
    return (foot and cell.r1 == len(part.ys) - 1) or (head is not None and cell.r0 <= head)


def _lowest_row(parts: list[PageTable], header_rows: list[int]) -> float | None:
    """The height of the lowest body row that no page break touches (None if under two)."""
    heights = [
        part.ys[r + 1] - part.ys[r]
        for index, (part, skip) in enumerate(zip(parts, header_rows, strict=True))
        for r in range(skip, len(part.ys) - 1)
        if (index == 0 or r > skip) and (index == len(parts) - 1 or r < len(part.ys) - 2)
    ]
    return min(heights) if len(heights) >= 2 else None


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
