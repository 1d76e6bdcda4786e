"""Excel workbook: sheets of items, catalogs, warnings and failed files (openpyxl, streamed)."""

from __future__ import annotations

from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from disclosure_parse.export.records import (
    Scalar,
    catalog_columns,
    catalog_record,
    item_columns,
    item_records,
)
from disclosure_parse.model import Catalog

#: Excel's limits: rows per sheet (the header row included) and characters per cell
MAX_ROWS = 1_048_576
MAX_CELL_CHARS = 32_767
_BOLD = Font(bold=True)


class XlsxWriter:
    """Items go to sheet `items` (continued on `items 2`, … past Excel's row limit)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._book = Workbook(write_only=True)
        self._item_columns = [c.name for c in item_columns()]
        self._items = self._sheet("items", self._item_columns)
        self._item_sheets = 1
        self._item_rows = 1
        self._catalogs = self._sheet("catalogs", [c.name for c in catalog_columns()])
        self._warnings = self._sheet("warnings", ["source_path", "code", "message", "where"])
        self._failures = self._sheet("failures", ["path", "error_code", "message"])

    def _sheet(self, title: str, header: list[str]) -> WriteOnlyWorksheet:
        sheet: WriteOnlyWorksheet = self._book.create_sheet(title)
        sheet.freeze_panes = "A2"
        sheet.append([self._cell(sheet, name, bold=True) for name in header])
        return sheet

    def _cell(self, sheet: WriteOnlyWorksheet, value: Scalar, bold: bool = False) -> Cell:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if len(value) > MAX_CELL_CHARS:  # Excel refuses longer cells; the JSON has it all
                value = value[: MAX_CELL_CHARS - 1] + "…"
        stored: Any = value  # openpyxl writes dates too; its stubs only name datetime
        cell = WriteOnlyCell(sheet, value=stored)
        if isinstance(value, str):
            cell.data_type = "s"  # text, even when it starts with "=" (never a formula)
        if bold:
            cell.font = _BOLD
        return cell

    def _append(self, sheet: WriteOnlyWorksheet, values: list[Scalar]) -> None:
        sheet.append([self._cell(sheet, value) for value in values])

    def add_catalog(self, catalog: Catalog) -> None:
        for record in item_records(catalog):
            if self._item_rows == MAX_ROWS:
                self._item_sheets += 1
                self._items = self._sheet(f"items {self._item_sheets}", self._item_columns)
                self._item_rows = 1
            self._append(self._items, [record[name] for name in self._item_columns])
            self._item_rows += 1
        self._append(self._catalogs, list(catalog_record(catalog).values()))
        for warning in catalog.warnings:
            self._append(
                self._warnings, [catalog.source.path, warning.code, warning.message, warning.where]
            )

    def add_failure(self, path: str, code: str, message: str) -> None:
        self._append(self._failures, [path, code, message])

    def close(self) -> None:
        self._book.save(self._stream)
