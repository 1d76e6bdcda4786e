"""Glyphs into visual lines, and the lines of a cell joined back into its text.

A glyph is pdfplumber's `char` dict. Lines are grouped by vertical centre; a wrap is
joined without a newline, a line that ended early keeps its "\\n" (docs/pdf.md, step 3).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import Any

import attrs

Char = dict[str, Any]

_BY_TOP_THEN_X = operator.itemgetter("top", "x0")
_BY_X = operator.itemgetter("x0")


#: may not end a line (CJK line breaking): the character after it goes down with it
OPENERS = frozenset("（《【「『“‘〔［｛〈([{")
#: may not start a line: it goes down with the character before it
CLOSERS = frozenset("）》】」』”’〕］｝〉、。，．：；！？)]},.:;!?/%")
#: no break on either side ("区/企" goes down as one)
JOINERS = frozenset("/")


@attrs.define
class TextLine:
    """One visual line of text: its glyphs joined, and its box.

    `first_unit_width` is the width of what a wrap pushes down as one piece: the first
    character (CJK) or word (Latin), with any opening punctuation before it and closing
    punctuation after it. `ends_at_space`: the line's last glyph is a space (where a
    wrap broke the text).
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    first_unit_width: float = 0.0
    ends_at_space: bool = False


def is_wide(ch: str) -> bool:
    """CJK and full-width characters: no space is written between them and their neighbours."""
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x3000 <= code <= 0x303F
        or 0x2018 <= code <= 0x201F
        or code in (0x2026, 0x2014)
    )


def text_lines(chars: list[Char]) -> list[TextLine]:
    """Glyphs grouped into visual lines (by vertical centre), top to bottom."""
    rows: list[list[Char]] = []
    centres: list[float] = []
    for char in sorted(chars, key=_BY_TOP_THEN_X):
        centre = (char["top"] + char["bottom"]) / 2
        size = char["bottom"] - char["top"]
        if rows and abs(centre - centres[-1]) <= size * 0.45:
            rows[-1].append(char)
        else:
            rows.append([char])
            centres.append(centre)
    lines = [_line(row) for row in rows]
    return [line for line in lines if line.text]


def _line(chars: list[Char]) -> TextLine:
    """One visual line: glyphs left to right, a space where a gap separates Latin words."""
    chars = sorted(chars, key=_BY_X)
    out: list[str] = []
    previous: Char | None = None
    for char in chars:
        text = char["text"]
        if previous is not None:
            if text == previous["text"] and abs(char["x0"] - previous["x0"]) < 0.5:
                continue  # the same glyph drawn twice (fake bold)
            gap = char["x0"] - previous["x1"]
            size = max(char["size"], previous["size"])
            if (
                gap > size * 0.25
                and out
                and out[-1] != " "
                and text != " "
                and not (is_wide(text[:1] or " ") or is_wide(out[-1][-1:] or " "))
            ):
                out.append(" ")
        if text.isspace():
            text = " "
            if out and out[-1] == " ":
                previous = char
                continue
        out.append(text)
        previous = char
    x1: float | None = None
    top: float = chars[0]["top"]
    bottom: float = chars[0]["bottom"]
    largest: float = chars[0]["size"]
    for char in chars:  # the line's box, in one pass (this runs for every line)
        if char["top"] < top:
            top = char["top"]
        if char["bottom"] > bottom:
            bottom = char["bottom"]
        if char["size"] > largest:
            largest = char["size"]
        if not char["text"].isspace() and (x1 is None or char["x1"] > x1):
            x1 = char["x1"]
    return TextLine(
        text="".join(out).strip(),
        x0=chars[0]["x0"],
        x1=chars[0]["x1"] if x1 is None else x1,
        top=top,
        bottom=bottom,
        size=largest,
        first_unit_width=_first_unit_width(chars),
        ends_at_space=chars[-1]["text"].isspace(),
    )


def _first_unit_width(chars: list[Char]) -> float:
    """Width of the line's first unbreakable piece, from its glyphs (see `TextLine`)."""
    start = 0
    while start < len(chars) and chars[start]["text"].isspace():
        start += 1
    end = _unit_end(chars, start)
    return float(chars[end - 1]["x1"] - chars[start]["x0"]) if end > start else 0.0


def _unit_end(glyphs: list[Char], start: int) -> int:
    """Where the unbreakable piece starting at `start` ends (exclusive)."""
    end = start
    if end >= len(glyphs) or glyphs[end]["text"].isspace():
        return end
    while end < len(glyphs) - 1 and glyphs[end]["text"] in OPENERS:
        end += 1
    if is_wide(glyphs[end]["text"][:1]):
        end += 1
    else:  # a Latin word (with the punctuation written inside it)
        while (
            end < len(glyphs)
            and not glyphs[end]["text"].isspace()
            and not is_wide(glyphs[end]["text"][:1])
        ):
            end += 1
    while end < len(glyphs) and glyphs[end]["text"] in CLOSERS:
        end += 1
    if glyphs[end - 1]["text"] in JOINERS:
        end = max(end, _unit_end(glyphs, end))
    return end


def joint(before: TextLine, after: TextLine, right: float) -> str:
    """What joins two lines of one cell: "" or " " for a wrap, "\\n" for a paragraph break.

    A wrap leaves less room at the end of the line than the next line's first word needs;
    a paragraph break leaves more, or a blank line.
    """
    if after.top - before.top > before.size * 1.9:
        return "\n"
    if right - before.x1 > after.first_unit_width + before.size * 0.3:
        return "\n"
    if before.ends_at_space:
        return " "  # the text had a space where the line broke ("】 【", "获 取")
    last, first = before.text[-1:], after.text[:1]
    if is_wide(last or " ") or is_wide(first or " ") or (last.isdigit() and first.isdigit()):
        return ""  # CJK text, or a number broken over two lines
    if _broken_word(before, right) and last.isalpha() and first.isalpha():
        return ""  # a word longer than the column, broken mid-word ("Governme" / "nt")
    return " "


def _broken_word(line: TextLine, right: float) -> bool:
    """A line holding one word that runs to the column's edge: the word goes on below."""
    return " " not in line.text.strip() and right - line.x1 < line.size * 0.8


def cell_text(lines: Sequence[TextLine], right: float) -> str:
    """A cell's lines as its text, wrapped lines joined back into one."""
    out: list[str] = []
    for index, line in enumerate(lines):
        if index:
            out.append(joint(lines[index - 1], line, right))
        out.append(line.text)
    return "".join(out)
