"""Words from OCR: each recognised character as a glyph in points, shaped like the
characters the PDF reader takes from a text layer (`text_lines.Char`), with the
recognition confidence beside it.

The engine gives each text line's box and each character's span along it;
a character's height is the line's ink height, so that a "、" lies on the line like
the characters around it and the glyph size is the printed size, not the box's.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import regex

from disclosure_parse.readers.ocr.engine import engine
from disclosure_parse.readers.ocr.render import Pixels
from disclosure_parse.readers.pdf.text_lines import OPENERS, Char, is_wide

#: share of a line's ink ignored at its top and bottom edge (specks, a stray stroke)
_EDGE_SHARE = 2.0


def erase_mask(mask: Pixels) -> Pixels:
    """The rules' pixels widened by one: a rule's anti-aliased edge is ink too."""
    import cv2

    return np.asarray(
        cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))), dtype=np.uint8
    )


def read_words(pixels: Pixels, ink: Pixels, scale: float) -> list[Char]:
    """Every character OCR reads on the page, in points (`scale` pt per px)."""
    import cv2

    colour = cv2.cvtColor(pixels, cv2.COLOR_GRAY2BGR)
    result, _ = engine()(colour, return_word_box=True)
    chars: list[Char] = []
    for line in result or ():
        box, text, score = line[0], str(line[1]), float(line[2])
        pieces = list(zip(line[4], line[3], line[5], strict=False)) if len(line) > 5 else []
        if not text.strip():
            continue
        top, bottom = _ink_rows(ink, box)
        if not pieces:
            pieces = [(text, box, score)]
        glyphs: list[Char] = []
        for piece_text, piece_box, piece_score in pieces:
            glyphs += _glyphs(str(piece_text), piece_box, float(piece_score), top, bottom, scale)
        chars += fix_glyphs(_em_wide(glyphs))
    return chars


#: most a glyph is moved right to set it solid after the one before, in ems
_DRIFT = 0.3
#: a CJK character's ink fills this share of its em (the box a text layer gives it;
#: measured on the Noto CJK sample, as ink height over font size)
_INK_PER_EM = 0.88


def _em_wide(glyphs: list[Char]) -> list[Char]:
    """Wide glyphs given a full em from where OCR puts them, as a text layer has them:
    OCR's span for a "、" is its ink, a third of its em at the left, and a line ending in
    one would look as if it ended early; an opening "（" has its ink at the right."""
    previous: Char | None = None
    for glyph in glyphs:
        if is_wide(glyph["text"]):
            em = glyph["size"] / _INK_PER_EM
            if glyph["text"] in OPENERS:
                glyph["x0"] = min(glyph["x0"], glyph["x1"] - em)
            elif previous is not None and is_wide(previous["text"]):
                # CJK is set solid, an em apart: OCR's spans drift, the print does not
                glyph["x0"] = max(glyph["x0"], min(previous["x1"], glyph["x0"] + _DRIFT * em))
            glyph["x1"] = max(glyph["x1"], glyph["x0"] + em)
        previous = glyph
    return glyphs


#: a year in brackets before a serial number and 号: a document number (发文字号), whose
#: brackets GB/T 9704 prescribes as 〔〕 and OCR reads as [ ] ( ) 【】
_DOCUMENT_YEAR = regex.compile(r"[\[\(（【〔［]((?:19|20)\d\d)[\]\)）】〕］](?=\d{1,5}号)")


def fix_glyphs(glyphs: list[Char]) -> list[Char]:
    """What OCR cannot tell apart, read as Chinese print has it: a document number's
    year in 〔〕, and a half-width bracket next to a CJK character full-width."""
    text = "".join(g["text"] for g in glyphs)
    for match in _DOCUMENT_YEAR.finditer(text):
        year = glyphs[match.start() + 1 : match.end() - 1]
        for index, bracket in ((match.start(), "〔"), (match.end() - 1, "〕")):
            _rewrite(glyphs[index], bracket, year)
    for index, glyph in enumerate(glyphs):
        wide = _FULL_WIDTH.get(glyph["text"])
        if wide is None:
            continue
        neighbours = glyphs[max(0, index - 1) : index] + glyphs[index + 1 : index + 2]
        beside = [n for n in neighbours if is_wide(n["text"]) and n["text"] not in _WIDE_BRACKETS]
        if beside:
            _rewrite(glyph, wide, beside)
    return glyphs


def _rewrite(glyph: Char, text: str, evidence: list[Char]) -> None:
    """A glyph read as `text` by a rule: as sure as the glyphs the rule rests on (OCR was
    unsure which bracket it saw, not that one is there)."""
    glyph["text"] = text
    glyph["conf"] = max(glyph["conf"], min(g["conf"] for g in evidence))


_FULL_WIDTH = {"(": "（", ")": "）"}
_WIDE_BRACKETS = frozenset(_FULL_WIDTH.values())


def _ink_rows(ink: Pixels, box: Any) -> tuple[float, float]:
    """The rows a text line's ink occupies inside its box (its printed height)."""
    points = np.asarray(box, dtype=np.float64)
    x0, y0 = np.floor(points.min(axis=0)).astype(int)
    x1, y1 = np.ceil(points.max(axis=0)).astype(int)
    x0, y0 = max(x0, 0), max(y0, 0)
    region = ink[y0 : max(y1, y0 + 1), x0 : max(x1, x0 + 1)]
    rows = np.nonzero(region)[0]
    if rows.size < 4:
        return float(y0), float(max(y1, y0 + 1))
    low, high = np.percentile(rows, [_EDGE_SHARE, 100.0 - _EDGE_SHARE])
    return float(y0 + low), float(y0 + high + 1)


def _glyphs(
    text: str, box: Any, score: float, top: float, bottom: float, scale: float
) -> list[Char]:
    """A recognised piece (one CJK character, or a Latin word) as glyphs of equal width."""
    text = text.strip()
    if not text:
        return []
    points = np.asarray(box, dtype=np.float64)
    left, right = float(points[:, 0].min()), float(points[:, 0].max())
    step = (right - left) / len(text)
    size = (bottom - top) * scale
    return [
        {
            "text": ch,
            "x0": (left + i * step) * scale,
            "x1": (left + (i + 1) * step) * scale,
            "top": top * scale,
            "bottom": bottom * scale,
            "size": size,
            "upright": True,
            "conf": score,
        }
        for i, ch in enumerate(text)
    ]
