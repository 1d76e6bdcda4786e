"""Turn a ragged text table (`exact_columns=False`) into an exact grid.

Text exports lose cell positions: a header row with horizontal merges has fewer cells,
and where a table crossed pages the cells of a body row may have drifted left or right
(a 公开依据 text in the 四级栏目 column, a 公开时限 past the last column). The repair is
general, never per row:

1. header rows get their horizontal spans from the row below and the vocabulary: a group
   header (事项名称, 公开属性, “五公开”, see `GROUP_FIELDS`) spans the run of columns below it
   whose labels are its children (一级/二级, 主动公开/依申请公开, 决策…结果);
2. each body cell is classified by what it looks like (`classify`: legal reference, time
   limit, update cycle, tick, number, short label, descriptive content) and the cells of a
   row are aligned to the header columns monotonically (order kept) by dynamic
   programming over positions, preferring the printed position when it fits; a cell
   that fits nowhere in order goes to an empty column of its kind;
3. a fragment cut off by a page break (a short 《…》 tail below a cell with an unbalanced
   《, a lone line) is re-attached where the evidence is clear, and otherwise kept in a
   warning, so no source text disappears.

Every move is a `ParseWarning` naming the row and what moved from which column to which.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from disclosure_parse.cell_text import join_lines
from disclosure_parse.grid import Cell, Table
from disclosure_parse.model import ParseWarning
from disclosure_parse.structure.cells import CellKind, classify
from disclosure_parse.structure.columns import name_columns
from disclosure_parse.structure.header import HeaderRows, find_header_rows
from disclosure_parse.structure.vocabulary import (
    GROUP_FIELDS,
    ColumnRole,
    Field,
    HeaderVocabulary,
    header_key,
)

#: fits (0), plausible (≤1), unlikely (3), wrong (6)
WRONG = 6.0
UNLIKELY = 3.0
_KEEP = {Field.EXTRA: 1.0, Field.REMARK: 1.0}
FIT: dict[CellKind, dict[Field, float]] = {
    CellKind.SEQ: {Field.SEQ: 0.0, Field.CATEGORY: UNLIKELY, Field.CONTENT: UNLIKELY, **_KEEP},
    CellKind.TICK: {
        Field.DISCLOSURE: 0.0,
        Field.FIVE_PUBLICS: 0.0,
        Field.AUDIENCE: 0.0,
        Field.LEVELS: 0.0,
        **_KEEP,
    },
    CellKind.BASIS: {
        Field.BASIS: 0.0,
        Field.CONTENT: 1.0,
        Field.SUBJECTS: UNLIKELY,
        Field.CHANNELS: UNLIKELY,
        **_KEEP,
    },
    CellKind.TIME_LIMIT: {
        Field.TIME_LIMIT: 0.0,
        Field.UPDATE_CYCLE: 1.0,
        Field.CONTENT: UNLIKELY,
        **_KEEP,
    },
    CellKind.UPDATE_CYCLE: {
        Field.UPDATE_CYCLE: 0.0,
        Field.TIME_LIMIT: 0.5,
        Field.CONTENT: UNLIKELY,
        **_KEEP,
    },
    CellKind.LABEL: {
        Field.CATEGORY: 0.0,
        Field.SUBJECTS: 0.5,
        Field.CHANNELS: 0.5,
        Field.EXTRA: 0.5,
        Field.REMARK: 0.5,
        Field.CONTENT: 1.0,
        Field.UPDATE_CYCLE: UNLIKELY,
        Field.TIME_LIMIT: 4.0,
    },
    CellKind.CONTENT: {
        Field.CONTENT: 0.0,
        Field.CHANNELS: 1.0,
        Field.CATEGORY: UNLIKELY,
        Field.SUBJECTS: UNLIKELY,
        Field.BASIS: 4.0,
        Field.TIME_LIMIT: 4.0,
        Field.UPDATE_CYCLE: 4.0,
        **_KEEP,
    },
}
#: cost of a cell moving by a different offset than the cell before it in the row
OFFSET_CHANGE = 2.5
#: cost per column of distance from the printed position (breaks ties toward it)
DISTANCE = 0.05
#: cost of a cell drifting otherwise than the same printed position did in the row above
#: on the same page (a page of the source loses or gains the same columns in every row)
PAGE_DRIFT = 1.5
#: cost of moving a cell that fits where it was printed (the printed position is preferred)
LEAVE_FIT = 2.0


def fit_cost(text: str, role: ColumnRole, header: tuple[str, ...]) -> float:
    """How badly `text` fits a column with this role and header (0 = fits, 6 = wrong)."""
    kind = classify(text)
    if kind is CellKind.PLACEHOLDER:
        return 0.0
    if role.is_flag and header and header_key(text) == header_key(header[-1]):
        return 0.0  # a flag column whose cells repeat its own label (主动公开)
    return FIT[kind].get(role.field, WRONG)


@attrs.frozen
class _Column:
    """A column of the exact grid: its role and its header texts top to bottom."""

    role: ColumnRole
    header: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.header[-1] if self.header else self.role.name


def align_columns(
    table: Table, vocabulary: HeaderVocabulary, rows: HeaderRows | None = None
) -> tuple[Table, list[ParseWarning]]:
    """The exact grid of a ragged text table, and a warning for every repair made.

    `rows` are the table's header rows when already found (`find_header_rows`).
    """
    if table.exact_columns:
        return table, []
    raw = [_row_texts(table, row) for row in range(table.n_rows)]
    header_rows = (rows or find_header_rows(table, vocabulary)).header_rows
    if not header_rows:
        return table, []
    first, last = header_rows[0], header_rows[-1]
    header_cells = _header_cells(raw, header_rows, vocabulary)
    width = 1 + max(c.col + c.col_span - 1 for c in header_cells if c.text.strip())
    columns = _columns(header_cells, len(header_rows), width, vocabulary, first)
    where = table.label or "table"
    warnings: list[ParseWarning] = []
    cells: list[Cell] = [_title_cell(table, row, width) for row in range(first) if raw[row]]
    cells = [c for c in cells if c.text.strip()]
    cells.extend(c for c in header_cells if c.col < width)
    body: dict[int, dict[int, Cell]] = {}
    fragments: list[tuple[int, Cell]] = []
    above: dict[int, int] = {}
    page: int | None = None
    for row in range(last + 1, table.n_rows):
        printed = [c for c in table.row_cells(row) if c.text.strip()]
        if len(table.row_cells(row)) == 1 and width > 2 and printed:
            fragments.append((row, printed[0]))
            continue
        if printed and printed[0].page != page:
            above, page = {}, printed[0].page
        placed, moves = align_row(printed, columns, above)
        body[row] = {c.col: c for c in placed}
        if placed:
            above = {c.col: p.col - c.col for c, p in zip(printed, placed, strict=True)}
        warnings.extend(_move_warning(where, row, move, columns) for move in moves)
    warnings.extend(_reattach_fragments(body, fragments, columns, where))
    cells.extend(c for row in sorted(body) for c in sorted(body[row].values(), key=_col))
    aligned = Table(
        cells=tuple(cells),
        n_rows=table.n_rows,
        n_cols=width,
        marked_header_rows=table.marked_header_rows,
        exact_columns=True,
        label=table.label,
    )
    return aligned, warnings


def _col(cell: Cell) -> int:
    return cell.col


def _row_texts(table: Table, row: int) -> list[str]:
    return [c.text for c in table.row_cells(row)]


def _title_cell(table: Table, row: int, width: int) -> Cell:
    """A row above the header (a title or 领域 heading) as one cell spanning the width."""
    text = "\n".join(c.text for c in table.row_cells(row) if c.text.strip())
    page = next((c.page for c in table.row_cells(row)), None)
    return Cell(row=row, col=0, text=text, col_span=width, page=page)


# --- header spans ----------------------------------------------------------------------


def _header_cells(
    raw: list[list[str]], header_rows: Sequence[int], vocabulary: HeaderVocabulary
) -> list[Cell]:
    """Header rows as spanning cells: the last row as printed, rows above spanned over it."""
    last = header_rows[-1]
    below = raw[last]
    cells = [Cell(row=last, col=col, text=text) for col, text in enumerate(below) if text.strip()]
    for row in reversed(header_rows[:-1]):
        spans = infer_spans(raw[row], below, vocabulary)
        cells.extend(Cell(row=row, col=col, text=text, col_span=span) for col, span, text in spans)
        below = _spread(spans, len(below), below)
    return cells


def _spread(spans: list[tuple[int, int, str]], width: int, below: list[str]) -> list[str]:
    """Per-column texts of a header row (spanned labels at their first column)."""
    texts = [""] * max(width, max((c + s for c, s, _ in spans), default=0))
    for col, _, text in spans:
        texts[col] = text
    return [t or (below[i] if i < len(below) else "") for i, t in enumerate(texts)]


def infer_spans(
    upper: Sequence[str], below: Sequence[str], vocabulary: HeaderVocabulary
) -> list[tuple[int, int, str]]:
    """(column, span, text) for each label of a header row over the row `below`.

    Empty placeholders are dropped; a group label (事项名称, 公开属性, “五公开”) spans the
    run of labels below it that are its children; any other label spans one column.
    """
    labels = [text for text in upper if text.strip()]
    spans: list[tuple[int, int, str]] = []
    col = 0
    for label in labels:
        span = 1
        if header_key(label) in GROUP_FIELDS:
            while _is_child(label, below, col + span, vocabulary):
                span += 1
        spans.append((col, span, label))
        col += span
    return spans


def _is_child(group: str, below: Sequence[str], col: int, vocabulary: HeaderVocabulary) -> bool:
    """Whether the label below at `col` is a sub-column of the group header `group`."""
    if col >= len(below) or not below[col].strip():
        return False
    field = GROUP_FIELDS[header_key(group)]
    return vocabulary.role((group, below[col])).field is field


def _columns(
    header_cells: list[Cell],
    n_header_rows: int,
    width: int,
    vocabulary: HeaderVocabulary,
    first_row: int,
) -> list[_Column]:
    """The role and header texts of each of the `width` columns of the exact grid."""
    shifted = tuple(attrs.evolve(c, row=c.row - first_row) for c in header_cells if c.col < width)
    header = Table(cells=shifted, n_rows=n_header_rows, n_cols=width)
    named = name_columns(header, find_header_rows(header, vocabulary), vocabulary)
    return [_Column(role=c.role, header=c.header) for c in named]


# --- body rows -------------------------------------------------------------------------


@attrs.frozen
class Move:
    """A cell placed in another column than the one it was printed in."""

    text: str
    source: int
    target: int
    kind: CellKind


def align_row(
    printed: list[Cell], columns: list[_Column], above: dict[int, int] | None = None
) -> tuple[list[Cell], list[Move]]:
    """The non-empty cells of one row placed in `columns`, and the moves that took.

    A row whose every cell fits where it was printed stays as it is; otherwise the cells
    are placed monotonically by `_best_positions`, and a cell still badly placed moves to
    an empty column it fits. `above` maps printed column → drift of the row above on the
    same page, which the row is nudged to follow.
    """
    width = len(columns)
    costs = [[_cost(cell.text, column) for column in columns] for cell in printed]
    keep = all(cell.col < width and costs[i][cell.col] < UNLIKELY for i, cell in enumerate(printed))
    positions = (
        [cell.col for cell in printed]
        if keep
        else _best_positions([c.col for c in printed], costs, width, _expected(printed, above))
    )
    positions = _place_misfits(positions, costs)
    placed: list[Cell] = []
    moves: list[Move] = []
    for cell, target in zip(printed, positions, strict=True):
        placed.append(attrs.evolve(cell, col=target))
        if target != cell.col:
            moves.append(Move(cell.text, cell.col, target, classify(cell.text)))
    return placed, moves


def _cost(text: str, column: _Column) -> float:
    return fit_cost(text, column.role, column.header)


def _expected(printed: list[Cell], above: dict[int, int] | None) -> list[int | None]:
    """The drift each printed cell would have if it followed the row above (None: unknown)."""
    if not above:
        return [None] * len(printed)
    expected: list[int | None] = []
    for cell in printed:
        left = [col for col in above if col <= cell.col]
        drift = above[max(left)] if left else 0
        expected.append(drift or None)  # only a drifted row above says how this one drifts
    return expected


def _best_positions(
    printed: list[int], costs: list[list[float]], width: int, expected: list[int | None]
) -> list[int]:
    """Strictly increasing target columns minimising fit + drift cost (DP over positions)."""
    n = len(printed)
    if n == 0:
        return []
    costs = [list(row) for row in costs]
    for i, col in enumerate(printed):
        # leaving a printed position that fits costs: add it to every other position
        if col < width and costs[i][col] <= 1.0 and max(costs[i]) > 0.0:
            costs[i] = [c + (LEAVE_FIT if j != col else 0.0) for j, c in enumerate(costs[i])]
    if n > width:
        return [min(p, width - 1) for p in printed]  # cannot all fit; keep order as printed
    infinity = float("inf")
    best = [[infinity] * width for _ in range(n)]
    back = [[-1] * width for _ in range(n)]
    for j in range(width):
        offset = j - printed[0]
        best[0][j] = costs[0][j] + _drift(offset, 0, expected[0])
    for i in range(1, n):
        for j in range(i, width):
            offset = j - printed[i]
            for k in range(i - 1, j):
                if best[i - 1][k] == infinity:
                    continue
                drift = _drift(offset, k - printed[i - 1], expected[i])
                total = best[i - 1][k] + costs[i][j] + drift
                if total < best[i][j]:
                    best[i][j], back[i][j] = total, k
    j = min(range(width), key=lambda col: (best[n - 1][col], abs(col - printed[n - 1])))
    positions = [j]
    for i in range(n - 1, 0, -1):
        j = back[i][j]
        positions.append(j)
    return positions[::-1]


def _drift(offset: int, previous_offset: int, expected: int | None) -> float:
    """A row drifts as a block, like the row above; staying near print is preferred."""
    cost = DISTANCE * abs(offset)
    if offset != previous_offset:
        cost += OFFSET_CHANGE
    if expected is not None and offset != expected:
        cost += PAGE_DRIFT
    return cost


def _place_misfits(positions: list[int], costs: list[list[float]]) -> list[int]:
    """A cell left where it is wrong goes to the nearest empty column where it fits."""
    placed = list(positions)
    for i, col in enumerate(placed):
        if costs[i][col] < WRONG:
            continue
        free = [j for j in range(len(costs[i])) if j not in placed and costs[i][j] == 0.0]
        if free:
            placed[i] = min(free, key=lambda j: abs(j - col))
    return placed


def _excerpt(text: str, limit: int = 24) -> str:
    joined = join_lines(text)
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


def _column_name(columns: list[_Column], col: int) -> str:
    return columns[col].name if col < len(columns) else "past the last column"


def _move_warning(where: str, row: int, move: Move, columns: list[_Column]) -> ParseWarning:
    return ParseWarning(
        "column-drift",
        f"{move.kind.value} {_excerpt(move.text)!r} moved from column {move.source + 1} "
        f"({_column_name(columns, move.source)}) to column {move.target + 1} "
        f"({_column_name(columns, move.target)})",
        f"{where}, row {row + 1}",
    )


# --- fragments -------------------------------------------------------------------------

#: a whole cell that is only a 《title》 (or the closing part of one): a cut-off tail
_TITLE_TAIL = regex.compile(r"^[^《》]{0,30}》[^《》]{0,20}$|^《[^《》]{1,30}》[^《》]{0,20}$")


def _is_open(text: str) -> bool:
    """A cell whose last 《 is not closed: its text was cut (by a page break)."""
    return text.rfind("《") > text.rfind("》")


def _reattach_fragments(
    body: dict[int, dict[int, Cell]],
    fragments: list[tuple[int, Cell]],
    columns: list[_Column],
    where: str,
) -> list[ParseWarning]:
    """Join cut-off tails to the cell they continue; warn about fragments left alone."""
    warnings: list[ParseWarning] = []
    lone = dict(fragments)
    open_cells: dict[int, tuple[int, Cell]] = {}
    for row in sorted(set(body) | set(lone)):
        if row in lone:
            cell = lone[row]
            target = _open_target(open_cells, cell.text)
            if target is None:
                warnings.append(
                    ParseWarning(
                        "fragment",
                        f"text {join_lines(cell.text)!r} standing alone between rows is not "
                        "part of any cell that can be told; kept here only",
                        f"{where}, row {row + 1}",
                    )
                )
                continue
            open_cells.pop(target.col)
            warnings.append(_attach(body, target, cell, row, columns, where))
            continue
        for col, cell in sorted(body[row].items()):
            previous = open_cells.pop(col, None)
            if previous is not None and _TITLE_TAIL.match(join_lines(cell.text)):
                del body[row][col]
                warnings.append(_attach(body, previous[1], cell, row, columns, where))
                continue
            if _is_open(cell.text):
                open_cells[col] = (row, cell)
    return warnings


def _open_target(open_cells: dict[int, tuple[int, Cell]], text: str) -> Cell | None:
    """The one cut-off cell a lone tail fragment can continue, if the evidence is clear."""
    if len(open_cells) != 1 or not _TITLE_TAIL.match(join_lines(text)):
        return None
    return next(iter(open_cells.values()))[1]


def _attach(
    body: dict[int, dict[int, Cell]],
    target: Cell,
    tail: Cell,
    tail_row: int,
    columns: list[_Column],
    where: str,
) -> ParseWarning:
    """Append `tail` to the cut cell `target` (one 《 dropped where both carry it)."""
    text = tail.text.strip()
    joined = target.text.rstrip() + (text[1:] if text.startswith("《") else text)
    body[target.row][target.col] = attrs.evolve(target, text=joined)
    return ParseWarning(
        "fragment-reattached",
        f"{text!r} found at row {tail_row + 1} continues the cut-off "
        f"{_column_name(columns, target.col)} cell of row {target.row + 1}; joined to it",
        f"{where}, row {target.row + 1}",
    )
