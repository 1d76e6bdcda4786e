"""The header vocabulary: which printed header texts mean which catalog field.

Catalogs name the same column many ways (公开主体 / 责任单位 / 责任科室; 一级 / 一级事项 /
一级栏目). Matching is on a normalized key (`header_key`): whitespace, quotes and
parenthesized remarks removed, traditional characters folded to simplified. A column's
header is a path of texts top to bottom ("公开属性（勾选）" › "主动公开"); the leaf decides,
and the parent gives context where a leaf alone is ambiguous (公开方式 alone is a channel
list, 公开方式 › 主动 is a tick column). docs/vocabulary.md renders this table.
"""

from __future__ import annotations

import enum
import functools

import attrs
import regex

from disclosure_parse.normalize.text import fold_traditional, join_lines


class Field(str, enum.Enum):
    """Canonical catalog fields a column can map to."""

    SEQ = "seq"
    CATEGORY = "category"
    CONTENT = "content"
    SUBJECTS = "subjects"
    BASIS = "basis"
    UPDATE_CYCLE = "update_cycle"
    TIME_LIMIT = "time_limit"
    CHANNELS = "channels"
    DISCLOSURE = "disclosure"
    FIVE_PUBLICS = "five_publics"
    AUDIENCE = "audience"
    LEVELS = "levels"
    #: a column kept under its header in `extra` (known, so no warning: 备注, 咨询电话)
    REMARK = "remark"
    EXTRA = "extra"


@attrs.frozen
class ColumnRole:
    """What one column holds: a field, plus the category level or the flag it ticks."""

    field: Field
    #: category depth (1 = top level) for CATEGORY
    level: int | None = None
    #: enum value ("proactive", "decision", "public") or level label ("县级") for tick columns
    flag: str | None = None

    @property
    def name(self) -> str:
        """The name shown in `Catalog.columns[].field`: "category.1", "disclosure.proactive"."""
        if self.field is Field.CATEGORY:
            return f"category.{self.level}"
        if self.flag is not None:
            return f"{self.field.value}.{self.flag}"
        return str(self.field.value)

    @property
    def is_flag(self) -> bool:
        return self.field in (Field.DISCLOSURE, Field.FIVE_PUBLICS, Field.AUDIENCE, Field.LEVELS)


_REMARK_IN_PARENS = regex.compile(r"[（(][^（）()]*[)）]?|[（(]$")
_NOISE = regex.compile(r"[\s“”\"'‘’「」『』：:*＊※]")
_LEVEL_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_CATEGORY_LEVEL = regex.compile(
    r"^([一二三四五六七八])级(?:事项|栏目|目录|分类|类别|类目|标题|指标)?(?:名称)?$"
)


def header_key(text: str) -> str:
    """The matching key of a header: "公开属性\\n（勾选）" → "公开属性", "公開事項" → "公开事项"."""
    key = fold_traditional(join_lines(text))
    key = _REMARK_IN_PARENS.sub("", key)
    return _NOISE.sub("", key)


def _keys(*labels: str) -> frozenset[str]:
    return frozenset(labels)


#: leaf header key → role, whatever the parent header
LEAF_ROLES: dict[frozenset[str], ColumnRole] = {
    _keys("序号", "序", "编号", "序列号", "顺序号", "事项编号", "目录编码"): ColumnRole(Field.SEQ),
    _keys("类别", "领域", "公开领域", "事项类别", "分类"): ColumnRole(Field.CATEGORY, level=0),
    _keys(
        "事项名称",
        "公开事项",
        "公开事项名称",
        "目录名称",
        "栏目名称",
        "信息名称",
        "名称",
        "事项",
        "公开目录",
        "信息类别",
        "栏目",
    ): ColumnRole(Field.CATEGORY, level=1),
    _keys(
        "公开内容",
        "栏目内容",
        "内容",
        "主要内容",
        "信息内容",
        "具体内容",
        "公开的具体内容",
        "公开内容要素",
        "公开要素",
        "内容要素",
        "公开信息内容",
        "子栏目内容",
    ): ColumnRole(Field.CONTENT),
    _keys(
        "公开主体",
        "责任主体",
        "公开责任主体",
        "责任单位",
        "责任科室",
        "责任部门",
        "发布主体",
        "主体",
        "公开责任单位",
        "公开单位",
        "牵头单位",
        "责任处室",
        "责任股室",
        "公开部门",
        "信息公开责任部门",
        "信息生成单位",
        "制作单位",
        "承办科室",
        "承办单位",
        "主办单位",
    ): ColumnRole(Field.SUBJECTS),
    _keys(
        "公开依据", "设立依据", "依据", "法律依据", "政策依据", "公开依据及要求", "法规依据"
    ): ColumnRole(Field.BASIS),
    _keys(
        "更新日期", "更新周期", "更新频率", "更新时间", "更新时限", "更新频次", "更新要求"
    ): ColumnRole(Field.UPDATE_CYCLE),
    _keys(
        "公开时限", "时限", "公开时间", "公开期限", "时限要求", "公开时限要求", "发布时限"
    ): ColumnRole(Field.TIME_LIMIT),
    _keys(
        "公开渠道",
        "公开渠道和载体",
        "公开渠道及载体",
        "公开载体",
        "公开途径",
        "公开形式",
        "渠道",
        "发布渠道",
        "网站公开渠道",
        "公开方式和渠道",
        "公开方式及渠道",
        "公开形式及渠道",
        "公开媒介",
        "公开平台",
        "载体",
    ): ColumnRole(Field.CHANNELS),
    _keys("主动公开", "主动"): ColumnRole(Field.DISCLOSURE, flag="proactive"),
    _keys("依申请公开", "依申请", "申请", "申请公开", "依申请请"): ColumnRole(
        Field.DISCLOSURE, flag="on_request"
    ),
    _keys("决策", "决策公开"): ColumnRole(Field.FIVE_PUBLICS, flag="decision"),
    _keys("执行", "执行公开"): ColumnRole(Field.FIVE_PUBLICS, flag="execution"),
    _keys("管理", "管理公开"): ColumnRole(Field.FIVE_PUBLICS, flag="management"),
    _keys("服务", "服务公开"): ColumnRole(Field.FIVE_PUBLICS, flag="service"),
    _keys("结果", "结果公开"): ColumnRole(Field.FIVE_PUBLICS, flag="result"),
    _keys("全社会", "社会公众", "全体社会"): ColumnRole(Field.AUDIENCE, flag="public"),
    _keys("特定群体", "特定群众", "特定对象", "特定人群"): ColumnRole(
        Field.AUDIENCE, flag="specific_groups"
    ),
    _keys("备注", "说明", "咨询电话", "联系电话", "监督电话"): ColumnRole(Field.REMARK),
}

#: group header keys: a column under one of these takes the group's field
GROUP_FIELDS: dict[str, Field] = {
    "事项名称": Field.CATEGORY,
    "公开事项": Field.CATEGORY,
    "公开目录": Field.CATEGORY,
    "目录分类": Field.CATEGORY,
    "栏目": Field.CATEGORY,
    "公开属性": Field.DISCLOSURE,
    "公开方式": Field.DISCLOSURE,
    "公开类别": Field.DISCLOSURE,
    "公开类型": Field.DISCLOSURE,
    "公开性质": Field.DISCLOSURE,
    "五公开": Field.FIVE_PUBLICS,
    "公开对象": Field.AUDIENCE,
    "公开范围": Field.AUDIENCE,
    "公开层级": Field.LEVELS,
    "公开层次": Field.LEVELS,
}

#: leaf keys that, alone on a column with no parent group, mean a tick column of this group
_LEVEL_LABEL = regex.compile(
    r"^(?:省|市|县|区|乡|镇|村|街道|乡镇|镇街|乡村|县市|市县|村居|社区)+级?$"
)


@functools.lru_cache(maxsize=4096)
def _lookup_leaf(key: str) -> ColumnRole | None:
    for keys, role in LEAF_ROLES.items():
        if key in keys:
            return role
    match = _CATEGORY_LEVEL.match(key)
    if match:
        return ColumnRole(Field.CATEGORY, level=_LEVEL_NUMERALS[match.group(1)])
    # a known label followed by a legend or remark ("公开渠道和载体■表示必选项…")
    best: tuple[int, ColumnRole] | None = None
    for keys, role in LEAF_ROLES.items():
        for label in keys:
            if len(label) >= 4 and key.startswith(label) and (best is None or len(label) > best[0]):
                best = (len(label), role)
    return best[1] if best else None


@attrs.frozen
class HeaderVocabulary:
    """Maps a column's header path to a `ColumnRole`; `extra_labels` extends the table."""

    extra_labels: tuple[tuple[str, ColumnRole], ...] = ()

    def is_known(self, text: str) -> bool:
        """Whether a header cell's text is a label the vocabulary knows (leaf or group)."""
        key = header_key(text)
        return bool(key) and (
            key in GROUP_FIELDS or self._leaf(key) is not None or key.endswith("公开")
        )

    def _leaf(self, key: str) -> ColumnRole | None:
        for label, role in self.extra_labels:
            if header_key(label) == key:
                return role
        return _lookup_leaf(key)

    def flag_for_label(self, field: Field, label: str) -> str | None:
        """The flag a cell label names in a text column of `field` ("全社会" → "public")."""
        if field is Field.LEVELS:
            return label or None
        role = self._leaf(header_key(label))
        return role.flag if role is not None and role.field is field else None

    def role(self, path: tuple[str, ...]) -> ColumnRole:
        """The role of a column whose header texts, top to bottom, are `path`."""
        keys = [k for k in (header_key(t) for t in path) if k]
        if not keys:
            return ColumnRole(Field.EXTRA)
        leaf = keys[-1]
        groups = [GROUP_FIELDS[k] for k in keys[:-1] if k in GROUP_FIELDS]
        group = groups[-1] if groups else None
        role = self._leaf(leaf)
        if group is not None:
            if group is Field.LEVELS:
                return ColumnRole(Field.LEVELS, flag=join_lines(path[-1]))
            if role is not None and role.field is group:
                return role
            if group is Field.CATEGORY and role is None:
                return ColumnRole(Field.CATEGORY, level=1)
        if role is not None:
            return role
        if len(keys) > 1 and group is None:
            # a remark or legend under a known header ("公开渠道和载体" › "■表示必选项")
            parent = self._leaf(keys[-2])
            if parent is not None and not parent.is_flag:
                return parent
        if leaf in GROUP_FIELDS:
            # a group header with no sub-columns: 公开方式 alone lists channels,
            # 公开事项 alone names the item, 公开层级 alone holds level text
            alone = GROUP_FIELDS[leaf]
            if alone is Field.DISCLOSURE:
                return ColumnRole(Field.CHANNELS)
            if alone is Field.CATEGORY:
                return ColumnRole(Field.CATEGORY, level=1)
            # 公开范围 / 公开对象 / 公开层级 alone: a text column naming the ticked labels
            return ColumnRole(alone)
        if _LEVEL_LABEL.match(leaf):
            return ColumnRole(Field.LEVELS, flag=join_lines(path[-1]))
        return ColumnRole(Field.EXTRA)


DEFAULT_VOCABULARY = HeaderVocabulary()
