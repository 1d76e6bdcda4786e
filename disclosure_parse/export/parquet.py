"""Parquet through pyarrow (the optional `parquet` extra), with a schema typed from the model."""

from __future__ import annotations

import importlib
from typing import IO, Any

from disclosure_parse.export.records import Record, item_columns, item_records
from disclosure_parse.model import Catalog

#: rows gathered before a row group is written (a few MB: memory stays flat on big batches)
ROW_GROUP = 50_000

_MISSING = "Parquet export needs pyarrow: pip install 'disclosure_parse[parquet]'"


def require_pyarrow() -> Any:
    """The pyarrow module, or an ImportError naming the extra to install."""
    try:
        pyarrow = importlib.import_module("pyarrow")
        importlib.import_module("pyarrow.parquet")  # the submodule that writes files
    except ImportError as error:
        raise ImportError(_MISSING) from error
    return pyarrow


def _schema(pa: Any) -> Any:
    types = {
        "str": pa.string(),
        "bool": pa.bool_(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
        "datetime": pa.timestamp("us"),
    }
    return pa.schema([(c.name, types[c.kind]) for c in item_columns()])


class ParquetWriter:
    """One Parquet file of item records, written in row groups as catalogs arrive."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._pa = require_pyarrow()
        self._schema = _schema(self._pa)
        self._writer = self._pa.parquet.ParquetWriter(stream, self._schema, compression="zstd")
        self._rows: list[Record] = []

    def add_catalog(self, catalog: Catalog) -> None:
        self._rows.extend(item_records(catalog))
        if len(self._rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = []

    def add_failure(self, path: str, code: str, message: str) -> None:
        """Failures are in report.jsonl; an item table has no place for them."""

    def close(self) -> None:
        self._flush()
        self._writer.close()
