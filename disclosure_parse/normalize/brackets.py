"""Bracket pairs in one cell's text: which characters sit inside （）《》〔〕“” and which do not.

A bracket that is never closed in the cell (a typo: "《通知》(辽政办发(2014)74号、《…》") is plain
text, so it cannot swallow the rest of the cell. Full-width and ASCII forms of one bracket
close each other ("（国办发〔2017〕47号)").
"""

from __future__ import annotations

#: opening bracket → its family; a family's closing brackets close any of its openers
_OPENERS = {
    "《": "title",
    "（": "round",
    "(": "round",
    "〔": "square",
    "﹝": "square",
    "【": "square",
    "[": "square",
    "［": "square",
    "〈": "angle",
    "<": "angle",
    "＜": "angle",
    "“": "quote",
    "‘": "single-quote",
    "｛": "curly",
    "{": "curly",
}
_CLOSERS = {
    "》": "title",
    "）": "round",
    ")": "round",
    "〕": "square",
    "﹞": "square",
    "】": "square",
    "]": "square",
    "］": "square",
    "〉": "angle",
    ">": "angle",
    "＞": "angle",
    "”": "quote",
    "’": "single-quote",
    "｝": "curly",
    "}": "curly",
}
CLOSING_BRACKETS = frozenset(_CLOSERS)


def matched_pairs(text: str) -> dict[int, int]:
    """Index of each opening bracket that is closed in `text` → index of its closer.

    A closer matches the nearest open bracket of its family; openers left open in between
    (and openers never closed) are plain text, as are closers with no opener.
    """
    pairs: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    for index, ch in enumerate(text):
        if ch in _OPENERS:
            stack.append((_OPENERS[ch], index))
        elif ch in _CLOSERS:
            family = _CLOSERS[ch]
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == family:
                    pairs[stack[depth][1]] = index
                    del stack[depth:]
                    break
    return pairs


def inside_mask(text: str, pairs: dict[int, int] | None = None) -> list[bool]:
    """For each character: whether it sits strictly inside a closed bracket pair."""
    pairs = matched_pairs(text) if pairs is None else pairs
    delta = [0] * (len(text) + 1)
    for start, end in pairs.items():
        delta[start + 1] += 1
        delta[end] -= 1
    mask: list[bool] = []
    depth = 0
    for step in delta[:-1]:
        depth += step
        mask.append(depth > 0)
    return mask


def top_level_titles(text: str, pairs: dict[int, int] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each 《title》 not nested in another bracket, end exclusive."""
    pairs = matched_pairs(text) if pairs is None else pairs
    inside = inside_mask(text, pairs)
    return sorted(
        (start, end + 1)
        for start, end in pairs.items()
        if text[start] == "《" and not inside[start]
    )


def split_top_level(text: str, separators: str) -> list[str]:
    """`text` split at each of `separators` that is not inside a closed bracket pair."""
    inside = inside_mask(text)
    pieces: list[str] = []
    start = 0
    for index, ch in enumerate(text):
        if ch in separators and not inside[index]:
            pieces.append(text[start:index])
            start = index + 1
    pieces.append(text[start:])
    return pieces
