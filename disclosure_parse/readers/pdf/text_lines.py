"""Glyphs into visual lines, and the lines of a cell joined back into its text.

A glyph is pdfplumber's `char` dict. Lines are grouped by vertical centre; a wrap is
joined without a newline, a line that ended early keeps its "\\n" (docs/pdf.md, step 3).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

Char = dict[str, Any]


@attrs.define
class TextLine:
    """One visual line of text: its glyphs joined, and its box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def first_unit_width(self) -> float:
        """Width of the first word (Latin) or character (CJK): what a wrap pushed down."""
        stripped = self.text.lstrip()
        if not stripped:
            return 0.0
        if is_wide(stripped[0]):
            return self.size
        word = stripped.split(" ", 1)[0]
        return self.size * 0.5 * len(word)


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
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
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
    chars = sorted(chars, key=lambda c: c["x0"])
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
    return TextLine(
        text="".join(out).strip(),
        x0=min(c["x0"] for c in chars),
        x1=max((c["x1"] for c in chars if not c["text"].isspace()), default=chars[0]["x1"]),
        top=min(c["top"] for c in chars),
        bottom=max(c["bottom"] for c in chars),
        size=max(c["size"] for c in chars),
    )


def joint(before: TextLine, after: TextLine, right: float) -> str:
    """What joins two lines of one cell: "" or " " for a wrap, "\\n" for a paragraph break.

    A wrap leaves less room at the end of the line than the next line's first word needs;
    a paragraph break leaves more, or a blank line.
    """
    if after.top - before.top > before.size * 1.9:
        return "\n"
    if right - before.x1 > after.first_unit_width + before.size * 0.3:
        return "\n"
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
