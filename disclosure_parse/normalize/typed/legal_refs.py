"""Legal references (公开依据) as data: the document's title and its number, split up.

One already-split 公开依据 entry in, one `BasisRef` out. What is certain is parsed, the rest
left null: "国务院令第七11号" mixes numeral styles, so its serial is not guessed.
"""

from __future__ import annotations

import functools

import regex

from disclosure_parse.cell_text import squash_spaces
from disclosure_parse.model import BasisKind, BasisRef, DocumentNumber
from disclosure_parse.normalize.typed.folding import fold
from disclosure_parse.normalize.typed.numerals import NUMERAL_CHARS, parse_number

GOVERNMENT_INFORMATION_DISCLOSURE_REGULATIONS = "中华人民共和国政府信息公开条例"

#: short names catalogs use for a document, folded spelling → full title (docs/typed-values.md).
#: Disclosure catalogs rest on the 政府信息公开条例 so often that they call it 《条例》.
ALIASES: dict[str, str] = {
    "公开条例": GOVERNMENT_INFORMATION_DISCLOSURE_REGULATIONS,
    "条例": GOVERNMENT_INFORMATION_DISCLOSURE_REGULATIONS,
    "信息公开条例": GOVERNMENT_INFORMATION_DISCLOSURE_REGULATIONS,
    "政府信息公开条例": GOVERNMENT_INFORMATION_DISCLOSURE_REGULATIONS,
}

_OPENERS = r"〔\[("
_CLOSERS = r"〕\])"
_SERIAL = rf"(?P<serial>[\d{NUMERAL_CHARS}]{{1,8}})"
#: 国办发〔2017〕47号: code, year in one of 〔〕 [] () （） ﹝﹞ (folded to 〔〕 [] ()), serial
_DOCUMENT = regex.compile(
    rf"(?<![\p{{Han}}A-Za-z])(?P<code>[\p{{Han}}A-Za-z]{{1,16}}?)\s*[{_OPENERS}]\s*"
    rf"(?P<year>(?:19|20)\d\d)\s*[{_CLOSERS}]\s*第?\s*{_SERIAL}\s*号"
)
#: 国务院令第711号, 国令第711号, 国务院令729号 (orders have no year)
_ORDER = regex.compile(rf"(?<!\p{{Han}})(?P<code>\p{{Han}}{{0,20}}?令)\s*第?\s*{_SERIAL}\s*号")
#: 国土资源部第55号令: the same order with 令 printed after the number
_ORDER_AFTER = regex.compile(
    rf"(?<!\p{{Han}})(?P<code>\p{{Han}}{{1,20}}?)\s*第\s*{_SERIAL}\s*号\s*令"
)
#: words that introduce a reference rather than belong to it
_LEAD = regex.compile(r"^(?:根据|依据|按照|参照|依照|遵照|见)[:]?\s*")
#: how a document's name ends: 法, 条例, 办法, 通知 …
_DOCUMENT_TYPE = regex.compile(
    r"(?:法|条例|规定|办法|细则|意见|通知|决定|规则|要点|方案|纲要|指引|指南|规划|公告|批复|函"
    r"|标准|制度|章程|规程|准则|守则|目录|解释|决议|通告|计划)$"
)
#: a name without 《》 starting so names no document ("相关规定", "上级有关文件")
_VAGUE = regex.compile(r"^(?:相关|有关|其他|其它|上级|各级|各|国家(?:相关|有关)|法律|等|及)")
#: 2014、2015年…: a list of years (not a range: 2014至2016年 would need years it does not print)
_YEAR_LIST = regex.compile(
    r"^(?P<years>(?:19|20)\d\d(?:\s*年?\s*[、,和及与]\s*(?:19|20)\d\d)*)\s*年(?:度)?\s*(?P<rest>.+)$"
)
#: text after a 《title》 that is not part of the title: articles, "等", "及其实施细则"
_AFTER_TITLE = regex.compile(r"^(?:$|[等及和与、,;。第(\[]|以及|相关|有关)")


@functools.lru_cache(maxsize=8192)
def parse_basis_ref(entry: str) -> BasisRef:
    """One 公开依据 entry parsed: title (without 《》, aliases resolved), years, document number.

    "《国务院办公厅关于…的通知》（国办发〔2016〕80号）" → title, number 国办发 / 2016 / 80;
    "2014、2015年国务院办公厅政务公开工作要点" → years (2014, 2015) and the series title;
    "公开条例" → 中华人民共和国政府信息公开条例 through `ALIASES`.
    """
    text = squash_spaces(entry)
    titles = _top_level_titles(text)
    # a second 《title》 left in the entry by the list splitting is another reference
    end = titles[1][0] if len(titles) > 1 else len(text)
    number, span = _document_number(text[:end])
    name = text[:end]
    if span is not None:
        left = regex.sub(r"[(（\[〔【]\s*$", "", name[: span[0]])
        right = regex.sub(r"^\s*[)）\]〕】]", "", name[span[1] :])
        name = left + right
    title, years = _title(name)
    alias = None
    if title is not None and fold(title) in ALIASES:
        title, alias = ALIASES[fold(title)], title
    kind = BasisKind.DOCUMENT if title is not None or number is not None else BasisKind.UNKNOWN
    return BasisRef(
        raw=entry,
        kind=kind,
        title=title,
        alias=alias,
        years=years if title is not None else (),
        document_number=number,
    )


def parse_document_number(text: str) -> DocumentNumber | None:
    """The first document number in a text: 国办发〔2017〕47号, 国令第711号; None if none."""
    return _document_number(text)[0]


def _document_number(text: str) -> tuple[DocumentNumber | None, tuple[int, int] | None]:
    folded = fold(text)
    matches = [m for p in (_DOCUMENT, _ORDER, _ORDER_AFTER) if (m := p.search(folded)) is not None]
    if not matches:
        return None, None
    match = min(matches, key=lambda m: (m.start(), -len(m[0])))
    lead = _LEAD.match(folded, match.start("code"), match.end("code"))
    code_start = lead.end() if lead else match.start("code")
    code = text[code_start : match.end("code")]
    if match.re is _ORDER_AFTER:
        code += "令"
    year = int(match["year"]) if "year" in match.re.groupindex else None
    number = DocumentNumber(
        raw=text[code_start : match.end()],
        code=code,
        year=year,
        serial=parse_number(match["serial"]),
    )
    return number, (code_start, match.end())


def _top_level_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost 《…》 (end past the 》); a 》 with no 《 is a title from
    the start of the text ("中华人民共和国政府信息公开条例》（…）": its 《 was lost)."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char == "《":
            if depth == 0:
                start = index
            depth += 1
        elif char == "》":
            if depth == 0 and not spans:
                spans.append((-1, index + 1))
            elif depth > 0:
                depth -= 1
                if depth == 0:
                    spans.append((start, index + 1))
    return spans


def _title(name: str) -> tuple[str | None, tuple[int, ...]]:
    """The document title in an entry whose number was taken out, and a series' years."""
    name = name.strip(" 。;；,，")
    lead = _LEAD.match(fold(name))
    if lead:
        name = name[lead.end() :]
    titles = _top_level_titles(name)
    if titles:
        start, end = titles[0]
        inner = name[start + 1 : end - 1].strip()
        suffix = name[end:].strip()
        if not inner:
            return None, ()
        if (
            not _AFTER_TITLE.match(fold(suffix))
            and "《" not in suffix
            and _DOCUMENT_TYPE.search(fold(suffix))
        ):  # 国务院办公厅印发《…》实施细则的通知: the 《》 names a part of the title
            return squash_spaces(name), ()
        return _series(inner)
    if "《" in name:  # an unclosed 《: not certain where the title ends
        return None, ()
    title, years = _series(name)
    folded = fold(title)
    if folded in ALIASES or (
        len(folded) >= 4
        and _DOCUMENT_TYPE.search(folded)
        and not _VAGUE.match(folded)
        and not regex.search(r"[、,;《》]|等", folded)
    ):
        return title, years
    return None, ()


def _series(title: str) -> tuple[str, tuple[int, ...]]:
    """ "2014、2015年国务院办公厅政务公开工作要点" → the series title and (2014, 2015)."""
    series = _YEAR_LIST.match(fold(title))
    if series is None:
        return title, ()
    years = tuple(int(y) for y in regex.findall(r"\d{4}", series["years"]))
    return title[series.start("rest") :], years
