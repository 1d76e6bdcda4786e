"""From a table's body rows to `Item`s: merges, inheritance (fill-down), ticks, splitting.

Rules (each pinned by a test in tests/test_normalize_rules.py):
- a real merged cell gives its value to every row it covers, whatever its column;
- where a cell is simply empty, seq, the category path, subjects, basis and channels
  are inherited from the item above; content and tick columns are not;
- 同上 means the value above, in any column; "/" and "—" mean empty;
- line breaks inside labels are joined (no space between CJK characters);
- ★ before a category label is removed and sets `key_area`;
- consecutive duplicate category levels collapse into one;
- an empty cell that is a real merge stays empty (no inheritance) for every row it covers;
- a row with no seq, label or content of its own continues the item above, unless those
  are real merges from above (then it is a sub-row: an item of its own);
- a text column naming flags (公开范围: 全社会) gives flags; 主动公开 in a channel list too
  (flags.py); the category path is category.py's.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from disclosure_parse.cell_text import join_lines
from disclosure_parse.grid import Table
from disclosure_parse.model import Audience, Disclosure, FivePublic, Item, ItemSource, ParseWarning
from disclosure_parse.normalize.category import category_path
from disclosure_parse.normalize.flags import read_flag_cell
from disclosure_parse.normalize.ticks import column_boxes_are_bullets
from disclosure_parse.normalize.values import (
    is_empty_value,
    is_same_as_above,
    split_basis,
    split_list,
)
from disclosure_parse.structure.header import is_header_row, is_spanning_title_row
from disclosure_parse.structure.layout import MappedColumn, TableLayout
from disclosure_parse.structure.vocabulary import (
    Field,
    HeaderVocabulary,
)

#: fields whose empty cells take the value of the item above
INHERITED = frozenset({Field.SEQ, Field.CATEGORY, Field.SUBJECTS, Field.BASIS, Field.CHANNELS})


@attrs.frozen
class RowValue:
    """A body cell as seen from one row: its text and whether a merge brought it there."""

    text: str
    #: the cell started in an earlier row (a real vertical merge)
    from_above: bool = False
    #: the cell spans several rows (a real merge: rowspan, vMerge, merged range, ruled cell)
    merged: bool = False

    @property
    def is_empty_merge(self) -> bool:
        """An empty cell that is a real merge: it stays empty for every row it covers."""
        return self.merged and not self.text.strip()


@attrs.define
class _Memory:
    """What the previous item held, for inheritance and 同上."""

    texts: dict[int, str] = attrs.Factory(dict)
    category: list[str] = attrs.Factory(list)


def table_items(
    table: Table,
    layout: TableLayout,
    table_number: int,
    vocabulary: HeaderVocabulary,
    *,
    fill_down: bool = True,
    section: str | None = None,
) -> tuple[list[Item], list[ParseWarning]]:
    """The items of one catalog table, and the warnings raised on the way."""
    items: list[Item] = []
    warnings: list[ParseWarning] = []
    memory = _Memory()
    for row in layout.title_rows:
        titles = [join_lines(c.text) for c in table.row_cells(row) if c.text.strip()]
        if len(titles) == 1:
            section = titles[0]
    header_texts = _header_row_texts(table, layout)
    bullets = _bullet_columns(table, layout)
    for row in range(layout.body_start, table.n_rows):
        where = f"{table.label or f'table {table_number}'}, row {row + 1}"
        values = _row_values(table, row, layout)
        own = [v.text for v in values if not v.from_above and v.text.strip()]
        if not own:
            if any(v.text.strip() for v in values):
                warnings.append(
                    ParseWarning("merged-row", "row holds only cells merged from above", where)
                )
            continue
        if is_spanning_title_row(table, row):
            section = join_lines(own[0])
            continue
        if _repeats_header(values, header_texts) and is_header_row(table, row, vocabulary):
            warnings.append(ParseWarning("repeated-header", "header row repeated; skipped", where))
            continue
        if items and _continues_item_above(values, layout):
            items[-1] = _extend_item(items[-1], values, layout, row, bullets)
            _remember_continuation(memory, values, layout)
            warnings.append(
                ParseWarning(
                    "continuation-row",
                    f"row carries no item of its own; its values were added to the item of row "
                    f"{items[-1].source.rows[0]}",
                    where,
                )
            )
            continue
        item, row_warnings = _row_item(
            values,
            layout,
            vocabulary,
            memory,
            fill_down,
            where,
            _item_source(table, table_number, row),
            bullets,
        )
        items.append(attrs.evolve(item, section=section))
        warnings.extend(row_warnings)
    return items, _gathered(warnings)


def _gathered(warnings: list[ParseWarning]) -> list[ParseWarning]:
    """Warnings saying the same thing on several rows of a table, as one naming the rows
    ("'全文发布' … kept in extra", table 1, rows 4, 5, 9): one line per fact, not per row."""
    rows: dict[tuple[str, str], list[str]] = {}
    for warning in warnings:
        rows.setdefault((warning.code, warning.message), []).append(warning.where)
    gathered: list[ParseWarning] = []
    for (code, message), places in rows.items():
        if len(places) == 1:
            gathered.append(ParseWarning(code, message, places[0]))
            continue
        table, _, _ = places[0].rpartition(", row ")
        numbers = [place.rpartition(", row ")[2] for place in places]
        if all(place.rpartition(", row ")[0] == table for place in places) and table:
            where = f"{table}, rows {', '.join(numbers)}"
        else:
            where = "; ".join(places)
        gathered.append(ParseWarning(code, message, where))
    return gathered


#: fields a row must leave empty to be a continuation of the item above
_ITEM_IDENTITY = frozenset({Field.SEQ, Field.CATEGORY, Field.CONTENT})
#: fields whose extra lines a continuation row adds to the item above
_APPENDABLE = {Field.SUBJECTS: "subjects", Field.BASIS: "basis", Field.CHANNELS: "channels"}


def _continues_item_above(values: list[RowValue], layout: TableLayout) -> bool:
    """A row with no seq, label or content of its own, only more 主体/依据/渠道 lines.

    Not a sub-row of a merged logical row: when every seq/category/content cell of the row
    is a real merge from above holding text, the row is one item of its own (a column split
    into 【机构名称】/【联系方式】 sub-rows while the other cells span them).
    """
    identity = [
        value
        for column, value in zip(layout.columns, values, strict=True)
        if column.role.field in _ITEM_IDENTITY
    ]
    if identity and all(v.from_above and v.text.strip() for v in identity):
        return False
    own_fields = {
        column.role.field
        for column, value in zip(layout.columns, values, strict=True)
        if not value.from_above and value.text.strip() and not is_empty_value(value.text)
    }
    return not (own_fields & _ITEM_IDENTITY) and bool(own_fields) and own_fields <= set(_APPENDABLE)


def _bullet_columns(table: Table, layout: TableLayout) -> frozenset[int]:
    """Channel columns whose □ boxes are bullets: a tick list somewhere, no box ever ticked."""
    bullets: set[int] = set()
    for column in layout.columns:
        if column.role.field is not Field.CHANNELS:
            continue
        texts = [
            cell.text
            for row in range(layout.body_start, table.n_rows)
            if (cell := table.cell_at(row, column.index)) is not None and cell.row == row
        ]
        if column_boxes_are_bullets(texts):
            bullets.add(column.index)
    return frozenset(bullets)


def _split_entries(field: Field, text: str, bullets: bool) -> tuple[str, ...]:
    """A list cell's entries: legal references for basis, names or channels otherwise."""
    if field is Field.BASIS:
        return split_basis(text)
    return split_list(text, boxes_are_bullets=bullets)


def _extend_item(
    item: Item, values: list[RowValue], layout: TableLayout, row: int, bullets: frozenset[int]
) -> Item:
    """`item` with a continuation row's list entries appended and the row recorded."""
    changes: dict[str, object] = {}
    for column, value in zip(layout.columns, values, strict=True):
        name = _APPENDABLE.get(column.role.field)
        if name is None or value.from_above or not value.text.strip():
            continue
        entries = _split_entries(column.role.field, value.text, column.index in bullets)
        current = changes.get(name, getattr(item, name))
        assert isinstance(current, tuple)
        changes[name] = current + tuple(e for e in entries if e not in current)
    source = attrs.evolve(item.source, rows=(*item.source.rows, row + 1))
    return attrs.evolve(item, source=source, **changes)  # type: ignore[arg-type]


def _remember_continuation(memory: _Memory, values: list[RowValue], layout: TableLayout) -> None:
    """Rows below inherit the item's lists including the continuation's entries."""
    for column, value in zip(layout.columns, values, strict=True):
        if column.role.field in _APPENDABLE and not value.from_above and value.text.strip():
            above = memory.texts.get(column.index, "")
            memory.texts[column.index] = f"{above}；{value.text}" if above else value.text


def _item_source(table: Table, table_number: int, row: int) -> ItemSource:
    """Table number, 1-based physical row, and the page the row starts on (if paged)."""
    paged = [
        (cell.row, cell.page)
        for col in range(table.n_cols)
        if (cell := table.cell_at(row, col)) is not None and cell.page is not None
    ]
    # a cell merged down from an earlier page does not say where this row is
    starting = [page for origin, page in paged if origin == row]
    page = min(starting) if starting else max((p for _, p in paged), default=None)
    return ItemSource(table_number, (row + 1,), page)


def _squeeze(text: str) -> str:
    """Text without any whitespace: a cheap key for comparing header cells."""
    return "".join(text.split())


def _header_row_texts(table: Table, layout: TableLayout) -> list[list[str]]:
    return [
        [_squeeze(table.text_at(row, col)) for col in range(table.n_cols)]
        for row in layout.header_rows
    ]


def _repeats_header(values: list[RowValue], header_texts: list[list[str]]) -> bool:
    """Whether a body row repeats one of the header rows (a header repeated after a break)."""
    texts = [_squeeze(v.text) for v in values]
    return any(
        all(t == h or not t for t, h in zip(texts, header, strict=False)) for header in header_texts
    )


def _row_values(table: Table, row: int, layout: TableLayout) -> list[RowValue]:
    values: list[RowValue] = []
    for column in layout.columns:
        cell = table.cell_at(row, column.index)
        if cell is None:
            values.append(RowValue(""))
            continue
        spans_from_left = cell.col < column.index
        merged = cell.row_span > 1
        if spans_from_left and not column.role.is_flag:
            # a label spanning 一级+二级 (or content+basis) belongs to its first column
            values.append(RowValue("", from_above=cell.row < row, merged=merged))
            continue
        values.append(RowValue(cell.text, from_above=cell.row < row, merged=merged))
    return values


def _row_item(
    values: list[RowValue],
    layout: TableLayout,
    vocabulary: HeaderVocabulary,
    memory: _Memory,
    fill_down: bool,
    where: str,
    source: ItemSource,
    bullets: frozenset[int] = frozenset(),
) -> tuple[Item, list[ParseWarning]]:
    warnings: list[ParseWarning] = []
    channel_entries: list[str] = []
    texts: dict[int, str] = {}
    for column, value in zip(layout.columns, values, strict=True):
        text = value.text
        if is_same_as_above(text):
            text = memory.texts.get(column.index, "")
        elif is_empty_value(text):
            text = ""
        if not text.strip() and fill_down and column.role.field in INHERITED:
            if column.role.field is not Field.CATEGORY and not value.is_empty_merge:
                text = memory.texts.get(column.index, "")
        texts[column.index] = text

    own = {c.index for c, v in zip(layout.columns, values, strict=True) if not v.from_above}
    empty_merges = {
        c.index for c, v in zip(layout.columns, values, strict=True) if v.is_empty_merge
    }
    category, key_area, memory.category = category_path(
        layout.columns, texts, own, empty_merges, memory.category, fill_down
    )
    fields: dict[Field, list[str]] = {}
    flags: dict[Field, list[str]] = {}
    extra: dict[str, str] = {}
    for column in layout.columns:
        text = texts[column.index]
        role = column.role
        if role.field is Field.CATEGORY:
            continue
        if role.is_flag:
            name = _extra_name(column)
            reading = read_flag_cell(column, text, vocabulary, where, name)
            for flag_field, flag_value in reading.flags:
                flags.setdefault(flag_field, []).append(flag_value)
            if reading.rest is not None:
                extra[name] = reading.rest
            warnings.extend(reading.warnings)
            continue
        if not text.strip():
            continue
        if role.field in (Field.EXTRA, Field.REMARK):
            extra[_extra_name(column)] = join_lines(text)
            continue
        if role.field is Field.CHANNELS:
            channel_entries.extend(split_list(text, boxes_are_bullets=column.index in bullets))
            continue
        fields.setdefault(role.field, []).append(text)

    memory.texts = texts
    channels = tuple(channel_entries)
    # a 公开方式 column may name how (主动公开) rather than where: those are flags
    for entry in channels:
        flag = vocabulary.flag_for_label(Field.DISCLOSURE, entry)
        if flag is not None:
            flags.setdefault(Field.DISCLOSURE, []).append(flag)
    channels = tuple(e for e in channels if vocabulary.flag_for_label(Field.DISCLOSURE, e) is None)
    item = Item(
        seq=_scalar(fields.get(Field.SEQ)),
        category=category,
        key_area=key_area,
        content=_scalar(fields.get(Field.CONTENT)),
        subjects=_listed(fields.get(Field.SUBJECTS), split_list),
        basis=_listed(fields.get(Field.BASIS), split_basis),
        update_cycle=_scalar(fields.get(Field.UPDATE_CYCLE)),
        time_limit=_scalar(fields.get(Field.TIME_LIMIT)),
        disclosure=tuple(d for d in Disclosure if d.value in flags.get(Field.DISCLOSURE, ())),
        five_publics=tuple(f for f in FivePublic if f.value in flags.get(Field.FIVE_PUBLICS, ())),
        channels=channels,
        audience=tuple(a for a in Audience if a.value in flags.get(Field.AUDIENCE, ())),
        levels=tuple(dict.fromkeys(flags.get(Field.LEVELS, ()))),
        extra=extra,
        source=source,
    )
    return item, warnings


def _scalar(texts: list[str] | None) -> str | None:
    if not texts:
        return None
    return join_lines(texts[0]) or None


def _listed(texts: list[str] | None, split: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
    if not texts:
        return ()
    entries: list[str] = []
    for text in texts:
        entries.extend(split(text))
    return tuple(entries)


def _extra_name(column: MappedColumn) -> str:
    return "/".join(column.header) if column.header else f"column {column.index + 1}"
