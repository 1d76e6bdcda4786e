"""Parsing single values: tick marks, list cells, legal-basis lists, dates."""

from __future__ import annotations

import datetime as dt

import regex

from disclosure_parse.normalize.text import join_lines, squash_spaces

#: marks that tick a flag column or a list entry
TICKS = frozenset("√✓✔☑■▪●◼✅☒✗✘Xx×") - frozenset("Xx×✗✘☒")
TICK_WORDS = frozenset({"是", "有", "Y", "y", "yes", "Yes", "YES", "√√"})
#: marks meaning "offered but not ticked"
UNTICKS = frozenset("□☐口◻○")
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


_LIST_SEPARATORS = regex.compile(r"\s*[、，,；;]\s*|\s*\n\s*")
_TICK_ENTRY = regex.compile(r"([■☑✓✔√●▪◼þ]|[□☐口◻○¨])\s*([^■☑✓✔√●▪◼þ□☐口◻○¨]+)")
_TICK_MARKS_ONLY = regex.compile(r"^[\s■☑✓✔√●▪◼þ□☐口◻○¨]*$")
_ORDERED_MARKER = regex.compile(
    r"(?:^|(?<=[\s；;。，,]))\s*(?:\d{1,2}[.．](?=\d{1,2}[.．]))*"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、)）](?!\d{1,3}(?:\D|$))"
)


#: in a list cell, lines at least this long are whole entries; shorter ones are a label
#: broken to fit a narrow column ("市政府\n办公室")
MIN_ENTRY_LINE = 4


def _one_entry_per_line(text: str) -> bool:
    """Lines are entries ("县民政局\n乡镇人民政府"), not a label broken to fit a column.

    Only when the cell has no separators of its own, every line is a plausible entry, and
    no line continues the one above with a bracket or punctuation.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return (
        len(lines) > 1
        and not _LIST_SEPARATORS.search(text.replace("\n", ""))
        and all(len(line) >= MIN_ENTRY_LINE and _ENTRY_END.search(line) for line in lines)
        and not any(line[0] in _CONTINUING for line in lines[1:])
    )


#: how a whole body or channel name ends (局, 人民政府, 办公室 …; 网站, 专栏, 公示栏 …)
_ENTRY_END = regex.compile(
    r"(?:局|政府|办公室|办|委|会|中心|院|所|站|队|科|股|室|处|部|厅|街道|镇|乡|村|社区|单位|"
    r"部门|公司|网|网站|专栏|栏|平台|公报|报|端|号|屏|点|窗口|微博|微信|电视|广播|APP|app)"
    r"(?:[（(][^（）()]*[)）])?$"
)


#: a line starting with one of these continues the line above
_CONTINUING = frozenset("（(【〔《“）)】〕》”、，,；;。.")


def split_list(text: str) -> tuple[str, ...]:
    """A list cell → its entries, split on 、，,；; (a line break inside a label is joined).

    In a ■/□ tick list only the ticked entries are kept.
    """
    if _has_tick_list(text):
        return ticked_entries(text)
    if _one_entry_per_line(text):
        text = "；".join(line.strip() for line in text.split("\n") if line.strip())
    pieces = _split_outside_brackets(join_lines(text))
    return tuple(p for p in (squash_spaces(body) for _, body in pieces) if p)


def _has_tick_list(text: str) -> bool:
    return bool(regex.search(r"[■☑þ□☐◻]", text)) or (
        "口" in text and bool(regex.search(r"(?:^|\s)口\S", text))
    )


def ticked_entries(text: str) -> tuple[str, ...]:
    """ "■政府网站 □政府公报 ■公开查阅点" → ("政府网站", "公开查阅点")."""
    entries: list[str] = []
    for match in _TICK_ENTRY.finditer(text):
        mark, label = match.group(1), join_lines(match.group(2)).strip("、，,；; ")
        if mark in "□☐口◻○¨" or not label:
            continue
        entries.extend(p for p in (squash_spaces(x) for x in _LIST_SEPARATORS.split(label)) if p)
    return tuple(entries)


_BRACKETS = {
    "《": "》",
    "（": "）",
    "(": ")",
    "〈": "〉",
    "【": "】",
    "[": "]",
    "“": "”",
    "〔": "〕",
}
_BREAK_BEFORE_REFERENCE = regex.compile(r"\s*\n\s*(?=\d{1,2}\s*[.．、)）]|《)")
_YEAR_LIST = regex.compile(r"^(?:\d{4}年?\s*[、，,]\s*)*\d{4}年?$")
_ORG_NAME = regex.compile(
    r"^[\p{Han}]{2,20}(?:办公厅|办公室|人民政府|政府|委员会|中央|国务院|部|委|厅|局|院|署|会|办|中心)$"
)


def split_basis(text: str) -> tuple[str, ...]:
    """One legal reference per entry.

    Splits on 、，,；; and "1." "2." markers, but never inside 《》 or （）, not inside year
    lists ("2014、2015年…要点"), and not between joint issuers
    ("中共中央办公厅、国务院办公厅《…》").
    """
    # a line break starts a new reference only before a list marker or a 《title》
    text = _BREAK_BEFORE_REFERENCE.sub("\x00", text)
    text = join_lines(text).replace("\x00", "\n")
    pieces = _split_outside_brackets(_ORDERED_MARKER.sub("\n", text))
    merged: list[tuple[str, str]] = []
    for piece in pieces:
        if merged and (
            _YEAR_LIST.match(merged[-1][1]) or (_ORG_NAME.match(merged[-1][1]) and "《" in piece[1])
        ):
            separator, previous = merged[-1]
            merged[-1] = (separator, previous + piece[0] + piece[1])
        else:
            merged.append(piece)
    return tuple(p for p in (squash_spaces(body).strip("。.") for _, body in merged) if p)


def _split_outside_brackets(text: str) -> list[tuple[str, str]]:
    """(separator before, piece) for each piece of `text` split on top-level separators."""
    pieces: list[tuple[str, str]] = []
    stack: list[str] = []
    current: list[str] = []
    separator = ""
    for ch in text:
        if ch in _BRACKETS:
            stack.append(_BRACKETS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch in "》）)〉】]”〕" and ch in stack:
            while stack and stack.pop() != ch:
                pass
        if not stack and ch in "、，,；;\n":
            pieces.append((separator, "".join(current)))
            separator, current = ("" if ch == "\n" else ch), []
            continue
        current.append(ch)
    pieces.append((separator, "".join(current)))
    return [(sep, body.strip()) for sep, body in pieces if body.strip()]


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
