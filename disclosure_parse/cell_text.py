"""Cell text, the lowest layer every stage shares: whitespace, line breaks inside labels,
traditional characters folded for matching, placeholders (/, 同上), tick glyphs, dates, page
numbers and leaked field codes. Only `regex` below it; readers, structure and normalize all
build on it.
"""

from __future__ import annotations

import datetime as dt
import functools

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


@functools.lru_cache(maxsize=8192)
def squash_spaces(text: str) -> str:
    """Full-width and other odd spaces become one ASCII space; ends trimmed."""
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=8192)
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


#: traditional characters common in catalog headers and signatures → simplified
_TRADITIONAL = str.maketrans(
    (
        "開內據時體載對層級務項屬須結執決準錄號縣鄉區單產權責類門關預辦複範圍護規劃會眾啟"
        "請動備註說電話別領週頻間設欄發網鎮負處織構態報議時標細稱達徑於與為條節級務眾體應"
        "營財務稅質醫療環態險農業勞動資訊歷傳區縣這個單級態評價計畫築證頁碼"
    ),
    (
        "开内据时体载对层级务项属须结执决准录号县乡区单产权责类门关预办复范围护规划会众启"
        "请动备注说电话别领周频间设栏发网镇负处织构态报议时标细称达径于与为条节级务众体应"
        "营财务税质医疗环态险农业劳动资讯历传区县这个单级态评价计画筑证页码"
    ),
)


def fold_traditional(text: str) -> str:
    """Traditional characters folded to simplified, for matching only (values stay as written)."""
    return text.translate(_TRADITIONAL)


#: marks that tick a flag column or a list entry (solid blocks ▄ █ ◆ included)
TICKS = frozenset("√✓✔☑■▪●◼✅þ▄▀█▇◆")
#: marks meaning "offered but not ticked"
UNTICKS = frozenset("□☐口◻○")

EMPTY_VALUES = frozenset({"", "/", "—", "——", "－", "-", "--", "无", "\\", "／"})
SAME_AS_ABOVE = regex.compile(r'^[“"]?同上[。.]?[”"]?$')


@functools.lru_cache(maxsize=8192)
def is_empty_value(text: str) -> bool:
    """Empty, or a placeholder that means empty ("/", "—")."""
    return squash_spaces(text) in EMPTY_VALUES


@functools.lru_cache(maxsize=8192)
def is_same_as_above(text: str) -> bool:
    """同上 / 同上。/ “同上”: the value of the cell above."""
    return bool(SAME_AS_ABOVE.match(squash_spaces(text)))


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
