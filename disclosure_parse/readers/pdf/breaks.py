"""Page breaks: which cells at the head of a page go on a cell cut at the foot of the last.

A cell goes on across a break only on evidence that it was cut (docs/pdf.md, step 5):

1. **Ruling lines**, when the producer leaves a cut open: a head cell with no rule above
   it, or a foot cell with no rule below it, goes on. If any cell at a break is open,
   the producer marks cuts that way, and a cell closed on both sides is a new cell.
2. **Layout**, when every cell is closed on both sides (LibreOffice and Word draw a rule
   at every page break, so there the rules say nothing). A cut shows as: the foot row
   set at the top of its cells although their columns are centred elsewhere ("split
   mode"); a one-line foot row lower than every whole row; or foot cells whose text
   ended with room to spare and nothing below them.
   - A whole row is cut when every head cell with text sits under a foot cell whose
     text reached its bottom, and the foot row was cut after its first line, or shows
     split mode or ended cells and some foot cell of two or more lines is filled. Rows
     whose cells all hold several lines filling them show none of this: two such
     neighbouring rows stay two rows.
   - Otherwise a head cell **with text** goes on only a merge whose text the break cut
     (split mode, and no room left for its next line). Blank space above a head cell's
     text is never evidence: a vertically centred label leaves its first lines empty.
   - A head cell **without text** is the rest of a merge above it (the merge's text was
     all set on the earlier page), or itself a merge going on from a foot cell with
     text; an empty merge crossing the break is one empty merged cell.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from disclosure_parse.readers.pdf.layout import PageCell
from disclosure_parse.readers.pdf.rules import SNAP
from disclosure_parse.readers.pdf.text_lines import joint


def gap_below(cell: PageCell) -> float:
    """Free space between a cell's last line and its bottom border (its height if empty)."""
    return cell.bottom - cell.lines[-1].bottom if cell.lines else cell.bottom - cell.top


def gap_above(cell: PageCell) -> float:
    """Free space between a cell's top border and its first line (its height if empty)."""
    return cell.lines[0].top - cell.top if cell.lines else cell.bottom - cell.top


def is_full(cell: PageCell) -> bool:
    """Text reaches the bottom border: the cell may go on past the page break."""
    return bool(cell.lines) and gap_below(cell) < cell.lines[-1].size * 0.8 + 2.0


def is_roomy(cell: PageCell) -> bool:
    """Text with a line's worth of free space around it: its vertical alignment shows."""
    return bool(cell.lines) and gap_above(cell) + gap_below(cell) >= cell.lines[0].size


def is_top_heavy(cell: PageCell) -> bool:
    """Text at the top with a free line below it."""
    return bool(cell.lines) and gap_below(cell) > gap_above(cell) + cell.lines[-1].size * 0.8


def is_centred(cell: PageCell) -> bool:
    """A roomy cell whose text sits midway between its borders."""
    size = cell.lines[-1].size if cell.lines else 0.0
    return is_roomy(cell) and abs(gap_below(cell) - gap_above(cell)) <= size * 0.8


@attrs.frozen
class Alignment:
    """Whether each column sets its text centred, from its roomy cells away from breaks."""

    centred: frozenset[int] = frozenset()
    top: frozenset[int] = frozenset()
    #: the whole table's majority, for a column with no roomy cell
    table_centred: bool = False

    def centres(self, col: int) -> bool:
        if col in self.centred:
            return True
        return col not in self.top and self.table_centred


def alignment(cells: Iterable[tuple[int, PageCell]]) -> Alignment:
    """Tally (column, cell) pairs: a column centres when most of its roomy cells do."""
    votes: Counter[tuple[int, bool]] = Counter()
    for col, cell in cells:
        if is_centred(cell):
            votes[col, True] += 1
        elif is_roomy(cell) and is_top_heavy(cell):
            votes[col, False] += 1
    cols = {col for col, _ in votes}
    centred = frozenset(c for c in cols if votes[c, True] > votes[c, False])
    top = frozenset(c for c in cols if votes[c, False] >= votes[c, True])
    total_centred = sum(n for (_, centre), n in votes.items() if centre)
    total_top = sum(n for (_, centre), n in votes.items() if not centre)
    return Alignment(centred=centred, top=top, table_centred=total_centred > total_top)


@attrs.frozen
class Pair:
    """A head cell of the new page part and the piece of the cell above it at the foot."""

    head: PageCell
    foot: PageCell
    #: the cell above covers more rows than the foot row (a vertical merge)
    foot_is_merge: bool
    #: the column holds vertical merges elsewhere in the table's body (a label column)
    merge_column: bool

    @property
    def merge_involved(self) -> bool:
        """The foot piece is a merge going down to the break, or the head piece one below it."""
        return self.foot_is_merge or self.head.r1 - self.head.r0 > 1


@attrs.frozen
class Foot:
    """The last row of the previous page's part."""

    #: the last pieces of the cells covering it, each with whether its column sets text
    #: centred (see `Alignment`)
    cells: tuple[tuple[PageCell, bool], ...]
    #: its height on the page
    height: float


@attrs.frozen
class TableShape:
    """What the whole table tells about its rows, measured away from page breaks."""

    #: the usual distance between two lines of a cell
    pitch: float = 12.0
    #: the lowest whole body row (None when fewer than two were seen)
    lowest_row: float | None = None


@attrs.frozen
class Decision:
    """Which pairs go on (by index), and whether the head row is the foot row, cut."""

    continued: frozenset[int]
    row_cut: bool


def decide(
    pairs: Sequence[Pair], head_row: Sequence[PageCell], foot: Foot, shape: TableShape
) -> Decision:
    """Decide one page break; `head_row` is every cell starting in the new part's first
    body row, `pairs` those of them that have a cell of the same columns above."""
    if any(c.open_top for c in head_row) or any(c.open_bottom for c, _ in foot.cells):
        return _by_rules(pairs, head_row)
    split = _split_mode(foot.cells)
    with_text = [p for p in pairs if p.head.lines]
    under_cut_text = all(is_full(p.foot) or p.foot_is_merge for p in with_text) and any(
        is_full(p.foot) and not p.foot_is_merge for p in with_text
    )
    row_cut = under_cut_text and (
        _cut_short(foot, shape)
        or (
            (split or _ended_cells(pairs, foot))
            and any(_overflowed(p.foot) and not p.foot_is_merge for p in with_text)
        )
    )
    if row_cut:
        return Decision(continued=frozenset(range(len(pairs))), row_cut=True)
    continued = frozenset(
        index
        for index, pair in enumerate(pairs)
        if (pair.head.lines and _text_goes_on(pair, split, shape.pitch))
        or (not pair.head.lines and _merge_goes_on(pair, split))
    )
    return Decision(continued=continued, row_cut=False)


def _by_rules(pairs: Sequence[Pair], head_row: Sequence[PageCell]) -> Decision:
    """The producer leaves cuts open: an open edge on either side is a cell going on."""
    continued = frozenset(
        index for index, pair in enumerate(pairs) if pair.head.open_top or pair.foot.open_bottom
    )
    row_cut = bool(head_row) and len(continued) == len(head_row) == len(pairs)
    return Decision(continued=continued, row_cut=row_cut)


def _overflowed(cell: PageCell) -> bool:
    """Lines of text fill the piece to its bottom border: more may follow. (In a piece one
    line high every cell with text is full, which says nothing.)"""
    return is_full(cell) and len(cell.lines) >= 2


def _cut_short(foot: Foot, shape: TableShape) -> bool:
    """The foot row holds one line per cell (merges from above aside) and is lower than
    every whole row of the table: a row cut after its first line, whose cells have no
    room to show their alignment."""
    return (
        shape.lowest_row is not None
        and foot.height < shape.lowest_row - SNAP
        and all(len(cell.lines) <= 1 for cell, _ in foot.cells if cell.r1 - cell.r0 == 1)
    )


def _ended_cells(pairs: Sequence[Pair], foot: Foot) -> bool:
    """Cells of the foot row whose text ended with room to spare have nothing below them
    at the head, and no foot cell is centred (a whole row would show its alignment)."""
    if any(is_centred(cell) for cell, _ in foot.cells):
        return False
    return any(
        not p.head.lines and not p.foot_is_merge and is_roomy(p.foot) and not is_full(p.foot)
        for p in pairs
    )


def _split_mode(foot_row: Sequence[tuple[PageCell, bool]]) -> bool:
    """The foot row is laid out as cut: every roomy cell set at the top, and at least one
    of them in a column whose cells are centred elsewhere (else top is just its style)."""
    roomy = [(cell, centres) for cell, centres in foot_row if is_roomy(cell)]
    return (
        bool(roomy)
        and all(is_top_heavy(cell) for cell, _ in roomy)
        and any(centres for _, centres in roomy)
    )


def _text_goes_on(pair: Pair, split: bool, pitch: float) -> bool:
    """Head text continues a merged cell whose text the break cut. The foot row must be
    set as cut, and the foot piece's text must have left no room for its next line:
    either it fills a piece of a merge (the foot piece spans rows above, or the head
    piece spans rows below) and its last line runs to the edge, so the paragraph goes
    on; or, in a column that has merges, it holds one line and room for one blank line
    only ("工作", "", "动态" prints "工作" and the blank line before the break)."""
    foot, head = pair.foot, pair.head
    if not (split and foot.lines):
        return False
    if is_full(foot):
        margin = max(0.0, min(line.x0 - foot.x0 for line in foot.lines))
        runs_on = joint(foot.lines[-1], head.lines[0], foot.x1 - margin) != "\n"
        return pair.merge_involved and runs_on
    one_blank_line = len(foot.lines) == 1 and gap_below(foot) < 2 * pitch
    return one_blank_line and (pair.merge_involved or pair.merge_column)


def _merge_goes_on(pair: Pair, split: bool) -> bool:
    """An empty head piece is the rest of a merge: under a merge going down to the break,
    itself a merge under a value, or, when the foot row is set as cut, under a value in a
    column that has merges."""
    if pair.foot_is_merge:
        return True
    has_value = bool(pair.foot.lines)
    return has_value and (pair.head.r1 - pair.head.r0 > 1 or (split and pair.merge_column))
