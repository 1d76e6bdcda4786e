"""Page stitching: the parts of one table on consecutive pages made into one `grid.Table`.

Columns are matched across pages by x-position, a header repeated at the top of a later
page is dropped, and a row or merged cell cut by a page break is joined with its
continuation (docs/pdf.md, steps 4 and 5).
"""

from __future__ import annotations

import itertools
import statistics

import attrs

from disclosure_parse.errors import ResourceLimitError
from disclosure_parse.grid import Cell, Table
from disclosure_parse.options import Options
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
class TableBuilder:
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
        self.xs = cluster(x for part in self.parts for x in part.xs)
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
            if row_cut or _spans_above(y, last_row) or self._cut_label(x, y):
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
        wrapped = joint(above.lines[-1], x.lines[0], above.x1 - _padding_of(above)) != "\n"
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
