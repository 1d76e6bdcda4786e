"""List cells (公开主体, 公开渠道): one entry per body or channel.

Entries are split at 、，,；; outside brackets and at list enumerators ("1." "2、" "③"), which are
dropped; a ■/□ tick list keeps its ticked entries only (or every entry, when its boxes are bullets).
"""

from __future__ import annotations

import functools

import regex

from disclosure_parse.cell_text import join_lines, squash_spaces
from disclosure_parse.normalize.brackets import inside_mask
from disclosure_parse.normalize.enumerators import enumerator_spans
from disclosure_parse.normalize.ticks import box_entries, is_tick_list

LIST_SEPARATORS = "、，,；;"
_SEPARATOR_RUN = regex.compile(r"[、，,；;]")

#: in a list cell, lines at least this long are whole entries; shorter ones are a label
#: broken to fit a narrow column ("市政府\n办公室")
MIN_ENTRY_LINE = 4

#: how a whole body or channel name ends (局, 人民政府, 办公室 …; 网站, 专栏, 公示栏 …)
_ENTRY_END = regex.compile(
    r"(?:局|政府|办公室|办|委|会|中心|院|所|站|队|科|股|室|处|部|厅|街道|镇|乡|村|社区|单位|"
    r"部门|公司|网|网站|专栏|栏|平台|公报|报|端|号|屏|点|窗口|微博|微信|电视|广播|APP|app)"
    r"(?:[（(][^（）()]*[)）])?$"
)
#: a line starting with one of these continues the line above
_CONTINUING = frozenset("（(【〔《“）)】〕》”、，,；;。.")


@functools.lru_cache(maxsize=8192)
def split_list(text: str, *, boxes_are_bullets: bool = False) -> tuple[str, ...]:
    """A list cell → its entries, split on 、，,；; and at enumerators (a wrapped label is joined).

    In a ■/□ tick list only the ticked entries are kept — unless `boxes_are_bullets` (the caller
    found no ticked box anywhere in the column: has_ticked_box), then every entry is.
    """
    if is_tick_list(text):
        return tuple(e.label for e in box_entries(text) if e.ticked or boxes_are_bullets)
    if _one_entry_per_line(text):
        text = "；".join(line.strip() for line in text.split("\n") if line.strip())
    return tuple(body for _, body in cut_entries(join_lines(text), LIST_SEPARATORS))


def cut_entries(text: str, separators: str) -> list[tuple[str, str]]:
    """(what cut it off, entry) for each entry of a one-line `text`.

    Cuts fall at `separators` and line breaks outside brackets and at enumerators, which are
    dropped; "what cut it off" is the separator before the entry ("" for the first entry, a
    line break or an enumerator).
    """
    return pieces_between(text, plain_cuts(text, inside_mask(text), separators))


def plain_cuts(text: str, inside: list[bool], separators: str) -> list[tuple[int, int, str]]:
    """(start, end, separator) of each cut of a cell: its enumerators and, outside brackets
    (`inside`), its `separators` and line breaks (separator "" for enumerators and breaks)."""
    cuts = [(i, i + 1, ch) for i, ch in enumerate(text) if ch in separators and not inside[i]]
    cuts += [(i, i + 1, "") for i, ch in enumerate(text) if ch == "\n" and not inside[i]]
    cuts += [(start, end, "") for start, end in enumerator_spans(text, inside)]
    return cuts


def pieces_between(text: str, cuts: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The non-empty pieces of `text` between cut spans, each with the label of the cut before."""
    pieces: list[tuple[str, str]] = []
    at, label = 0, ""
    for start, end, cut_label in sorted(cuts):
        if start < at:
            continue
        pieces.append((label, text[at:start]))
        at, label = end, cut_label
    pieces.append((label, text[at:]))
    cleaned = [(cut, squash_spaces(body.replace("\n", ""))) for cut, body in pieces]
    return [(cut, body) for cut, body in cleaned if body]


def _one_entry_per_line(text: str) -> bool:
    """Lines are entries ("县民政局\\n乡镇人民政府"), not a label broken to fit a column.

    Only when the cell has no separators of its own, every line is a plausible entry, and
    no line continues the one above with a bracket or punctuation.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return (
        len(lines) > 1
        and not _SEPARATOR_RUN.search(text)
        and all(len(line) >= MIN_ENTRY_LINE and _ENTRY_END.search(line) for line in lines)
        and not any(line[0] in _CONTINUING for line in lines[1:])
    )
