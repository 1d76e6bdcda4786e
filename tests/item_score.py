"""Scoring a converted catalog's items against expected ones, as the OCR tests and
bench/ocr_scan.py report it: items found, items exact, ticked flags right.

Items are aligned in order by their category and content (an OCR slip in one character
still aligns); an item is exact when every field but `source` (rows and pages differ
between a scan and the original) is equal.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence

import attrs

from disclosure_parse import Catalog

Item = dict[str, object]

#: the fields filled from ticked columns
FLAG_FIELDS = ("key_area", "disclosure", "five_publics", "audience", "levels")
#: least likeness of category + content for two items to be the same item
MIN_LIKENESS = 0.6


@attrs.frozen
class Score:
    expected: int
    found: int
    exact: int
    flags_right: int
    #: (expected, got) pairs that are not exact, for messages
    misses: tuple[tuple[Item, Item], ...] = ()

    @property
    def found_rate(self) -> float:
        return self.found / self.expected

    @property
    def exact_rate(self) -> float:
        return self.exact / self.expected

    def describe(self) -> str:
        lines = [
            f"found {self.found}/{self.expected}, exact {self.exact}/{self.expected}, "
            f"flags right {self.flags_right}/{self.found}"
        ]
        for want, got in self.misses:
            fields = [f for f in want if f != "source" and want[f] != got.get(f)]
            lines += [f"  {f}: {want[f]!r} -> {got.get(f)!r}" for f in fields]
        return "\n".join(lines)


def catalog_items(catalog: Catalog) -> list[Item]:
    items: list[Item] = json.loads(catalog.to_json())["items"]
    return items


def _key(item: Item) -> str:
    category = item.get("category") or []
    assert isinstance(category, list)
    return "/".join(str(c) for c in category) + "|" + str(item.get("content") or "")


def align(expected: Sequence[Item], got: Sequence[Item]) -> list[tuple[int, int]]:
    """Order-keeping alignment maximising the summed likeness of aligned pairs."""
    n, m = len(expected), len(got)
    like = [
        [difflib.SequenceMatcher(None, _key(a), _key(b)).ratio() for b in got] for a in expected
    ]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            pair = (
                best[i - 1][j - 1] + like[i - 1][j - 1]
                if like[i - 1][j - 1] >= MIN_LIKENESS
                else -1.0
            )
            best[i][j] = max(best[i - 1][j], best[i][j - 1], pair)
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i and j:
        s = like[i - 1][j - 1]
        if s >= MIN_LIKENESS and abs(best[i][j] - best[i - 1][j - 1] - s) < 1e-9:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif best[i - 1][j] >= best[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def score(expected: Sequence[Item], got: Sequence[Item]) -> Score:
    pairs = align(expected, got)
    exact = flags = 0
    misses = []
    for i, j in pairs:
        want, have = expected[i], got[j]
        if all(want[f] == have.get(f) for f in want if f != "source"):
            exact += 1
        else:
            misses.append((want, have))
        flags += all(want[f] == have.get(f) for f in FLAG_FIELDS)
    return Score(len(expected), len(pairs), exact, flags, tuple(misses))
