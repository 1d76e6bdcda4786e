"""Ticks OCR misses: a √ or ■ in a flag cell is ink, an empty cell is not.

The detector often passes over a lone glyph, and the recogniser reads a lone √ as "V",
"v." or nothing. A cell whose text is empty or one such look-alike is decided by its
ink instead: one blob of a character's size inside the cell (specks and the cell's own
rules left out) is recognised alone; if that gives a character other than a look-alike
(a lone "1" in a 序号 cell) it is that character, else the blob is a mark: a filled
square "■", a hollow one "□", anything else "√".
"""

from __future__ import annotations

import attrs
import numpy as np

from disclosure_parse.cell_text import TICKS, UNTICKS
from disclosure_parse.readers.ocr.engine import engine
from disclosure_parse.readers.ocr.render import Pixels
from disclosure_parse.readers.pdf.layout import PageCell
from disclosure_parse.readers.pdf.text_lines import Char

#: what OCR makes of a lone √ (with a speck read as "." beside it)
LOOKALIKES = frozenset("√✓✔VvYyJL<レ")
#: a blob smaller than this share of the page's glyph size is a speck
MIN_MARK = 0.4
#: nor larger than this share (a stamp, a signature, shading)
MAX_MARK = 2.0
#: a thin blob at the cell's edge thinner than this share of a glyph: a rule's remains
THIN_REMAINS = 0.2
#: share of a mark's box its ink fills for a filled square
FILLED = 0.7


@attrs.frozen
class Mark:
    """A mark found in a cell: its glyph and box in pixels, and the recogniser's
    confidence when it read the blob as a character (None for a mark told by shape)."""

    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    confidence: float | None = None


def tick_text(text: str) -> bool:
    """A cell's OCR text that may be a misread mark (or nothing): decide by its ink."""
    stripped = text.replace(".", "").replace("·", "").strip()
    return stripped == "" or (len(stripped) == 1 and stripped in LOOKALIKES)


def find_mark(
    pixels: Pixels, ink: Pixels, box: tuple[int, int, int, int], glyph: float
) -> Mark | None:
    """The one mark inside a cell's box (pixels), if its ink (rules taken out) is one."""
    import cv2

    x0, y0, x1, y1 = box
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None
    region = np.ascontiguousarray(ink[y0:y1, x0:x1])
    count, _, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    blobs = []
    for label in range(1, count):
        x, y, width, height, area = (int(v) for v in stats[label])
        side = max(width, height)
        if side < MIN_MARK * glyph:
            continue  # a speck
        at_edge = x == 0 or y == 0 or x + width >= region.shape[1] or y + height >= region.shape[0]
        if at_edge and min(width, height) <= THIN_REMAINS * glyph:
            continue  # what is left of a rule
        if side > MAX_MARK * glyph:
            return None  # something else: a stamp, shading
        blobs.append((x, y, width, height, area))
    if len(blobs) != 1:
        return None
    x, y, width, height, area = blobs[0]
    left, top, right, bottom = x0 + x, y0 + y, x0 + x + width, y0 + y + height
    read = _recognise(pixels, (left, top, right, bottom), glyph)
    if read is not None:
        return Mark(read[0], left, top, right, bottom, confidence=read[1])
    return Mark(_shape(region[y : y + height, x : x + width], area), left, top, right, bottom)


#: a lone glyph read with less confidence than this is told by its shape instead
MIN_LONE_SCORE = 0.6
#: what a lone mark is read as: the marks themselves, their look-alikes ("口" for □) and
#: punctuation a speck is read as
_NOT_A_CHARACTER = LOOKALIKES | TICKS | UNTICKS | frozenset("。.·,、丶")


def _recognise(
    pixels: Pixels, box: tuple[int, int, int, int], glyph: float
) -> tuple[str, float] | None:
    """The blob recognised alone (no detection), if it reads as one character that is
    not a look-alike of a mark."""
    import cv2

    left, top, right, bottom = box
    pad = max(2, round(glyph * 0.3))
    crop = pixels[max(0, top - pad) : bottom + pad, max(0, left - pad) : right + pad]
    framed = cv2.copyMakeBorder(crop, pad, pad, pad * 2, pad * 2, cv2.BORDER_CONSTANT, value=255)
    result, _ = engine()(cv2.cvtColor(framed, cv2.COLOR_GRAY2BGR), use_det=False, use_cls=False)
    if not result:
        return None
    text, score = str(result[0][0]).strip(), float(result[0][1])
    if len(text) != 1 or text in _NOT_A_CHARACTER or score < MIN_LONE_SCORE:
        return None  # a mark (its shape tells which better than the recogniser), or noise
    return text, score


def _shape(blob: Pixels, area: int) -> str:
    """■ for a filled square, □ for a hollow one, √ for anything else."""
    height, width = blob.shape
    square = 0.7 <= width / max(height, 1) <= 1.4
    if square and area >= FILLED * width * height:
        return "■"
    inner = blob[height // 4 : height - height // 4, width // 4 : width - width // 4]
    if square and area >= 0.35 * width * height and inner.size and not inner.any():
        return "□"
    return "√"


def mark_char(mark: Mark, scale: float) -> Char:
    """A found mark as a glyph in points, like an OCR'd one."""
    char: Char = {
        "text": mark.text,
        "x0": mark.x0 * scale,
        "x1": mark.x1 * scale,
        "top": mark.y0 * scale,
        "bottom": mark.y1 * scale,
        "size": (mark.y1 - mark.y0) * scale,
        "upright": True,
    }
    if mark.confidence is not None:
        char["conf"] = mark.confidence
    return char


def cell_box(cell: PageCell, scale: float, inset: float) -> tuple[int, int, int, int]:
    """A cell's inside in pixels, `inset` points in from its rules."""
    return (
        int(np.ceil((cell.x0 + inset) / scale)),
        int(np.ceil((cell.top + inset) / scale)),
        int(np.floor((cell.x1 - inset) / scale)),
        int(np.floor((cell.bottom - inset) / scale)),
    )
