"""Text readers: tables pasted or exported as plain text, in the two shapes seen in use.

- "text-cells" (Word's plain-text export): every cell starts with a TAB at the start of a
  line, lines without a TAB continue that cell, a blank line ends a row. A blank line may
  also sit inside a cell ("公开属性\\n\\n（勾选）"), so a TAB-less line after a blank line
  continues the last cell while the row is still shorter than the table's full width.
- "text-rows" (tab-separated rows): one row per line, TAB between cells. The column count
  may change where the source table crossed a page; blank lines inside the table are page
  breaks and a lone line without a TAB is a cell fragment, kept as a one-cell row.

Both give a `Table` with `exact_columns=False`: cells are left-aligned in their row and
their spans are unknown; `structure.align` turns it into an exact grid.
"""

from __future__ import annotations

import regex

from disclosure_parse.detect import decode_text
from disclosure_parse.errors import ResourceLimitError, UnsupportedFormatError
from disclosure_parse.grid import Block, Cell, Document, Paragraph, Table
from disclosure_parse.options import Options

TAB = "\t"


def _lines(data: bytes) -> list[str]:
    """The decoded lines of `data` (UTF-8, UTF-8 BOM, UTF-16 BOM, GB18030/GBK)."""
    text = decode_text(data)
    if text is None:
        raise UnsupportedFormatError("not a text file in a known encoding")
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")


def _table(rows: list[list[str]], pages: list[int], number: int) -> Table:
    """A ragged `Table` from rows of cell texts: cells left-aligned, spans unknown."""
    cells = tuple(
        Cell(row=r, col=c, text=text, page=pages[r])
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    )
    return Table(
        cells=cells,
        n_rows=len(rows),
        n_cols=max((len(row) for row in rows), default=0),
        exact_columns=False,
        label=f"table {number}",
    )


def _check_size(rows: list[list[str]], options: Options) -> None:
    """Refuse a table larger than the configured cell limit (rows x widest row)."""
    width = max((len(row) for row in rows), default=0)
    if len(rows) * width > options.limits.max_table_cells:
        raise ResourceLimitError(
            f"text table of {len(rows)} x {width} cells exceeds {options.limits.max_table_cells}"
        )


# --- Word plain-text export: one cell per TAB line -------------------------------------


def _is_blank(line: str) -> bool:
    """A row-ending blank line ("\\t" alone is an empty cell, not a blank line)."""
    return not line.startswith(TAB) and not line.strip()


def full_row_width(lines: list[str]) -> int:
    """The table's full width: the most cells seen between two blank lines.

    A blank line inside a cell only splits a row into shorter pieces, so no piece is
    wider than the table, and any row without such a blank line has the full width.
    """
    widest = current = 0
    for line in [*lines, ""]:
        if _is_blank(line):
            widest, current = max(widest, current), 0
        elif line.startswith(TAB):
            current += 1
    return widest


def read_text_cells(data: bytes, options: Options) -> Document:
    """Read Word's plain-text export of a table (every cell a TAB-started line)."""
    lines = _lines(data)
    width = full_row_width(lines)
    blocks: list[Block] = []
    rows: list[list[str]] = []
    #: whether the last row is still open (no blank line seen since its last line)
    open_row = False
    #: blank lines seen since the last non-blank line
    blanks = 0

    def flush_table() -> None:
        if rows:
            _check_size(rows, options)
            number = sum(1 for b in blocks if isinstance(b, Table)) + 1
            blocks.append(_table(rows, [1] * len(rows), number))
            rows.clear()

    for line in lines:
        if _is_blank(line):
            blanks += 1
            open_row = False
            continue
        if line.startswith(TAB):
            if not open_row:
                rows.append([])
                open_row = True
            rows[-1].append(line[1:])
        elif rows and (open_row or len(rows[-1]) < width):
            # a continuation line; after a blank line it continues a short row's last cell
            rows[-1][-1] += "\n" * (blanks + 1) + line
            open_row = True
        else:
            flush_table()
            if line.strip():
                blocks.append(Paragraph(line))
        blanks = 0
    flush_table()
    return Document(format="text-cells", blocks=tuple(blocks))


# --- tab-separated rows ---------------------------------------------------------------


PIPE = "|"
#: a markdown table's rule line ("---|---|"), which holds no cells
_MARKDOWN_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _delimiter(lines: list[str]) -> str:
    """TAB, or "|" for pasted markdown-style tables whose lines hold no TAB."""
    if any(TAB in line for line in lines):
        return TAB
    piped = sum(1 for line in lines if line.count(PIPE) >= 2)
    return PIPE if piped * 2 >= len([line for line in lines if line.strip()]) else TAB


def _split_row(line: str, delimiter: str) -> list[str]:
    """A row's cells; "| a | b |" loses its outer pipes, and pipe cells their padding."""
    if delimiter == TAB:
        return line.split(TAB)
    stripped = line.strip()
    if stripped.startswith(PIPE):
        stripped = stripped[1:]
    if stripped.endswith(PIPE):
        stripped = stripped[:-1]
    return [cell.strip() for cell in stripped.split(PIPE)]


def read_text_rows(data: bytes, options: Options) -> Document:
    """Read a tab-per-row export: lines outside the TAB rows become paragraphs."""
    lines = _lines(data)
    delimiter = _delimiter(lines)
    lines = [line for line in lines if not _MARKDOWN_RULE.match(line)]
    with_tab = [i for i, line in enumerate(lines) if delimiter in line]
    if not with_tab:
        paragraphs = tuple(Paragraph(line) for line in lines if line.strip())
        return Document(format="text-rows", blocks=paragraphs)
    first, last = with_tab[0], with_tab[-1]
    blocks: list[Block] = [Paragraph(line) for line in lines[:first] if line.strip()]
    rows: list[list[str]] = []
    pages: list[int] = []
    page = 1
    for line in lines[first : last + 1]:
        if not line.strip():
            # a blank line inside the table is where the source crossed a page
            if rows and pages[-1] == page:
                page += 1
            continue
        rows.append(_split_row(line, delimiter))
        pages.append(page)
    _check_size(rows, options)
    blocks.append(_table(rows, pages, 1))
    blocks.extend(Paragraph(line) for line in lines[last + 1 :] if line.strip())
    return Document(format="text-rows", blocks=tuple(blocks))
