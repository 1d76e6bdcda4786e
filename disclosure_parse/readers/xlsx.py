"""XLSX reader: each sheet's catalog table, and the title and notes around it.

A sheet has no tables, only cells; catalogs put a title merged across the sheet above the
grid and notes, issuer and date below it. The table is taken to be the densest block of
rows holding two or more values; rows outside it become paragraphs. openpyxl only reports
merged ranges when it loads the whole workbook (read_only=False), so the zip is checked
against the limits (size, inflation ratio, no DTDs) before openpyxl sees it.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from io import BytesIO

import attrs
import regex
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_parse.errors import CorruptFileError, ResourceLimitError
from disclosure_parse.grid import Block, Cell, Document, Paragraph, Table
from disclosure_parse.options import Limits, Options
from disclosure_parse.readers.safe_xml import SafeZip

#: rows without two values that may sit inside a table (a 领域 row, a blank row)
MAX_GAP = 2
#: a second dense block in one sheet is a table of its own from this many rows on
MIN_TABLE_ROWS = 3
_DTD = regex.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", regex.IGNORECASE)
_ESCAPED_CHAR = regex.compile(r"_x([0-9A-Fa-f]{4})_")
_SEQ = regex.compile(r"\d{1,4}(?:[.．]\d{1,3})*[.、]?")
_PRINT_TITLES = regex.compile(r"\$?(\d+):\$?(\d+)")


def read_xlsx(data: bytes, options: Options) -> Document:
    """Read every worksheet: its table(s) as spanning-cell grids, other values as paragraphs."""
    check_package(data, options.limits)
    workbook = _load(data)
    blocks: list[Block] = []
    for sheet in workbook.worksheets:
        anchors = sheet_anchors(sheet)
        blocks.extend(sheet_blocks(anchors, sheet.title, _print_title_rows(sheet), options))
    return Document(format="xlsx", blocks=tuple(blocks))


def check_package(data: bytes, limits: Limits) -> None:
    """Apply the zip limits and refuse DTDs (entity bombs) before openpyxl parses anything."""
    package = SafeZip(data, limits, "XLSX")
    if "xl/workbook.xml" not in package.names:
        raise CorruptFileError("XLSX has no part xl/workbook.xml")
    for name in sorted(package.names):
        if name.endswith((".xml", ".rels", ".vml")) and _DTD.search(package.read(name)):
            raise CorruptFileError(f"XLSX part {name} declares a DTD, which Excel never writes")


def _load(data: bytes) -> Workbook:
    try:
        return load_workbook(BytesIO(data), read_only=False, data_only=True, keep_links=False)
    except (ResourceLimitError, CorruptFileError):
        raise
    except Exception as error:  # openpyxl raises KeyError, ValueError, parse errors, ...
        raise CorruptFileError(f"damaged XLSX workbook ({type(error).__name__}: {error})") from None


# --- cells -------------------------------------------------------------------------------


@attrs.frozen
class Anchor:
    """A value on the sheet (1-based row/column) and the merged range it heads, if any."""

    row: int
    col: int
    text: str
    rows: int = 1
    cols: int = 1

    @property
    def last_row(self) -> int:
        return self.row + self.rows - 1

    @property
    def last_col(self) -> int:
        return self.col + self.cols - 1


def cell_text(value: object) -> str:
    """A cell value as the text Excel shows: 1.0 → "1", dates ISO, line breaks kept."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    # Excel escapes control characters it cannot store as _xHHHH_ (a carriage return: _x000D_)
    text = _ESCAPED_CHAR.sub(lambda m: _unescape(m.group(1)), text)
    return text.strip()


def _unescape(code: str) -> str:
    char = chr(int(code, 16))
    return "" if char == "\r" else char


def sheet_anchors(sheet: Worksheet) -> list[Anchor]:
    """Every non-empty cell and every merged range of the sheet, in reading order."""
    merged = {
        (r.min_row, r.min_col): (r.max_row - r.min_row + 1, r.max_col - r.min_col + 1)
        for r in sheet.merged_cells.ranges
    }
    anchors: dict[tuple[int, int], Anchor] = {}
    # _cells holds only the cells the file stores; iter_rows would walk every blank position
    for (row, col), cell in sheet._cells.items():
        text = cell_text(cell.value)
        if text:
            rows, cols = merged.get((row, col), (1, 1))
            anchors[(row, col)] = Anchor(row, col, text, rows, cols)
    for (row, col), (rows, cols) in merged.items():
        if (row, col) not in anchors and (rows > 1 or cols > 1):
            anchors[(row, col)] = Anchor(row, col, "", rows, cols)
    return [anchors[key] for key in sorted(anchors)]


def _print_title_rows(sheet: Worksheet) -> tuple[int, int] | None:
    """The rows repeated on every printed page ("$3:$4"): the sheet's marked header."""
    match = _PRINT_TITLES.fullmatch(sheet.print_title_rows or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


# --- where the table is ------------------------------------------------------------------


def row_widths(anchors: Iterable[Anchor]) -> dict[int, int]:
    """Sheet row → how many values cover it (a merged value counts in every row it spans)."""
    filled = [a for a in anchors if a.text]
    last = max((a.row for a in filled), default=0)
    widths: dict[int, int] = {}
    for anchor in filled:
        for row in range(anchor.row, min(anchor.last_row, last) + 1):
            widths[row] = widths.get(row, 0) + 1
    return widths


def dense_blocks(widths: dict[int, int], numbered: frozenset[int]) -> list[tuple[int, int]]:
    """Runs of rows holding two or more values, joined across gaps of up to MAX_GAP rows."""
    blocks: list[tuple[int, int]] = []
    for row in sorted(r for r, w in widths.items() if w >= 2):
        if blocks and row - blocks[-1][1] <= MAX_GAP + 1:
            blocks[-1] = (blocks[-1][0], row)
        else:
            blocks.append((row, row))
    return [_trim(block, widths, numbered) for block in blocks]


def _trim(
    block: tuple[int, int], widths: dict[int, int], numbered: frozenset[int]
) -> tuple[int, int]:
    """Drop thin edge rows ("某局 | 2023年5月1日") from a wide block: they are not table rows.

    A thin row that starts with a number (序号) is a sparse item and stays.
    """
    first, last = block
    median = statistics.median(w for r in range(first, last + 1) if (w := widths.get(r, 0)) >= 2)

    def thin(row: int) -> bool:
        width = widths.get(row, 0)
        return width <= 2 and width * 2 < median and row not in numbered

    while first < last and thin(first):
        first += 1
    while last > first and thin(last):
        last -= 1
    return first, last


def numbered_rows(anchors: Iterable[Anchor]) -> frozenset[int]:
    """Rows whose first value is a number ("1", "2.3"): item rows, whatever else they lack."""
    first_text: dict[int, str] = {}
    for anchor in sorted((a for a in anchors if a.text), key=lambda a: (a.row, a.col)):
        first_text.setdefault(anchor.row, anchor.text)
    return frozenset(r for r, text in first_text.items() if _SEQ.fullmatch(text))


def table_blocks(anchors: list[Anchor]) -> list[tuple[int, int]]:
    """The row ranges that are tables: the densest block, and any other sizeable one."""
    widths = row_widths(anchors)
    blocks = dense_blocks(widths, numbered_rows(anchors))
    if not blocks:
        return []

    def weight(block: tuple[int, int]) -> int:
        return sum(widths.get(r, 0) for r in range(block[0], block[1] + 1))

    def sizeable(block: tuple[int, int]) -> bool:
        n_rows = block[1] - block[0] + 1
        return n_rows >= MIN_TABLE_ROWS and weight(block) >= 3 * n_rows

    densest = max(blocks, key=weight)
    return [b for b in blocks if b == densest or sizeable(b)]


# --- blocks ------------------------------------------------------------------------------


def sheet_blocks(
    anchors: list[Anchor],
    sheet_name: str,
    header_rows: tuple[int, int] | None,
    options: Options,
) -> list[Block]:
    """Paragraphs and tables of one sheet, top to bottom."""
    ranges = table_blocks(anchors)
    blocks: list[Block] = []
    placed = 0
    for anchor in sorted((a for a in anchors if a.text), key=lambda a: (a.row, a.col)):
        while placed < len(ranges) and ranges[placed][0] <= anchor.row:
            label = f"sheet {sheet_name}" + (f", table {placed + 1}" if placed else "")
            blocks.append(_table(anchors, ranges[placed], label, header_rows, options))
            placed += 1
        if not any(first <= anchor.row <= last for first, last in ranges):
            blocks.append(Paragraph(text=anchor.text))
    for index in range(placed, len(ranges)):
        label = f"sheet {sheet_name}" + (f", table {index + 1}" if index else "")
        blocks.append(_table(anchors, ranges[index], label, header_rows, options))
    return blocks


def _table(
    anchors: list[Anchor],
    rows: tuple[int, int],
    label: str,
    header_rows: tuple[int, int] | None,
    options: Options,
) -> Table:
    """The anchors starting within `rows` as a grid; spans are cut at the table's last row."""
    first, last = rows
    inside = [a for a in anchors if first <= a.row <= last]
    left = min(a.col for a in inside)
    right = max(a.last_col for a in inside)
    n_rows, n_cols = last - first + 1, right - left + 1
    if n_rows * n_cols > options.limits.max_table_cells:
        raise ResourceLimitError(
            f"{label}: table of {n_rows}x{n_cols} cells exceeds the limit "
            f"{options.limits.max_table_cells}"
        )
    cells = tuple(
        Cell(
            row=a.row - first,
            col=a.col - left,
            text=a.text,
            row_span=min(a.last_row, last) - a.row + 1,
            col_span=a.cols,
        )
        for a in inside
    )
    marked = 0
    if header_rows is not None and header_rows[0] <= first <= header_rows[1]:
        marked = header_rows[1] - first + 1
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols, marked_header_rows=marked, label=label)
