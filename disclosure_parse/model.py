"""The typed catalog model: what `parse()` returns and what the JSON output mirrors.

Small frozen attrs classes; lists are tuples so a catalog is immutable and comparable.
The JSON shape is documented in docs/schema.md and produced by `serialize`.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

SCHEMA_VERSION = "1"


class Disclosure(str, enum.Enum):
    """公开属性 / 公开方式: how an item is disclosed."""

    PROACTIVE = "proactive"  # 主动公开
    ON_REQUEST = "on_request"  # 依申请公开


class FivePublic(str, enum.Enum):
    """The “五公开” stages an item belongs to."""

    DECISION = "decision"  # 决策
    EXECUTION = "execution"  # 执行
    MANAGEMENT = "management"  # 管理
    SERVICE = "service"  # 服务
    RESULT = "result"  # 结果


class Audience(str, enum.Enum):
    """公开对象: who the item is disclosed to."""

    PUBLIC = "public"  # 全社会
    SPECIFIC_GROUPS = "specific_groups"  # 特定群体


@attrs.frozen
class SourceFile:
    """Which file a catalog came from: its path as given, detected format and SHA-256."""

    path: str | None
    format: str
    sha256: str


@attrs.frozen
class Column:
    """How one source column was understood: canonical field and its header texts."""

    field: str
    header: tuple[str, ...]


@attrs.frozen
class ParseWarning:
    """Something a user should know about: a repair, an unmapped column, a dropped artifact."""

    code: str
    message: str
    #: where in the source: "table 1, row 12, column 公开依据"
    where: str


@attrs.frozen
class ItemSource:
    """Where an item came from: table number and physical row numbers (1-based), page."""

    table: int
    rows: tuple[int, ...]
    page: int | None = None


@attrs.frozen(kw_only=True)
class Item:
    """One catalog entry (事项) with every field typed."""

    seq: str | None
    category: tuple[str, ...]
    key_area: bool
    content: str | None
    subjects: tuple[str, ...]
    basis: tuple[str, ...]
    update_cycle: str | None
    time_limit: str | None
    disclosure: tuple[Disclosure, ...]
    five_publics: tuple[FivePublic, ...]
    channels: tuple[str, ...]
    audience: tuple[Audience, ...]
    levels: tuple[str, ...]
    #: header text → cell value, for every column the vocabulary does not know
    extra: dict[str, str] = attrs.field(factory=dict, hash=False)
    source: ItemSource = attrs.field(factory=lambda: ItemSource(table=1, rows=()))
    #: the 领域 / section heading of the table the item came from, if the document has one
    section: str | None = None


@attrs.frozen(kw_only=True)
class Catalog:
    """A whole disclosure catalog: metadata, the column mapping, the items, and warnings."""

    schema_version: str = SCHEMA_VERSION
    title: str | None
    issuer: str | None
    issued_on: dt.date | None
    source: SourceFile
    columns: tuple[Column, ...]
    items: tuple[Item, ...]
    notes: tuple[str, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()

    def to_json(self, *, pretty: bool = False) -> str:
        """This catalog as JSON text (UTF-8 characters kept, not escaped)."""
        from disclosure_parse.serialize import catalog_to_json

        return catalog_to_json(self, pretty=pretty)

    @classmethod
    def from_json(cls, text: str | bytes) -> Catalog:
        """Read a catalog back from `to_json()` output; `from_json(c.to_json()) == c`."""
        from disclosure_parse.serialize import catalog_from_json

        return catalog_from_json(text)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per item, the rows of the table exports (docs/export.md).

        Its catalog's title and source first, then every Item field: lists joined with 、,
        `extra` as JSON text, nested `source` as `source_table`, `source_rows`, `source_page`.
        """
        from disclosure_parse.export.records import item_records

        return list(item_records(self))
