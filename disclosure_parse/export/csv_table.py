"""CSV: one row per item, list fields joined with 、, UTF-8 with a BOM so Excel reads Chinese."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import IO

from disclosure_parse.export.records import Scalar, item_columns, item_records
from disclosure_parse.model import Catalog


def _cell(value: Scalar) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class CsvWriter:
    """RFC 4180 CSV (CRLF line ends, quoted cells with line breaks) with a header row."""

    def __init__(self, stream: IO[bytes], *, bom: bool = True) -> None:
        self._text = io.TextIOWrapper(
            stream, encoding="utf-8-sig" if bom else "utf-8", newline="", write_through=True
        )
        self._rows = csv.writer(self._text)
        self._columns = [c.name for c in item_columns()]
        self._rows.writerow(self._columns)

    def add_catalog(self, catalog: Catalog) -> None:
        for record in item_records(catalog):
            self._rows.writerow([_cell(record[name]) for name in self._columns])

    def add_failure(self, path: str, code: str, message: str) -> None:
        """Failures are in report.jsonl; an item table has no place for them."""

    def close(self) -> None:
        self._text.flush()
        self._text.detach()  # the caller owns the byte stream
