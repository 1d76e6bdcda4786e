"""Specks: dust and scanner noise, taken off the page before OCR reads a "·" or "." in
them. A speck is a blob of ink smaller than any printed mark, punctuation included
(a 7 pt "、" is 2 pt across; a speck under 1 pt).
"""

from __future__ import annotations

import numpy as np

from disclosure_parse.readers.ocr.render import Pixels

#: largest speck, its side in points
MAX_SPECK = 1.0


def despeckle(pixels: Pixels, ink: Pixels, scale: float) -> tuple[Pixels, Pixels]:
    """The page and its ink mask without specks (`scale` in points per pixel)."""
    import cv2

    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    side = MAX_SPECK / scale
    small = (stats[:, cv2.CC_STAT_WIDTH] <= side) & (stats[:, cv2.CC_STAT_HEIGHT] <= side)
    small[0] = False  # the background
    specks = small[labels]
    clean, clean_ink = pixels.copy(), ink.copy()
    clean[specks] = 255
    clean_ink[specks] = 0
    return np.asarray(clean, dtype=np.uint8), np.asarray(clean_ink, dtype=np.uint8)
