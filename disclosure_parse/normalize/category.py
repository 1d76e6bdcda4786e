"""The category path of a row: its level labels, inherited from the item above where the
row starts lower, split where one cell holds several levels, ★ marks removed."""

from __future__ import annotations

import regex

from disclosure_parse.cell_text import join_lines, strip_key_area_mark
from disclosure_parse.structure.layout import MappedColumn
from disclosure_parse.structure.vocabulary import Field


def category_path(
    columns: tuple[MappedColumn, ...],
    texts: dict[int, str],
    own: set[int],
    empty_merges: set[int],
    above: list[str],
    fill_down: bool,
) -> tuple[tuple[str, ...], bool, list[str]]:
    """The category path: levels left of the first label this row carries come from above.

    `above` is the previous item's level labels; the row's own level labels are returned
    last, for the item below. A label merged down from an earlier row is not the row's own:
    under it, an empty lower
    level is still inherited. A level whose cell is an empty real merge stays empty. A
    column whose header names several levels ("公开事项（一级/二级）") gives one slot per
    level, its cell split at "/".
    """
    slots: list[tuple[str, int]] = []  # (label, column index) per category level
    for column in columns:
        if column.role.field is not Field.CATEGORY:
            continue
        label = join_lines(texts[column.index])
        for part in _levels_of(label, column.levels_in_cell):
            slots.append((part, column.index))
    labels = [label for label, _ in slots]
    first = next((i for i, (label, col) in enumerate(slots) if label and col in own), None)
    if fill_down:
        if first is None:
            first = len(slots)
        inherited = [
            "" if col in empty_merges else (above[i] if i < len(above) else "")
            for i, (_, col) in enumerate(slots[:first])
        ]
        labels = inherited + labels[first:]
    path: list[str] = []
    key_area = False
    for label in labels:
        if not label:
            continue
        name, marked = strip_key_area_mark(label)
        key_area = key_area or marked
        if name and (not path or path[-1] != name):
            path.append(name)
    return tuple(path), key_area, labels


def _levels_of(label: str, levels: int) -> list[str]:
    """A cell holding `levels` category levels joined by "/" as one label per level."""
    if levels <= 1:
        return [label]
    parts = [p.strip() for p in regex.split(r"\s*[/／]\s*", label, maxsplit=levels - 1)]
    return parts + [""] * (levels - len(parts))
