"""Typed values beside the raw text: legal references, time limits, update cycles, subjects.

`add_typed_values` is the one place they are filled in: the pipeline hands it each finished
`Item`; every parser is a pure function of one already-split value.
"""

from __future__ import annotations

import attrs

from disclosure_parse.model import Item
from disclosure_parse.normalize.typed.legal_refs import parse_basis_ref
from disclosure_parse.normalize.typed.subjects import parse_subject
from disclosure_parse.normalize.typed.time_limits import parse_time_limit
from disclosure_parse.normalize.typed.update_cycles import parse_update_cycle

__all__ = [
    "add_typed_values",
    "parse_basis_ref",
    "parse_subject",
    "parse_time_limit",
    "parse_update_cycle",
]


def add_typed_values(item: Item) -> Item:
    """The item with `subject_refs`, `basis_refs`, `update_cycle_parsed` and `time_limit_parsed`
    parsed from its raw fields (which stay as they are)."""
    return attrs.evolve(
        item,
        subject_refs=tuple(parse_subject(name) for name in item.subjects),
        basis_refs=tuple(parse_basis_ref(entry) for entry in item.basis),
        update_cycle_parsed=(
            None if item.update_cycle is None else parse_update_cycle(item.update_cycle)
        ),
        time_limit_parsed=None if item.time_limit is None else parse_time_limit(item.time_limit),
    )
