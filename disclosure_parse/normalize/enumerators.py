"""List enumerators in a cell ("1." "2、" "（3）" "④"): where they stand, so they can be cut out.

An enumerator may stand anywhere before an entry, not only at a line start:
"…（国办发〔2018〕23号）2.《浙江省…》" or "1.政府网站2.两微一端". Numbers that belong to a value
(20个工作日, 2.5, 第2号, 〔2016〕8号, 2014、2015年, 1次/年) must not be taken for one, so a
marker glued to the text before it counts only when it reads as part of a numbered sequence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex

from disclosure_parse.normalize.brackets import CLOSING_BRACKETS

_CN_NUMERALS = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_DOTTED_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"

_CANDIDATE = regex.compile(
    # "1." "2、" "3)" (and a nested "1.1."): not right after a digit, letter, dot or 第
    r"(?<![\dA-Za-z.．第])(?:\d{1,2}[.．](?=\d{1,2}[.．]))*(?P<arabic>\d{1,2})\s*(?P<punct>[.．、)）])"
    # "(2)" "（2）": not right after 第/条/款/项 ("第(2)项", "第二十条（一）")
    r"|(?<![第条款项])[（(]\s*(?P<paren>\d{1,2})\s*[)）]"
    r"|(?<![第条款项])[（(](?P<cn_paren>[一二三四五六七八九十]{1,3})[)）]"
    # "一、" "二." only where a line or entry starts (checked below)
    r"|(?<![第一二三四五六七八九十百零〇])(?P<cn>[一二三四五六七八九十]{1,3})\s*[、.．]"
    rf"|(?P<circled>[{_CIRCLED}{_PAREN_DIGITS}{_DOTTED_DIGITS}])"
)
#: characters after which a marker stands where an entry starts
_STRONG_BEFORE = frozenset(" \t\n；;。，,：:")
#: an entry does not start with these (a number followed by 号/条/项 is part of a value)
_NO_ENTRY_START = frozenset("号條条款项項次个個、，,；;。.．:：/／-—～~%％") | CLOSING_BRACKETS
_YEAR = regex.compile(r"\d{4}(?!\d)")


class Enumerator(NamedTuple):
    """One enumerator found in a text: its span, number and kind of numbering."""

    start: int
    end: int
    value: int
    kind: str
    #: stands where an entry starts (text start, after a space, a line break or a separator)
    strong: bool
    #: directly before a 《title》 and right after a closing bracket ("…号）2.《…》")
    before_title: bool


def enumerator_spans(text: str, inside: Sequence[bool] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each enumerator in `text` that is a list marker (spaces after it included).

    `inside` marks characters nested in brackets (brackets.inside_mask): markers there are text.
    """
    candidates = [c for c in _candidates(text) if inside is None or not inside[c.start]]
    accepted: list[tuple[int, int]] = []
    for kind in {c.kind for c in candidates}:
        accepted.extend(_sequence(sorted(c for c in candidates if c.kind == kind)))
    return sorted(accepted)


def strip_enumerators(text: str) -> str:
    """`text` without its list markers ("1.政府网站" → "政府网站"); no other change."""
    spans = enumerator_spans(text)
    out, at = [], 0
    for start, end in spans:
        out.append(text[at:start])
        at = end
    out.append(text[at:])
    return "".join(out)


def _candidates(text: str) -> list[Enumerator]:
    found: list[Enumerator] = []
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        while end < len(text) and text[end] in " \t\u3000":
            end += 1
        strong = _strong_position(text, start)
        kind, value = _kind_and_value(match)
        if kind == "cn" and not strong:
            continue
        if kind == "arabic" and match.group("punct") in ")）" and not strong:
            continue
        if not _can_start_entry(text, end, strong) or (
            kind.startswith("cn") and text[end] in _CN_NUMERALS  # "一、二级": one value
        ):
            continue
        before_title = (
            end < len(text)
            and text[end] == "《"
            and start > 0
            and (text[start - 1] in CLOSING_BRACKETS or text[start - 1] in "”")
        )
        found.append(Enumerator(start, end, value, kind, strong, before_title))
    return found


def _kind_and_value(match: regex.Match[str]) -> tuple[str, int]:
    if match.group("arabic") is not None:
        return "arabic", int(match.group("arabic"))
    if match.group("paren") is not None:
        return "paren", int(match.group("paren"))
    if match.group("cn_paren") is not None:
        return "cn_paren", _cn_value(match.group("cn_paren"))
    if match.group("cn") is not None:
        return "cn", _cn_value(match.group("cn"))
    glyph = match.group("circled")
    for kind, glyphs in (
        ("circled", _CIRCLED),
        ("paren_digit", _PAREN_DIGITS),
        ("dotted_digit", _DOTTED_DIGITS),
    ):
        if glyph in glyphs:
            return kind, glyphs.index(glyph) + 1
    raise AssertionError(glyph)  # pragma: no cover - the pattern only matches the glyphs above


def _cn_value(numeral: str) -> int:
    digits = {ch: i for i, ch in enumerate(_CN_NUMERALS, start=1)}
    if "十" not in numeral:
        return digits.get(numeral, 0) if len(numeral) == 1 else 0
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return 0
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def _strong_position(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in _STRONG_BEFORE


def _can_start_entry(text: str, at: int, strong: bool) -> bool:
    """Whether an entry can start at `at` (a marker must be followed by one)."""
    if at >= len(text):
        return False
    ch = text[at]
    if ch.isdigit():
        # "1.2014、2015年…要点": a year may open an entry after a marker at a line start
        return strong and bool(_YEAR.match(text, at))
    return ch not in _NO_ENTRY_START and not ch.isspace()


def _sequence(candidates: list[Enumerator]) -> list[tuple[int, int]]:
    """The candidates (of one kind, in text order) that read as list markers.

    A marker where an entry starts always counts (as before); circled numbers always count; a
    marker glued to the text before it counts when it continues the numbering (last + 1),
    starts a run of consecutive numbers ("3." followed by "4."), or sits between a closing
    bracket and a 《title》.
    """
    accepted: list[tuple[int, int]] = []
    last = 0
    for index, candidate in enumerate(candidates):
        following = candidates[index + 1].value if index + 1 < len(candidates) else None
        if (
            candidate.strong
            or candidate.kind in ("circled", "paren_digit", "dotted_digit")
            or (last > 0 and candidate.value == last + 1)
            or (candidate.value > last and following == candidate.value + 1)
            or candidate.before_title
        ):
            accepted.append((candidate.start, candidate.end))
            last = candidate.value
    return accepted
