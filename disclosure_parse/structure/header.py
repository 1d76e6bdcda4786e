"""Find a table's header rows and map each grid column to a `ColumnRole`."""

from __future__ import annotations

import attrs

from disclosure_parse.grid import Cell, Table
from disclosure_parse.normalize.text import join_lines
from disclosure_parse.structure.vocabulary import ColumnRole, Field, HeaderVocabulary, header_key

#: most rows a header (title rows included) may take at the top of a table
MAX_HEADER_ROWS = 6
#: a catalog table maps at least this many distinct fields, content or category among them
MIN_KNOWN_FIELDS = 3


@attrs.frozen
class MappedColumn:
    """One grid column: its header texts top to bottom and what it means."""

    index: int
    header: tuple[str, ...]
    role: ColumnRole


@attrs.frozen
class TableLayout:
    """How a table is laid out: title rows, header rows, columns; body starts after."""

    #: rows above the header holding a title or 领域 heading (one spanning cell)
    title_rows: tuple[int, ...]
    header_rows: tuple[int, ...]
    columns: tuple[MappedColumn, ...]

    @property
    def body_start(self) -> int:
        rows = self.title_rows + self.header_rows
        return max(rows) + 1 if rows else 0

    def known_fields(self) -> set[Field]:
        return {
            c.role.field for c in self.columns if c.role.field not in (Field.EXTRA, Field.REMARK)
        }

    @property
    def is_catalog(self) -> bool:
        fields = self.known_fields()
        return len(fields) >= MIN_KNOWN_FIELDS and bool(fields & {Field.CONTENT, Field.CATEGORY})


def _distinct_row_cells(table: Table, row: int) -> list[Cell]:
    """The cells covering `row`, left to right, each once (a span covers several columns)."""
    seen: list[Cell] = []
    for col in range(table.n_cols):
        cell = table.cell_at(row, col)
        if cell is not None and not (seen and seen[-1] is cell):
            seen.append(cell)
    return seen


def is_spanning_title_row(table: Table, row: int) -> bool:
    """A row with one non-empty cell that spans (nearly) the whole width: a title/领域 row."""
    cells = [c for c in _distinct_row_cells(table, row) if c.text.strip()]
    if len(cells) != 1:
        return False
    cell = cells[0]
    return cell.col_span >= max(2, table.n_cols - 1) or (
        table.n_cols > 3 and cell.col_span * 2 > table.n_cols
    )


def is_header_row(table: Table, row: int, vocabulary: HeaderVocabulary) -> bool:
    """Whether most non-empty cells of `row` are header labels the vocabulary knows."""
    texts = [c.text for c in _distinct_row_cells(table, row) if c.row == row and c.text.strip()]
    if not texts:
        return False
    known = sum(1 for t in texts if vocabulary.is_known(t))
    return known >= 1 and known * 2 >= len(texts)


def find_layout(table: Table, vocabulary: HeaderVocabulary) -> TableLayout:
    """Title rows, header rows and column roles of `table` (may be a non-catalog table)."""
    title_rows: list[int] = []
    header_rows: list[int] = []
    row = 0
    while row < min(table.n_rows, MAX_HEADER_ROWS):
        if not header_rows and is_spanning_title_row(table, row):
            title_rows.append(row)
        elif is_header_row(table, row, vocabulary):
            header_rows.append(row)
        elif header_rows and (
            _continues_header(table, row, header_rows)
            or _is_remark_row(table, row)
            # the source itself marks the row as header (w:tblHeader, <th>, print titles)
            or (row < table.marked_header_rows and not _is_blank_row(table, row))
        ):
            header_rows.append(row)
        elif header_rows or _is_blank_row(table, row):
            if header_rows:
                break
            title_rows.append(row)
        else:
            break
        row += 1
    columns = tuple(
        _map_column(table, col, tuple(header_rows), vocabulary) for col in range(table.n_cols)
    )
    return TableLayout(
        title_rows=tuple(title_rows),
        header_rows=tuple(header_rows),
        columns=_number_levels(columns),
    )


def _is_remark_row(table: Table, row: int) -> bool:
    """A header row holding only parenthesized remarks such as "（勾选）"."""
    texts = [c.text for c in _distinct_row_cells(table, row) if c.row == row and c.text.strip()]
    return bool(texts) and all(not header_key(t) for t in texts)


def _is_blank_row(table: Table, row: int) -> bool:
    return not any(c.text.strip() for c in _distinct_row_cells(table, row))


def _continues_header(table: Table, row: int, header_rows: list[int]) -> bool:
    """A row whose every non-empty cell started in a header row above (vertical spans)."""
    cells = [c for c in _distinct_row_cells(table, row) if c.text.strip()]
    return bool(cells) and all(c.row in header_rows for c in cells)


def _map_column(
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
    return MappedColumn(index=col, header=header, role=vocabulary.role(header))


def _number_levels(columns: tuple[MappedColumn, ...]) -> tuple[MappedColumn, ...]:
    """Category columns get depths 1..n in left-to-right order (类别 › 一级 › 二级)."""
    depth = 0
    numbered: list[MappedColumn] = []
    for column in columns:
        if column.role.field is Field.CATEGORY:
            depth += 1
            column = attrs.evolve(column, role=ColumnRole(Field.CATEGORY, level=depth))
        numbered.append(column)
    return tuple(numbered)
