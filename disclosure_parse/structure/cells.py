"""What a body cell looks like, judged from its text alone.

Two uses: drift repair (`classify`: which column could a displaced cell belong to) and
column typing (`column_kind`: what a column with an empty, truncated, shared or ambiguous
header holds — numbers, legal references, time limits, names of bodies, channels, forms
such as 全文/图表, or a manner such as 主动公开/全文发布).
"""

from __future__ import annotations

import enum

import regex

from disclosure_parse.cell_text import TICKS, UNTICKS, is_empty_value, is_same_as_above, join_lines


class CellKind(str, enum.Enum):
    """What a body cell looks like (the coarse kinds drift repair works with)."""

    SEQ = "number"
    PLACEHOLDER = "placeholder"
    TICK = "tick"
    BASIS = "legal reference"
    TIME_LIMIT = "time limit"
    UPDATE_CYCLE = "update cycle"
    LABEL = "label"
    CONTENT = "content"


_SEQ = regex.compile(r"^\d{1,3}(?:[.．\-]\d{1,3})*[.．]?$")
_DOC_NUMBER = regex.compile(
    r"[〔\[［（(]\s*\d{4}\s*[〕\]］）)]\s*第?\s*\d+\s*号|令\s*第?\s*[\d一二三四五六七八九十百]+\s*号"
)
#: words that make a short text a legal reference even without 《》 ("公开条例")
_LAW_WORD = regex.compile(r"条例|办法|规定|实施细则|法$")
_TIME_LIMIT = regex.compile(
    r"工作日|之日起|[日天]内|个?月内|小时内|同步公开|同时发布|同时公开|及时公开|每年.*前|前公开"
    r"|期限|时限|随时"
)
_UPDATE_CYCLE = regex.compile(r"更新|实时|定期|常年|每[年季月周日天]")
_CONTENT_MARK = regex.compile(r"[，,；;。：:“”\"、…]|相关")
#: a list of short names ("市旅委、市体育局"), as in 公开主体 or 公开方式 cells
_NAME_LIST = regex.compile(
    r"^[^，,；;。：:“”\"、…（）()]{1,10}(?:[、，,][^，,；;。：:“”\"、…（）()]{1,10})+$"
)
#: longest text still read as a short label (a category or a subject name)
LABEL_MAX_CHARS = 14


def classify(text: str) -> CellKind:
    """The kind of a non-empty cell text: what column it could belong to."""
    value = join_lines(text)
    if is_empty_value(value) or is_same_as_above(value):
        return CellKind.PLACEHOLDER
    if _SEQ.match(value):
        return CellKind.SEQ
    if all(ch in TICKS or ch in UNTICKS or ch == " " for ch in value):
        return CellKind.TICK
    if "《" in value or "》" in value or _DOC_NUMBER.search(value):
        return CellKind.BASIS
    if _TIME_LIMIT.search(value):
        return CellKind.TIME_LIMIT
    if _UPDATE_CYCLE.search(value) and len(value) <= LABEL_MAX_CHARS:
        return CellKind.UPDATE_CYCLE
    if _LAW_WORD.search(value) and len(value) <= 40:
        return CellKind.BASIS
    if _NAME_LIST.match(value) and "相关" not in value:
        return CellKind.LABEL
    if len(value) > LABEL_MAX_CHARS or _CONTENT_MARK.search(value):
        return CellKind.CONTENT
    return CellKind.LABEL


def is_descriptive(text: str) -> bool:
    """Text that describes rather than names: long, or with sentence or list punctuation
    ("本机关职能、内设机构、办公地址"), never a category label."""
    value = join_lines(text)
    return len(value) > LABEL_MAX_CHARS or bool(_CONTENT_MARK.search(value))


class ColumnKind(str, enum.Enum):
    """What a cell says about the column it stands in (finer than `CellKind`)."""

    SEQ = "number"
    TICK = "tick"
    BASIS = "legal reference"
    TIME_LIMIT = "time limit"
    UPDATE_CYCLE = "update cycle"
    BODY = "name of a body"
    CHANNEL = "channel"
    FORM = "form"
    MANNER = "manner"
    OTHER = "other"


_ENTRY_SEPARATORS = regex.compile(r"\s*[、，,；;/／]\s*|\s*\n\s*|\s+")
_BOX_LIST = regex.compile(r"[■□☑☐◻▄▀█▇◼▪þ¨]")
#: how the name of a channel ends (政府网站, 公示栏, 政务新媒体, 两微一端, 新闻发布会 …)
_CHANNEL_END = regex.compile(
    r"(?:网站|网|公报|栏|栏目|专栏|平台|端|号|屏|查阅点|点|窗口|微博|微信|电视|广播|报|报纸|"
    r"媒体|新媒体|发布会|听证会|APP|app|大厅|档案馆|图书馆|现场|公开栏|公示栏|宣传栏|显示屏|"
    r"刊物|期刊|简报|手册|信息网)$"
)
#: how the name of a body ends (县教育局, 办公室, 各乡镇人民政府, 人事股 …)
_BODY_END = regex.compile(
    r"(?:局|政府|办公室|办公厅|办|委|委员会|中心|院|所|站|队|科|股|室|处|部|厅|街道|街道办事处|"
    r"镇|乡|村|社区|单位|部门|公司|机关|机构|小组|支队|大队|分局|法院|检察院|医院|学校|"
    r"村委会|居委会|办事处|人民政府)$"
)
#: forms of publication, not places (全文, 图表, 文字 …)
_FORM = regex.compile(
    r"^(?:全文|图表|文字|图片|视频|音频|图文|表格|文本|图解|原文|摘要|动漫|动画|数据|附件|"
    r"链接|文件|文字稿|图像|影像|H5|h5)+$"
)
#: a manner of disclosure (主动公开, 全文发布, 网上公开, 依申请公开)
_MANNER = regex.compile(
    r"^(?:全社会范围|社会|全文|网上|在线|对外|依申请|主动|部分|不予|定期|及时)?"
    r"(?:主动)?(?:公开|发布|公示|公告|公布)$"
)


def _entries(value: str) -> list[str]:
    return [e for e in _ENTRY_SEPARATORS.split(value) if e]


def column_kind(text: str) -> ColumnKind:
    """What one non-empty body cell says its column holds."""
    value = join_lines(text)
    kind = classify(text)
    if kind is CellKind.SEQ:
        return ColumnKind.SEQ
    if kind is CellKind.TICK:
        return ColumnKind.TICK
    if kind is CellKind.BASIS and "《" in value:
        return ColumnKind.BASIS
    if kind is CellKind.TIME_LIMIT:
        return ColumnKind.TIME_LIMIT
    if kind is CellKind.UPDATE_CYCLE:
        return ColumnKind.UPDATE_CYCLE
    if _BOX_LIST.search(value):
        return ColumnKind.CHANNEL
    entries = _entries(value)
    if not entries:
        return ColumnKind.OTHER
    if all(_FORM.match(e) for e in entries):
        return ColumnKind.FORM
    if all(_MANNER.match(e) for e in entries):
        return ColumnKind.MANNER
    if any(_CHANNEL_END.search(e) for e in entries) and len(value) <= 80:
        return ColumnKind.CHANNEL
    names = [e for e in _entries_by_list(value)]
    if names and all(len(e) <= 24 and _BODY_END.search(e) for e in names):
        return ColumnKind.BODY
    return ColumnKind.OTHER


def _entries_by_list(value: str) -> list[str]:
    """Entries of a list of names: split on list separators only (names may hold spaces)."""
    return [e.strip() for e in regex.split(r"[、，,；;\n]", value) if e.strip()]
