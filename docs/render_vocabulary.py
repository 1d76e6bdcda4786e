"""Render the vocabulary tables of docs/vocabulary.md from the code.

    python docs/render_vocabulary.py          # rewrite the generated parts in place
    python docs/render_vocabulary.py --check  # exit 1 when the file is not current

The parts between `<!-- generated: NAME -->` and `<!-- end generated -->` are replaced;
everything else in the file is prose written by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

import regex

from disclosure_parse.structure.vocabulary import (
    CELLS_LABELS,
    FALLBACK_LABELS,
    GROUP_FIELDS,
    LABEL_PATTERNS,
    LEAF_ROLES,
    ColumnRole,
    Field,
)

DOC = Path(__file__).resolve().parent / "vocabulary.md"


def _field(role: ColumnRole) -> str:
    if role.field is Field.CATEGORY:
        return "`category.N` (N by column order)"
    if role.field is Field.REMARK:
        return "`extra` (known column: no warning)"
    if role.field is Field.EXTRA:
        return "`extra`"
    return f"`{role.name}`"


def _labels(table: dict[frozenset[str], ColumnRole]) -> str:
    rows = ["| header texts (any of) | field |", "|---|---|"]
    rows += [f"| {'、'.join(sorted(keys))} | {_field(role)} |" for keys, role in table.items()]
    return "\n".join(rows)


def _patterns() -> str:
    rows = ["| header key matches | field | certainty |", "|---|---|---|"]
    for pattern, naming in LABEL_PATTERNS:
        shown = pattern.replace("|", "\\|")
        rows.append(f"| `{shown}` | {_field(naming.role)} | {naming.certainty.value} |")
    return "\n".join(rows)


def _groups() -> str:
    rows = ["| group header | field of its sub-columns |", "|---|---|"]
    rows += [f"| {label} | `{field.value}` |" for label, field in GROUP_FIELDS.items()]
    return "\n".join(rows)


SECTIONS = {
    "leaf labels": lambda: _labels(LEAF_ROLES),
    "fallback labels": lambda: _labels(FALLBACK_LABELS),
    "cells labels": lambda: _labels(CELLS_LABELS),
    "patterns": _patterns,
    "groups": _groups,
}


def render(text: str) -> str:
    """`text` with every generated part replaced by the current tables."""
    for name, make in SECTIONS.items():
        block = regex.compile(
            rf"(<!-- generated: {regex.escape(name)} -->).*?(<!-- end generated -->)",
            regex.DOTALL,
        )
        match = block.search(text)
        if match is None:
            raise SystemExit(f"docs/vocabulary.md has no generated part named {name!r}")
        table = make()
        text = (
            text[: match.start()]
            + f"{match.group(1)}\n{table}\n{match.group(2)}"
            + text[match.end() :]
        )
    return text


def main(argv: list[str]) -> int:
    current = DOC.read_text(encoding="utf-8")
    rendered = render(current)
    if "--check" in argv:
        return 0 if rendered == current else 1
    DOC.write_text(rendered, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
