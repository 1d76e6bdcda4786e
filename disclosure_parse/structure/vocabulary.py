"""The header vocabulary: which printed header texts mean which catalog field.

Catalogs name the same column many ways (公开主体 / 责任单位 / 责任科室; 一级 / 一级事项 /
一级栏目). Matching is on a normalized key (`header_key`): whitespace, quotes and
parenthesized remarks removed, traditional characters folded to simplified. A column's
header is a path of texts top to bottom ("公开属性（勾选）" › "主动公开"); the leaf decides,
and the parent gives context where a leaf alone is ambiguous (公开层级 › 县级 is a tick
column). Labels are listed (`LEAF_ROLES`) or matched by pattern (`LABEL_PATTERNS`); each
naming says how sure the header alone is (`Certainty`), so that the columns stage can let
the table (is there a 公开主体 column?) or the cells (what does 公开方式 hold?) decide.
docs/vocabulary.md renders these tables (`docs/render_vocabulary.py`).
"""

from __future__ import annotations

import enum
import functools

import attrs
import regex

from disclosure_parse.cell_text import fold_traditional, join_lines


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


#: fields that tick flags (a column per flag, or a text column naming them)
FLAG_FIELDS = frozenset({Field.DISCLOSURE, Field.FIVE_PUBLICS, Field.AUDIENCE, Field.LEVELS})


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
        return self.field in FLAG_FIELDS


class Certainty(str, enum.Enum):
    """How sure a column's header alone is about its field."""

    #: the header names the field (公开主体, 公开依据, 一级事项)
    LABEL = "label"
    #: the field only when no LABEL column of the table has it: a responsibility column
    #: (责任科室) is the catalog's subjects without a 公开主体 column, an internal unit beside one
    FALLBACK = "fallback"
    #: the header cannot tell, the column's cells decide (公开方式 alone, 公开形式, "公开", none)
    CELLS = "cells"


@attrs.frozen
class Naming:
    """What the vocabulary makes of one column's header path."""

    role: ColumnRole
    certainty: Certainty = Certainty.LABEL


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
    _keys(
        "类别",
        "领域",
        "公开领域",
        "事项类别",
        "分类",
        "版块",
        "板块",
        "公开类别及事项",
        "类别及事项",
    ): ColumnRole(Field.CATEGORY, level=0),
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
        "内容说明",
        "内容描述",
        "内容要求",
        "内容标准",
        "具体要求",
        "事项内容",
        "公开内容及要求",
        "公开内容和标准",
    ): ColumnRole(Field.CONTENT),
    _keys(
        "公开主体",
        "责任主体",
        "公开责任主体",
        "发布主体",
        "主体",
        "公开单位",
        "公开部门",
    ): ColumnRole(Field.SUBJECTS),
    _keys(
        "公开依据", "设立依据", "依据", "法律依据", "政策依据", "公开依据及要求", "法规依据"
    ): ColumnRole(Field.BASIS),
    _keys(
        "更新日期",
        "更新周期",
        "更新频率",
        "更新时间",
        "更新时限",
        "更新频次",
        "更新要求",
        "更新标准",
    ): ColumnRole(Field.UPDATE_CYCLE),
    _keys(
        "公开时限",
        "时限",
        "公开时间",
        "公开期限",
        "时限要求",
        "公开时限要求",
        "发布时限",
        "提供内容时效标准",
    ): ColumnRole(Field.TIME_LIMIT),
    _keys(
        "公开渠道",
        "公开渠道和载体",
        "公开渠道及载体",
        "公开载体",
        "公开途径",
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
    _keys("全社会", "全社", "社会公众", "全体社会", "社会"): ColumnRole(
        Field.AUDIENCE, flag="public"
    ),
    _keys("特定群体", "特定群众", "特定对象", "特定人群", "特定主体", "一定范围"): ColumnRole(
        Field.AUDIENCE, flag="specific_groups"
    ),
    _keys(
        "备注",
        "说明",
        "咨询电话",
        "联系电话",
        "监督电话",
        "链接",
        "条款内容",
        "依据效力位阶",
    ): ColumnRole(Field.REMARK),
}

#: responsibility columns: the catalog's subjects only when no column names a 公开主体
FALLBACK_LABELS: dict[frozenset[str], ColumnRole] = {
    _keys(
        "责任单位",
        "责任科室",
        "责任部门",
        "责任处室",
        "责任股室",
        "责任科股室",
        "承办科室",
        "承办单位",
        "主办单位",
        "牵头单位",
        "保障部门",
        "公开责任",
        "公开责任单位",
        "公开责任部门",
        "公开责任科室",
        "信息公开责任部门",
        "制作单位",
        "信息生成单位",
        "负责单位",
        "负责部门",
        "责任科室单位",
    ): ColumnRole(Field.SUBJECTS),
}

#: headers that cannot tell a column's field: the cells decide, this is the default
CELLS_LABELS: dict[frozenset[str], ColumnRole] = {
    # 公开方式 alone lists channels (Quzhou), or says how: 主动公开, 全文发布
    _keys("公开方式", "发布方式"): ColumnRole(Field.CHANNELS),
    # forms (全文, 图表, 文字) or, in some catalogs, the channel list
    _keys("公开形式", "发布形式", "公开形式和方式"): ColumnRole(Field.EXTRA),
    # a header truncated by the page ("公开")
    _keys("公开"): ColumnRole(Field.EXTRA),
}

#: header key patterns, tried in order when no listed label matches
LABEL_PATTERNS: tuple[tuple[str, Naming], ...] = (
    (
        r"^(?:公开|事项|信息|栏目|子栏目|具体|主要|公开的具体|公开信息)?内容(?:要素)?"
        r"(?:[及和与])?(?:描述|说明|要求|标准|概述|简介|摘要|清单)?$",
        Naming(ColumnRole(Field.CONTENT)),
    ),
    (r"^更新", Naming(ColumnRole(Field.UPDATE_CYCLE))),
    (r"时限|时效|期限", Naming(ColumnRole(Field.TIME_LIMIT))),
    (r"依据(?:文件|名称|及要求|和要求)?$", Naming(ColumnRole(Field.BASIS))),
    (r"渠道|载体|途径|媒介|平台", Naming(ColumnRole(Field.CHANNELS))),
    (r"主体$|^(?:信息)?公开(?:单位|部门|机构)$", Naming(ColumnRole(Field.SUBJECTS))),
    (
        r"^(?:(?:信息)?公开责任|责任|承办|主办|牵头|保障|负责|制作|生成|实施|信息生成)"
        r"(?:单位|部门|科室|股室|处室|机构|科|股|处)?$",
        Naming(ColumnRole(Field.SUBJECTS), Certainty.FALLBACK),
    ),
    (
        r"^(?:公开)?(?:类别|分类|领域|事项|栏目|目录|类目|版块|板块)"
        r"(?:[及和与]?(?:类别|分类|领域|事项|栏目|目录|类目|名称))*$",
        Naming(ColumnRole(Field.CATEGORY, level=1)),
    ),
)
_COMPILED_PATTERNS = tuple((regex.compile(p), naming) for p, naming in LABEL_PATTERNS)

#: group header keys: a column under one of these takes the group's field
GROUP_FIELDS: dict[str, Field] = {
    "事项名称": Field.CATEGORY,
    "公开事项": Field.CATEGORY,
    "公开目录": Field.CATEGORY,
    "目录分类": Field.CATEGORY,
    "栏目": Field.CATEGORY,
    "公开类别及事项": Field.CATEGORY,
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
    "层级": Field.LEVELS,
}

#: an administrative level ("县级", "乡、村级", "嘎查(社区)级" → key "嘎查级", "州级县级")
_LEVEL_UNIT = r"(?:省|市|州|盟|地|县|区|旗|乡|镇|村|街道|苏木|嘎查|社区|乡镇|镇街|村居|居)"
_LEVEL_LABEL = regex.compile(rf"^(?:{_LEVEL_UNIT}[、/／和及]?)+级?$")
_LEVEL_VALUE = regex.compile(rf"^(?:{_LEVEL_UNIT}[、/／和及]?)+级$")
#: under a category group, an unknown sub-header is a level only if it reads like one
_LEVEL_LIKE = regex.compile(r"级|事项|名称|类|目录|栏目|项目|子项|科目|主题|领域")


def is_ambiguous_label(text: str) -> bool:
    """A whole header known to mean one of a few things, which the cells tell apart
    (公开方式 alone, 公开形式, 公开属性 alone) — not a truncated or unknown header."""
    key = header_key(text)
    if key == "公开":
        return False
    return _lookup(CELLS_LABELS, key) is not None or GROUP_FIELDS.get(key) is Field.DISCLOSURE


def is_level_label(text: str) -> bool:
    """Whether a text names an administrative level ("县级", "乡、村级", "镇街级")."""
    return bool(_LEVEL_VALUE.match(header_key(text)))


#: phrases that name a flag inside a free-text value ("全社会范围主动公开")
_FLAG_PHRASES: tuple[tuple[regex.Pattern[str], Field, str], ...] = (
    (regex.compile(r"依申请|申请公开"), Field.DISCLOSURE, "on_request"),
    (regex.compile(r"(?<!依申请)主动(?:公开)?"), Field.DISCLOSURE, "proactive"),
    (regex.compile(r"全社会|社会公众|全体社会|面向社会|向社会"), Field.AUDIENCE, "public"),
    (
        regex.compile(r"特定(?:群体|群众|对象|人群|主体)|一定范围"),
        Field.AUDIENCE,
        "specific_groups",
    ),
)


def flags_in_text(text: str) -> tuple[tuple[Field, str], ...]:
    """The disclosure and audience flags a free-text value names, in this order.

    "全社会范围主动公开" → ((AUDIENCE, "public"), (DISCLOSURE, "proactive")) sorted by field.
    """
    key = fold_traditional(join_lines(text))
    return tuple((field, flag) for pattern, field, flag in _FLAG_PHRASES if pattern.search(key))


def _lookup(table: dict[frozenset[str], ColumnRole], key: str) -> ColumnRole | None:
    for keys, role in table.items():
        if key in keys:
            return role
    return None


@functools.lru_cache(maxsize=4096)
def _lookup_leaf(key: str) -> Naming | None:
    role = _lookup(LEAF_ROLES, key)
    if role is not None:
        return Naming(role)
    role = _lookup(FALLBACK_LABELS, key)
    if role is not None:
        return Naming(role, Certainty.FALLBACK)
    role = _lookup(CELLS_LABELS, key)
    if role is not None:
        return Naming(role, Certainty.CELLS)
    match = _CATEGORY_LEVEL.match(key)
    if match:
        return Naming(ColumnRole(Field.CATEGORY, level=_LEVEL_NUMERALS[match.group(1)]))
    if key not in GROUP_FIELDS:
        for pattern, naming in _COMPILED_PATTERNS:
            if pattern.search(key):
                return naming
    # a known label followed by a legend or remark ("公开渠道和载体■表示必选项…")
    best: tuple[int, ColumnRole] | None = None
    for keys, found in LEAF_ROLES.items():
        for label in keys:
            if len(label) >= 4 and key.startswith(label) and (best is None or len(label) > best[0]):
                best = (len(label), found)
    return Naming(best[1]) if best else None


_UNKNOWN = Naming(ColumnRole(Field.EXTRA), Certainty.CELLS)


@attrs.frozen
class HeaderVocabulary:
    """Maps a column's header path to a `ColumnRole`; `extra_labels` extends the table."""

    extra_labels: tuple[tuple[str, ColumnRole], ...] = ()

    def is_known(self, text: str) -> bool:
        """Whether a header cell's text is a label the vocabulary knows (leaf or group)."""
        key = header_key(text)
        return bool(key) and (
            key in GROUP_FIELDS
            or self._leaf(key) is not None
            or key.endswith("公开")
            or bool(_LEVEL_VALUE.match(key))
        )

    def names_sub_column(self, text: str, group: Field | None = None) -> bool:
        """Whether a header text names a sub-column by itself: a tick column (主动, 全社会,
        县级) or a category level (一级事项, 二级栏目). Under a `group`, a category level
        only under a category group and a flag label only under a flag group."""
        key = header_key(text)
        naming = self._leaf(key)
        found: Field | None = None
        if naming is not None and naming.role.is_flag and naming.role.flag is not None:
            found = naming.role.field
        elif _LEVEL_VALUE.match(key):
            found = Field.LEVELS
        elif _CATEGORY_LEVEL.match(key):
            found = Field.CATEGORY
        if found is None:
            return False
        # under a category group only a level of it; flag groups are often printed wrong
        # or repeated (公开方式 over 县级), so any flag label stands under any flag group
        if group is None:
            return True
        return (found is Field.CATEGORY) == (group is Field.CATEGORY)

    def _leaf(self, key: str) -> Naming | None:
        for label, role in self.extra_labels:
            if header_key(label) == key:
                return Naming(role)
        return _lookup_leaf(key)

    def flag_for_label(self, field: Field, label: str) -> str | None:
        """The flag a cell label names in a text column of `field` ("全社会" → "public")."""
        if field is Field.LEVELS:
            return label or None
        naming = self._leaf(header_key(label))
        role = naming.role if naming is not None else None
        return role.flag if role is not None and role.field is field else None

    def role(self, path: tuple[str, ...]) -> ColumnRole:
        """The role of a column whose header texts, top to bottom, are `path`."""
        return self.name(path).role

    def name(self, path: tuple[str, ...]) -> Naming:
        """The role of a column whose header texts are `path`, and how sure the header is."""
        keys = [k for k in (header_key(t) for t in path) if k]
        if not keys:
            return _UNKNOWN
        leaf = keys[-1]
        groups = [GROUP_FIELDS[k] for k in keys[:-1] if k in GROUP_FIELDS]
        group = groups[-1] if groups else None
        naming = self._leaf(leaf)
        role = naming.role if naming is not None else None
        if role is not None and role.is_flag and role.flag is not None:
            # a sub-header naming its flag is right whatever the group above says
            return Naming(role)
        if group is not None and _LEVEL_LABEL.match(leaf) and group is not Field.CATEGORY:
            # a level sub-header (县级 / 乡、村级) under a wrong or repeated group (公开方式)
            return Naming(ColumnRole(Field.LEVELS, flag=join_lines(path[-1])))
        if group is not None:
            if group is Field.LEVELS:
                return Naming(ColumnRole(Field.LEVELS, flag=join_lines(path[-1])))
            if role is not None and role.field is group:
                return Naming(role)
            if group is Field.CATEGORY and role is None:
                if _LEVEL_LIKE.search(leaf):
                    return Naming(ColumnRole(Field.CATEGORY, level=1))
                return _UNKNOWN  # a free-text column beside the levels (具体职责)
        if naming is not None:
            return naming
        if len(keys) > 1 and group is None:
            # a remark or legend under a known header ("公开渠道和载体" › "■表示必选项")
            parent = self._leaf(keys[-2])
            if parent is not None and not parent.role.is_flag:
                return parent
        if leaf in GROUP_FIELDS:
            # a group header with no sub-columns, read alone
            alone = GROUP_FIELDS[leaf]
            if alone is Field.DISCLOSURE:
                # 公开属性 / 公开类型 alone: a text column naming 主动公开 / 依申请公开
                return Naming(ColumnRole(Field.DISCLOSURE), Certainty.CELLS)
            if alone is Field.CATEGORY:
                return Naming(ColumnRole(Field.CATEGORY, level=1))
            # 公开范围 / 公开对象 / 公开层级 alone: a text column naming the ticked labels
            return Naming(ColumnRole(alone))
        if _LEVEL_LABEL.match(leaf):
            return Naming(ColumnRole(Field.LEVELS, flag=join_lines(path[-1])))
        return _UNKNOWN


DEFAULT_VOCABULARY = HeaderVocabulary()
