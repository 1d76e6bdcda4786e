"""`to_dataframe(catalogs)`: the items of catalogs as one pandas DataFrame (pandas optional)."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from disclosure_parse.export.records import item_columns, records_of
from disclosure_parse.model import Catalog

_MISSING = "to_dataframe needs pandas: pip install 'disclosure_parse[pandas]'"


def to_dataframe(catalogs: Catalog | Iterable[Catalog]) -> Any:
    """One row per item (the columns of `Catalog.to_records()`), for one catalog or many.

    Returns a `pandas.DataFrame`; raises ImportError naming the extra when pandas is missing.
    """
    try:  # imported by name: pandas is optional, and typed as Any here either way
        pandas: Any = importlib.import_module("pandas")
    except ImportError as error:
        raise ImportError(_MISSING) from error
    if isinstance(catalogs, Catalog):
        catalogs = [catalogs]
    names = [c.name for c in item_columns()]
    return pandas.DataFrame.from_records(list(records_of(catalogs)), columns=names)
