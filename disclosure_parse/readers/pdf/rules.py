"""Ruling lines: strokes and thin rects into merged horizontal and vertical segments,
grouped into one set per drawn table, and the test whether a border is drawn somewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

#: a pdfplumber `line` or `rect` object
Stroke = dict[str, Any]

#: strokes closer than this (pt) are the same ruling line
SNAP = 2.0
#: a rect thinner than this (pt) is a drawn line (Word draws borders as filled rects)
THIN = 3.0
#: share of a grid edge a ruling line must cover to count as a cell border
EDGE_COVER = 0.6


@attrs.frozen
class Segment:
    """A ruling line: `pos` is its y (horizontal) or x (vertical); it runs start..end."""

    pos: float
    start: float
    end: float


def segments(
    lines: Iterable[Stroke], rects: Iterable[Stroke]
) -> tuple[list[Segment], list[Segment]]:
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


def merge_collinear(segments: list[Segment]) -> list[Segment]:
    """Collinear strokes that touch or overlap become one line (borders come in pieces).

    Strokes within SNAP of each other's position are one line whatever their order along it
    (a piece lying left of an earlier one keeps its own start); the line stands at the
    first piece's position.
    """
    merged: list[Segment] = []
    for group in _position_groups(segments):
        runs: list[Segment] = []
        for seg in sorted(group, key=lambda s: s.start):
            last = runs[-1] if runs else None
            if last is not None and seg.start <= last.end + SNAP:
                runs[-1] = Segment(last.pos, min(last.start, seg.start), max(last.end, seg.end))
            else:
                runs.append(Segment(group[0].pos, seg.start, seg.end))
        merged.extend(runs)
    return sorted(merged, key=lambda s: (s.pos, s.start))


def _position_groups(segments: list[Segment]) -> list[list[Segment]]:
    """Segments grouped by position: a new group where the gap to the previous one is over SNAP."""
    groups: list[list[Segment]] = []
    for seg in sorted(segments, key=lambda s: s.pos):
        if groups and seg.pos - groups[-1][-1].pos <= SNAP:
            groups[-1].append(seg)
        else:
            groups.append([seg])
    return groups


def components(
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


def cluster(values: Iterable[float]) -> list[float]:
    """Sorted positions with near-duplicates (within SNAP) collapsed to their mean."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= SNAP:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


def covered(segments: list[Segment], pos: float, start: float, end: float) -> bool:
    """Whether ruling lines at `pos` cover most of start..end (a border is drawn there)."""
    length = 0.0
    for seg in segments:
        if abs(seg.pos - pos) <= SNAP:
            length += max(0.0, min(seg.end, end) - max(seg.start, start))
    return length >= EDGE_COVER * (end - start)
