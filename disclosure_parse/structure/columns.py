"""Give every column of a table its role: the vocabulary first, then the cells, then the table.

1. `name_columns`: each column's header path through the vocabulary, with how sure the
   header is (`Certainty`), whether its header cell is shared with a neighbour, and how
   many category levels its cells hold ("公开事项（一级/二级）").
2. `settle_columns`: columns whose header cannot tell (empty, truncated to "公开", shared,
   or ambiguous like 公开方式 / 公开形式 alone) are typed by their cells (`column_kind`);
   then the table decides what depends on the other columns — a responsibility column is
   the subjects only without a 公开主体 column, a 公开方式 beside a real channel column
   says how rather than where, a category-named column right of the content is an
   attribute, a second column of a single-valued field is kept in `extra` — and category
   columns are numbered 1..n left to right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs
import regex

from disclosure_parse.cell_text import is_empty_value, is_same_as_above, join_lines
from disclosure_parse.grid import Cell, Table
from disclosure_parse.structure.cells import ColumnKind, column_kind, is_descriptive
from disclosure_parse.structure.header import HeaderRows, is_spanning_title_row
from disclosure_parse.structure.layout import MappedColumn
from disclosure_parse.structure.vocabulary import (
    Certainty,
    ColumnRole,
    Field,
    HeaderVocabulary,
    is_ambiguous_label,
)

_LEVELS_IN_HEADER = regex.compile(
    r"[（(]\s*[一二三四五六七八]级(?:\s*[/／、]\s*[一二三四五六七八]级)+\s*[)）]"
)
#: share of a column's cells that must agree for the cells to decide its role
CELLS_DECIDE = 0.6
#: fields a table holds once per item: a second such column is kept in `extra`
SINGLE_VALUED = (Field.SEQ, Field.CONTENT, Field.TIME_LIMIT, Field.UPDATE_CYCLE)


def name_columns(
    table: Table, rows: HeaderRows, vocabulary: HeaderVocabulary
) -> tuple[MappedColumn, ...]:
    """Each grid column named through the vocabulary from its header path."""
    return tuple(
        _name_column(table, col, rows.header_rows, vocabulary) for col in range(table.n_cols)
    )


def _name_column(
    table: Table, col: int, header_rows: tuple[int, ...], vocabulary: HeaderVocabulary
) -> MappedColumn:
    path: list[str] = []
    seen: list[Cell] = []
    for row in header_rows:
        cell = table.cell_at(row, col)
        if cell is None or cell in seen:
            continue
        seen.append(cell)
        text = join_lines(cell.text)
        if text:
            path.append(text)
    header = tuple(path)
    naming = vocabulary.name(header)
    leaf = next((c for c in reversed(seen) if c.text.strip()), None)
    levels = _levels_in_header(header[-1]) if header and naming.role.field is Field.CATEGORY else 1
    return MappedColumn(
        index=col,
        header=header,
        role=naming.role,
        certainty=naming.certainty,
        levels_in_cell=levels,
        shared_header=leaf is not None and leaf.col_span > 1,
    )


def _levels_in_header(text: str) -> int:
    """ "公开事项（一级/二级）" → 2: the header says its cells hold two levels."""
    match = _LEVELS_IN_HEADER.search(text)
    return len(regex.findall(r"[一二三四五六七八]级", match.group(0))) if match else 1


def settle_columns(
    table: Table, rows: HeaderRows, columns: tuple[MappedColumn, ...]
) -> tuple[MappedColumn, ...]:
    """The columns with cell typing and the table's own decisions applied (see module doc)."""
    body_start = max(rows.title_rows + rows.header_rows, default=-1) + 1
    body = [row for row in range(body_start, table.n_rows) if not is_spanning_title_row(table, row)]
    typed = [_typed_by_cells(c, _column_texts(table, body, c.index)) for c in columns]
    typed = _content_under_a_shared_header(typed, table, body)
    typed = _resolve_fallbacks(typed)
    typed = _manner_beside_channels(typed)
    typed = _attributes_right_of_content(typed)
    typed = _single_valued_once(typed)
    return _number_levels(typed)


def _column_texts(table: Table, body: list[int], col: int) -> list[str]:
    """The texts of the cells of `body` rows that start in `col` (placeholders left out)."""
    texts: list[str] = []
    for row in body:
        cell = table.cell_at(row, col)
        if cell is None or cell.row != row or cell.col != col or not cell.text.strip():
            continue
        if is_empty_value(cell.text) or is_same_as_above(cell.text):
            continue
        texts.append(cell.text)
    return texts


def _majority(kinds: Iterable[ColumnKind]) -> ColumnKind | None:
    counts = Counter(kinds)
    total = sum(counts.values())
    if not total:
        return None
    kind, count = counts.most_common(1)[0]
    return kind if count / total >= CELLS_DECIDE else None


#: what an undecided column becomes when its cells agree on a kind
_BY_KIND: dict[ColumnKind, tuple[ColumnRole, Certainty]] = {
    ColumnKind.SEQ: (ColumnRole(Field.SEQ), Certainty.LABEL),
    ColumnKind.BASIS: (ColumnRole(Field.BASIS), Certainty.LABEL),
    ColumnKind.TIME_LIMIT: (ColumnRole(Field.TIME_LIMIT), Certainty.LABEL),
    ColumnKind.UPDATE_CYCLE: (ColumnRole(Field.UPDATE_CYCLE), Certainty.LABEL),
    ColumnKind.BODY: (ColumnRole(Field.SUBJECTS), Certainty.FALLBACK),
    ColumnKind.CHANNEL: (ColumnRole(Field.CHANNELS), Certainty.LABEL),
    ColumnKind.MANNER: (ColumnRole(Field.DISCLOSURE), Certainty.LABEL),
    ColumnKind.FORM: (ColumnRole(Field.REMARK), Certainty.LABEL),
}
#: kinds strong enough to override the role of a header shared with a neighbour
_OVERRIDE_SHARED = frozenset(
    {
        ColumnKind.SEQ,
        ColumnKind.BASIS,
        ColumnKind.TIME_LIMIT,
        ColumnKind.UPDATE_CYCLE,
        ColumnKind.BODY,
    }
)


def _typed_by_cells(column: MappedColumn, texts: list[str]) -> MappedColumn:
    """A column whose header cannot tell (or is shared) typed by what its cells hold."""
    undecided = column.certainty is Certainty.CELLS or not column.header
    if not (undecided or column.shared_header) or not texts:
        return column
    kinds = [column_kind(t) for t in texts]
    kind = _majority(kinds)
    if kind is None or kind not in _BY_KIND:
        return column
    if not undecided and kind not in _OVERRIDE_SHARED:
        return column
    role, certainty = _BY_KIND[kind]
    if role.field is column.role.field and role.flag == column.role.flag:
        return attrs.evolve(column, certainty=Certainty.LABEL)
    if column.header and is_ambiguous_label(column.header[-1]) and kinds.count(kind) == len(texts):
        # a label known to mean one of a few things (公开形式, 公开方式) and cells that all
        # say which: a reading, not a guess worth a warning
        return attrs.evolve(column, role=role, certainty=certainty)
    reason = f"{kinds.count(kind)} of its {len(texts)} cells look like a {kind.value}"
    return attrs.evolve(column, role=role, certainty=certainty, assumed=reason)


def _content_under_a_shared_header(
    columns: list[MappedColumn], table: Table, body: list[int]
) -> list[MappedColumn]:
    """Without a content column, a column sharing a category header with the column left
    of it whose cells are descriptive text (long, or with sentence punctuation) is the
    content: 公开事项 printed over the item's name and its description."""
    if any(c.role.field is Field.CONTENT for c in columns):
        return columns
    settled = list(columns)
    for i, column in enumerate(columns):
        left = columns[i - 1] if i else None
        if not (
            column.shared_header
            and column.role.field is Field.CATEGORY
            and left is not None
            and left.role.field is Field.CATEGORY
            and left.header == column.header
        ):
            continue
        texts = _column_texts(table, body, column.index)
        if texts and sum(map(is_descriptive, texts)) / len(texts) >= CELLS_DECIDE:
            settled[i] = attrs.evolve(
                column,
                role=ColumnRole(Field.CONTENT),
                assumed="its cells describe the item and the table has no content column",
            )
            break
    return settled


def _demoted(column: MappedColumn) -> MappedColumn:
    """A column kept under its header in `extra` (known, so no unmapped-column warning)."""
    return attrs.evolve(column, role=ColumnRole(Field.REMARK), certainty=Certainty.LABEL)


def _resolve_fallbacks(columns: list[MappedColumn]) -> list[MappedColumn]:
    """A FALLBACK column takes its field only when no other column names it (the first one)."""
    resolved = list(columns)
    for field in {c.role.field for c in columns if c.certainty is Certainty.FALLBACK}:
        labelled = [c for c in columns if c.role.field is field and c.certainty is Certainty.LABEL]
        fallbacks = [
            i
            for i, c in enumerate(columns)
            if c.role.field is field and c.certainty is Certainty.FALLBACK
        ]
        for number, i in enumerate(fallbacks):
            if labelled or number > 0:
                resolved[i] = _demoted(columns[i])
            else:
                resolved[i] = attrs.evolve(columns[i], certainty=Certainty.LABEL)
    return resolved


def _manner_beside_channels(columns: list[MappedColumn]) -> list[MappedColumn]:
    """A 公开方式 read as channels only by default says how when a real channel column exists."""
    real = any(c.role.field is Field.CHANNELS and c.certainty is Certainty.LABEL for c in columns)
    return [
        attrs.evolve(
            c,
            role=ColumnRole(Field.DISCLOSURE),
            certainty=Certainty.LABEL,
            assumed="the table has a channel column of its own, so this one says how",
        )
        if real and c.role.field is Field.CHANNELS and c.certainty is Certainty.CELLS
        else c
        for c in columns
    ]


def _attributes_right_of_content(columns: list[MappedColumn]) -> list[MappedColumn]:
    """Category levels stand left of the content; a category-named column right of it
    (事项类别（法定公开、其他）) is an attribute of the item, kept in `extra`."""
    content = next((c.index for c in columns if c.role.field is Field.CONTENT), None)
    if content is None:
        return columns
    return [
        _demoted(c) if c.role.field is Field.CATEGORY and c.index > content else c for c in columns
    ]


def _single_valued_once(columns: list[MappedColumn]) -> list[MappedColumn]:
    """A second column of a single-valued field (a second 内容 column) is kept in `extra`."""
    seen: set[Field] = set()
    kept: list[MappedColumn] = []
    for column in columns:
        field = column.role.field
        if field in SINGLE_VALUED and field in seen:
            column = _demoted(column)
        seen.add(field)
        kept.append(column)
    return kept


def _number_levels(columns: list[MappedColumn]) -> tuple[MappedColumn, ...]:
    """Category columns get depths 1..n in left-to-right order (类别 › 一级 › 二级)."""
    depth = 0
    numbered: list[MappedColumn] = []
    for column in columns:
        if column.role.field is Field.CATEGORY:
            depth += 1
            column = attrs.evolve(column, role=ColumnRole(Field.CATEGORY, level=depth))
        numbered.append(column)
    return tuple(numbered)
