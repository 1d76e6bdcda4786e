"""Title, issuer, date and remarks from the paragraphs around the catalog tables."""

from __future__ import annotations

import datetime as dt

import attrs
import regex

from disclosure_parse.cell_text import (
    fold_traditional,
    is_field_artifact,
    is_page_number,
    join_lines,
    parse_date,
)
from disclosure_parse.grid import Paragraph
from disclosure_parse.model import ParseWarning
from disclosure_parse.structure.page_lines import (
    is_chrome,
    metadata_date,
    metadata_issuer,
)

_ISSUER = regex.compile(
    r"^[\p{Han}（）()]{2,40}(?:人民政府|政府|办公室|办公厅|委员会|局|厅|委|办|中心|街道|镇|乡|院|部|署|所|站|队)"
    r"(?:[（(][\p{Han}]{1,20}[)）])?$"
)
#: words that name a catalog in its title (目录, 清单, 栏目框架, 一览表)
TITLE_HINT = regex.compile(r"目录|清单|目錄|清單|框架|一览表|一覽表")
#: a line that is only a remark in brackets ("（2024年版）"), never a title
_BRACKETED = regex.compile(r"^[（(【\[].*[)）】\]]$")
_DATE_INSIDE = regex.compile(r"(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")


@attrs.frozen
class Surroundings:
    title: str | None
    issuer: str | None
    issued_on: dt.date | None
    notes: tuple[str, ...]
    warnings: tuple[ParseWarning, ...]


def _clean(paragraphs: list[Paragraph]) -> list[str]:
    return [t for t in (join_lines(p.text) for p in paragraphs) if t]


def read_surroundings(
    before: list[Paragraph], after: list[Paragraph], table_title: str | None = None
) -> Surroundings:
    """Title from the text above the first table; issuer, date and notes from below the last.

    `table_title` is a title printed as the first row of the (only) catalog table. Site
    chrome (an info bar, widgets) is dropped; a metadata box (索引号 / 发布机构 / 成文日期)
    is kept as notes and gives issuer and date when no signature below the table does.
    Running page numbers and leaked field codes (PAGE 5) are dropped with a warning.
    """
    warnings: list[ParseWarning] = []
    above = [line for line in _clean(before) if not is_chrome(line)]
    below: list[str] = []
    raw_below = [line for p in after if p.text.strip() for line in _signature_lines(p.text)]
    index = 0
    while index < len(raw_below):
        text = raw_below[index]
        joined = join_lines(text)
        # a field code split over two paragraphs: "PAGE" then "5"
        if (
            regex.match(r"^\s*(PAGE|NUMPAGES)\s*$", text)
            and index + 1 < len(raw_below)
            and (is_page_number(raw_below[index + 1]))
        ):
            warnings.append(_dropped(f"{joined} {join_lines(raw_below[index + 1])}"))
            index += 2
            continue
        if is_field_artifact(text) or is_page_number(joined):
            warnings.append(_dropped(joined))
        else:
            below.append(joined)
        index += 1

    title = _pick_title(above, table_title)
    issued_on: dt.date | None = None
    issuer: str | None = None
    notes: list[str] = []
    for position, text in enumerate(below):
        date = parse_date(text)
        if date is not None and issued_on is None:
            issued_on = date
            if (
                issuer is None
                and position > 0
                and _ISSUER.match(fold_traditional(below[position - 1]))
            ):
                issuer = below[position - 1]
                if notes and notes[-1] == issuer:
                    notes.pop()
            continue
        notes.append(text)
    if issuer is None:
        for text in notes:
            if _ISSUER.match(fold_traditional(text)):
                issuer = text
                notes.remove(text)
                break
    if issued_on is None:
        for text in notes:
            match = _DATE_INSIDE.search(text)
            if match and len(text) <= 40:
                issued_on = parse_date(match.group(1))
                break
    # a second signature (one per sheet or section) repeats what is already known
    notes = [t for t in notes if t != issuer and (issued_on is None or parse_date(t) != issued_on)]
    # a page headline naming the catalog again (maybe worded differently) is not a note
    other_above = [t for t in above if t != title and not _is_headline(t)]
    issuer = issuer or metadata_issuer(above + notes)
    issued_on = issued_on or metadata_date(above + notes)
    return Surroundings(
        title=title,
        issuer=issuer,
        issued_on=issued_on,
        notes=tuple(other_above + notes),
        warnings=tuple(warnings),
    )


def _signature_lines(text: str) -> list[str]:
    """A paragraph as its lines when one of them is a date (issuer and date typed in one
    paragraph with a line break), else whole."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and any(parse_date(line) is not None for line in lines):
        return lines
    return [text]


#: a part heading ("第二部分 主动公开基本目录", "二、主动公开事项表", "（一）公开事项")
_PART = regex.compile(
    r"^(?:第[一二三四五六七八九十\d]+[部分章节篇]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])"
)
#: longest line taken as a title
MAX_TITLE = 80
#: longest line taken as a title when it does not name a 目录/清单
MAX_PLAIN_TITLE = 40


#: punctuation of a sentence or a "label: value" line, never of a title
_SENTENCE = regex.compile(r"[:：。；;，,]")


def _is_headline(text: str) -> bool:
    """A line that names a catalog (目录/清单) and is not a part heading, field or sentence."""
    return (
        bool(TITLE_HINT.search(text))
        and len(text) <= MAX_TITLE
        and not _PART.match(text)
        and not _SENTENCE.search(text)
    )


def _pick_title(above: list[str], table_title: str | None) -> str | None:
    """The catalog's title, from the lines above the table and the table's own title row.

    In order: the nearest line naming a 目录/清单 (not a part heading such as "第二部分 主动
    公开基本目录"); a title printed as the table's first row; the nearest part heading that
    names a 目录/清单; the nearest short line that reads like a heading (not "label: value",
    not a numbered part, not a sentence).
    """
    for text in reversed(above):
        if _is_headline(text):
            return text
    if table_title:
        return table_title
    for text in reversed(above):
        if TITLE_HINT.search(text) and len(text) <= MAX_TITLE and not _SENTENCE.search(text):
            return text
    nearest = above[-1] if above else ""
    if (
        nearest
        and len(nearest) <= MAX_PLAIN_TITLE
        and not _PART.match(nearest)
        and not _SENTENCE.search(nearest)
        and not _BRACKETED.match(nearest)
    ):
        return nearest
    return None


def _dropped(text: str) -> ParseWarning:
    return ParseWarning(
        "dropped-artifact", f"page number or field code {text!r} dropped", "after table"
    )
