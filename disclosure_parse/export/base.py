"""What every table writer does: take catalogs (and failed files) one by one, then close."""

from __future__ import annotations

from typing import Protocol

from disclosure_parse.model import Catalog


class TableWriter(Protocol):
    """Streams the rows of one table file; nothing is kept but what the format needs."""

    def add_catalog(self, catalog: Catalog) -> None:
        """Write the items of one catalog (and, where the format has one, its catalog row)."""

    def add_failure(self, path: str, code: str, message: str) -> None:
        """Record a file that could not be converted (only workbooks have a sheet for it)."""

    def close(self) -> None:
        """Finish the file (footer, index, zip directory); the stream stays open."""
