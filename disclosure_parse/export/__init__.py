"""Tabular exports of catalogs: JSON Lines, CSV, Excel and Parquet (docs/export.md).

`open_writer(fmt, stream)` streams catalogs into one table file, so a batch of any size is
written with flat memory; `table_bytes(fmt, catalog)` is the one-catalog shortcut.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import IO

from disclosure_parse.export.base import TableWriter
from disclosure_parse.export.csv_table import CsvWriter
from disclosure_parse.export.dataframe import to_dataframe
from disclosure_parse.export.jsonl import JsonLinesWriter
from disclosure_parse.export.parquet import ParquetWriter, require_pyarrow
from disclosure_parse.export.records import item_records
from disclosure_parse.export.xlsx import XlsxWriter
from disclosure_parse.model import Catalog

#: the table formats, by the name `--to` takes (also the file extension)
TABLE_FORMATS = ("jsonl", "csv", "xlsx", "parquet")


def open_writer(fmt: str, stream: IO[bytes], *, bom: bool = True) -> TableWriter:
    """A writer of `fmt` over a binary stream; `bom` only matters for CSV."""
    if fmt == "jsonl":
        return JsonLinesWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream, bom=bom)
    if fmt == "xlsx":
        return XlsxWriter(stream)
    if fmt == "parquet":
        return ParquetWriter(stream)
    raise ValueError(f"unknown table format {fmt!r}; one of {', '.join(TABLE_FORMATS)}")


def check_available(fmt: str) -> None:
    """Raise ImportError naming the extra when `fmt` needs a library that is not installed."""
    if fmt == "parquet":
        require_pyarrow()


def write_catalogs(
    fmt: str, stream: IO[bytes], catalogs: Iterable[Catalog], *, bom: bool = True
) -> None:
    """All items of `catalogs` as one table of `fmt` on `stream`."""
    writer = open_writer(fmt, stream, bom=bom)
    for catalog in catalogs:
        writer.add_catalog(catalog)
    writer.close()


def table_bytes(fmt: str, catalog: Catalog, *, bom: bool = True) -> bytes:
    """One catalog as a table file of `fmt`, in memory."""
    buffer = io.BytesIO()
    write_catalogs(fmt, buffer, [catalog], bom=bom)
    return buffer.getvalue()


__all__ = [
    "TABLE_FORMATS",
    "TableWriter",
    "check_available",
    "item_records",
    "open_writer",
    "table_bytes",
    "to_dataframe",
    "write_catalogs",
]
