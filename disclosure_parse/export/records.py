"""Catalogs as flat records (one per item): the rows of every tabular export.

The columns come from the model's attrs fields, walked generically, so a field added to
`Item` appears in every export without a change here. Rules (docs/export.md): nested attrs
classes are flattened with their field name as prefix (`source_table`), lists become one
string joined with 、, dicts (`extra`) become JSON text, enums their value; booleans,
integers and dates keep their type.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import types
import typing
from collections.abc import Iterable

import attrs

from disclosure_parse.model import Catalog, Item

#: the separator between the entries of a list field in a flat cell
LIST_SEPARATOR = "、"

Scalar = str | bool | int | float | dt.date | None
Record = dict[str, Scalar]

#: the fields of a catalog copied onto each of its item records, as (column, attribute path)
CATALOG_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("catalog_title", ("title",)),
    ("catalog_issuer", ("issuer",)),
    ("catalog_issued_on", ("issued_on",)),
    ("catalog_source_path", ("source", "path")),
    ("catalog_source_format", ("source", "format")),
    ("catalog_source_sha256", ("source", "sha256")),
)

#: catalog fields summarised by a count in the catalogs table instead of being flattened
_COUNTED = frozenset({"items", "warnings"})
_SKIPPED = frozenset({"columns"})


@attrs.frozen
class RecordColumn:
    """One column of a flat table: its name, value kind and where the value comes from."""

    name: str
    #: "str", "bool", "int", "float", "date" or "datetime": what the exports type it as
    kind: str
    path: tuple[str, ...]
    count: bool = False

    def value(self, obj: object) -> Scalar:
        """This column's value in `obj` (an instance of the class the column was made for)."""
        for name in self.path:
            if obj is None:
                return None
            obj = getattr(obj, name)
        if self.count:
            return len(obj) if isinstance(obj, tuple | list) else 0
        return flat_value(obj)


def flat_value(value: object) -> Scalar:
    """One model value as a flat cell (see the module docstring for the rules)."""
    if value is None or isinstance(value, bool | int | float | dt.date):
        return value
    if isinstance(value, enum.Enum):
        return flat_value(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, tuple | list):
        if all(_is_scalar(entry) for entry in value):
            return LIST_SEPARATOR.join(_text(entry) for entry in value)
        return _json_text(value)
    if isinstance(value, dict):
        return _json_text(value) if value else ""
    return _json_text(value)


def _is_scalar(value: object) -> bool:
    return isinstance(value, str | int | float | dt.date | enum.Enum) or value is None


def _text(value: object) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _json_text(value: object) -> str:
    from disclosure_parse.serialize import converter

    return json.dumps(converter.unstructure(value), ensure_ascii=False)


def _kind(annotation: object) -> str:
    """The export type of a (resolved) field annotation; everything unknown is text."""
    options = [a for a in _union_members(annotation) if a is not type(None)]
    single = options[0] if len(options) == 1 else None
    if not isinstance(single, type):
        return "str"
    if issubclass(single, enum.Enum) or single is str:
        return "str"
    if single is bool:
        return "bool"
    if issubclass(single, int):
        return "int"
    if issubclass(single, float):
        return "float"
    if issubclass(single, dt.datetime):
        return "datetime"
    if issubclass(single, dt.date):
        return "date"
    return "str"


def _union_members(annotation: object) -> tuple[object, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def _nested_class(annotation: object) -> type | None:
    """The attrs class of a field typed `SomeAttrsClass` or `SomeAttrsClass | None`."""
    options = [a for a in _union_members(annotation) if a is not type(None)]
    if len(options) == 1 and isinstance(options[0], type) and attrs.has(options[0]):
        return options[0]
    return None


def columns_of(cls: type, prefix: str = "", path: tuple[str, ...] = ()) -> list[RecordColumn]:
    """The flat columns of an attrs class, nested classes flattened with a prefix."""
    columns: list[RecordColumn] = []
    for field in attrs.fields(attrs.resolve_types(cls)):
        name, field_path = prefix + field.name, (*path, field.name)
        nested = _nested_class(field.type)
        if nested is not None:
            columns.extend(columns_of(nested, name + "_", field_path))
        else:
            columns.append(RecordColumn(name, _kind(field.type), field_path))
    return columns


@functools.cache
def item_columns() -> tuple[RecordColumn, ...]:
    """The columns of an item record: its catalog's title and source, then every Item field."""
    catalog = {c.name: c for c in columns_of(Catalog, "catalog_")}
    by_path = {c.path: c for c in catalog.values()}
    leading = [attrs.evolve(by_path[path], name=name) for name, path in CATALOG_COLUMNS]
    return (*leading, *columns_of(Item))


@functools.cache
def catalog_columns() -> tuple[RecordColumn, ...]:
    """The columns of a catalog record: metadata and source, items and warnings counted."""
    columns: list[RecordColumn] = []
    for column in columns_of(Catalog):
        top = column.path[0]
        if top in _SKIPPED:
            continue
        if top in _COUNTED:
            column = RecordColumn(top, "int", (top,), count=True)
        columns.append(column)
    return tuple(columns)


def item_records(catalog: Catalog) -> list[Record]:
    """One flat record per item of `catalog`, in `item_columns()` order."""
    leading = [(c.name, c.value(catalog)) for c in item_columns()[: len(CATALOG_COLUMNS)]]
    own = item_columns()[len(CATALOG_COLUMNS) :]
    return [dict(leading + [(c.name, c.value(item)) for c in own]) for item in catalog.items]


def catalog_record(catalog: Catalog) -> Record:
    """The catalog itself as one flat record (for the catalogs sheet of a workbook)."""
    return {c.name: c.value(catalog) for c in catalog_columns()}


def records_of(catalogs: Iterable[Catalog]) -> Iterable[Record]:
    """The item records of several catalogs, one after the other."""
    for catalog in catalogs:
        yield from item_records(catalog)
