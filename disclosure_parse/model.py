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


class BasisKind(str, enum.Enum):
    """Whether a 公开依据 entry was recognised as a document reference."""

    DOCUMENT = "document"  # a title, a short name from the alias table, or a document number
    UNKNOWN = "unknown"  # neither: only the raw text says what it is ("相关法律法规")


@attrs.frozen
class DocumentNumber:
    """A document number (文号) split into its parts: 国办发〔2017〕47号, 国务院令第711号.

    Orders (…令第N号) have no year. A part that is not certain is null, never guessed:
    "国务院令第七11号" mixes numeral styles, so its serial is null.
    """

    #: the number as printed ("国办发〔2017〕47号")
    raw: str
    #: the issuing code (发文机关代字) as printed: "国办发", "浙政办发", "国务院令"
    code: str
    year: int | None
    serial: int | None


@attrs.frozen
class BasisRef:
    """One 公开依据 entry parsed: the document's title, the years of a series, its number."""

    #: the entry exactly as in `basis`
    raw: str
    kind: BasisKind
    #: the document's title without 《》; a short name resolved through the alias table
    title: str | None = None
    #: the short name as printed when `title` came from the alias table ("公开条例")
    alias: str | None = None
    #: the years of a series written as one entry ("2014、2015年…要点" → 2014, 2015)
    years: tuple[int, ...] = ()
    document_number: DocumentNumber | None = None


class Cycle(str, enum.Enum):
    """How often an item is updated (更新周期)."""

    REALTIME = "realtime"  # 实时
    DAILY = "daily"  # 每日
    WEEKLY = "weekly"  # 每周
    BIWEEKLY = "biweekly"  # 每两周
    MONTHLY = "monthly"  # 每月 / 月度
    QUARTERLY = "quarterly"  # 季度
    SEMIANNUAL = "semiannual"  # 半年
    ANNUAL = "annual"  # 每年 / 年度
    AS_NEEDED = "as_needed"  # 不定期 / 动态 / 随时
    SEVERAL = "several"  # more than one of the above ("分别按月度、季度、年度更新")
    UNKNOWN = "unknown"


@attrs.frozen
class UpdateCycle:
    """An update-cycle text parsed: its kind and the cycles it names (in `Cycle` order)."""

    kind: Cycle
    #: the cycles named: one for a single cycle, all of them for `several`, none for `unknown`
    cycles: tuple[Cycle, ...] = ()


class TimeLimitKind(str, enum.Enum):
    """What sort of deadline a 公开时限 text sets."""

    WITHIN_WORKING_DAYS = "within_working_days"  # 10个工作日内
    WITHIN_DAYS = "within_days"  # 30天内, 批复后20日内
    YEARLY_DEADLINE = "yearly_deadline"  # 每年3月31日前
    CONCURRENT = "concurrent"  # 与规范性文件同步公开
    REALTIME = "realtime"  # 实时
    PROMPTLY = "promptly"  # 及时公开, 随时公布
    BEFORE_EVENT = "before_event"  # 招生开始前, 招聘会举办前5个工作日
    AFTER_EVENT = "after_event"  # 方案拟定后, 招标公告发布之日起 (no number of days)
    PERIODIC = "periodic"  # an update cycle given as the time limit: 每季度, 按年度更新
    ONGOING = "ongoing"  # 常年公开, 长期公示
    UNKNOWN = "unknown"


@attrs.frozen
class TimeLimit:
    """A time-limit text parsed: its kind and the numbers it gives; what is absent is null."""

    kind: TimeLimitKind
    #: the number of days (with `within_*`, and with the others when the text gives one)
    days: int | None = None
    #: whether `days` counts working days (工作日); null without `days`
    working_days: bool | None = None
    #: a yearly deadline's month and day; day null means the end of the month (3月底前)
    month: int | None = None
    day: int | None = None
    #: the event the limit counts from, goes with or comes before, as printed ("信息形成或者变更")
    event: str | None = None
    #: update cycles the text also names ("…20个工作日内（按年度更新）"), in `Cycle` order
    cycles: tuple[Cycle, ...] = ()


@attrs.frozen
class SubjectRef:
    """One 公开主体 entry: the name, and whether it is a role rather than a named body."""

    name: str
    #: 所有部门 / 各相关部门 / 行政许可职能部门 / 县级财政部门: a role, not one named body
    placeholder: bool


@attrs.frozen(kw_only=True)
class Item:
    """One catalog entry (事项) with every field typed."""

    seq: str | None
    category: tuple[str, ...]
    key_area: bool
    content: str | None
    subjects: tuple[str, ...]
    #: `subjects` entry by entry, placeholders flagged (filled by normalize.typed)
    subject_refs: tuple[SubjectRef, ...] = ()
    basis: tuple[str, ...]
    #: `basis` entry by entry, parsed into title and document number (filled by normalize.typed)
    basis_refs: tuple[BasisRef, ...] = ()
    update_cycle: str | None
    update_cycle_parsed: UpdateCycle | None = None
    time_limit: str | None
    time_limit_parsed: TimeLimit | None = None
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
