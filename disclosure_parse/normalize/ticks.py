"""Tick marks and ■/□ tick lists ("■政府网站 □政府公报 ■公开查阅点").

A tick list offers entries each behind a box; a filled box (■ ▄ ☑ √ …) ticks its entry, an empty
one (□ ☐ 口 …) does not. 口 (the CJK character "mouth", typed for □) is a box only where the
text uses it as one: before a label, in a run of boxes; inside a word (窗口, 出口, 人口, 口岸)
it is text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import regex

from disclosure_parse.cell_text import join_lines, squash_spaces
from disclosure_parse.normalize.brackets import split_top_level

#: boxes of a tick list: ticked, and unticked (口 only where used as a box, see below)
TICKED_BOXES = frozenset("■☑þ√✓✔●▪◼▄▀█▇◆✅")
UNTICKED_BOXES = frozenset("□☐◻○¨▢❏❑")
#: glyphs that make a cell a tick list on their own (√ ✓ ○ alone do not: "√" is a flag cell)
_LIST_BOXES = frozenset("■☑þ□☐◻▄▀█▇◼▪◆●▢❏❑")
MOUTH = "口"
#: words starting with 口 (口岸办, 口腔医院, 口头告知): the 口 is not a box
_MOUTH_WORDS = frozenset("岸腔径述头号碑令罩语才音吻气味粮")
#: what may stand before a 口 box: nothing, a space, a separator, a closing bracket, a box
_BEFORE_BOX = frozenset(" \t\n\u3000；;，,、:：。.)）】〕") | TICKED_BOXES | UNTICKED_BOXES
#: separators ending a box's entry; text after one belongs to an entry whose box was lost
_ENTRY_END = "；;，,:：。"
_EDGE = " 、，,；;:：。."


class BoxEntry(NamedTuple):
    """One entry of a tick list: its label, whether ticked, whether it has a box at all."""

    label: str
    ticked: bool
    boxed: bool


def box_positions(text: str) -> list[tuple[int, bool]]:
    """(index, ticked) of each box of a tick list in `text`; [] when the text is not one.

    口 counts as a box only before a label (at the start, after a space, a separator or another
    box), and only where at least two 口 boxes or another box glyph make a run of boxes.
    """
    mouths = [i for i, ch in enumerate(text) if ch == MOUTH and _mouth_is_a_box(text, i)]
    has_glyph_box = any(ch in _LIST_BOXES for ch in text)
    if not has_glyph_box and len(mouths) < 2:
        return []
    boxes = [
        (i, ch in TICKED_BOXES)
        for i, ch in enumerate(text)
        if ch in TICKED_BOXES or ch in UNTICKED_BOXES
    ]
    return sorted(boxes + [(i, False) for i in mouths])


def is_tick_list(text: str) -> bool:
    """Whether the cell is a ■/□ tick list (see box_positions)."""
    return bool(box_positions(text))


def has_ticked_box(text: str) -> bool:
    """Whether the text ticks anything: a filled box (■ ☑ √ ▄ …) anywhere in it.

    A column none of whose cells has one uses its □ boxes as bullets (split_list's
    `boxes_are_bullets`).
    """
    return any(ch in TICKED_BOXES for ch in text)


def column_boxes_are_bullets(texts: Iterable[str]) -> bool:
    """Whether a column's boxes are bullets: some cell is a tick list and no cell ticks anything.

    ("□政府网站 □政府公报" in every row: the boxes only mark the entries.)
    """
    cells = list(texts)
    return any(is_tick_list(t) for t in cells) and not any(has_ticked_box(t) for t in cells)


def box_entries(text: str) -> tuple[BoxEntry, ...]:
    """The entries of a tick list in printed order; () when the text is not a tick list.

    Each box's entry runs to the next box; a separator (；;，,:：。) ends it, and text after the
    separator is an entry whose box was lost (not ticked). A label wrapped over lines is joined;
    separators at its ends are not part of it. Text before the first box is a boxless entry.
    """
    boxes = box_positions(text)
    if not boxes:
        return ()
    entries: list[BoxEntry] = []
    entries.extend(_labels(text[: boxes[0][0]], ticked=False, boxed=False))
    ends = [i for i, _ in boxes[1:]] + [len(text)]
    for (start, ticked), end in zip(boxes, ends, strict=True):
        entries.extend(_labels(text[start + 1 : end], ticked=ticked, boxed=True))
    return tuple(entries)


def ticked_entries(text: str) -> tuple[str, ...]:
    """ "■政府网站 □政府公报 ■公开查阅点" → ("政府网站", "公开查阅点")."""
    return tuple(entry.label for entry in box_entries(text) if entry.ticked)


def _labels(text: str, *, ticked: bool, boxed: bool) -> list[BoxEntry]:
    """The entry right after a box (ticked as the box), then any boxless ones after it."""
    pieces = [squash_spaces(p).strip(_EDGE) for p in split_top_level(join_lines(text), _ENTRY_END)]
    own, *others = pieces
    entries = [BoxEntry(own, ticked and boxed, boxed)] if own else []
    return entries + [BoxEntry(p, ticked=False, boxed=False) for p in others if p]


def _mouth_is_a_box(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1 : index + 2]
    return (
        before in _BEFORE_BOX
        and after != ""
        and after not in _MOUTH_WORDS
        and after != MOUTH
        and (after.isspace() or bool(regex.match(r"[\p{Han}A-Za-z《“(（]", after)))
    )
