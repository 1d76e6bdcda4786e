"""Page content through pdfplumber (pdfminer.six): the reference backend.

pdfminer interprets each page in pure Python; pdfplumber's `page.objects` gives its
glyphs (`char`) and strokes (`line`, `rect`). They are put into the common frame
(`content`): pdfplumber's offset for a MediaBox not at the origin is taken off, and each
glyph's box stands on its baseline. pdfminer hangs a glyph's box below the baseline by its
font's /Descent, which producers fill in unevenly (LibreOffice writes 0); the
baseline-standing box is the same for every producer and for both backends.

pdfminer's and pdfplumber's errors are translated into ours here and nowhere else.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import Any

from disclosure_parse.errors import CorruptFileError, EncryptedFileError
from disclosure_parse.readers.pdf.content import UNMAPPED, PageContent
from disclosure_parse.readers.pdf.rules import Stroke
from disclosure_parse.readers.pdf.text_lines import Char

#: what pdfminer writes for a glyph its font does not map to a character
UNDEFINED = re.compile(r"\(cid:\d+\)")


class PlumberPages:
    """An open PDF read through pdfplumber (see `content.PageSource`)."""

    def __init__(self, pdf: Any) -> None:
        self._pdf = pdf

    @property
    def count(self) -> int:
        return len(self._pdf.pages)

    def page(self, number: int) -> PageContent:
        with _translated_errors():
            page = self._pdf.pages[number - 1]
            try:
                return page_content(page, number)
            finally:
                # drop pdfplumber's per-glyph objects of the page: memory stays one page deep
                page.close()


@contextmanager
def open_pdf(data: bytes) -> Iterator[PlumberPages]:
    """The PDF opened through pdfplumber; its errors become ours."""
    import pdfplumber

    with _translated_errors(), pdfplumber.open(BytesIO(data)) as pdf:
        yield PlumberPages(pdf)


@contextmanager
def _translated_errors() -> Iterator[None]:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        yield
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedFileError("the PDF is password-protected") from None
        raise CorruptFileError(f"damaged PDF ({type(cause).__name__}: {cause})") from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise EncryptedFileError("the PDF is password-protected") from None


def page_content(page: Any, number: int) -> PageContent:
    """A pdfplumber page's upright glyphs and its strokes, in the common frame."""
    objects = page.objects
    height = float(page.height)
    left = float(page.mediabox[0])
    raw = _single_spaces(
        _drop_redrawn([c for c in objects.get("char", ()) if _upright(c["matrix"])])
    )
    descents = _descents(raw)
    chars: list[Char] = []
    for char in raw:
        # lift the box onto the baseline: up by the descent, along the glyph's slant
        drop = descents[char["fontname"]] * char["size"]
        slant, rise = char["matrix"][2:4]
        shift = slant / rise * drop
        chars.append(
            {
                "text": UNMAPPED if UNDEFINED.fullmatch(char["text"]) else char["text"],
                "x0": char["x0"] - left - shift,
                "x1": char["x1"] - left - shift,
                "top": height - (char["y1"] - drop),
                "bottom": height - (char["y0"] - drop),
                "size": char["size"],
            }
        )
    return PageContent(
        number=number,
        height=height,
        chars=chars,
        lines=[_stroke(line, height, left) for line in objects.get("line", ())],
        rects=[_stroke(rect, height, left) for rect in objects.get("rect", ())],
    )


def _upright(matrix: tuple[float, ...]) -> bool:
    """Text standing upright on the page (not turned, not upside down)."""
    a, b, c, d = (float(v) for v in matrix[:4])
    return a > 0 and d > 0 and b * c <= 0


def _drop_redrawn(chars: list[Char]) -> list[Char]:
    """Without text drawn again over itself, slightly offset (fake bold, shadows).

    PDFium's text page drops a text object that repeats one of the five text objects
    before it (same characters and size) shifted by less than 0.9 of its last glyph's
    advance and an eighth of its height; pdfminer keeps both. pdfminer does not say where
    a text object ends, so runs of glyphs set one after the other in the content stream
    stand for them.
    """
    runs: list[list[Char]] = []
    for char in chars:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and char["fontname"] == last["fontname"]
            and char["size"] == last["size"]
            and abs(char["y0"] - last["y0"]) < 0.01
            and last["x0"] < char["x0"] <= last["x1"] + char["size"]
        ):
            runs[-1].append(char)
        else:
            runs.append([char])
    kept: list[Char] = []
    for index, run in enumerate(runs):
        if not any(_redraws(run, other) for other in runs[max(0, index - 5) : index]):
            kept.extend(run)
    return kept


def _redraws(run: list[Char], other: list[Char]) -> bool:
    """`run` is `other` drawn again a little off (the same text, size and place)."""
    if len(run) != len(other) or any(
        a["text"] != b["text"] or a["size"] != b["size"] for a, b in zip(run, other, strict=True)
    ):
        return False
    dx: float = run[0]["x0"] - other[0]["x0"]
    dy: float = run[0]["y0"] - other[0]["y0"]
    width: float = run[-1]["x1"] - run[0]["x0"]
    overlap: float = min(run[-1]["x1"], other[-1]["x1"]) - max(run[0]["x0"], other[0]["x0"])
    advance: float = other[-1]["x1"] - other[-1]["x0"]
    return abs(dx) <= 0.9 * advance and abs(dy) <= run[0]["size"] / 8 and overlap >= width / 2


def _single_spaces(chars: list[Char]) -> list[Char]:
    """Without a space drawn right after a space on the same line, as PDFium reads them.

    PDFium's text page keeps only the first space of a run, and a space ending one text
    object swallows one starting the next on that line; a run of spaces reads as one
    space anyway (`text_lines`), and so the backends see the same glyphs.
    """
    kept: list[Char] = []
    for char in chars:
        last = kept[-1] if kept else None
        if (
            last is not None
            and char["text"] == " " == last["text"]
            and abs(char["y0"] - last["y0"]) < char["size"] / 2
        ):
            continue
        kept.append(char)
    return kept


def _descents(chars: list[Char]) -> dict[str, float]:
    """How far below its baseline pdfminer hangs each font's glyph boxes, per point of size.

    That is the font's /Descent; raised or lowered text (`Ts`) is off it, so each font
    takes the distance most of its glyphs have.
    """
    seen: defaultdict[str, Counter[float]] = defaultdict(Counter)
    for char in chars:
        b, f = char["matrix"][1], char["matrix"][5]
        if b == 0 and char["size"] > 0:
            seen[char["fontname"]][round((char["y0"] - f) / char["size"], 4)] += 1
    descents: defaultdict[str, float] = defaultdict(float)
    for font, counts in seen.items():
        descents[font] = counts.most_common(1)[0][0]
    return descents


def _stroke(stroke: dict[str, Any], height: float, left: float) -> Stroke:
    return {
        "x0": stroke["x0"] - left,
        "x1": stroke["x1"] - left,
        "top": height - stroke["y1"],
        "bottom": height - stroke["y0"],
        "stroke": bool(stroke.get("stroke")),
    }
