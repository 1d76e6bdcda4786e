"""JSON in and out through cattrs, and the JSON Schema of the output (docs/schema.md)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import cattrs

from disclosure_parse.model import (
    SCHEMA_VERSION,
    BasisKind,
    Catalog,
    Cycle,
    TimeLimitKind,
)

converter = cattrs.Converter()
converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
converter.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))


def catalog_to_dict(catalog: Catalog) -> dict[str, Any]:
    """The catalog as plain JSON-ready data (lists, strings, null)."""
    data: dict[str, Any] = converter.unstructure(catalog)
    return data


def catalog_to_json(catalog: Catalog, *, pretty: bool = False) -> str:
    """JSON text with CJK kept as is; `pretty` indents by two spaces."""
    return json.dumps(catalog_to_dict(catalog), ensure_ascii=False, indent=2 if pretty else None)


def catalog_from_json(text: str | bytes) -> Catalog:
    """The inverse of `catalog_to_json`."""
    data = json.loads(text)
    return converter.structure(data, Catalog)


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _strings() -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}}


def _enum_list(values: list[str]) -> dict[str, Any]:
    return {"type": "array", "items": {"enum": values}, "uniqueItems": True}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    """A closed object with every listed key required."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }


def _typed_value_schemas() -> dict[str, dict[str, Any]]:
    """The parsed values beside the raw text: basis_refs, time_limit_parsed, … (docs/schema.md)."""
    string = {"type": "string"}
    count = _nullable({"type": "integer", "minimum": 1})
    cycle = {"enum": [c.value for c in Cycle]}
    concrete_cycles = {
        "type": "array",
        "items": {"enum": [c.value for c in Cycle if c not in (Cycle.SEVERAL, Cycle.UNKNOWN)]},
        "uniqueItems": True,
    }
    document_number = _object(
        {
            "raw": string,
            "code": string,
            "year": _nullable({"type": "integer", "minimum": 1900, "maximum": 2099}),
            "serial": _nullable({"type": "integer", "minimum": 0}),
        }
    )
    basis_ref = _object(
        {
            "raw": string,
            "kind": {"enum": [k.value for k in BasisKind]},
            "title": _nullable(string),
            "alias": _nullable(string),
            "years": {"type": "array", "items": {"type": "integer"}},
            "document_number": _nullable(document_number),
        }
    )
    update_cycle = _object({"kind": cycle, "cycles": concrete_cycles})
    time_limit = _object(
        {
            "kind": {"enum": [k.value for k in TimeLimitKind]},
            "days": count,
            "working_days": _nullable({"type": "boolean"}),
            "month": _nullable({"type": "integer", "minimum": 1, "maximum": 12}),
            "day": _nullable({"type": "integer", "minimum": 1, "maximum": 31}),
            "event": _nullable(string),
            "cycles": concrete_cycles,
        }
    )
    subject_ref = _object({"name": string, "placeholder": {"type": "boolean"}})
    return {
        "subject_refs": {"type": "array", "items": subject_ref},
        "basis_refs": {"type": "array", "items": basis_ref},
        "update_cycle_parsed": _nullable(update_cycle),
        "time_limit_parsed": _nullable(time_limit),
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every `to_json()` output validates against."""
    string = {"type": "string"}
    item_source = {
        "type": "object",
        "required": ["table", "rows", "page"],
        "additionalProperties": False,
        "properties": {
            "table": {"type": "integer", "minimum": 1},
            "rows": {"type": "array", "items": {"type": "integer", "minimum": 1}},
            "page": _nullable({"type": "integer", "minimum": 1}),
        },
    }
    typed = _typed_value_schemas()
    item = _object(
        {
            "seq": _nullable(string),
            "category": _strings(),
            "key_area": {"type": "boolean"},
            "content": _nullable(string),
            "subjects": _strings(),
            "subject_refs": typed["subject_refs"],
            "basis": _strings(),
            "basis_refs": typed["basis_refs"],
            "update_cycle": _nullable(string),
            "update_cycle_parsed": typed["update_cycle_parsed"],
            "time_limit": _nullable(string),
            "time_limit_parsed": typed["time_limit_parsed"],
            "disclosure": _enum_list(["proactive", "on_request"]),
            "five_publics": _enum_list(
                ["decision", "execution", "management", "service", "result"]
            ),
            "channels": _strings(),
            "audience": _enum_list(["public", "specific_groups"]),
            "levels": _strings(),
            "extra": {"type": "object", "additionalProperties": string},
            "source": item_source,
            "section": _nullable(string),
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://disclosure-parse.invalid/schema/catalog-{SCHEMA_VERSION}.json",
        "title": "disclosure_parse catalog",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "schema_version",
            "title",
            "issuer",
            "issued_on",
            "source",
            "columns",
            "items",
            "notes",
            "warnings",
        ],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "title": _nullable(string),
            "issuer": _nullable(string),
            "issued_on": _nullable({"type": "string", "format": "date"}),
            "source": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path", "format", "sha256"],
                "properties": {
                    "path": _nullable(string),
                    "format": string,
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                },
            },
            "columns": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["field", "header"],
                    "properties": {"field": string, "header": _strings()},
                },
            },
            "items": {"type": "array", "items": item},
            "notes": _strings(),
            "warnings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["code", "message", "where"],
                    "properties": {"code": string, "message": string, "where": string},
                },
            },
        },
    }
