"""Parsing single values: placeholders, tick cells, dates; list and basis splitting re-exported.

The list rules live in their own modules (ticks, enumerators, lists, basis); importing them
from here keeps working.
"""

from __future__ import annotations

from disclosure_parse.cell_text import (
    EMPTY_VALUES,
    SAME_AS_ABOVE,
    TICKS,
    UNTICKS,
    is_empty_value,
    is_same_as_above,
    parse_date,
    squash_spaces,
)
from disclosure_parse.normalize.basis import split_basis
from disclosure_parse.normalize.enumerators import enumerator_spans, strip_enumerators
from disclosure_parse.normalize.lists import split_list
from disclosure_parse.normalize.ticks import (
    BoxEntry,
    box_entries,
    column_boxes_are_bullets,
    has_ticked_box,
    is_tick_list,
    ticked_entries,
)

__all__ = [
    "EMPTY_VALUES",
    "SAME_AS_ABOVE",
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
