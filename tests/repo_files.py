"""Reading the repository's own sample files by repo-relative path, for golden comparisons."""

from __future__ import annotations

import json
import os
from pathlib import Path

from disclosure_parse import Catalog, parse

ROOT = Path(__file__).resolve().parent.parent


def convert(relative: str) -> Catalog:
    """Parse a repo file by its repo-relative path (so `source.path` is stable)."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return parse(relative)
    finally:
        os.chdir(cwd)


def items_apart_from_position(catalog: Catalog) -> list[dict[str, object]]:
    """The items as JSON without source.rows/page, which differ between formats of one catalog."""
    items: list[dict[str, object]] = json.loads(catalog.to_json())["items"]
    for item in items:
        source = item["source"]
        assert isinstance(source, dict)
        item["source"] = {k: v for k, v in source.items() if k not in ("page", "rows")}
    return items


def metadata(catalog: Catalog) -> tuple[object, ...]:
    """What the text around the table gave: title, issuer, date, notes."""
    return (catalog.title, catalog.issuer, catalog.issued_on, catalog.notes)
