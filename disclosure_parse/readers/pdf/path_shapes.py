"""Painted paths into straight lines and rectangles, by pdfminer's rules.

Both backends hand the ruling-line code the same strokes: a subpath that is one segment
(`m l`, `m l h`) is a line, a closed axis-aligned four-sided subpath (`re`, `m l l l h`,
`m l l l l` back to the start) a rectangle, anything else (curves, polylines) is neither
and is not a ruling line. Each `m` starts a new subpath. Points are in the page's
upright frame (pdfminer's: origin at the bottom left of the MediaBox, y upwards).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

#: one path operation: "m" (move), "l" (line), "c" (curve, its end point) or "h" (close)
Operation = tuple[str, float, float]


@attrs.frozen
class Shape:
    """A straight line or a rectangle: its bounding box in the upright frame."""

    kind: str  # "line" or "rect"
    x0: float
    y0: float
    x1: float
    y1: float


def shapes(path: Sequence[Operation]) -> Iterator[Shape]:
    """The lines and rectangles among the subpaths of one painted path."""
    if not path or path[0][0] != "m":
        return
    start = 0
    for index in range(1, len(path) + 1):
        if index == len(path) or path[index][0] == "m":
            if index - start > 1:
                shape = _subpath_shape(path[start:index])
                if shape is not None:
                    yield shape
            start = index


def _subpath_shape(path: Sequence[Operation]) -> Shape | None:
    kinds = "".join(op for op, _, _ in path)
    # a "h" closes the subpath at its first point
    points = [(x, y) if op != "h" else (path[0][1], path[0][2]) for op, x, y in path]
    if len(kinds) > 3 and kinds.endswith("lh") and points[-2] == points[0]:
        kinds, points = kinds[:-2] + "h", points[:-2] + points[-1:]
    if kinds in ("ml", "mlh"):
        (x0, y0), (x1, y1) = points[0], points[1]
        return Shape("line", min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    if kinds in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = points
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if last == points[0] and square:
            return Shape("rect", min(x0, x2), min(y0, y2), max(x0, x2), max(y0, y2))
    return None
