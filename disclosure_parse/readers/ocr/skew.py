"""Skew: the angle a page was turned by on the scanner (up to ±2°), found and undone
before ruling lines are looked for, so that a table's rules are straight rows and
columns of pixels again.

The angle is the one at which the page's ink falls into the sharpest rows: the variance
of the row sums of the binarised page peaks when ruling lines and text lines are level.
"""

from __future__ import annotations

import numpy as np

from disclosure_parse.readers.ocr.render import Pixels

#: largest skew corrected, in degrees
MAX_SKEW = 2.0
#: a turn smaller than this is left alone (the estimate's own noise: 2 px over 2500 px)
MIN_SKEW = 0.05


def ink_mask(pixels: Pixels) -> Pixels:
    """Ink as 255, paper as 0: Otsu's threshold, so a grey scan and a JPEG's halo agree."""
    import cv2

    _, mask = cv2.threshold(pixels, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return np.asarray(mask, dtype=np.uint8)


def skew_angle(pixels: Pixels) -> float:
    """The turn (degrees, as OpenCV's rotation takes it) that levels the page."""

    mask = ink_mask(pixels)
    best = _best_angle(_shrunk(mask, 1200), np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.1))
    # the fine step at full size: a hundredth of a degree is under a pixel on a small copy
    return _best_angle(_shrunk(mask, 3000), np.arange(best - 0.1, best + 0.1 + 1e-9, 0.01))


def _shrunk(mask: Pixels, side: int) -> Pixels:
    """The mask at most `side` pixels a side."""
    import cv2

    factor = min(1.0, side / max(mask.shape))
    if factor == 1.0:
        return mask
    small = cv2.resize(mask, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    return np.asarray(small, dtype=np.uint8)


def _best_angle(mask: Pixels, angles: np.ndarray) -> float:
    import cv2

    height, width = mask.shape
    centre = (width / 2.0, height / 2.0)
    scores = []
    for angle in angles:
        matrix = cv2.getRotationMatrix2D(centre, float(angle), 1.0)
        turned = cv2.warpAffine(mask, matrix, (width, height), flags=cv2.INTER_NEAREST)
        rows = turned.sum(axis=1, dtype=np.float64)
        scores.append(float(np.var(rows)))
    return float(angles[int(np.argmax(scores))])


def deskew(pixels: Pixels) -> tuple[Pixels, float]:
    """The page turned level, and the turn applied (0.0 when it was level already)."""
    import cv2

    angle = skew_angle(pixels)
    if abs(angle) < MIN_SKEW:
        return pixels, 0.0
    height, width = pixels.shape
    matrix = cv2.getRotationMatrix2D((width / 2.0, height / 2.0), angle, 1.0)
    level = cv2.warpAffine(
        pixels,
        matrix,
        (width, height),
        flags=cv2.INTER_CUBIC,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )
    return np.asarray(level, dtype=np.uint8), angle
