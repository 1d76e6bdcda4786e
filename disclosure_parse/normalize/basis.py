"""Legal-basis cells (公开依据): one legal reference per entry.

Entries are cut at 、，,；; outside brackets, at enumerators ("1." "2、" "①", dropped), at a line
break before an enumerator or a 《title》, and between 《titles》 run together with no separator.
What follows a title (文号, articles, quoted article text, 等, 及其实施细则) stays with it; what
precedes one (根据国务院, the issuing offices) belongs to it.
"""

from __future__ import annotations

import bisect
import functools
import itertools

import regex

from disclosure_parse.cell_text import join_lines
from disclosure_parse.normalize.brackets import inside_mask, matched_pairs, top_level_titles
from disclosure_parse.normalize.lists import pieces_between, plain_cuts

BASIS_SEPARATORS = "、，,；;"
#: a line break starts a new reference only before an enumerator or a 《title》
_BREAK_BEFORE_REFERENCE = regex.compile(
    r"\s*\n\s*(?=\d{1,2}\s*[.．、)）]|[（(]\d{1,2}[)）]|[①-⒛]|[一二三四五六七八九十]{1,3}[、.．]|《)"
)
_YEAR_LIST = regex.compile(r"^(?:\d{4}年?\s*[、，,]\s*)*\d{4}年?$")
_ORG_NAME = regex.compile(
    r"^[\p{Han}]{2,20}(?:办公厅|办公室|人民政府|政府|委员会|中央|国务院|部|委|厅|局|院|署|会|办|中心)$"
)
_NUMBER = r"[零〇一二三四五六七八九十百千两\d]+"
_UNIT = r"(?:条|款|项|章|节|目|编|部分)"
_ARTICLE = rf"(?:第\s*{_NUMBER}\s*{_UNIT}?|{_NUMBER}\s*{_UNIT}|[（(]{_NUMBER}[)）])"
#: an entry that only lists articles ("第十二条", "第二十七条至第四十五条", "第四十九", "五十条")
_ARTICLES = regex.compile(
    rf"^{_ARTICLE}(?:\s*(?:至|到|和|及|与|-|—|－|~|～)?\s*{_ARTICLE})*(?:的|之)?(?:相关)?(?:规定)?$"
)
#: words between two titles that only join them ("《A》和《B》")
_CONNECTORS = frozenset({"和", "及", "与", "以及", "并"})
#: words that lead into a title ("根据国务院《社会救助暂行办法》")
_LEAD_IN = regex.compile(r"(?:根据|依据|按照|依照|参照|参考)")
_EDGE = " 、，,；;：:。."


@functools.lru_cache(maxsize=8192)
def split_basis(text: str) -> tuple[str, ...]:
    """One legal reference per entry (the rules are in the module docstring and docs/rules.md).

    Never split inside brackets (a bracket never closed in the cell does not count), inside a
    year list ("2014、2015年…要点"), between joint issuers ("中共中央办公厅、国务院办公厅《…》"), or
    between a title and its article list ("《条例》第四条、第十二条").
    """
    text = join_lines(_BREAK_BEFORE_REFERENCE.sub("\x00", text)).replace("\x00", "\n")
    pairs = matched_pairs(text)
    inside = inside_mask(text, pairs)
    cuts = plain_cuts(text, inside, BASIS_SEPARATORS)
    cuts += _title_cuts(text, inside, pairs, cuts)
    merged: list[tuple[str, str]] = []
    for cut, body in pieces_between(text, cuts):
        if merged and cut and _continues(merged[-1][1], body):
            merged[-1] = (merged[-1][0], merged[-1][1] + cut + body)
        else:
            merged.append((cut, body))
    return tuple(e for e in (body.strip(_EDGE) for _, body in merged) if e)


def _continues(previous: str, piece: str) -> bool:
    """Whether `piece`, after a separator, is still part of the `previous` reference."""
    return bool(
        _YEAR_LIST.match(previous)
        or (_ORG_NAME.match(previous) and "《" in piece)
        or _ARTICLES.match(piece.strip(_EDGE))
    )


def _title_cuts(
    text: str, inside: list[bool], pairs: dict[int, int], cuts: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A cut between each two 《titles》 with no other cut between them (titles run together).

    Titles named inside one longer name are not cut apart: "关于印发《A》和《B》的通知".
    """
    titles = top_level_titles(text, pairs)
    starts = sorted(cut_start for cut_start, _, _ in cuts)
    embedded = _embedded_titles(text, titles)
    found: list[tuple[int, int, str]] = []
    for (_, previous_end), (start, _) in itertools.pairwise(titles):
        if bisect.bisect_left(starts, previous_end) < bisect.bisect_left(starts, start):
            continue  # already cut between them
        if start in embedded:
            continue
        found.append(_cut_between(text, inside, previous_end, start))
    return found


def _embedded_titles(text: str, titles: list[tuple[int, int]]) -> set[int]:
    """Starts of titles of a run ("《A》和《B》") followed by 的: parts of one longer name."""
    embedded: set[int] = set()
    run: list[int] = []
    for index, (start, end) in enumerate(titles):
        run.append(start)
        following = titles[index + 1][0] if index + 1 < len(titles) else None
        if following is not None and text[end:following].strip() in _CONNECTORS | {""}:
            continue
        if len(run) > 1 and text[end:].lstrip().startswith("的"):
            embedded.update(run[1:])
        run = []
    return embedded


def _cut_between(text: str, inside: list[bool], after: int, before: int) -> tuple[int, int, str]:
    """Where the reference ending at `after` gives way to the title starting at `before`.

    Right before the title, unless: only a connector (和, 及) stands between (dropped); a 。
    ends the first reference (also one closing a quoted article: "第二十条：“……。”《办法》");
    a lead-in (根据) or an issuing office starts the second.
    """
    between = text[after:before]
    if between.strip() in _CONNECTORS:
        return (after, before, "")
    for index in range(before - 1, after - 1, -1):
        if text[index] == "。" and not inside[index]:
            return (index + 1, index + 1, "")
        if text[index] in "”’" and text[index - 1] == "。" and not inside[index]:
            return (index + 1, index + 1, "")
    leads = [m.start() for m in _LEAD_IN.finditer(text, after, before) if not inside[m.start()]]
    if leads:
        return (leads[-1], leads[-1], "")
    if _ORG_NAME.match(between.strip()):
        return (after, after, "")
    return (before, before, "")
