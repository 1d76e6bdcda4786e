"""Parsing single values: placeholders, tick cells, dates; list and basis splitting re-exported.

The list rules live in their own modules (ticks, enumerators, lists, basis); importing them
from here keeps working.
"""

from __future__ import annotations

import datetime as dt

import regex

from disclosure_parse.normalize.basis import split_basis
from disclosure_parse.normalize.enumerators import enumerator_spans, strip_enumerators
from disclosure_parse.normalize.lists import split_list
from disclosure_parse.normalize.text import squash_spaces
from disclosure_parse.normalize.ticks import (
    TICKS,
    UNTICKS,
    BoxEntry,
    box_entries,
    column_boxes_are_bullets,
    has_ticked_box,
    is_tick_list,
    ticked_entries,
)

__all__ = [
    "EMPTY_VALUES",
    "TICKS",
    "TICK_WORDS",
    "UNTICKS",
    "BoxEntry",
    "box_entries",
    "column_boxes_are_bullets",
    "enumerator_spans",
    "has_ticked_box",
    "is_empty_value",
    "is_same_as_above",
    "is_tick_list",
    "parse_date",
    "parse_tick",
    "split_basis",
    "split_list",
    "strip_enumerators",
    "ticked_entries",
]

TICK_WORDS = frozenset({"是", "有", "Y", "y", "yes", "Yes", "YES", "√√"})
EMPTY_VALUES = frozenset({"", "/", "—", "——", "－", "-", "--", "无", "\\", "／"})
SAME_AS_ABOVE = regex.compile(r'^[“"]?同上[。.]?[”"]?$')


def is_empty_value(text: str) -> bool:
    """Empty, or a placeholder that means empty ("/", "—")."""
    return squash_spaces(text) in EMPTY_VALUES


def is_same_as_above(text: str) -> bool:
    """同上 / 同上。/ “同上”: the value of the cell above."""
    return bool(SAME_AS_ABOVE.match(squash_spaces(text)))


def parse_tick(text: str, own_labels: tuple[str, ...] = ()) -> bool | None:
    """Whether a flag cell is ticked: True/False, or None when the text is not a tick.

    A cell repeating its column's own label (全社会 under 全社会) counts as ticked.
    """
    value = squash_spaces(text).replace(" ", "")
    if value == "" or value in EMPTY_VALUES or all(ch in UNTICKS for ch in value):
        return False
    if all(ch in TICKS for ch in value) or value in TICK_WORDS:
        return True
    if value in ("否", "×", "X", "x", "✗", "✘", "☒"):
        return False
    stripped = value.strip("".join(TICKS))
    if stripped and any(stripped == squash_spaces(label).replace(" ", "") for label in own_labels):
        return True
    return None


_DATE = regex.compile(r"^\s*(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?\s*$")
_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def parse_date(text: str) -> dt.date | None:
    """ "2018年12月29日" / "2018-12-29" / "二〇一八年十二月二十九日" → a date, else None."""
    value = squash_spaces(text).replace(" ", "")
    match = _DATE.match(value) or _DATE.match(_chinese_numerals_to_digits(value))
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _chinese_numerals_to_digits(text: str) -> str:
    match = regex.match(
        r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$",
        text,
    )
    if not match:
        return text
    year = "".join(str(_CN_DIGITS[ch]) for ch in match.group(1))
    return f"{year}年{_cn_number(match.group(2))}月{_cn_number(match.group(3))}日"


def _cn_number(text: str) -> int:
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
