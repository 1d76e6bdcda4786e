"""Cells from ruling lines: the elementary grid, merged where a border is missing, and
each glyph put into the cell under it.
"""

from __future__ import annotations

import bisect

from disclosure_parse.readers.pdf.layout import PageCell, PageTable
from disclosure_parse.readers.pdf.rules import SNAP, Segment, cluster, covered
from disclosure_parse.readers.pdf.text_lines import Char, text_lines

#: smallest table, in grid lines each way (2 = one cell)
MIN_LINES = 2
#: how far (pt) both outer vertical rules must run past the last horizontal rule for the
#: table to go on there with its edge left open (a row cut by a page break, drawn open)
OPEN_EDGE = 2 * SNAP


def grid(page: int, horizontal: list[Segment], vertical: list[Segment]) -> PageTable | None:
    """The merged-cell grid of one table: a missing border joins two elementary cells."""
    xs, ys = cluster(v.pos for v in vertical), cluster(h.pos for h in horizontal)
    if len(xs) < MIN_LINES or not ys:
        return None
    ys = _open_edges(xs, ys, vertical)
    if len(ys) < MIN_LINES:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # the ruling lines at each grid line (what `covered` would pick out of them all)
    at_x = [[v for v in vertical if abs(v.pos - x) <= SNAP] for x in xs]
    at_y = [[h for h in horizontal if abs(h.pos - y) <= SNAP] for y in ys]
    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and not covered(at_x[c + 1], xs[c + 1], ys[r], ys[r + 1]):
                parent[find(here)] = find(here + 1)
            if r + 1 < n_rows and not covered(at_y[r + 1], ys[r + 1], xs[c], xs[c + 1]):
                parent[find(here)] = find(here + n_cols)
    boxes: dict[int, list[int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            box = boxes.setdefault(find(r * n_cols + c), [r, r + 1, c, c + 1])
            box[0], box[1] = min(box[0], r), max(box[1], r + 1)
            box[2], box[3] = min(box[2], c), max(box[3], c + 1)
    cells = [
        PageCell(
            r0,
            r1,
            c0,
            c1,
            xs[c0],
            xs[c1],
            ys[r0],
            ys[r1],
            open_top=r0 == 0 and not covered(at_y[0], ys[0], xs[c0], xs[c1]),
            open_bottom=r1 == n_rows and not covered(at_y[-1], ys[-1], xs[c0], xs[c1]),
        )
        for r0, r1, c0, c1 in sorted(boxes.values())
    ]
    return PageTable(page=page, xs=xs, ys=ys, cells=cells)


def _open_edges(xs: list[float], ys: list[float], vertical: list[Segment]) -> list[float]:
    """Grid rows extended to where both outer vertical rules end, past the outer rules.

    A producer that leaves a cut row open at a page break draws no rule at the page's
    edge of the table; the side rules still run there, and so does the row.
    """
    outer = [[v for v in vertical if abs(v.pos - x) <= SNAP] for x in (xs[0], xs[-1])]
    if not all(outer):
        return ys
    top = max(min(v.start for v in side) for side in outer)
    bottom = min(max(v.end for v in side) for side in outer)
    if top < ys[0] - OPEN_EDGE:
        ys = [top, *ys]
    if bottom > ys[-1] + OPEN_EDGE:
        ys = [*ys, bottom]
    return ys


# --- glyphs into cells and lines ----------------------------------------------------------


def fill_cells(tables: list[PageTable], chars: list[Char]) -> list[Char]:
    """Put each glyph in the cell under its centre; return the glyphs outside all tables."""
    free: list[Char] = []
    # per table: its extent, grid lines, last row and column, and the cell at each (r, c)
    lookups = [
        (
            t.xs[0],
            t.xs[-1],
            t.ys[0],
            t.ys[-1],
            t.xs,
            t.ys,
            len(t.xs) - 2,
            len(t.ys) - 2,
            {
                (r, c): cell
                for cell in t.cells
                for r in range(cell.r0, cell.r1)
                for c in range(cell.c0, cell.c1)
            },
        )
        for t in tables
    ]
    bisect_right = bisect.bisect_right
    for char in chars:  # (this runs for every glyph of the file)
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        for left, right, top, bottom, xs, ys, last_col, last_row, lookup in lookups:
            if left <= x <= right and top <= y <= bottom:
                c = min(bisect_right(xs, x) - 1, last_col)
                r = min(bisect_right(ys, y) - 1, last_row)
                lookup[(r, c)].chars.append(char)
                break
        else:
            free.append(char)
    for table in tables:
        for cell in table.cells:
            cell.lines = text_lines(cell.chars)
            scores = [c["conf"] for c in cell.chars if "conf" in c]  # OCR'd glyphs only
            cell.confidence = min(scores) if scores else None
            cell.chars = []
    return free
