"""Flag cells: a tick column (√ under 主动公开), a level column holding a level's name, and a
text column naming its flags (公开范围: 全社会; 公开方式: 全社会范围主动公开)."""

from __future__ import annotations

import attrs

from disclosure_parse.cell_text import join_lines
from disclosure_parse.model import ParseWarning
from disclosure_parse.normalize.values import parse_tick, split_list
from disclosure_parse.structure.layout import MappedColumn
from disclosure_parse.structure.vocabulary import (
    Field,
    HeaderVocabulary,
    flags_in_text,
    is_level_label,
)


@attrs.frozen
class FlagReading:
    """What one flag cell says: the flags it sets, text kept in `extra`, warnings."""

    flags: tuple[tuple[Field, str], ...] = ()
    #: the text that names no flag (kept in `extra` under the column's header)
    rest: str | None = None
    warnings: tuple[ParseWarning, ...] = ()


def read_flag_cell(
    column: MappedColumn, text: str, vocabulary: HeaderVocabulary, where: str, name: str
) -> FlagReading:
    """The flags a cell of a flag column sets (`name` is the column's name in `extra`)."""
    role = column.role
    if role.flag is None:
        return _text_flags(column, text, vocabulary, where, name)
    ticked = parse_tick(text, own_labels=column.header[-1:] if column.header else ())
    if ticked is None and role.field is Field.LEVELS and is_level_label(text):
        # a level column holding the level's name ("县级" under "州级县级")
        return FlagReading(flags=((role.field, join_lines(text)),))
    if ticked is None:
        warning = ParseWarning(
            "not-a-tick", f"value {join_lines(text)!r} in tick column {name} kept in extra", where
        )
        return FlagReading(rest=join_lines(text), warnings=(warning,))
    return FlagReading(flags=((role.field, role.flag),) if ticked else ())


def _text_flags(
    column: MappedColumn, text: str, vocabulary: HeaderVocabulary, where: str, name: str
) -> FlagReading:
    """A text column naming its flags, label by label; unknown labels are kept."""
    field = column.role.field
    flags: list[tuple[Field, str]] = []
    rest: list[str] = []
    warnings: list[ParseWarning] = []
    for label in split_list(text):
        named = _flags_named(field, label, vocabulary)
        flags.extend(named)
        if not named:
            rest.append(label)
            warnings.append(
                ParseWarning(
                    "unknown-label",
                    f"{label!r} in column {name} is not a known {field.value} label; kept in extra",
                    where,
                )
            )
    return FlagReading(tuple(flags), "、".join(rest) or None, tuple(warnings))


def _flags_named(field: Field, label: str, vocabulary: HeaderVocabulary) -> list[tuple[Field, str]]:
    """The flags one label of a text flag column names.

    A disclosure or audience text may name both ("全社会范围主动公开"); other fields take
    the label as the vocabulary knows it (a level label is its own flag).
    """
    if field in (Field.DISCLOSURE, Field.AUDIENCE):
        named = list(flags_in_text(label))
        if named:
            return named
    flag = vocabulary.flag_for_label(field, label)
    return [(field, flag)] if flag is not None else []
