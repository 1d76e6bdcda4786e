"""Ruling lines of a scanned page, found by morphology on the binarised image.

Opening the ink with a long, one-pixel-thin structuring element keeps only runs of ink
longer than any stroke of a character: what is left are the horizontal (or vertical)
rules of the tables. Each connected run becomes a `Segment` in points, the unit the PDF
reader's grid layer measures in, so `rules.components` and `cells.grid` take them as
they take a text PDF's strokes.
"""

from __future__ import annotations

import attrs
import numpy as np

from disclosure_parse.readers.ocr.render import Pixels
from disclosure_parse.readers.pdf.rules import SNAP, Segment

#: shortest ink run taken for a rule, in points (longer than a character's stroke: a
#: 12 pt "一" is 11 pt long, a "——" dash two characters; a rule spans a cell)
MIN_RULE = 16.0
#: a run shorter than `MIN_RULE` but longer than this (points) is a rule when it joins
#: two rules across it end to end: the side of a cell one line high
MIN_BRIDGE = 4.0
#: how far (points) a bridging run's end may stop from the middle of the rule it joins
TOUCH = 1.0
#: gaps a rule may have (JPEG noise, a faint printer), in points: less than the gap
#: between two characters, whose strokes would otherwise join into a "rule"
MAX_GAP = 0.4
#: thickest ink taken for a rule, in points (thicker is a filled area: a ■, shading)
MAX_THICKNESS = 3.0


@attrs.frozen
class Rules:
    """The ruling lines of one page, in points, and their pixels (to erase before OCR)."""

    horizontal: list[Segment]
    vertical: list[Segment]
    mask: Pixels = attrs.field(eq=False, repr=False)


def find_rules(ink: Pixels, scale: float) -> Rules:
    """Horizontal and vertical rules in a binarised page (ink = 255); `scale` is pt/px."""
    import cv2

    gap = max(1, round(MAX_GAP / scale))
    lengths = (max(8, round(MIN_RULE / scale)), max(4, round(MIN_BRIDGE / scale)))
    horizontal_runs = [_runs(ink, (n, 1), (gap, 1)) for n in lengths]
    vertical_runs = [_runs(ink, (1, n), (1, gap)) for n in lengths]
    long_h, short_h = (_segments(m, scale, horizontal=True) for m in horizontal_runs)
    long_v, short_v = (_segments(m, scale, horizontal=False) for m in vertical_runs)
    mask = np.zeros_like(ink)
    for runs in (*horizontal_runs, *vertical_runs):
        mask = np.asarray(cv2.bitwise_or(mask, runs), dtype=np.uint8)
    return Rules(
        horizontal=_aligned(long_h + _bridges(short_h, long_v, MIN_RULE)),
        vertical=_aligned(long_v + _bridges(short_v, long_h, MIN_RULE)),
        mask=mask,
    )


def _bridges(short: list[Segment], across: list[Segment], longest: float) -> list[Segment]:
    """Short runs that join two rules across them end to end: the border of a cell one
    line high. Its ink runs into the rules' ink (a stroke of a character stops short)."""

    def meets(end: float, pos: float) -> bool:
        return any(
            abs(rule.pos - end) <= TOUCH and rule.start - SNAP <= pos <= rule.end + SNAP
            for rule in across
        )

    return [
        s
        for s in short
        if s.end - s.start < longest and meets(s.start, s.pos) and meets(s.end, s.pos)
    ]


def _runs(ink: Pixels, kernel: tuple[int, int], bridge: tuple[int, int]) -> Pixels:
    """Ink runs at least `kernel` long, small gaps along them closed first."""
    import cv2

    closed = cv2.morphologyEx(
        ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, bridge)
    )
    opened = cv2.morphologyEx(
        closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel)
    )
    return np.asarray(opened, dtype=np.uint8)


def _segments(mask: Pixels, scale: float, *, horizontal: bool) -> list[Segment]:
    """One segment per connected run of the mask, at the run's mean position."""
    import cv2

    count, _, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found: list[Segment] = []
    thickest = MAX_THICKNESS / scale
    for label in range(1, count):
        x, y, width, height, area = (int(v) for v in stats[label])
        thickness = area / max(width if horizontal else height, 1)
        if thickness > thickest:
            continue
        cx, cy = (float(v) for v in centroids[label])
        if horizontal:
            found.append(Segment(cy * scale, x * scale, (x + width) * scale))
        else:
            found.append(Segment(cx * scale, y * scale, (y + height) * scale))
    return found


def _aligned(segments: list[Segment]) -> list[Segment]:
    """Pieces of one rule given one position (their length-weighted mean): a scanned rule
    wanders by a pixel, and `rules.merge_collinear` joins pieces at one position only."""
    ordered = sorted(segments, key=lambda s: s.pos)
    groups: list[list[Segment]] = []
    for segment in ordered:
        if groups and segment.pos - groups[-1][-1].pos <= SNAP:
            groups[-1].append(segment)
        else:
            groups.append([segment])
    aligned: list[Segment] = []
    for group in groups:
        weight = sum(s.end - s.start for s in group) or 1.0
        pos = sum(s.pos * (s.end - s.start) for s in group) / weight
        aligned += [Segment(pos, s.start, s.end) for s in group]
    return aligned
