"""Find a table's title rows and header rows (the rows above the body)."""

from __future__ import annotations

import attrs

from disclosure_parse.grid import Cell, Table
from disclosure_parse.structure.vocabulary import GROUP_FIELDS, HeaderVocabulary, header_key

#: most rows a header (title rows included) may take at the top of a table
MAX_HEADER_ROWS = 6


@attrs.frozen
class HeaderRows:
    """The rows above a table's body: title/领域 rows, then header rows."""

    title_rows: tuple[int, ...]
    header_rows: tuple[int, ...]


def distinct_row_cells(table: Table, row: int) -> list[Cell]:
    """The cells covering `row`, left to right, each once (a span covers several columns)."""
    seen: list[Cell] = []
    for col in range(table.n_cols):
        cell = table.cell_at(row, col)
        if cell is not None and not (seen and seen[-1] is cell):
            seen.append(cell)
    return seen


def is_spanning_title_row(table: Table, row: int) -> bool:
    """A row with one non-empty cell that spans (nearly) the whole width: a title/领域 row."""
    cells = [c for c in distinct_row_cells(table, row) if c.text.strip()]
    if len(cells) != 1:
        return False
    cell = cells[0]
    return cell.col_span >= max(2, table.n_cols - 1) or (
        table.n_cols > 3 and cell.col_span * 2 > table.n_cols
    )


def is_header_row(table: Table, row: int, vocabulary: HeaderVocabulary) -> bool:
    """Whether most non-empty cells of `row` are header labels the vocabulary knows."""
    texts = [c.text for c in distinct_row_cells(table, row) if c.row == row and c.text.strip()]
    if not texts:
        return False
    known = sum(1 for t in texts if vocabulary.is_known(t))
    return known >= 1 and known * 2 >= len(texts)


def find_header_rows(table: Table, vocabulary: HeaderVocabulary) -> HeaderRows:
    """Title rows, then header rows, at the top of `table` (none when it has no header)."""
    title_rows: list[int] = []
    header_rows: list[int] = []
    row = 0
    while row < min(table.n_rows, MAX_HEADER_ROWS):
        if not header_rows and is_spanning_title_row(table, row):
            title_rows.append(row)
        elif is_header_row(table, row, vocabulary) and (
            not header_rows or _under_group(table, row, header_rows, vocabulary)
        ):
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
    return HeaderRows(tuple(title_rows), tuple(header_rows))


def _under_group(
    table: Table, row: int, header_rows: list[int], vocabulary: HeaderVocabulary
) -> bool:
    """A second header row stands under a group: a header cell above spans several columns
    over one of its labels (公开属性 over 主动 / 依申请); or one of its labels names a
    sub-column by itself (主动, 县级, 一级事项) under a group label or under a header cell
    left empty (the merge was lost, as in a CSV). Without one, labels in the row below a
    header are body text that happens to read like one (申请渠道). Ragged text tables do
    not know their spans yet and are not held to this."""
    if not table.exact_columns:
        return True
    for cell in distinct_row_cells(table, row):
        if cell.row != row or not cell.text.strip():
            continue
        above = table.cell_at(header_rows[-1], cell.col)
        if above is not None and above.row == row:
            continue
        if above is not None and above.col_span > 1:
            return True
        if above is None or not above.text.strip():
            if vocabulary.names_sub_column(cell.text):
                return True
        elif (group := GROUP_FIELDS.get(header_key(above.text))) is not None:
            if vocabulary.names_sub_column(cell.text, group):
                return True
    return False


def _is_remark_row(table: Table, row: int) -> bool:
    """A header row holding only parenthesized remarks such as "（勾选）"."""
    texts = [c.text for c in distinct_row_cells(table, row) if c.row == row and c.text.strip()]
    return bool(texts) and all(not header_key(t) for t in texts)


def _is_blank_row(table: Table, row: int) -> bool:
    return not any(c.text.strip() for c in distinct_row_cells(table, row))


def _continues_header(table: Table, row: int, header_rows: list[int]) -> bool:
    """A row whose every non-empty cell started in a header row above (vertical spans)."""
    cells = [c for c in distinct_row_cells(table, row) if c.text.strip()]
    return bool(cells) and all(c.row in header_rows for c in cells)
