"""Cleaning cell text: whitespace, line breaks inside labels, field artifacts, ★ marks."""

from __future__ import annotations

import regex

#: characters that count as "wide" (CJK and full-width punctuation): no space when joining
_WIDE = r"\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014"
_JOIN_WIDE = regex.compile(rf"(?<=[{_WIDE}])\s*\n\s*|\s*\n\s*(?=[{_WIDE}])")
_NEWLINES = regex.compile(r"\s*\n\s*")
_BREAK_BEFORE_MARKER = regex.compile(
    r"\s*\n\s*(?=(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.．、](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])"
)
_SPACES = regex.compile(r"[ \t\u00a0\u2002-\u200b\u3000\ufeff]+")
#: Word field codes that leak into text exports: "PAGE 5", "NUMPAGES", "MERGEFORMAT"
_FIELD_ARTIFACT = regex.compile(
    r"^\s*(?:PAGE|NUMPAGES|SECTIONPAGES)\b(?:\s*\\\*\s*MERGEFORMAT)?\s*\d*\s*$", regex.IGNORECASE
)
_PAGE_NUMBER = regex.compile(
    r"^\s*(?:[-—－–]\s*\d+\s*[-—－–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,4})\s*$"
)
KEY_AREA_MARKS = "★☆"


def squash_spaces(text: str) -> str:
    """Full-width and other odd spaces become one ASCII space; ends trimmed."""
    return _SPACES.sub(" ", text).strip()


def join_lines(text: str) -> str:
    """Join a cell's lines into one: no space at a break next to CJK, one space otherwise.

    "实时\\n更新" → "实时更新"; "决策\\n\\n预公开" → "决策预公开"; "Open\\nData" → "Open Data".
    """
    if "\n" not in text:
        return squash_spaces(text)
    lines = [squash_spaces(line) for line in text.split("\n")]
    joined = "\n".join(line for line in lines if line)
    # a break before a list marker ("1.事项名称\n2.申请条件") keeps the items apart
    joined = _BREAK_BEFORE_MARKER.sub(" ", joined)
    joined = _JOIN_WIDE.sub("", joined)
    return squash_spaces(_NEWLINES.sub(" ", joined))


def is_field_artifact(text: str) -> bool:
    """A leaked Word field code such as "PAGE 5", which is not part of the catalog."""
    return bool(_FIELD_ARTIFACT.match(text.replace("\n", " ")))


def is_page_number(text: str) -> bool:
    """A running page number such as "5", "- 5 -", "第5页 共9页"."""
    return bool(_PAGE_NUMBER.match(text))


def strip_key_area_mark(label: str) -> tuple[str, bool]:
    """("★政务服务", ...) → ("政务服务", True): the ★ marks a key area (重点领域)."""
    stripped = label.strip(KEY_AREA_MARKS + " ")
    marked = any(mark in label for mark in KEY_AREA_MARKS)
    if marked:
        stripped = "".join(ch for ch in label if ch not in KEY_AREA_MARKS).strip()
    return stripped, marked
