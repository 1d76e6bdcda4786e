"""JSON Lines: one item per line, with its catalog's title and source; lists stay arrays."""

from __future__ import annotations

import json
from typing import IO

from disclosure_parse.export.records import CATALOG_COLUMNS, item_columns
from disclosure_parse.model import Catalog
from disclosure_parse.serialize import converter


class JsonLinesWriter:
    """Each line is the item's JSON (as in the catalog output) led by `catalog_*` keys."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def add_catalog(self, catalog: Catalog) -> None:
        leading = {}
        for column in item_columns()[: len(CATALOG_COLUMNS)]:
            value = column.value(catalog)
            leading[column.name] = value if not hasattr(value, "isoformat") else str(value)
        for item in catalog.items:
            line = {**leading, **converter.unstructure(item)}
            self._stream.write(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")

    def add_failure(self, path: str, code: str, message: str) -> None:
        """Failures are in report.jsonl; an item table has no place for them."""

    def close(self) -> None:
        self._stream.flush()
